"""The default categories for a mental health network (see livingwell.directory.taxonomy)."""

from django.db import migrations

from livingwell.directory.taxonomy import TAXONOMY_ID, default_taxonomy_ensure


def create(apps, schema_editor) -> None:
    default_taxonomy_ensure(
        taxonomy_model=apps.get_model("directory", "Taxonomy"),
        term_model=apps.get_model("directory", "TaxonomyTerm"),
    )


def remove(apps, schema_editor) -> None:
    apps.get_model("directory", "TaxonomyTerm").objects.filter(taxonomy_id=TAXONOMY_ID).delete()
    apps.get_model("directory", "Taxonomy").objects.filter(id=TAXONOMY_ID).delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_open_referral_records")]

    operations = [migrations.RunPython(create, remove)]
