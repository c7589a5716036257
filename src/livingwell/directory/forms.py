from django import forms
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukForm
from livingwell.directory.models import Service, TaxonomyTerm
from livingwell.directory.postcodes import postcode_normalise
from livingwell.directory.search import languages_offered

ACCESS_CHOICES = [
    ("step-free", _("Step-free or wheelchair access")),
    ("hearing-loop", _("Hearing loop")),
    ("accessible-toilet", _("Accessible toilet")),
    ("bsl", _("British Sign Language")),
    ("quiet-space", _("A quiet space")),
]
DISTANCE_CHOICES = [
    ("1", _("Within 1 mile")),
    ("3", _("Within 3 miles")),
    ("5", _("Within 5 miles")),
    ("10", _("Within 10 miles")),
]


def _categories() -> list[tuple[str, str]]:
    return [("", str(_("All categories"))), *TaxonomyTerm.objects.order_by("name").values_list("code", "name")]


def _languages() -> list[tuple[str, str]]:
    return [("", str(_("Any language")))] + [(name, name) for name in languages_offered()]


class DirectorySearchForm(GovukForm):
    q = forms.CharField(
        label=_("What are you looking for?"),
        required=False,
        max_length=200,
        help_text=_("For example, walking group, debt advice or art"),
        error_messages={"max_length": _("Search for something shorter, of 200 characters or fewer")},
    )
    category = forms.ChoiceField(label=_("Category"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False, choices=[("", _("Everything")), *Service.Kind.choices])
    postcode = forms.CharField(
        label=_("Near a postcode"), required=False, max_length=20, help_text=_("For example, KM1 1AA")
    )
    miles = forms.ChoiceField(label=_("Distance"), required=False, choices=DISTANCE_CHOICES)
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    free = forms.BooleanField(label=_("Free of charge"), required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    access = forms.MultipleChoiceField(
        label=_("Accessibility"), required=False, choices=ACCESS_CHOICES, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # Looked up once per form, not once per use.
        for name, choices in (("category", _categories), ("language", _languages)):
            field = self.fields[name]
            if isinstance(field, forms.ChoiceField):
                field.choices = choices()
        self.fields["q"].widget.attrs["type"] = "search"
        self.fields["postcode"].widget.attrs.update(
            {"autocomplete": "postal-code", "class": "govuk-input govuk-input--width-10"}
        )

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    def clean_postcode(self) -> str:
        text = self.cleaned_data["postcode"]
        if not text.strip():
            return ""
        postcode = postcode_normalise(text)
        if postcode is None:
            raise forms.ValidationError(_("Enter a full UK postcode, like KM1 1AA"))
        return postcode
