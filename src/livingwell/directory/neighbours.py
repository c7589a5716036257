"""Listings from neighbouring directories: another publisher's Open Referral UK feed, read every hour and shown
here marked with where each listing comes from, never edited here (decision 0063).

A fetch asks the feed for the services changed since the newest change it has shown us (``modified_after``),
reads each of those in full and imports it as any ORUK record is imported (``importer.import_services``). Then
it reads every service's id (``minimal``, or the ordinary list where the feed has no ``minimal``): a listing
gone from the feed is taken down here, one back is put up again, and one we have never had is read in full.

Everything a neighbour sends is given ids of its own here (``local_id``), so no feed can change a listing,
place or organisation of ours or of another neighbour, whatever ids it sends. Two things are shared instead:
a category we have (the default categories have the same ids everywhere, so a Living Well neighbour's listings
fall into ours), which the listing is linked to and never changed; and an organisation of the same name, such
as a national charity, which is linked to and never changed.
"""

import datetime
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from livingwell.directory.importer import ImportProblem, ImportReport, import_services
from livingwell.directory.importer.common import Fetch, Record
from livingwell.directory.importer.formats import fetch_json
from livingwell.directory.importer.records import LIVING_WELL
from livingwell.directory.models import Neighbour, Organization, Service, TaxonomyTerm

NAMESPACE = uuid.UUID("9a4e2f71-0c3b-4d58-8e6a-b2c7d1f05e36")
PER_PAGE = 200  # as many as an ORUK feed gives on a page, by the UK profile's examples
MINIMAL_PER_PAGE = 10_000
MAX_PAGES = 5_000  # a feed that never says its last page is left there
CHUNK = 500  # ids a query names at once, within every database's limit
CLOCKS_APART = datetime.timedelta(days=1)  # how far ahead of ours a neighbour's clock may be believed


class _Unreadable(Exception):
    """A page of the feed could not be read: nothing is taken down and the next fetch asks from the same time."""


@dataclass
class FetchReport(ImportReport):
    """An import's counts, and what a fetch also does: listings gone from the feed taken down, back put up."""

    withdrawn: int = 0
    restored: int = 0
    complete: bool = True

    def __str__(self) -> str:
        said = (
            f"{self.created} new, {self.updated} changed, {self.unchanged} unchanged, {self.withdrawn} taken down, "
            f"{self.restored} put back up."
        )
        if not self.complete:
            said += " The feed could not be read to the end, so nothing was taken down; the next fetch tries again."
        for problem in self.problems[:20]:
            said += f"\nNot shown: {problem.record}: {problem.reason}"
        if len(self.problems) > 20:
            said += f"\n…and {len(self.problems) - 20} more."
        return said


def local_id(neighbour: Neighbour, upstream_id: object) -> uuid.UUID:
    """The id here of the record ``neighbour`` calls ``upstream_id``."""
    return uuid.uuid5(NAMESPACE, f"{neighbour.pk}:{upstream_id}")


class _Localiser:
    """Turns a neighbour's record into one with ids of its own here, linking to our categories and to an
    organisation of the same name rather than changing them."""

    def __init__(self, neighbour: Neighbour) -> None:
        self.neighbour = neighbour
        self.known_terms = {str(pk) for pk in TaxonomyTerm.objects.values_list("pk", flat=True)}
        self.linked: set[str] = set()  # organisations of the same name, linked to

    def service(self, record: Record) -> Record:
        localised = self._ids(record)
        if isinstance(record.get("organization"), dict):
            same_name = Organization.objects.filter(name=record["organization"].get("name", "")).only("pk").first()
            if same_name is not None and str(same_name.pk) != localised["organization"].get("id"):
                del localised["organization"]  # linked to by its id alone, so never changed
                localised["organization_id"] = str(same_name.pk)
                self.linked.add(str(same_name.pk))
            else:
                localised["organization_id"] = localised["organization"].get("id")
        return localised

    def _ids(self, node: Any) -> Any:
        if isinstance(node, list):
            return [self._ids(item) for item in node]
        if not isinstance(node, dict):
            return node
        localised: Record = {}
        for key, value in node.items():
            if key == LIVING_WELL and isinstance(value, dict):
                # Our own extension, less what is theirs alone: their neighbourhoods are not ours.
                localised[key] = {name: each for name, each in value.items() if name != "neighbourhood"}
            elif key == "taxonomy_term" and isinstance(value, dict) and str(value.get("id")) in self.known_terms:
                localised["taxonomy_term_id"] = str(value["id"])  # one of our categories: linked, not changed
            elif key == "taxonomy_term_id" and str(value) in self.known_terms:
                localised[key] = str(value)
            elif (key == "id" or key.endswith("_id")) and isinstance(value, str | int) and value != "":
                localised[key] = str(local_id(self.neighbour, value))
            else:
                localised[key] = self._ids(value)
        return localised


def _pages(fetch: Fetch, base: str, query: dict[str, Any]) -> Iterator[list[Record]]:
    """Each page's contents of a list, to its last page; ``_Unreadable`` when a page cannot be read."""
    for page in range(1, MAX_PAGES + 1):
        url = f"{base}?{urlencode({**query, 'page': page})}"
        try:
            listing = fetch(url)
        except (OSError, ValueError) as error:
            raise _Unreadable(f"{url} could not be read: {error}") from error
        if not isinstance(listing, dict) or not isinstance(listing.get("contents", []), list):
            raise _Unreadable(f"{url} is not a page of an Open Referral UK list")
        contents = [item for item in listing.get("contents", []) if isinstance(item, dict) and "id" in item]
        yield contents
        last = listing.get("last_page")
        if last is True or not contents or (last is None and page >= int(listing.get("total_pages") or page)):
            return


def _newest(current: datetime.datetime | None, value: object) -> datetime.datetime | None:
    """The later of ``current`` and the time ``value`` says. A time more than a day ahead of ours is a wrong
    clock or a wrong date, not a change: asking from it would miss every real change until then."""
    try:
        seen = parse_datetime(str(value)) if value else None
    except ValueError:
        seen = None
    if seen is None:
        return current
    if timezone.is_naive(seen):
        seen = timezone.make_aware(seen, datetime.UTC)
    if seen > timezone.now() + CLOCKS_APART:
        return current
    return seen if current is None or seen > current else current


class _Fetch:
    def __init__(self, neighbour: Neighbour, fetch: Fetch) -> None:
        self.neighbour = neighbour
        self.fetch = fetch
        self.base = neighbour.feed_url.rstrip("/")
        self.localiser = _Localiser(neighbour)
        self.report = FetchReport()
        self.newest = neighbour.changes_since
        self.read: set[str] = set()  # the ids asked for in full in this fetch, so none is asked for twice

    def import_ids(self, upstream_ids: list[str]) -> None:
        """Read each service in full and import it, as this neighbour's."""
        records = []
        self.read.update(upstream_ids)
        for upstream_id in upstream_ids:
            url = f"{self.base}/services/{quote(upstream_id, safe='')}"  # an id is never a path
            try:
                record = self.fetch(url)
            except (OSError, ValueError) as error:
                self.report.problems.append(ImportProblem(url, f"could not be read: {error}"))
                self.report.complete = False
                continue
            if not isinstance(record, dict):
                self.report.problems.append(ImportProblem(url, "not an Open Referral UK service"))
                continue
            self.newest = _newest(self.newest, record.get("last_modified"))
            records.append((url, self.localiser.service(record)))
        with transaction.atomic():
            self.report.add(import_services(records))
            # Theirs: every id was made from the neighbour's, so none of these can be ours or another's.
            ids = [record["id"] for _url, record in records]
            Service.objects.filter(pk__in=ids, source__isnull=True).update(source=self.neighbour)
            organisations = {str(record["organization_id"]) for _url, record in records if "organization_id" in record}
            own = organisations - self.localiser.linked
            Organization.objects.filter(pk__in=own, source__isnull=True).update(source=self.neighbour)

    def changes(self) -> None:
        query: dict[str, Any] = {"per_page": PER_PAGE}
        if self.neighbour.changes_since is not None:
            query["modified_after"] = self.neighbour.changes_since.isoformat()
        for contents in _pages(self.fetch, f"{self.base}/services", query):
            for item in contents:
                self.newest = _newest(self.newest, item.get("last_modified"))
            self.import_ids([str(item["id"]) for item in contents])

    def everything_else(self) -> None:
        """Take down what is gone from the feed, put back what is back, and read what we have never had."""
        upstream: dict[uuid.UUID, str] = {}
        for contents in _pages(self.fetch, f"{self.base}/services", {"minimal": "true", "per_page": MINIMAL_PER_PAGE}):
            upstream.update({local_id(self.neighbour, item["id"]): str(item["id"]) for item in contents})
        here = dict(Service.objects.filter(source=self.neighbour).values_list("pk", "is_published"))
        never_had = [id_ for pk, id_ in upstream.items() if pk not in here and id_ not in self.read]
        if never_had:
            self.import_ids(never_had)
        if not self.report.complete:
            return
        self.report.withdrawn = _publish([pk for pk, shown in here.items() if shown and pk not in upstream], False)
        self.report.restored = _publish([pk for pk, shown in here.items() if not shown and pk in upstream], True)


def _publish(ids: list[uuid.UUID], shown: bool) -> int:
    for start in range(0, len(ids), CHUNK):
        Service.objects.filter(pk__in=ids[start : start + CHUNK]).update(is_published=shown)
    return len(ids)


def neighbour_fetch(neighbour: Neighbour, *, fetch: Fetch = fetch_json) -> FetchReport:
    """Bring this place's copy of ``neighbour``'s listings up to date, and say what changed on it."""
    if not neighbour.is_active:
        report = FetchReport()
        shown = list(Service.objects.filter(source=neighbour, is_published=True).values_list("pk", flat=True))
        report.withdrawn = _publish(shown, False)
    else:
        run = _Fetch(neighbour, fetch)
        try:
            run.changes()
            run.everything_else()
        except _Unreadable as error:
            run.report.problems.append(ImportProblem(neighbour.feed_url, str(error)))
            run.report.complete = False
        report = run.report
        if report.complete:
            neighbour.changes_since = run.newest
    neighbour.fetched_at = timezone.now()
    neighbour.fetch_result = str(report)
    neighbour.save(update_fields=["changes_since", "fetched_at", "fetch_result"])
    return report
