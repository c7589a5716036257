"""Load demo data for a fictional place. Safe to run again: it updates what is there.

Prints the demo sign-ins, with fresh backup codes for every staff account.
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from livingwell.accounts.models import Role, User
from livingwell.accounts.services import backup_codes_replace
from livingwell.collaborative.demo import collaborative_demo_load
from livingwell.core.models import Neighbourhood
from livingwell.directory.demo import directory_demo_load
from livingwell.directory.models import Organization
from livingwell.frontdoor.demo import frontdoor_demo_load
from livingwell.people.models import ContactMethod, Person
from livingwell.support.demo import support_demo_load

DEMO_PASSWORD = "living-well-demo"  # noqa: S105 - a published demo password, never used in production
BACKUP_CODES_SHOWN = 3

NEIGHBOURHOODS = ["Ashby Vale", "Brook Green", "Canal Side", "Daleford", "Eastfield", "Millbrook"]
USERS = [
    ("person", Role.PERSON, "Sam", []),
    ("peer", Role.PEER_SUPPORTER, "Priya", ["Kingsmere Mind"]),
    ("guide", Role.PERSONAL_GUIDE, "Gabriel", ["Kingsmere Living Well Hub"]),
    ("duty", Role.DUTY_WORKER, "Dana", ["Kingsmere Living Well Hub"]),
    ("hubmanager", Role.HUB_MANAGER, "Hana", ["Kingsmere Living Well Hub"]),
    ("provider", Role.PROVIDER_EDITOR, "Pat", ["Canal Side Community Kitchen"]),
    ("secretary", Role.SECRETARY, "Sol", []),
    ("analyst", Role.ANALYST, "Ana", []),
    ("admin", Role.ADMINISTRATOR, "Ade", []),
]
PEOPLE = [
    ("Sam", [ContactMethod.TEXT, ContactMethod.EMAIL], "No voicemail, please."),
    ("Jo", [ContactMethod.EMAIL], ""),
    ("Olu", [ContactMethod.PHONE, ContactMethod.TEXT], "Best after 2pm."),
    ("Marta", [ContactMethod.LETTER], ""),
    ("Kit", [ContactMethod.TEXT], ""),
]


class Command(BaseCommand):
    help = "Load demo data for the fictional borough of Kingsmere, and print the demo sign-ins."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        for name in NEIGHBOURHOODS:
            Neighbourhood.objects.update_or_create(slug=name.lower().replace(" ", "-"), defaults={"name": name})
        listings = directory_demo_load()
        organisations = {organisation.name: organisation for organisation in Organization.objects.all()}
        lines = []
        for username, role, first_name, organisation_names in USERS:
            user, _created = User.objects.update_or_create(
                username=username,
                defaults={
                    "role": role,
                    "first_name": first_name,
                    "email": f"{username}@livingwell.example",
                    "is_staff": role == Role.ADMINISTRATOR,
                    "is_superuser": role == Role.ADMINISTRATOR,
                    "is_active": True,
                },
            )
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            user.organisations.set([organisations[name] for name in organisation_names])
            codes = ""
            if user.is_staff_role:
                codes = " ".join(backup_codes_replace(user=user)[:BACKUP_CODES_SHOWN])
            lines.append(f"  {username:<12} {role.label:<30} {codes}")
        sam = User.objects.get(username="person")
        for preferred_name, methods, notes in PEOPLE:
            Person.objects.update_or_create(
                preferred_name=preferred_name,
                defaults={
                    "user": sam if preferred_name == "Sam" else None,
                    "email": f"{preferred_name.lower()}@example.org",
                    "phone": "07700 900000",
                    "contact_methods": methods,
                    "contact_notes": notes,
                    "consents_to_contact": True,
                },
            )
        episodes = support_demo_load()
        introductions = frontdoor_demo_load()
        bodies = collaborative_demo_load()
        self.stdout.write(f"Loaded {listings} directory listings and the Kingsmere postcode table.")
        self.stdout.write(
            f"Loaded {introductions} introductions, the personal guides, and {episodes} people for Gabriel."
        )
        self.stdout.write(f"Loaded {bodies} co-production bodies: sign in as secretary to run them.")
        self.stdout.write("Demo sign-ins (password for all: " + DEMO_PASSWORD + ")")
        self.stdout.write(f"  {'username':<12} {'role':<30} backup codes (each works once)")
        self.stdout.write("\n".join(lines))
