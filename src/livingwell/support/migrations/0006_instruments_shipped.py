from django.db import migrations

from livingwell.support.instruments import instruments_load


def load(apps, schema_editor):
    instruments_load(apps.get_model("support", "Instrument"), apps.get_model("support", "InstrumentItem"))


class Migration(migrations.Migration):
    dependencies = [("support", "0005_outcome_measures")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
