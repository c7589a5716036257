"""Staff sign-in with the organisation's accounts, in a real browser against a real OpenID provider
(oidc-provider from npm, run with the machine's Node.js: tools/oidc-provider), with axe on every page of ours:
a full sign-in with the provider's second factor, a sign-in refused without one, another refused for an
address that is no staff member's, and signing out of both. Without Node.js or the provider installed, these
are skipped, unless LW_REQUIRE_OIDC_PROVIDER (CI)."""

import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from livingwell.accounts.models import Role
from livingwell.accounts.tests.factories import UserFactory
from tests.browser.conftest import check_page

PROVIDER = Path(__file__).resolve().parents[2] / "tools" / "oidc-provider"
ACCOUNTS = {"ola.hub@kingsmere.example": True, "no.mfa@kingsmere.example": False, "stranger@kingsmere.example": True}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def provider(live_server, settings) -> Iterator[str]:
    node = shutil.which("node")
    if node is None or not (PROVIDER / "node_modules" / "oidc-provider").exists():
        if os.environ.get("LW_REQUIRE_OIDC_PROVIDER"):
            pytest.fail("The OpenID provider is needed: npm ci --prefix tools/oidc-provider, with Node.js")
        pytest.skip("no OpenID provider (npm ci --prefix tools/oidc-provider), or no Node.js")
    port = _free_port()
    issuer = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "PORT": str(port),
        "REDIRECT_URI": f"{live_server.url}/account/sso/callback/",
        "POST_LOGOUT_URI": f"{live_server.url}/",
        "ACCOUNTS": json.dumps(ACCOUNTS),
    }
    process = subprocess.Popen([node, "provider.mjs"], cwd=PROVIDER, env=env, stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        settings.LW_SSO_CLIENT_ID = settings.OIDC_RP_CLIENT_ID = "livingwell"
        settings.OIDC_RP_CLIENT_SECRET = "a-long-test-client-secret"
        settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{issuer}/auth"
        settings.OIDC_OP_TOKEN_ENDPOINT = f"{issuer}/token"
        settings.OIDC_OP_USER_ENDPOINT = f"{issuer}/me"
        settings.OIDC_OP_JWKS_ENDPOINT = f"{issuer}/jwks"
        settings.LW_SSO_LOGOUT_ENDPOINT = f"{issuer}/session/end"
        settings.LW_SSO_NAME = "your Kingsmere account"
        settings.AUTHENTICATION_BACKENDS = [
            *settings.AUTHENTICATION_BACKENDS,
            "livingwell.accounts.sso.StaffOIDCBackend",
        ]
        settings.SECURE_CSP = {**settings.SECURE_CSP, "form-action": [*settings.SECURE_CSP["form-action"], issuer]}
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)


def _provider_sign_in(page: Page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/account/sign-in/")
    check_page(page)
    page.get_by_role("button", name="Sign in with your Kingsmere account").click()
    expect(page.get_by_role("heading", name="Kingsmere sign-in")).to_be_visible()
    page.get_by_label("Email address").fill(email)
    page.get_by_role("button", name="Sign in").click()


@pytest.mark.django_db(transaction=True)
def test_staff_sign_in_with_their_organisations_account_and_out_of_both(page: Page, live_server, provider) -> None:
    UserFactory(username="ola", email="Ola.Hub@kingsmere.example", role=Role.HUB_MANAGER)
    _provider_sign_in(page, live_server.url, "ola.hub@kingsmere.example")
    # Straight in: the provider's second factor stands for ours.
    expect(page.get_by_role("navigation", name="Menu").get_by_role("link", name="People")).to_be_visible()
    page.goto(f"{live_server.url}/people/")
    expect(page.get_by_role("heading", level=1)).to_have_text("People")
    check_page(page, screenshot="sso-signed-in")

    page.get_by_role("button", name="Sign out").click()
    # The provider asks to end its own session too, then sends them back.
    page.get_by_role("button", name="Yes, sign me out").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/people/")
    expect(page).to_have_url(f"{live_server.url}/account/sign-in/?next=/people/")
    check_page(page)


@pytest.mark.django_db(transaction=True)
def test_a_sign_in_without_a_second_factor_is_refused(page: Page, live_server, provider) -> None:
    UserFactory(username="kim", email="no.mfa@kingsmere.example", role=Role.DUTY_WORKER)
    _provider_sign_in(page, live_server.url, "no.mfa@kingsmere.example")
    expect(page.locator(".govuk-error-summary, .govuk-notification-banner").first).to_contain_text(
        "did not use a second factor"
    )
    check_page(page)
    page.goto(f"{live_server.url}/people/")
    expect(page).to_have_url(f"{live_server.url}/account/sign-in/?next=/people/")


@pytest.mark.django_db(transaction=True)
def test_only_staff_accounts_made_here_are_signed_in(page: Page, live_server, provider) -> None:
    UserFactory(username="person", email="stranger@kingsmere.example", role=Role.PERSON)
    _provider_sign_in(page, live_server.url, "stranger@kingsmere.example")
    expect(page.locator(".govuk-error-summary, .govuk-notification-banner").first).to_contain_text(
        "no staff account here with your email address"
    )
    check_page(page)


@pytest.mark.django_db(transaction=True)
def test_with_the_providers_second_factor_not_required_staff_give_their_own(
    page: Page, live_server, provider, settings
) -> None:
    settings.LW_SSO_REQUIRE_MFA = False
    UserFactory(username="kim", email="no.mfa@kingsmere.example", role=Role.DUTY_WORKER)
    _provider_sign_in(page, live_server.url, "no.mfa@kingsmere.example")
    # Signed in, but asked to set up their authenticator app before any staff page.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Set up")
    check_page(page)
    page.goto(f"{live_server.url}/hub/introductions/")
    expect(page).to_have_url(f"{live_server.url}/account/two-factor/?next=%2Fhub%2Fintroductions%2F")
