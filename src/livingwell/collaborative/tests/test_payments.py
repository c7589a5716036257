"""Paying Experts by Experience: attendance makes a claim at the body's rate, expenses with receipts, the
coordinator approves (never their own), finance gets a CSV, the member a statement, and the yearly limit
warns as it comes near."""

import csv
import datetime
import io
import uuid
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingwell.audit.models import AuditEvent
from livingwell.collaborative.models import Claim, Expense, Meeting, PaymentRate
from livingwell.collaborative.tests.factories import MeetingFactory, MembershipFactory
from livingwell.core import yearly_limit
from livingwell.core.files import file_read

pytestmark = pytest.mark.django_db


@pytest.fixture
def today(the_board) -> Meeting:
    body, _groups = the_board
    start = timezone.now().replace(microsecond=0)
    return MeetingFactory(body=body, starts_at=start, ends_at=start + datetime.timedelta(hours=2))


def _mark(client: Client, meeting: Meeting, membership, present: str = "yes"):
    return client.post(
        reverse("collaborative:attendance", args=[meeting.pk]), {"membership": membership.pk, "present": present}
    )


def _rate(body, basis="hour", amount="15.00", kind="ebe"):
    return PaymentRate.objects.create(
        body=body, kind=kind, basis=basis, amount=Decimal(amount), valid_from=datetime.date(2020, 1, 1)
    )


def _receipt(content=b"%PDF-1.4 receipt", name="bus.pdf", kind="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=kind)


def test_a_receipt_kept_in_a_bucket_is_handed_over_only_through_its_check(
    s3_files, member: Client, the_board, today, member_membership, secretary: Client
):
    """With LW_FILES_S3_BUCKET set (decision 0057), a receipt goes to the bucket sealed, once on a double
    submit, and comes back only through the receipt view's access check."""
    body, _groups = the_board
    _rate(body)
    _mark(secretary, today, member_membership)
    url = reverse("collaborative:claim", args=[Claim.objects.get().pk])
    data = {"what": "Bus fare", "amount": "4.50", "submission_id": str(uuid.uuid4())}
    for _ in range(2):
        member.post(url + "expense/", {**data, "receipt": _receipt(b"%PDF-1.4 Jo Bloggs's bus fare")})
    expense = Expense.objects.get()
    stored = s3_files.client.list_objects_v2(Bucket=s3_files.name)["Contents"]
    assert [item["Key"] for item in stored] == [expense.receipt_file]
    sealed = s3_files.client.get_object(Bucket=s3_files.name, Key=expense.receipt_file)["Body"].read()
    assert b"Bloggs" not in sealed
    download = member.get(reverse("collaborative:receipt", args=[expense.pk]))
    assert b"".join(download.streaming_content if download.streaming else [download.content]) == (
        b"%PDF-1.4 Jo Bloggs's bus fare"
    )
    assert Client().get(reverse("collaborative:receipt", args=[expense.pk])).status_code == 302  # to sign in


def test_attending_an_eligible_meeting_makes_one_claim_at_the_rate(
    secretary: Client, the_board, today, member_membership
):
    body, groups = the_board
    _rate(body)
    carer = MembershipFactory(body=body, constituency=groups["carer"])
    _mark(secretary, today, member_membership)
    _mark(secretary, today, member_membership)
    _mark(secretary, today, carer)  # carers are not paid by this body
    claim = Claim.objects.get()
    assert (claim.member, claim.hours, claim.fee, claim.status) == (
        member_membership.member,
        Decimal("2.00"),
        Decimal("30.00"),
        "waiting",
    )
    # Unmarked before approval: the claim goes with the attendance.
    _mark(secretary, today, member_membership, present="no")
    assert not Claim.objects.exists()


def test_a_per_meeting_rate_and_no_double_claims(the_board, today, member_membership, secretary: Client):
    body, _groups = the_board
    _rate(body, basis="meeting", amount="25")
    _mark(secretary, today, member_membership)
    claim = Claim.objects.get()
    assert claim.fee == Decimal("25.00")
    with pytest.raises(IntegrityError), transaction.atomic():  # the database refuses a second claim
        Claim.objects.create(member=claim.member, meeting=today, body=body, basis="meeting", rate=25, hours=2, fee=25)


def test_the_member_adds_expenses_with_receipts_and_the_coordinator_approves(
    secretary: Client, member: Client, the_board, today, member_membership
):
    body, _groups = the_board
    _rate(body)
    _mark(secretary, today, member_membership)
    claim = Claim.objects.get()
    url = reverse("collaborative:claim", args=[claim.pk])
    token = str(uuid.uuid4())
    for _ in range(2):  # a double submit adds it once
        response = member.post(
            url + "expense/", {"what": "Bus fare", "amount": "4.50", "receipt": _receipt(), "submission_id": token}
        )
        assert response.status_code == 302
    expense = Expense.objects.get()
    assert file_read(expense.receipt_file) == b"%PDF-1.4 receipt"
    assert expense.receipt_file.startswith("receipts/")
    download = member.get(reverse("collaborative:receipt", args=[expense.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert "bus" not in download["Content-Disposition"]  # no personal file names in headers
    # The member cannot approve their own claim: no button, and a forged post is refused.
    assert b"Approve the claim" not in member.get(url).content
    member.post(url + "approve/")
    claim.refresh_from_db()
    assert claim.status == "waiting"
    page = secretary.get(reverse("collaborative:payments", args=[body.slug])).content.decode()
    assert "Ola" in page
    assert "£4.50</td>" in page  # the expenses column is money, not a count
    secretary.post(url + "approve/")
    claim.refresh_from_db()
    assert (claim.status, claim.decided_by.username) == ("approved", "test-secretary")
    # Approved: no more expenses, and attendance stays.
    late = member.post(
        url + "expense/",
        {"what": "Taxi", "amount": "20", "receipt": _receipt(), "submission_id": str(uuid.uuid4())},
    )
    assert late.status_code == 302
    assert Expense.objects.count() == 1
    _mark(secretary, today, member_membership, present="no")
    assert today.attendance.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"amount": "-1"}, "The amount must be more than 0"),
        ({"amount": "four pounds"}, "Enter an amount in pounds, like 4.50"),
        ({"amount": "4.555"}, "Enter an amount in pounds and pence"),
        ({"what": ""}, "Say what the expense was for"),
        ({"receipt": None}, "Choose the receipt"),
        ({"receipt": "html"}, "The receipt must be a PDF, JPG, PNG, HEIC or WEBP"),
        ({"receipt": "svg as png"}, "The receipt must be a PDF, JPG, PNG, HEIC or WEBP"),
        ({"receipt": "html as pdf"}, "The receipt must be a PDF, JPG, PNG, HEIC or WEBP"),
        ({"receipt": "huge"}, "The receipt must be 5 MB or smaller"),
    ],
)
def test_bad_expenses_are_explained_and_nothing_is_saved(
    secretary: Client, member: Client, the_board, today, member_membership, changes, message
):
    body, _groups = the_board
    _rate(body)
    _mark(secretary, today, member_membership)
    claim = Claim.objects.get()
    data = {
        "what": "Bus fare",
        "amount": "4.50",
        "receipt": _receipt(),
        "submission_id": str(uuid.uuid4()),
    }
    data.update(changes)
    if data["receipt"] is None:
        del data["receipt"]
    elif data["receipt"] == "html":
        data["receipt"] = _receipt(b"<script>alert(1)</script>", "x.html", "text/html")
    elif data["receipt"] == "svg as png":
        data["receipt"] = _receipt(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "r.png", "image/png")
    elif data["receipt"] == "html as pdf":
        data["receipt"] = _receipt(b"<html><script>alert(1)</script>", "r.pdf", "application/pdf")
    elif data["receipt"] == "huge":
        data["receipt"] = _receipt(b"0" * (5 * 1024 * 1024 + 1))
    response = member.post(reverse("collaborative:claim_expense", args=[claim.pk]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Expense.objects.exists()


def test_a_receipt_is_known_by_its_own_bytes_and_a_huge_body_is_refused_unread(
    secretary: Client, member: Client, the_board, today, member_membership
):
    body, _groups = the_board
    _rate(body)
    _mark(secretary, today, member_membership)
    claim = Claim.objects.get()
    url = reverse("collaborative:claim", args=[claim.pk])
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    data = {"what": "Bus", "amount": "2", "submission_id": str(uuid.uuid4())}
    member.post(url + "expense/", {**data, "receipt": _receipt(png, "photo.jpg", "image/jpeg")})
    assert Expense.objects.get().receipt_type == "image/png"  # its bytes say PNG, whatever the browser said
    huge = {**data, "submission_id": str(uuid.uuid4()), "receipt": _receipt(b"0" * (7 * 1024 * 1024), "big.pdf")}
    refused = member.post(url + "expense/", huge)
    assert refused.status_code == 413
    assert "116 123" in refused.content.decode()
    assert Expense.objects.count() == 1


def test_finance_gets_each_approved_claim_once_in_a_csv(secretary: Client, the_board, today):
    body, groups = the_board
    _rate(body)
    people = [
        MembershipFactory(body=body, constituency=groups["ebe"], member__name=name) for name in ("=HYPERLINK()", "Zoë")
    ]
    for membership in people:
        _mark(secretary, today, membership)
    for claim in Claim.objects.all():
        secretary.post(reverse("collaborative:claim_approve", args=[claim.pk]))
    made = secretary.post(reverse("collaborative:payments_export", args=[body.slug]))
    response = secretary.get(made["Location"])
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert sorted(row["member"] for row in rows) == ["'=HYPERLINK()", "Zoë"]
    assert {row["total"] for row in rows} == {"30.00"}
    assert set(Claim.objects.values_list("status", flat=True)) == {"exported"}
    assert AuditEvent.objects.filter(action="export", record_type="collaborative.claim").count() == 2
    again = secretary.post(reverse("collaborative:payments_export", args=[body.slug]), follow=True)
    assert "There are no approved claims to send to finance" in again.content.decode()  # nothing new to send
    # A lost download is not lost: the batch is kept, with who made it and when, to download again.
    page = secretary.get(reverse("collaborative:payments", args=[body.slug])).content.decode()
    assert "2 claims, by" in page
    assert secretary.get(made["Location"]).content == response.content
    downloads = AuditEvent.objects.filter(action="export", record_type="collaborative.financeexport")
    assert downloads.count() == 2


def test_the_yearly_limit_warns_as_it_nears_and_needs_agreement_to_pass(
    secretary: Client, member: Client, the_board, member_membership
):
    body, _groups = the_board
    _rate(body, basis="meeting", amount="100")
    member_membership.member.annual_cap = Decimal("250")
    member_membership.member.save()
    claims = []
    for days_ago in (3, 2, 1):
        start = timezone.now() - datetime.timedelta(days=days_ago)
        meeting = MeetingFactory(body=body, starts_at=start, ends_at=start + datetime.timedelta(hours=1))
        _mark(secretary, meeting, member_membership)
        claims.append(Claim.objects.get(meeting=meeting))
    for claim in claims[:2]:
        secretary.post(reverse("collaborative:claim_approve", args=[claim.pk]))
    payments_page = secretary.get(reverse("collaborative:payments", args=[body.slug])).content.decode()
    assert "Over their yearly limit" in payments_page
    third = reverse("collaborative:claim", args=[claims[2].pk])
    assert "over their limit of £250.00" in secretary.get(third).content.decode()
    secretary.post(third + "approve/")
    claims[2].refresh_from_db()
    assert claims[2].status == "waiting"
    statement = member.get(reverse("collaborative:my_payments")).content.decode()
    assert "You are near your yearly limit of £250.00" in statement
    assert "£200.00" in statement
    secretary.post(third + "approve/", {"approve-over_limit_agreed": "on"})
    claims[2].refresh_from_db()
    assert claims[2].status == "approved"


def test_a_claim_not_approved_keeps_its_reason_and_others_cannot_see_it(
    secretary: Client, member: Client, the_board, today, member_membership, signed_in_client
):
    body, _groups = the_board
    _rate(body)
    _mark(secretary, today, member_membership)
    claim = Claim.objects.get()
    url = reverse("collaborative:claim", args=[claim.pk])
    assert b"Give a reason" in secretary.post(url + "reject/", {"reject-reason": ""}).content
    secretary.post(url + "reject/", {"reject-reason": "Paid through their employer."})
    claim.refresh_from_db()
    assert (claim.status, claim.reject_reason) == ("rejected", "Paid through their employer.")
    assert b"Paid through their employer." in member.get(url).content
    stranger = Client()
    from livingwell.accounts.tests.factories import UserFactory

    stranger.force_login(UserFactory())
    assert stranger.get(url).status_code == 403


def test_tax_years_start_on_6_april():
    assert yearly_limit.tax_year_start(datetime.date(2027, 4, 5)) == datetime.date(2026, 4, 6)
    assert yearly_limit.tax_year_start(datetime.date(2027, 4, 6)) == datetime.date(2027, 4, 6)
    assert yearly_limit.tax_year_label(datetime.date(2026, 4, 6)) == "2026–27"
