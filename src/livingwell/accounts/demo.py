"""Demo sign-ins: one account for each role, all with the same published password."""

from livingwell.accounts.models import Role, User
from livingwell.accounts.services import backup_codes_replace

DEMO_PASSWORD = "living-well-demo"  # noqa: S105 - a published demo password, never used in production
BACKUP_CODES_SHOWN = 3

# username, role, first name, the demo organisations they work for (linked by the directory's demo)
USERS = [
    ("person", Role.PERSON, "Sam", []),
    ("peer", Role.PEER_SUPPORTER, "Priya", ["Kingsmere Mind"]),
    ("guide", Role.PERSONAL_GUIDE, "Gabriel", ["Kingsmere Living Well Hub"]),
    ("duty", Role.DUTY_WORKER, "Dana", ["Kingsmere Living Well Hub"]),
    ("hubmanager", Role.HUB_MANAGER, "Hana", ["Kingsmere Living Well Hub"]),
    ("provider", Role.PROVIDER_EDITOR, "Pat", ["Canal Side Community Kitchen", "Kingsmere Time Bank"]),
    ("secretary", Role.SECRETARY, "Sol", []),
    ("analyst", Role.ANALYST, "Ana", []),
    ("admin", Role.ADMINISTRATOR, "Ade", []),
]


def accounts_demo_load() -> list[str]:
    """The demo accounts, with fresh backup codes for staff; the lines that show them."""
    lines = [
        "Demo sign-ins (password for all: " + DEMO_PASSWORD + ")",
        f"  {'username':<12} {'role':<30} backup codes (each works once)",
    ]
    for username, role, first_name, _organisations in USERS:
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
        codes = ""
        if user.is_staff_role:
            codes = " ".join(backup_codes_replace(user=user)[:BACKUP_CODES_SHOWN])
        lines.append(f"  {username:<12} {role.label:<30} {codes}")
    return lines
