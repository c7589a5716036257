"""Receipts move from the database to file storage, sealed (``core.files``, decision 0053)."""

from django.db import migrations, models

FOLDER = "receipts"


def receipts_to_files(apps, schema_editor):
    from livingwell.core.files import file_keep

    Expense = apps.get_model("collaborative", "Expense")
    for expense in Expense.objects.filter(receipt_file="").only("pk", "receipt").iterator(chunk_size=100):
        Expense.objects.filter(pk=expense.pk).update(receipt_file=file_keep(FOLDER, bytes(expense.receipt)))


def receipts_to_database(apps, schema_editor):
    from livingwell.core.files import file_read

    Expense = apps.get_model("collaborative", "Expense")
    for expense in Expense.objects.exclude(receipt_file="").only("pk", "receipt_file").iterator(chunk_size=100):
        Expense.objects.filter(pk=expense.pk).update(receipt=file_read(expense.receipt_file))


class Migration(migrations.Migration):
    dependencies = [("collaborative", "0008_advisers")]

    operations = [
        migrations.AddField(
            model_name="expense",
            name="receipt_file",
            field=models.CharField(default="", max_length=200),
            preserve_default=False,
        ),
        migrations.AlterField(model_name="expense", name="receipt", field=models.BinaryField(default=b"")),
        migrations.RunPython(receipts_to_files, receipts_to_database, elidable=False),
        migrations.RemoveField(model_name="expense", name="receipt"),
    ]
