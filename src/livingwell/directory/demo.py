"""Demo listings for the fictional borough of Kingsmere, loaded from an Open Referral UK file through the
importer, as any other publisher's listings would be. Loading them again updates them in place.

``data/kingsmere_listings.json`` holds the 62 listings as ORUK services, with this project's extension
for what the standard has no field for (a listing's kind, an opportunity's type, a place's
neighbourhood; decision 0021). Its dates are as of its ``dates_as_of``; they are moved on to today as
they are loaded, so each listing keeps its age and some are always due to be checked.
"""

import datetime
import json
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from livingwell.accounts.demo import USERS
from livingwell.accounts.models import User
from livingwell.core.demo import core_demo_load
from livingwell.directory.importer import import_services
from livingwell.directory.models import Organization
from livingwell.directory.postcodes import postcodes_load_file
from livingwell.directory.taxonomy import default_taxonomy_ensure

DATA = Path(__file__).parent / "data"
LISTINGS = DATA / "kingsmere_listings.json"


def _moved_on(services: list[dict[str, Any]], as_of: datetime.date) -> list[dict[str, Any]]:
    """The services with each assured date moved on by the days since ``as_of``."""
    days = timezone.localdate() - as_of
    return [
        {**service, "assured_date": (datetime.date.fromisoformat(service["assured_date"]) + days).isoformat()}
        if service.get("assured_date")
        else service
        for service in services
    ]


def _adopting_organisations(services: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The services with each organisation already here under its name (as an earlier demo made it) kept."""
    known = {name: str(pk) for name, pk in Organization.objects.values_list("name", "id")}
    adopted = []
    for service in services:
        organisation = service["organization"]
        adopted.append(
            {**service, "organization": {**organisation, "id": known.get(organisation["name"], organisation["id"])}}
        )
    return adopted


@transaction.atomic
def directory_demo_load() -> int:
    """Load Kingsmere's postcodes, organisations, places and listings. Returns the number of listings."""
    core_demo_load()
    default_taxonomy_ensure()
    postcodes_load_file(DATA / "kingsmere_postcodes.csv")
    document = json.loads(LISTINGS.read_text(encoding="utf-8"))
    services = _adopting_organisations(
        _moved_on(document["contents"], datetime.date.fromisoformat(document["dates_as_of"]))
    )
    report = import_services((f"{LISTINGS.name} {service['name']}", service) for service in services)
    if report.problems:
        raise ValueError(f"The demo listings did not load: {report.problems}")
    return report.imported


def directory_demo() -> list[str]:
    """The demo listings, and the demo staff linked to the organisations they work for."""
    listings = directory_demo_load()
    organisations = {organisation.name: organisation for organisation in Organization.objects.all()}
    for username, _role, _first_name, names in USERS:
        User.objects.get(username=username).organisations.set([organisations[name] for name in names])
    return [f"Loaded {listings} directory listings and the Kingsmere postcode table."]
