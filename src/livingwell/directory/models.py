"""The directory of the network: organisations, services, opportunities, community assets, where they
are, when they are open and what they cost.

Names and fields follow Open Referral UK (HSDS 3.0), so the records map one-to-one onto the API. Our
extensions are the ``kind`` of a service (opportunities and community assets are services of their own
kind) and the opportunity fields. See docs/decisions/0007-directory-model.md.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from livingwell.core.languages import as_shipped


def _id() -> models.UUIDField:
    return models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)


class Taxonomy(models.Model):
    id = _id()
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"))
    uri = models.URLField(_("address of the taxonomy"), blank=True)
    version = models.CharField(_("version"), max_length=50, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):
    id = _id()
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="terms")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    code = models.SlugField(_("code"), max_length=100, help_text=_("A short code, used in web addresses."))
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"))
    term_uri = models.URLField(_("address of the term"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["taxonomy", "code"], name="unique_term_code_per_taxonomy")]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name

    @property
    def for_people(self) -> bool:
        """Shown to people: every category but the terms of the published lists, which are for machines
        (decision 0065)."""
        from livingwell.directory.taxonomy import STANDARD_TAXONOMY_IDS

        return self.taxonomy_id not in STANDARD_TAXONOMY_IDS

    @property
    def label(self) -> str:
        """Its name in the reader's language: the default categories are translated, others are as named."""
        from livingwell.directory.taxonomy import DEFAULT_NAMES

        return as_shipped(self.name, DEFAULT_NAMES)


class Neighbour(models.Model):
    """Another publisher's Open Referral UK feed, whose listings are shown here marked with where they come from
    and are never edited here (decision 0063). Fetched every hour: the changes since the last time, through
    ``modified_after``, and the ids of all, so that a listing gone from the feed is taken down here too."""

    id = _id()
    name = models.CharField(
        _("name"), max_length=255, help_text=_("Shown with each of its listings, such as “Northgate Living Well”.")
    )
    feed_url = models.URLField(
        _("address of its Open Referral UK API"),
        unique=True,
        help_text=_("The address the API's paths start from, such as https://northgate.example/api/oruk"),
    )
    website = models.URLField(_("its website"), blank=True, help_text=_("Where people can tell it something is wrong."))
    is_active = models.BooleanField(
        _("show its listings"), default=True, help_text=_("Untick to take all its listings down at the next fetch.")
    )
    # The newest ``last_modified`` its feed has shown us, by its clock: the next fetch asks for changes since.
    changes_since = models.DateTimeField(_("changes fetched up to"), null=True, blank=True)
    fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    fetch_result = models.TextField(_("what the last fetch found"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("neighbouring directory")
        verbose_name_plural = _("neighbouring directories")

    def __str__(self) -> str:
        return self.name


class Organization(models.Model):
    class Kind(models.TextChoices):
        """What kind of organisation it is, as the figures group onward introductions (decision 0025). Open
        Referral UK has no field for it: imported through this project's extension (decision 0021)."""

        CHARITY = "charity", _("Charity or voluntary organisation")
        COMMUNITY = "community", _("Community or peer-led group")
        SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")
        FAITH = "faith", _("Faith group")
        NHS = "nhs", _("NHS")
        COUNCIL = "council", _("Council")
        BUSINESS = "business", _("Business")

    id = _id()
    name = models.CharField(_("name"), max_length=255, unique=True)
    kind = models.CharField(_("kind of organisation"), max_length=20, choices=Kind.choices, blank=True)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("email address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    uri = models.URLField(_("identifier address"), blank=True)
    last_modified = models.DateTimeField(_("last changed"), auto_now=True)
    # Set when it came from a neighbour's feed: kept there, never edited here.
    source = models.ForeignKey(
        Neighbour, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("comes from")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class ServiceQuerySet(models.QuerySet["Service"]):
    def published(self) -> "ServiceQuerySet":
        """What the public sees: published and not defunct, neighbours' listings included."""
        return self.filter(is_published=True).exclude(status=Service.Status.DEFUNCT)

    def published_by_us(self) -> "ServiceQuerySet":
        """What this place publishes as its own, in its Open Referral UK feed: not its neighbours' listings."""
        return self.published().filter(source__isnull=True)


class Service(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Running")
        INACTIVE = "inactive", _("Not running at the moment")
        DEFUNCT = "defunct", _("Closed for good")
        TEMPORARILY_CLOSED = "temporarily closed", _("Closed for now")

    class Kind(models.TextChoices):
        SERVICE = "service", _("Service, group or activity")
        OPPORTUNITY = "opportunity", _("Opportunity")
        COMMUNITY_ASSET = "community_asset", _("Community place")

    class OpportunityType(models.TextChoices):
        VOLUNTEERING = "volunteering", _("Volunteering")
        PAID_JOB = "paid_job", _("Paid job")
        PEER_ROLE = "peer_role", _("Peer role")
        TRAINING = "training", _("Training or learning")
        EVENT = "event", _("Event")
        TIME_BANK = "time_bank", _("Time bank offer or request")

    id = _id()
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="services")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SERVICE)
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"))
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email address"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    fees_description = models.TextField(_("what it costs"), blank=True)
    accreditations = models.TextField(_("accreditations"), blank=True)
    # No eligibility is the default: "Anyone can use this".
    eligibility_description = models.TextField(_("who can use it"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("youngest age"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True)
    alert = models.TextField(_("alert"), blank=True)
    assured_date = models.DateField(_("last checked"), null=True, blank=True)
    assurer_email = models.EmailField(_("checked by"), blank=True)
    opportunity_type = models.CharField(
        _("type of opportunity"), max_length=20, choices=OpportunityType.choices, blank=True
    )
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    apply_by = models.DateField(_("apply by"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    last_modified = models.DateTimeField(_("last changed"), auto_now=True, db_index=True)
    terms = models.ManyToManyField(TaxonomyTerm, through="Attribute", related_name="services", blank=True)
    # Set when it came from a neighbour's feed: shown marked with it, kept there, never edited here.
    source = models.ForeignKey(
        Neighbour,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="services",
        verbose_name=_("comes from"),
    )

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        # Published listings in name order, from the index alone (deep API pages, counts, name-ordered search).
        indexes = [models.Index(fields=["is_published", "name", "id", "status"], name="service_public_order")]
        constraints = [
            models.CheckConstraint(
                condition=Q(minimum_age__isnull=True)
                | Q(maximum_age__isnull=True)
                | Q(minimum_age__lte=models.F("maximum_age")),
                name="service_ages_in_order",
            ),
            models.CheckConstraint(
                condition=Q(kind="opportunity") | Q(opportunity_type=""),
                name="service_opportunity_type_only_on_opportunities",
            ),
        ]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return self.name

    def categories(self) -> list[TaxonomyTerm]:
        """Its categories as people see them (from ``attributes`` prefetched with their terms)."""
        return [attribute.taxonomy_term for attribute in self.attributes.all() if attribute.taxonomy_term.for_people]


class Attribute(models.Model):
    """Links a service to a taxonomy term (HSDS 'attribute')."""

    id = _id()
    # Found through unique_service_term below, which starts with the service.
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="attributes", db_index=False)
    # Indexed below together with the service, so a category's listings come from the index alone.
    taxonomy_term = models.ForeignKey(TaxonomyTerm, on_delete=models.PROTECT, related_name="attributes", db_index=False)
    link_type = models.CharField(max_length=50, blank=True)

    class Meta:
        indexes = [models.Index(fields=["taxonomy_term", "service"], name="term_services")]
        constraints = [
            models.UniqueConstraint(fields=["service", "taxonomy_term"], name="unique_service_term"),
        ]

    def __str__(self) -> str:
        return f"{self.service_id} {self.taxonomy_term_id}"


class Location(models.Model):
    class LocationType(models.TextChoices):
        PHYSICAL = "physical", _("A place you can visit")
        POSTAL = "postal", _("A postal address")
        VIRTUAL = "virtual", _("Online or by phone")

    id = _id()
    location_type = models.CharField(
        _("type"), max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = models.CharField(_("name"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    transportation = models.TextField(_("how to get there"), blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    external_identifier = models.CharField(_("external identifier"), max_length=100, blank=True)
    external_identifier_type = models.CharField(_("external identifier type"), max_length=50, blank=True)
    neighbourhood = models.ForeignKey(
        "core.Neighbourhood", null=True, blank=True, on_delete=models.SET_NULL, related_name="locations"
    )

    class Meta:
        ordering = ["name", "id"]
        # Places in a box, with their ids, from the index alone.
        indexes = [models.Index(fields=["latitude", "longitude", "id"], name="location_in_box")]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return self.name or str(self.id)


class Address(models.Model):
    id = _id()
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="addresses")
    attention = models.CharField(_("for the attention of"), max_length=255, blank=True)
    address_1 = models.CharField(_("address line 1"), max_length=255)
    address_2 = models.CharField(_("address line 2"), max_length=255, blank=True)
    city = models.CharField(_("town or city"), max_length=100)
    region = models.CharField(_("region"), max_length=100, blank=True)
    state_province = models.CharField(_("county"), max_length=100)
    postal_code = models.CharField(_("postcode"), max_length=10)
    country = models.CharField(_("country"), max_length=2, default="GB")
    address_type = models.CharField(
        _("type"), max_length=10, choices=Location.LocationType.choices, default=Location.LocationType.PHYSICAL
    )

    class Meta:
        verbose_name = _("address")
        verbose_name_plural = _("addresses")

    def __str__(self) -> str:
        return f"{self.address_1}, {self.postal_code}"


class Accessibility(models.Model):
    id = _id()
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="accessibility")
    description = models.TextField(_("description"))
    details = models.TextField(_("details"), blank=True)
    url = models.URLField(_("more information"), blank=True)

    class Meta:
        verbose_name = _("accessibility")
        verbose_name_plural = _("accessibility")

    def __str__(self) -> str:
        return self.description[:50]


class ServiceAtLocation(models.Model):
    id = _id()
    # Found through unique_service_at_location below, which starts with the service.
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_at_locations", db_index=False)
    # Indexed below together with the service, so a place's services come from the index alone.
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations", db_index=False
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        indexes = [models.Index(fields=["location", "service"], name="service_at_place")]
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="unique_service_at_location"),
        ]
        verbose_name = _("service at a location")
        verbose_name_plural = _("services at locations")

    def __str__(self) -> str:
        return f"{self.service_id} @ {self.location_id}"


class Schedule(models.Model):
    """When a service (or a service at one location) is open, as an RFC 5545 recurrence."""

    class Frequency(models.TextChoices):
        WEEKLY = "WEEKLY", _("Every week")
        MONTHLY = "MONTHLY", _("Every month")

    id = _id()
    # A schedule belongs to one or the other; each is indexed below only where it is set, so the
    # planner sees how few schedules each service or place has.
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules", db_index=False
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="schedules",
        db_index=False,
    )
    valid_from = models.DateField(_("from"), null=True, blank=True)
    valid_to = models.DateField(_("until"), null=True, blank=True)
    dtstart = models.DateField(_("first date"), null=True, blank=True)
    freq = models.CharField(_("how often"), max_length=10, choices=Frequency.choices, blank=True)
    interval = models.PositiveSmallIntegerField(_("every"), default=1)
    byday = models.CharField(_("days"), max_length=50, blank=True, help_text=_("For example MO,TU or 2TH"))
    bymonthday = models.CharField(_("days of the month"), max_length=100, blank=True)
    opens_at = models.TimeField(_("opens"), null=True, blank=True)
    closes_at = models.TimeField(_("closes"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    attending_type = models.CharField(_("how to attend"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    schedule_link = models.URLField(_("timetable link"), blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["service"], condition=Q(service__isnull=False), name="schedule_of_service"),
            models.Index(
                fields=["service_at_location"], condition=Q(service_at_location__isnull=False), name="schedule_at_place"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=False) | Q(service_at_location__isnull=False),
                name="schedule_belongs_to_something",
            ),
        ]
        verbose_name = _("opening times")
        verbose_name_plural = _("opening times")

    def __str__(self) -> str:
        return f"{self.freq} {self.byday} {self.opens_at}-{self.closes_at}"


class Contact(models.Model):
    id = _id()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=255, blank=True)
    title = models.CharField(_("job title"), max_length=255, blank=True)
    email = models.EmailField(_("email address"), blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return self.name or self.title or str(self.id)


class Phone(models.Model):
    id = _id()
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones")
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="phones")
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(_("number"), max_length=30)
    description = models.CharField(_("description"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")

    def __str__(self) -> str:
        return self.number


class CostOption(models.Model):
    id = _id()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="cost_options")
    option = models.CharField(_("what it is for"), max_length=255, blank=True)
    amount = models.DecimalField(_("amount in pounds"), max_digits=8, decimal_places=2, null=True, blank=True)
    amount_description = models.CharField(_("about the amount"), max_length=255, blank=True)
    valid_from = models.DateField(_("from"), null=True, blank=True)
    valid_to = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("cost")
        verbose_name_plural = _("costs")

    def __str__(self) -> str:
        return f"{self.option} {self.amount}"


class Language(models.Model):
    id = _id()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="languages")
    name = models.CharField(_("language"), max_length=100)
    code = models.CharField(_("code"), max_length=10, blank=True, help_text=_("ISO 639, for example 'pl'"))
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return self.name


class ServiceArea(models.Model):
    id = _id()
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    extent = models.TextField(_("extent"), blank=True)
    extent_type = models.CharField(_("extent type"), max_length=20, blank=True)
    uri = models.URLField(_("address"), blank=True)

    class Meta:
        verbose_name = _("area served")
        verbose_name_plural = _("areas served")

    def __str__(self) -> str:
        return self.name


class Postcode(models.Model):
    """A local copy of postcode centres, so that searching near a postcode sends it nowhere."""

    postcode = models.CharField(_("postcode"), max_length=8, primary_key=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")

    def __str__(self) -> str:
        return self.postcode


class ListingChange(models.Model):
    """A provider editor's change to a listing, waiting for review when reviews are switched on."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="changes")
    proposed = models.JSONField(_("proposed values"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    submitted_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("submitted by")
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["service"], condition=Q(status="pending"), name="one_pending_change_per_listing"
            ),
        ]
        verbose_name = _("listing change")
        verbose_name_plural = _("listing changes")

    def __str__(self) -> str:
        return f"{self.service_id} ({self.status})"


class ListingReport(models.Model):
    """Someone, signed in or not, says a listing is wrong. It waits in the owner's queue."""

    class Status(models.TextChoices):
        OPEN = "open", _("To look at")
        RESOLVED = "resolved", _("Dealt with")

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="reports")
    message = models.TextField(_("what is wrong"))
    # The form's one-off token: a second submit of the same form creates nothing new.
    submission_id = models.UUIDField(unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dealt with by"),
    )
    resolved_at = models.DateTimeField(_("dealt with"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report of something wrong")
        verbose_name_plural = _("reports of something wrong")

    def __str__(self) -> str:
        return f"{self.service_id}: {self.message[:40]}"
