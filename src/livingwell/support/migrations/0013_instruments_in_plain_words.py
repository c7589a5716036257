"""The shipped measures' names and score labels in plain words: acronyms spelled out, no "metric" or "raw"
score (decision 0061). Refreshes the shipped definitions; wording and thresholds a deployment set are kept."""

from django.db import migrations

from livingwell.support.instruments import instruments_load


def load(apps, schema_editor):
    instruments_load(apps.get_model("support", "Instrument"), apps.get_model("support", "InstrumentItem"))


class Migration(migrations.Migration):
    dependencies = [("support", "0012_peer_and_time_bank_connections")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
