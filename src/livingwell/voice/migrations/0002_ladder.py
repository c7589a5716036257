from django.db import migrations


def forwards(apps, schema_editor):
    from livingwell.voice.ladder import ladder_load

    ladder_load(apps.get_model("voice", "Rung"))


class Migration(migrations.Migration):
    dependencies = [("voice", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
