"""Files kept in an S3-compatible bucket (decision 0057): set by settings alone, sealed before they go, named by a
random id, backed up and restored, and watched by the platform's health. Against a real S3 server on loopback
(moto's); boto3 and django-storages are never mocked."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from livingwell.conftest import Bucket
from livingwell.core.backups import files_restore, files_take
from livingwell.core.files import file_delete, file_keep, file_read
from livingwell.core.health import worker_heartbeat_leave
from livingwell.core.settings_helpers import files_s3_storage

pytestmark = pytest.mark.django_db

RECEIPT = b"Bus fare to the Collaborative, Jo Bloggs, 12 Acacia Road"


def _keys(bucket: Bucket) -> list[str]:
    listing = bucket.client.list_objects_v2(Bucket=bucket.name)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def _stored(bucket: Bucket, key: str) -> bytes:
    return bucket.client.get_object(Bucket=bucket.name, Key=key)["Body"].read()


def test_a_file_goes_to_the_bucket_sealed_and_named_by_nothing_of_whose_it_is(s3_files: Bucket) -> None:
    name = file_keep("receipts", RECEIPT)
    assert _keys(s3_files) == [name]
    assert name.startswith("receipts/")
    assert name.endswith(".sealed")
    stored = _stored(s3_files, name)
    assert b"Jo Bloggs" not in stored
    assert b"Acacia" not in stored
    assert file_read(name) == RECEIPT
    file_delete(name)
    assert _keys(s3_files) == []


def test_two_files_of_the_same_content_never_overwrite_each_other(s3_files: Bucket) -> None:
    first, second = file_keep("receipts", RECEIPT), file_keep("receipts", RECEIPT)
    assert first != second
    assert _keys(s3_files) == sorted([first, second])


def test_the_bucket_is_backed_up_and_restored_into_another(settings, s3_server: str, s3_files: Bucket, tmp_path):
    names = [file_keep("receipts", b"%PDF-1.4 one"), file_keep("subject-access", "two — ✓".encode())]
    archive = tmp_path / "files.tar"
    assert sorted(files_take(archive)) == sorted(names)
    fresh = f"{s3_files.name}-restored"
    s3_files.client.create_bucket(Bucket=fresh, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    options = settings.STORAGES["default"]["OPTIONS"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": files_s3_storage(
            bucket=fresh,
            endpoint_url=s3_server,
            region="eu-west-2",
            access_key_id=options["access_key"],
            secret_access_key=options["secret_key"],
        ),
    }
    files_restore(archive)
    files_restore(archive)  # again: nothing doubled
    assert _keys(Bucket(fresh, s3_files.client)) == sorted(names)
    assert [file_read(name) for name in names] == [b"%PDF-1.4 one", "two — ✓".encode()]


def test_the_platform_is_unwell_when_its_bucket_cannot_be_reached(s3_files: Bucket) -> None:
    worker_heartbeat_leave()
    well = Client().get(reverse("core:health"))
    assert well.status_code == 200, well.json()
    assert well.json()["Files(alias='default')"] == "OK"
    assert _keys(s3_files) == []  # the check's own file is gone again
    s3_files.client.delete_bucket(Bucket=s3_files.name)
    unwell = Client().get(reverse("core:health"))
    assert unwell.status_code == 503
    assert unwell.json()["Files(alias='default')"] == "Unavailable: The file storage did not answer (NoSuchBucket)"
    assert Client().get(reverse("core:health_ready")).status_code == 200  # the pages still serve
    cache.clear()


def test_the_settings_keep_the_bucket_private_and_leave_blanks_to_boto3() -> None:
    storage = files_s3_storage(bucket="livingwell-files")
    assert storage == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "livingwell-files",
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
            "addressing_style": None,
        },
    }
    own = files_s3_storage(bucket="b", endpoint_url="https://s3.example.gov.uk", addressing_style="path")
    assert own["OPTIONS"]["endpoint_url"] == "https://s3.example.gov.uk"
    assert own["OPTIONS"]["addressing_style"] == "path"
