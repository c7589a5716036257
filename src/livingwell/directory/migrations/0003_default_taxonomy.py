"""The default categories for a mental health network. Ids are fixed (uuid5 of the code), so they are
the same in every installation and stable for Open Referral UK consumers."""

import uuid

from django.db import migrations

NAMESPACE = uuid.UUID("6f1b0c52-2d7e-4a51-9b44-5f6b8e1d2c01")
TAXONOMY_ID = uuid.uuid5(NAMESPACE, "living-well")

TERMS = [
    ("peer-support", "Peer support", "Support from people who have been through something similar."),
    ("befriending", "Befriending", "Regular time with a volunteer who is there to be a friend."),
    ("crisis-support", "Crisis support", "Help when things feel unbearable, including out of hours."),
    ("talking-therapies", "Talking therapies", "Counselling and psychological therapies."),
    ("employment", "Work and employment", "Help to find, keep or return to work, and paid jobs."),
    ("money-and-debt", "Money and debt", "Advice about benefits, debt and managing money."),
    ("housing", "Housing", "Help with a home: finding one, keeping one, or making it safe."),
    ("physical-activity", "Physical activity", "Walking, sport, gardening and other ways to move."),
    ("arts-and-creativity", "Arts and creativity", "Making music, art, writing and crafts together."),
    ("volunteering", "Volunteering", "Ways to give your time and skills."),
    ("carers", "Carers", "Support for people who look after someone."),
    ("learning", "Learning", "Courses, training and learning for its own sake."),
    ("social-connection", "Meeting people", "Groups, clubs and places to meet people and belong."),
    ("food", "Food", "Community meals, food banks and cooking together."),
    ("advocacy", "Advocacy", "Someone on your side to help you be heard."),
    ("information", "Information about mental health", "Clear information about mental health and wellbeing."),
]


def create(apps, schema_editor) -> None:
    Taxonomy = apps.get_model("directory", "Taxonomy")
    TaxonomyTerm = apps.get_model("directory", "TaxonomyTerm")
    taxonomy, _ = Taxonomy.objects.update_or_create(
        id=TAXONOMY_ID,
        defaults={
            "name": "Living Well categories",
            "description": "Categories for everything in the community that helps people stay well.",
            "version": "1",
        },
    )
    for code, name, description in TERMS:
        TaxonomyTerm.objects.update_or_create(
            id=uuid.uuid5(NAMESPACE, code),
            defaults={"taxonomy": taxonomy, "code": code, "name": name, "description": description},
        )


def remove(apps, schema_editor) -> None:
    apps.get_model("directory", "TaxonomyTerm").objects.filter(taxonomy_id=TAXONOMY_ID).delete()
    apps.get_model("directory", "Taxonomy").objects.filter(id=TAXONOMY_ID).delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_open_referral_records")]

    operations = [migrations.RunPython(create, remove)]
