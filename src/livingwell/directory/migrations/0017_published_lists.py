"""The published lists our categories stand for: the LGA Services and Needs Lists, and OpenActive's activities
(decision 0065). Databases made after this have them from 0003, which ensures the whole default taxonomy."""

from django.db import migrations

from livingwell.directory.taxonomy import default_taxonomy_ensure


def create(apps, schema_editor) -> None:
    default_taxonomy_ensure(
        taxonomy_model=apps.get_model("directory", "Taxonomy"),
        term_model=apps.get_model("directory", "TaxonomyTerm"),
    )


class Migration(migrations.Migration):
    dependencies = [("directory", "0016_neighbours")]

    # Kept when going back: listings may link to the terms by then.
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
