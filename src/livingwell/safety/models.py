"""The safety net's lexicon: the patterns the clinical lead keeps, each with its category and why."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livingwell.safety.categories import RiskCategory
from livingwell.safety.matching import PatternError, pattern_regex

PATTERN_HELP = _(
    "Words in order, each a whole word; neighbouring words may also be typed as one. "
    "a|b: either word. a_b: the two words together, as one choice. word~: the word and its forms "
    "(end~ is end, ends, ended, ending). word*: any word starting so. [word]: may be left out. "
    "...: up to four other words between. #: a number. Case, apostrophes, hyphens, text-speak and "
    "one-slip typos of long words are dealt with before matching."
)


class LexiconEntry(models.Model):
    pattern = models.CharField(_("pattern"), max_length=1000, unique=True, help_text=PATTERN_HELP)
    category = models.CharField(_("category"), max_length=32, choices=RiskCategory.choices)
    note = models.CharField(
        _("note"), max_length=500, blank=True, help_text=_("Why this entry is here: an example of what it catches.")
    )
    active = models.BooleanField(_("in use"), default=True)
    changed_at = models.DateTimeField(_("last changed"), default=timezone.now)

    class Meta:
        verbose_name = _("lexicon entry")
        verbose_name_plural = _("lexicon entries")
        ordering = ["category", "pattern"]

    def __str__(self) -> str:
        return self.pattern

    def clean(self) -> None:
        try:
            pattern_regex(self.pattern)
        except PatternError as error:
            raise ValidationError({"pattern": str(error)}) from error
