"""`manage.py check --deploy` is clean on the production settings."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings


def _environment(**overrides: str) -> dict[str, str]:
    # The browser tests allow Django's async-unsafe calls in this process; a deployment never does.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**env, "DJANGO_SETTINGS_MODULE": "livingwell.config.production", **overrides}


def test_check_deploy_is_clean_on_production_settings() -> None:
    env = {
        **_environment(),
        "SECRET_KEY": "a-real-deployment-would-use-a-long-random-secret-key-like-this-one-0123456789",
        "ALLOWED_HOSTS": "livingwell.example",
        "EMAIL_URL": "smtp+tls://mailer:secret@smtp.livingwell.example:587",
        "DATABASE_URL": f"sqlite:///{settings.BASE_DIR / 'var' / 'check-deploy.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "check", "--deploy", "--fail-level", "DEBUG"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_are_strict() -> None:
    env = {
        **_environment(),
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "livingwell.example",
        "EMAIL_URL": "smtp://localhost:25",
    }
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.X_FRAME_OPTIONS, s.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["31536000", "True", "True", "DENY", "False"]


def test_production_refuses_to_start_with_the_demo_key() -> None:
    for key in (settings.DEMO_SECRET_KEY, "short"):
        env = {**_environment(), "SECRET_KEY": key, "ALLOWED_HOSTS": "x.example", "EMAIL_URL": "smtp://localhost:25"}
        result = subprocess.run(
            [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True
        )
        assert result.returncode != 0
        assert "Set SECRET_KEY to a long random value of your own" in result.stderr
