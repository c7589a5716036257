"""Fixtures shared by every test under src/."""

import os
import socket
import uuid
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import StaticDeviceFactory, UserFactory
from livingwell.core.models import PlainWord
from livingwell.core.plain_words import glossary_load
from livingwell.core.settings_helpers import files_s3_storage
from livingwell.directory.taxonomy import default_taxonomy_ensure
from livingwell.safety.lexicon import lexicon_load
from livingwell.safety.models import LexiconEntry
from livingwell.support.instruments import instruments_load
from livingwell.support.models import Instrument, InstrumentItem
from livingwell.timebank.models import Bank, Category
from livingwell.timebank.shipped import bank_load
from livingwell.voice.experience import questions_load
from livingwell.voice.ladder import ladder_load
from livingwell.voice.models import ExperienceQuestion, Principle, Rung, ScorePoint
from livingwell.voice.principles import principles_load


def sign_in(client: Client, user: User) -> None:
    """Sign ``user`` in, with a verified second factor if their role needs one."""
    client.force_login(user)
    if user.is_staff_role:
        device = StaticDeviceFactory(user=user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


def free_port() -> int:
    """A port on the loopback nobody is listening on, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def user_with_role(db: None) -> Callable[[Role], User]:
    def make(role: Role) -> User:
        return UserFactory(username=f"test-{role.value}", role=role)

    return make


@pytest.fixture
def signed_in_client(client: Client, user_with_role: Callable[[Role], User]) -> Callable[[Role], Client]:
    """A client signed in with the given role (and a verified second factor for staff)."""

    def make(role: Role) -> Client:
        sign_in(client, user_with_role(role))
        return client

    return make


@pytest.fixture(autouse=True)
def _caches_start_afresh() -> None:
    """Rate limits are counted in the cache; each test starts with none used, and with nothing kept in this
    process from a test before (a page, a list of neighbourhoods its database no longer has)."""
    caches["default"].clear()
    caches["template_fragments"].clear()


@pytest.fixture(autouse=True)
def _in_english() -> None:
    """Each test starts in the site's own language: a request in another (/pl/…) leaves it active in the
    thread, as each request activates its own, and ``reverse`` would then give that language's addresses."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> None:
    """Every run starts with what the migrations ship (the taxonomy, the safety net's lexicon, the outcome
    measures), even on a test database kept from an earlier run (``./lw test --reuse-db``), whose last
    transactional test emptied it."""
    with django_db_blocker.unblock():
        shipped_ensure()


def worker_run() -> None:
    """The task workers once through every queue, as a deployment's run them (urgent alerts have their own).
    Its test must be ``django_db(transaction=True)``: the worker closes its database connections when done."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*", verbosity=0)


def shipped_ensure() -> None:
    """What the migrations ship, loaded again if a transactional test before this one emptied the tables."""
    default_taxonomy_ensure()
    lexicon_load(LexiconEntry)
    instruments_load(Instrument, InstrumentItem)
    ladder_load(Rung)
    principles_load(Principle, ScorePoint)
    questions_load(ExperienceQuestion)
    bank_load(Bank, Category)
    glossary_load(PlainWord)


REDIS = ("127.0.0.1", 6379)


def _redis_up() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture
def redis_cache(settings):
    """The shared cache in Redis, as production runs it (database 15, emptied before and after)."""
    if not _redis_up():
        if os.environ.get("LW_REQUIRE_REDIS"):
            pytest.fail("Redis is needed at 127.0.0.1:6379 for this test")
        pytest.skip("no Redis at 127.0.0.1:6379")
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/15"},
    }
    caches["default"].clear()
    yield caches["default"]
    caches["default"].clear()


@pytest.fixture(scope="session")
def s3_server() -> Iterator[str]:
    """A real S3-compatible server on loopback (moto's), for this run: its address."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


class Bucket(NamedTuple):
    name: str
    client: Any  # boto3's, to look in the bucket with


@pytest.fixture
def s3_files(settings, s3_server: str) -> Bucket:
    """The files kept go to a new, empty bucket of their own on ``s3_server``, as ``LW_FILES_S3_BUCKET`` sets it."""
    import boto3

    bucket = f"livingwell-{uuid.uuid4().hex[:12]}"
    keys = {"access_key_id": "test-key", "secret_access_key": "test-secret"}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": files_s3_storage(bucket=bucket, endpoint_url=s3_server, region="eu-west-2", **keys),
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="eu-west-2",
        aws_access_key_id=keys["access_key_id"],
        aws_secret_access_key=keys["secret_access_key"],
    )
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    return Bucket(bucket, client)
