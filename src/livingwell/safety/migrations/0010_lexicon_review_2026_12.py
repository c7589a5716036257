"""Words of risk found missed in three reviews of new phrasings (decision 0067): in the first person, as someone
introducing a person they worry about writes them ("she doesn't want to be here"), as people text, and as older
and young people write. Added to the lexicon where missing; entries the clinical lead has changed or switched
off are left as they are."""

from django.db import migrations

from livingwell.safety.lexicon import lexicon_load


def load(apps, schema_editor):
    lexicon_load(apps.get_model("safety", "LexiconEntry"))


class Migration(migrations.Migration):
    dependencies = [("safety", "0009_lexicon_in_other_languages")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
