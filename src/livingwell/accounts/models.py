"""Users, their roles, and the organisations they act for."""

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The roles in DESIGN.md section 3. A visitor has no account, so no role."""

    PERSON = "person", _("Person using the network")
    PEER_SUPPORTER = "peer_supporter", _("Peer supporter or volunteer")
    PERSONAL_GUIDE = "personal_guide", _("Personal guide")
    DUTY_WORKER = "duty_worker", _("Duty worker")
    HUB_MANAGER = "hub_manager", _("Hub manager")
    PROVIDER_EDITOR = "provider_editor", _("Provider editor")
    SECRETARY = "secretary", _("Secretary or chair")
    ANALYST = "analyst", _("Analyst or commissioner")
    ADMINISTRATOR = "administrator", _("Administrator")


# Everyone but a person using the network works with other people's data, so signs in with a second
# factor. See docs/decisions/0004-who-is-staff.md.
STAFF_ROLES = frozenset(Role) - {Role.PERSON}

# The role sets the apps share, each declared once (DESIGN.md §3).
# Who works the duty queue: reads every new introduction and every safety flag.
DUTY_ROLES = (Role.DUTY_WORKER, Role.HUB_MANAGER, Role.ADMINISTRATOR)
# Who manages the Hub: every person record, episode and waiting figure.
HUB_MANAGER_ROLES = (Role.HUB_MANAGER, Role.ADMINISTRATOR)
# Who reads the figures: aggregates only, small numbers suppressed.
FIGURES_ROLES = (Role.HUB_MANAGER, Role.ADMINISTRATOR, Role.ANALYST)
# Who runs co-production bodies' pages (their membership of the body decides which bodies).
BODY_RUNNING_ROLES = (Role.SECRETARY, Role.ADMINISTRATOR)
# Who moderates stories of experience: the co-production coordinator (a secretary) and administrators.
STORY_ROLES = (Role.SECRETARY, Role.ADMINISTRATOR)


class LivingWellUserManager(UserManager["User"]):
    def create_superuser(
        self, username: str, email: str | None = None, password: str | None = None, **extra_fields: Any
    ) -> "User":
        """``manage.py createsuperuser`` makes the first administrator: the admin is for that role alone."""
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.PERSON)
    organisations = models.ManyToManyField(
        "directory.Organization",
        verbose_name=_("organisations this user acts for"),
        blank=True,
        related_name="users",
    )

    objects: ClassVar[LivingWellUserManager] = LivingWellUserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.username

    @property
    def is_staff_role(self) -> bool:
        """True when this user works with other people's data and needs a second factor."""
        return self.role in STAFF_ROLES or self.is_superuser
