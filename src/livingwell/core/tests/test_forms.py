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
