"""Words of risk as someone introducing a person they worry about writes them ("she doesn't want to be here",
"her boyfriend hits her"), as people text, and as older and young people write, found missed in a second and
a third review (decision 0067): added to the lexicon where missing; entries the clinical lead has changed or switched off are left as they are."""

from django.db import migrations

from livingwell.safety.lexicon import lexicon_load


def load(apps, schema_editor):
    lexicon_load(apps.get_model("safety", "LexiconEntry"))


class Migration(migrations.Migration):
    dependencies = [("safety", "0010_lexicon_review_2026_12")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
