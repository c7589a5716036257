"""Words Django itself says on the translated pages (decision 0062), marked here so that each language's
file carries them: Django ships no translation for some of our languages (Somali), so a page in one of them
would otherwise show these in English. Never imported: ``makemessages`` reads it."""

from django.utils.translation import gettext_noop

WORDS = [
    gettext_noop(":"),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
