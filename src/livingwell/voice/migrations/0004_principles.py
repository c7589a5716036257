from django.db import migrations


def forwards(apps, schema_editor):
    from livingwell.voice.principles import principles_load

    principles_load(apps.get_model("voice", "Principle"), apps.get_model("voice", "ScorePoint"))


class Migration(migrations.Migration):
    dependencies = [("voice", "0003_audits")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
