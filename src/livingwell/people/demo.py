"""Demo person records, Sam's linked to the demo account "person"."""

from livingwell.accounts.models import User
from livingwell.people.models import ContactMethod, Person

PEOPLE = [
    ("Sam", [ContactMethod.TEXT, ContactMethod.EMAIL], "No voicemail, please."),
    ("Jo", [ContactMethod.EMAIL], ""),
    ("Olu", [ContactMethod.PHONE, ContactMethod.TEXT], "Best after 2pm."),
    ("Marta", [ContactMethod.LETTER], ""),
    ("Kit", [ContactMethod.TEXT], ""),
]


def people_demo_load() -> list[str]:
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
    return []
