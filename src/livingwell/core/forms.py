"""GOV.UK Design System forms with Django's own form rendering.

Every form mixes in ``GovukForm``: ``{{ form }}`` then renders GOV.UK labels, hints, error messages
and inputs, and ``core/includes/error_summary.html`` renders the error summary. The base template
prefixes the page title with "Error: " whenever the context's ``form`` has errors.
"""

import datetime
import html
import uuid
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates
from django.forms.utils import flatatt
from django.forms.widgets import Input
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

WIDGET_CLASSES: dict[type[forms.Widget], str] = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.RadioSelect: "govuk-radios__input",
    forms.CheckboxSelectMultiple: "govuk-checkboxes__input",
    forms.CheckboxInput: "govuk-checkboxes__input",
    Input: "govuk-input",
}


class GovukDateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year boxes in one fieldset."""

    template_name = "core/forms/date_input.html"
    use_fieldset = True
    PARTS = (("day", _("Day"), 2), ("month", _("Month"), 2), ("year", _("Year"), 4))

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            {name: forms.TextInput(attrs={"inputmode": "numeric"}) for name, _label, _w in self.PARTS}, attrs
        )
        self.in_error = False

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, str) and value:
            value = datetime.date.fromisoformat(value)  # a date kept as ISO text, as in a session
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_day" if id_ else ""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        error = " govuk-input--error" if self.in_error else ""
        for subwidget, (_name, label, width) in zip(context["widget"]["subwidgets"], self.PARTS, strict=True):
            subwidget["label"] = label
            subwidget["attrs"]["class"] = f"govuk-input govuk-date-input__input govuk-input--width-{width}{error}"
        return context


class GovukDateField(forms.MultiValueField):
    """A date typed as day, month and year, with the GOV.UK error messages."""

    widget = GovukDateInput

    def __init__(self, **kwargs: Any) -> None:
        part = forms.CharField(required=False)  # lengths are checked as a date, with one clear message
        super().__init__(fields=(part, part, part), require_all_fields=False, **kwargs)

    def compress(self, data_list: list[str]) -> datetime.date | None:
        parts = [str(value or "").strip() for value in data_list] or ["", "", ""]
        if not any(parts):
            return None
        if not all(parts):
            raise ValidationError(_("Enter a day, a month and a year"), code="incomplete")
        day, month, year = parts
        digits = all(value.isascii() and value.isdigit() for value in parts)
        if not digits or len(day) > 2 or len(month) > 2 or len(year) != 4:
            raise ValidationError(_("Enter a real date, like 27 3 1985"), code="invalid")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError as error:
            raise ValidationError(_("Enter a real date, like 27 3 1985"), code="invalid") from error


def options_html(choices: list[tuple[str, str]]) -> str:
    """Escaped ``<option>`` elements for a ``QuickSelect``, to work out once and share between selects."""
    return "".join(
        f'<option value="{html.escape(str(key))}">{html.escape(str(label))}</option>' for key, label in choices
    )


class QuickSelect(forms.Select):
    """A select written in one pass. Django renders each option through a template: too slow for a list of
    hundreds of people on one page. Give it ``prepared`` options (from ``options_html``) to share them between
    selects.
    """

    prepared = ""

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = self.prepared or options_html([(str(key), str(label)) for key, label in self.choices])
        if value not in (None, ""):
            chosen = f'value="{html.escape(str(value))}"'
            options = options.replace(f"{chosen}>", f"{chosen} selected>", 1)
        return mark_safe(f"<select{flatatt(final)}>{options}</select>")  # noqa: S308 - each part escaped above


class GovukFormRenderer(DjangoTemplates):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


def _widget_class(widget: forms.Widget) -> str:
    for widget_type, css_class in WIDGET_CLASSES.items():
        if isinstance(widget, widget_type):
            return css_class
    return ""


def text_field(
    label: Any, max_length: int, *, missing: Any = "", rows: int = 0, help_text: Any = ""
) -> forms.CharField:
    """A text box (or area, given rows), required when ``missing`` says what to do; surrounding spaces are
    dropped, so spaces alone count as missing."""
    messages = {"max_length": _("Use %(limit)s characters or fewer") % {"limit": f"{max_length:,}"}}
    if missing:
        messages["required"] = missing
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=bool(missing),
        widget=forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput(),
        help_text=help_text,
        error_messages=messages,
    )


def email_field(help_text: Any, missing: Any) -> forms.EmailField:
    return forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=help_text,
        error_messages={
            "required": missing,
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Use 254 characters or fewer"),
        },
    )


def once_token() -> forms.UUIDField:
    """A one-off token from the page, so that sending the same form twice (or twelve times at once) makes
    one record (``core.submissions.created_once``)."""
    return forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={"required": _("Send the form again"), "invalid": _("Send the form again")},
    )


def fresh_token() -> dict[str, uuid.UUID]:
    """The initial value of a new form's ``submission_id``."""
    return {"submission_id": uuid.uuid4()}


class TelInput(forms.TextInput):
    """A phone number box: one type attribute, tel, so phones show their number pad."""

    input_type = "tel"


class GovukForm(forms.Form):
    """A form whose fields render as GOV.UK Design System components."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.govuk_style(list(self.fields))

    def govuk_style(self, names: list[str]) -> None:
        """Give these fields' widgets their GOV.UK classes and hints; a form that adds fields calls it for them."""
        for name in names:
            field = self.fields[name]
            widget = field.widget
            classes = [_widget_class(widget), widget.attrs.get("class", "")]
            widget.attrs["class"] = " ".join(c for c in classes if c)
            described_by = []
            if field.help_text:
                described_by.append(f"{self._field_id(name)}-hint")
            if described_by:
                widget.attrs["aria-describedby"] = " ".join(described_by)

    def _field_id(self, name: str) -> str:
        """The id Django's BoundField gives the field, worked out without making (and caching) the
        BoundField, so a form may still change its fields' labels after this __init__."""
        html_name = self.add_prefix(name)
        if self.auto_id and "%s" in str(self.auto_id):
            return str(self.auto_id) % html_name
        return html_name if self.auto_id else ""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            if isinstance(widget, GovukDateInput):
                widget.in_error = True
            css_class = _widget_class(widget)
            if css_class in {"govuk-input", "govuk-textarea", "govuk-select"}:
                widget.attrs["class"] += f" {css_class}--error"
            error_id = f"{self._field_id(name)}-error"
            widget.attrs["aria-describedby"] = " ".join(
                part for part in (widget.attrs.get("aria-describedby", ""), error_id) if part
            )


class GovukModelForm(GovukForm, forms.ModelForm):  # type: ignore[misc]
    """A model form rendered as GOV.UK components."""


def posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST, even an empty one (so that it is checked and says what is missing), else None."""
    return request.POST if request.method == "POST" else None


DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]
TIME_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S"]


class WhenForm(GovukForm):
    """A form with a date and a time, today and now unless changed, never in the future."""

    on = forms.DateField(
        label=_("Date"),
        input_formats=DATE_FORMATS,
        help_text=_("For example, 27/11/2026"),
        error_messages={"required": _("Enter the date"), "invalid": _("Enter a real date, like 27/11/2026")},
    )
    at = forms.TimeField(
        label=_("Time"),
        input_formats=TIME_FORMATS,
        help_text=_("24-hour clock, for example 14:30"),
        error_messages={"required": _("Enter the time"), "invalid": _("Enter a real time, like 14:30")},
    )

    def __init__(
        self, *args: Any, not_before: datetime.datetime, not_before_message: str | Promise, **kwargs: Any
    ) -> None:
        self.not_before = not_before
        self.not_before_message = str(not_before_message)
        now = timezone.localtime()
        kwargs["initial"] = {"on": now.strftime("%d/%m/%Y"), "at": now.strftime("%H:%M"), **kwargs.get("initial", {})}
        super().__init__(*args, **kwargs)

    def when(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.cleaned_data["on"], self.cleaned_data["at"]))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("on") and cleaned.get("at"):
            when = self.when()
            if when > timezone.now() + datetime.timedelta(minutes=5):
                self.add_error("on", _("The date and time must not be in the future"))
            elif when < self.not_before - datetime.timedelta(minutes=1):
                self.add_error("on", self.not_before_message)
        return cleaned
