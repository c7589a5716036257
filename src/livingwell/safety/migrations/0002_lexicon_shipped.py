from django.db import migrations

from livingwell.safety.lexicon import lexicon_load


def load(apps, schema_editor):
    lexicon_load(apps.get_model("safety", "LexiconEntry"))


class Migration(migrations.Migration):
    dependencies = [("safety", "0001_lexicon")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
