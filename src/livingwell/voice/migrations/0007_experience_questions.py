from django.db import migrations


def forwards(apps, schema_editor):
    from livingwell.voice.experience import questions_load

    questions_load(apps.get_model("voice", "ExperienceQuestion"))


class Migration(migrations.Migration):
    dependencies = [("voice", "0006_experience_of_support")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
