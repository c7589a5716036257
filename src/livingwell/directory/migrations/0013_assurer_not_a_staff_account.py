from django.db import migrations


def organisation_contact_instead(apps, schema_editor):
    """A listing "checked by" a staff account's address published it: use the organisation's own contact."""
    Service = apps.get_model("directory", "Service")
    User = apps.get_model("accounts", "User")
    staff = set(User.objects.exclude(email="").values_list("email", flat=True))
    for service in Service.objects.exclude(assurer_email="").select_related("organization"):
        if service.assurer_email in staff:
            service.assurer_email = service.organization.email if service.organization_id else ""
            service.save(update_fields=["assurer_email"])


class Migration(migrations.Migration):
    dependencies = [("directory", "0012_search_indexes"), ("accounts", "0001_initial")]

    operations = [migrations.RunPython(organisation_contact_instead, migrations.RunPython.noop)]
