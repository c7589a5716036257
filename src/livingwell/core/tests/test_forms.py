"""The GOV.UK form helper: error summary, error messages and the "Error: " title prefix."""

import pytest
from django.test import Client
from django.urls import reverse


@pytest.mark.django_db
def test_errors_render_the_govuk_error_summary_and_title_prefix(client: Client) -> None:
    response = client.post(reverse("accounts:sign_in"), {"username": "", "password": ""})
    assert response.status_code == 200
    html = response.content.decode()
    title = html.split("<title>")[1].split("</title>")[0]
    assert title.split()[0] == "Error:"
    assert 'class="govuk-error-summary"' in html
    assert '<a href="#id_username">Enter your username</a>' in html
    assert '<a href="#id_password">Enter your password</a>' in html
    assert 'id="id_username-error"' in html
    assert "govuk-input--error" in html
    assert 'aria-describedby="id_username-error"' in html


@pytest.mark.django_db
def test_a_form_without_errors_has_no_summary_or_prefix(client: Client) -> None:
    html = client.get(reverse("accounts:sign_in")).content.decode()
    assert "govuk-error-summary" not in html
    assert "Error:" not in html.split("</title>")[0]


def test_a_quick_select_escapes_every_option_and_marks_the_one_chosen() -> None:
    from livingwell.core.forms import QuickSelect, options_html

    select = QuickSelect(attrs={"class": "govuk-select"})
    select.choices = [("1", "Zoë <script>alert(1)</script>"), ("2", 'Sam "Sol" & co')]
    html = select.render("who", "2", {"id": "id_who"})
    assert html.startswith('<select class="govuk-select" id="id_who" name="who">')
    assert "<script>" not in html
    assert "Zoë &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<option value="2" selected>Sam &quot;Sol&quot; &amp; co</option>' in html
    assert '<option value="1">' in html
    shared = QuickSelect()
    shared.prepared = options_html([("7", "Ola")])
    assert shared.render("lead", None) == '<select name="lead"><option value="7">Ola</option></select>'
