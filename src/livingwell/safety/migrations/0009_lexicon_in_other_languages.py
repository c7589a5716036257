"""The words of risk in the languages the front door is offered in (decision 0062, hazard H-017): added to
the lexicon where missing; entries the clinical lead has changed or switched off are left as they are."""

from django.db import migrations

from livingwell.safety.lexicon import lexicon_load


def load(apps, schema_editor):
    lexicon_load(apps.get_model("safety", "LexiconEntry"))


class Migration(migrations.Migration):
    dependencies = [("safety", "0008_peer_group_flags")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
