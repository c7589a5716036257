"""Words Django itself says on the translated pages (decision 0062), marked here so that each language's
file carries them: Django ships no translation for some of our languages (Somali), so a page in one of them
would otherwise show these in English. Never imported: ``makemessages`` reads it."""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

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
    # Months cut short, as the figures' tables head their columns (django.utils.dates.MONTHS_3).
    gettext_noop("jan"),
    gettext_noop("feb"),
    gettext_noop("mar"),
    gettext_noop("apr"),
    gettext_noop("may"),
    gettext_noop("jun"),
    gettext_noop("jul"),
    gettext_noop("aug"),
    gettext_noop("sep"),
    gettext_noop("oct"),
    gettext_noop("nov"),
    gettext_noop("dec"),
    # Signing in, and choosing a password (django.contrib.auth and its password validators).
    gettext_noop("Username"),
    gettext_noop("Password"),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("Enter the same password as before, for verification."),
    gettext_noop("The two password fields didn’t match."),
    gettext_noop("(Hidden field %(name)s) %(error)s"),
    # A long text cut short (django.utils.text.Truncator), as stories' summaries are.
    pgettext_lazy("String to return when truncating text", "%(truncated_text)s…"),
]
PLURAL_WORDS = [
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
]
