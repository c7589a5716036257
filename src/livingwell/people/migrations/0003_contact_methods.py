"""A person keeps every way they are happy to be contacted, not only the first they chose (issue 13, 5)."""

from django.db import migrations, models


def to_list(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    Person = apps.get_model("people", "Person")
    for person in Person.objects.exclude(preferred_contact_method="").only("pk", "preferred_contact_method"):
        Person.objects.filter(pk=person.pk).update(contact_methods=[person.preferred_contact_method])


def to_one(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
    Person = apps.get_model("people", "Person")
    for person in Person.objects.only("pk", "contact_methods"):
        first = (person.contact_methods or [""])[0]
        Person.objects.filter(pk=person.pk).update(preferred_contact_method=first)


class Migration(migrations.Migration):
    dependencies = [("people", "0002_matching")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="contact_methods",
            field=models.JSONField(blank=True, default=list, verbose_name="how you would like us to contact you"),
        ),
        migrations.RunPython(to_list, to_one),
        migrations.RemoveField(model_name="person", name="preferred_contact_method"),
    ]
