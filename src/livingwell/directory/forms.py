from django import forms
from django.utils.translation import gettext_lazy as _

from livingwell.core.forms import GovukForm, GovukModelForm
from livingwell.directory.models import Service, TaxonomyTerm
from livingwell.directory.postcodes import postcode_normalise
from livingwell.directory.search import languages_offered
from livingwell.directory.services import EDITABLE_FIELDS
from livingwell.directory.taxonomy import STANDARD_TAXONOMY_IDS

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
    """Every category, by its name in the reader's language, in that language's order."""
    terms = sorted(
        (
            (term.code, term.label)
            for term in TaxonomyTerm.objects.exclude(taxonomy_id__in=STANDARD_TAXONOMY_IDS).only(
                "code", "name", "taxonomy_id"
            )
        ),
        key=lambda choice: choice[1].casefold(),
    )
    return [("", str(_("All categories"))), *terms]


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
        widget = self.fields["q"].widget
        if isinstance(widget, forms.TextInput):
            widget.input_type = "search"  # one type attribute: the widget's own
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


class ListingForm(GovukModelForm):
    class Meta:
        model = Service
        fields = EDITABLE_FIELDS
        labels = {
            "name": _("Name"),
            "description": _("What it is, in plain words"),
            "eligibility_description": _("Who can use it"),
            "fees_description": _("What it costs"),
            "url": _("Website"),
            "email": _("Email address"),
            "alert": _("Anything people must know now"),
            "status": _("Is it running?"),
        }
        help_texts = {
            "eligibility_description": _("Leave this empty if anyone can use it."),
            "alert": _("For example, a change of place or a closure. Leave empty when there is nothing."),
        }
        error_messages = {
            "name": {"required": _("Enter the name of the listing")},
            "description": {"required": _("Say what it is")},
            "url": {"invalid": _("Enter a website address, like https://example.org")},
            "email": {"invalid": _("Enter an email address in the correct format, like name@example.com")},
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "eligibility_description": forms.Textarea(attrs={"rows": 3}),
            "fees_description": forms.Textarea(attrs={"rows": 2}),
            "alert": forms.Textarea(attrs={"rows": 2}),
            "status": forms.RadioSelect,
        }

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Enter the name of the listing"))
        return name

    def clean_description(self) -> str:
        description = self.cleaned_data["description"].strip()
        if not description:
            raise forms.ValidationError(_("Say what it is"))
        return description


class ListingReportForm(GovukForm):
    message = forms.CharField(
        label=_("What is wrong?"),
        help_text=_("For example, the opening times have changed. Please do not include anything personal."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Tell us what is wrong"),
            "max_length": _("Tell us in 2,000 characters or fewer"),
        },
    )
    # A one-off token from the page, so sending the same form twice files one report.
    submission_id = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={"required": _("Send the form again"), "invalid": _("Send the form again")},
    )

    def clean_message(self) -> str:
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError(_("Tell us what is wrong"))
        return message


class MyListItemForm(forms.Form):
    service_id = forms.UUIDField()
    next = forms.CharField(required=False, max_length=2000)


class MyListEmailForm(GovukForm):
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We send the list once and do not keep your address."),
        max_length=254,
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    submission_id = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={"required": _("Send the form again"), "invalid": _("Send the form again")},
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
