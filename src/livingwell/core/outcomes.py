"""The Big 3 outcomes the whole system is judged by (DESIGN.md §1), in the words a person would use.

Every app may use them: the front door asks which would help, a plan's goals are set against them, and the
figures are counted by them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Big3Outcome(models.TextChoices):
    STAY_WELL = "stay_well", _("Feeling better and staying well")
    OWN_CHOICES = "own_choices", _("Making my own choices and reaching my goals")
    TAKING_PART = "taking_part", _("Taking part: friends, community, work, money, housing or learning")
