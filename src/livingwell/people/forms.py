from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from livingwell.core import languages
from livingwell.core.forms import GovukForm, GovukModelForm, TelInput
from livingwell.people.models import ContactMethod, Person
from livingwell.people.nhs_number import nhs_number_clean


class ContactPreferencesForm(GovukModelForm):
    contact_methods = forms.MultipleChoiceField(
        label=_("How you would like us to contact you"),
        choices=ContactMethod.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Select all that are all right."),
        error_messages={"invalid_choice": _("Select a way for us to contact you from the list")},
    )
    written_in = forms.ChoiceField(
        label=_("The language of the emails, texts and letters we send you"),
        required=False,
        error_messages={"invalid_choice": _("Select a language from the list")},
    )

    class Meta:
        model = Person
        fields = [
            "preferred_name",
            "email",
            "phone",
            "contact_methods",
            "contact_notes",
            "written_in",
            "consents_to_contact",
        ]
        labels = {
            "preferred_name": _("The name you like to be called"),
            "consents_to_contact": _("I agree to Living Well contacting me"),
        }
        error_messages = {
            "preferred_name": {
                "required": _("Enter the name you like to be called"),
                "max_length": _("The name you like to be called must be 100 characters or fewer"),
            },
            "email": {"invalid": _("Enter an email address in the correct format, like name@example.com")},
            "phone": {"max_length": _("Enter a phone number of 30 characters or fewer")},
            "contact_notes": {
                "max_length": _("Anything we should know about contacting you must be 500 characters or fewer")
            },
        }
        widgets = {
            "contact_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # Each language offered, named in itself; the one they chose before stays a choice if since switched off.
        offered = dict(languages.offered())
        chosen = self.instance.written_in if self.instance else ""
        if chosen and chosen not in offered:
            offered[chosen] = languages.language_name(chosen)
        field = self.fields["written_in"]
        if isinstance(field, forms.ChoiceField):
            field.choices = [("", offered.pop(settings.LANGUAGE_CODE, "English")), *offered.items()]
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
        self.fields["phone"].widget = TelInput(attrs={**self.fields["phone"].widget.attrs, "autocomplete": "tel"})

    def clean_preferred_name(self) -> str:
        name = " ".join(self.cleaned_data["preferred_name"].split())
        if not name:
            raise forms.ValidationError(_("Enter the name you like to be called"))
        return name

    def clean_contact_methods(self) -> list[str]:
        chosen = set(self.cleaned_data["contact_methods"])
        return [method for method in ContactMethod.values if method in chosen]  # one order, whatever was sent

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        methods = set(cleaned.get("contact_methods") or [])
        if ContactMethod.EMAIL in methods and not cleaned.get("email"):
            self.add_error("email", _("Enter your email address, or choose another way to be contacted"))
        if methods & {ContactMethod.PHONE, ContactMethod.TEXT} and not cleaned.get("phone"):
            self.add_error("phone", _("Enter your phone number, or choose another way to be contacted"))
        return cleaned


class NhsNumberForm(GovukForm):
    nhs_number = forms.CharField(
        label=_("NHS number (optional)"),
        required=False,
        max_length=20,
        help_text=_("10 digits, like 943 476 5919. Leave it empty if it is not known."),
        error_messages={"max_length": _("An NHS number has 10 digits, like 943 476 5919")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_nhs_number(self) -> str:
        return nhs_number_clean(self.cleaned_data["nhs_number"])
