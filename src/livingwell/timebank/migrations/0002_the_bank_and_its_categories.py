from django.db import migrations

from livingwell.timebank.shipped import bank_load


def create(apps, schema_editor):
    bank_load(apps.get_model("timebank", "Bank"), apps.get_model("timebank", "Category"))


class Migration(migrations.Migration):
    dependencies = [("timebank", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
