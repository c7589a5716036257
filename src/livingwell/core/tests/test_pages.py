import re

import pytest
from django.test import Client
from django.urls import reverse

from livingwell.accounts.models import Role, User
from livingwell.people.tests.factories import PersonFactory

PUBLIC_PAGES = [
    "core:home",
    "core:get_help_now",
    "core:accessibility",
    "core:privacy",
    "core:cookies",
    "core:contact",
    "accounts:sign_in",
]
CRISIS_ROUTES = ["NHS 111", "option 2", "999", "A&amp;E", "Samaritans", "116 123"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_show_crisis_routes_and_exit_this_page(client: Client, name: str) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    for route in CRISIS_ROUTES:
        assert route in html
    assert 'data-module="govuk-exit-this-page"' in html
    assert 'class="govuk-skip-link"' in html
    for footer_page in ["core:accessibility", "core:privacy", "core:cookies", "core:contact"]:
        assert f'href="{reverse(footer_page)}"' in html


@pytest.mark.django_db
def test_staff_pages_show_crisis_routes_without_exit_this_page(signed_in_client) -> None:
    response = signed_in_client(Role.HUB_MANAGER).get(reverse("accounts:dashboard"))
    html = response.content.decode()
    for route in CRISIS_ROUTES:
        assert route in html
    assert "govuk-exit-this-page" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["accounts:dashboard", "people:my_details", "support:my_plan", "support:my_measures"])
def test_a_persons_own_pages_carry_exit_this_page(signed_in_client, name: str) -> None:
    """They may be read where the person is not safe, just as the public pages."""
    client = signed_in_client(Role.PERSON)
    PersonFactory(user=User.objects.get(username="test-person"))
    html = client.get(reverse(name)).content.decode()
    assert 'data-module="govuk-exit-this-page"' in html
    for route in CRISIS_ROUTES:
        assert route in html


@pytest.mark.django_db
def test_service_name_comes_from_settings(client: Client, settings) -> None:
    settings.LW_SERVICE_NAME = "Living Well Testborough"
    html = client.get(reverse("core:home")).content.decode()
    assert "Living Well Testborough" in html
    assert "GOV.UK" not in html


@pytest.mark.django_db
def test_every_script_carries_the_csp_nonce(client: Client) -> None:
    response = client.get(reverse("core:home"))
    policy = response["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    scripts = re.findall(r"<script[^>]*>", response.content.decode())
    assert scripts
    for script in scripts:
        assert f'nonce="{nonce}"' in script
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_security_headers(client: Client) -> None:
    response = client.get(reverse("core:home"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


@pytest.mark.django_db
def test_each_request_gets_its_own_id(client: Client) -> None:
    first = client.get(reverse("core:home"))["X-Request-ID"]
    second = client.get(reverse("core:home"), headers={"X-Request-ID": first})["X-Request-ID"]
    assert first != second


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("proxies", "given", "kept"),
    [
        (["10.0.0.0/8"], "4b0c0a9f2f7e4f4c9d1e0c3b2a1f0e9d", True),  # our proxy's id
        ([], "4b0c0a9f2f7e4f4c9d1e0c3b2a1f0e9d", False),  # anyone else's
        (["10.0.0.0/8"], "short", False),
        (["10.0.0.0/8"], "<script>alert(1)</script>-and-more-text", False),
        (["10.0.0.0/8"], "x" * 65, False),
    ],
)
def test_the_id_our_proxy_gave_is_kept_and_no_one_elses(
    client: Client, settings, proxies: list[str], given: str, kept: bool
) -> None:
    settings.LW_TRUSTED_PROXIES = proxies
    response = client.get(reverse("core:home"), headers={"X-Request-ID": given}, REMOTE_ADDR="10.1.2.3")
    assert (response["X-Request-ID"] == given) is kept


@pytest.mark.django_db
def test_signed_in_pages_are_never_stored(signed_in_client) -> None:
    response = signed_in_client(Role.PERSON).get(reverse("core:home"))
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_public_pages_for_visitors_may_be_cached(client: Client) -> None:
    response = client.get(reverse("core:home"))
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_not_found_page_is_in_our_design(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "Samaritans" in html


@pytest.mark.django_db
def test_forbidden_page_is_in_our_design(signed_in_client) -> None:
    response = signed_in_client(Role.PERSON).get(reverse("audit:event_list"))
    assert response.status_code == 403
    assert "You cannot see this page" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("livingwell.core.tests.urls_for_errors")
def test_server_error_page_is_in_our_design(client: Client) -> None:
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "116 123" in html


@pytest.mark.django_db
def test_replayed_form_without_csrf_token_gets_a_clear_page() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:sign_in"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()


@pytest.mark.django_db
def test_wrong_method_is_refused_but_head_is_fine(client: Client) -> None:
    assert client.post(reverse("core:home")).status_code == 405
    assert client.head(reverse("core:home")).status_code == 200


@pytest.mark.django_db
def test_the_privacy_notice_is_filled_from_the_settings(client: Client, settings) -> None:
    settings.LW_CONTROLLER_NAME = "Ashby Vale NHS Foundation Trust"
    settings.LW_DPO_EMAIL = "dpo@ashbyvale.example"
    settings.LW_ICO_REGISTRATION = "Z7654321"
    settings.LW_LAWFUL_BASIS_ARTICLE_9 = "Article 9(2)(h): health care"
    settings.SENTRY_DSN = ""
    settings.LW_RETAIN_PEOPLE_YEARS = 20
    settings.LW_RETAIN_INTRODUCTIONS_YEARS = 1
    page = client.get(reverse("core:privacy")).content.decode()
    assert "Ashby Vale NHS Foundation Trust is responsible" in page
    assert "Your record, for 20 years after you were last in touch with us." in page
    assert "for 1 year after we answered it" in page
    assert "who has read your record" in page
    assert "dpo@ashbyvale.example" in page
    assert "registered with the Information Commissioner's Office as Z7654321" in page
    assert "Article 9(2)(h): health care" in page
    assert "Article 6(1)(e)" in page
    assert "ico.org.uk/make-a-complaint" in page
    assert "Sentry" not in page


@pytest.mark.django_db
def test_the_accessibility_statement_follows_the_govuk_model_with_its_dates_from_settings(
    client: Client, settings
) -> None:
    import datetime

    settings.LW_CONTROLLER_NAME = "Riverside Borough Council"
    settings.LW_ACCESSIBILITY_PREPARED = datetime.date(2026, 9, 23)
    settings.LW_ACCESSIBILITY_REVIEWED = datetime.date(2026, 11, 2)
    settings.LW_ACCESSIBILITY_TESTED = datetime.date(2026, 10, 14)
    settings.LW_ACCESSIBILITY_TESTED_BY = "the Digital Accessibility Centre"
    settings.LW_ACCESSIBILITY_REPLY_DAYS = 1
    html = client.get(reverse("core:accessibility")).content.decode()
    for heading in [
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Compliance status",
        "Non-accessible content",
        "Disproportionate burden",
        "Content that is not within the scope of the accessibility regulations",
        "Preparation of this accessibility statement",
    ]:
        assert f">{heading}</h" in html, heading
    assert "Riverside Borough Council runs it." in html
    assert "partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2, level AA" in html
    assert "This statement was prepared on 23 September 2026. It was last reviewed on 2 November 2026." in html
    assert "last tested on 14 October 2026. The test was carried out by the Digital Accessibility Centre." in html
    assert "reply within 1 working day." in html
    assert 'href="https://www.equalityadvisoryservice.com/"' in html


def test_pdfs_are_tagged_for_screen_readers() -> None:
    from livingwell.core.pdf import PDF_OPTIONS, pdf_available

    if not pdf_available():
        pytest.skip("no Pango here to draw PDFs")
    import weasyprint

    page = '<html lang="en-GB"><head><title>A statement</title></head><body><h1>Payments</h1><p>£4.50</p></body></html>'
    drawn = weasyprint.HTML(string=page).write_pdf(**PDF_OPTIONS, uncompressed_pdf=True)
    assert b"/StructTreeRoot" in drawn
    assert b"pdfuaid" in drawn  # declared PDF/UA
    assert b"/Lang (en-GB)" in drawn
