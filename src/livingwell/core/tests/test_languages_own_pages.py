"""Someone we support reads their own pages in the language they chose (decision 0062): their details and how
we contact them, their plan (with what they may change and say there), the support they have, their peer
support, and signing in, with every mistake a person can make there. The questionnaires of their wellbeing are
kept in English: each is a validated instrument, and a translation of one is valid only as its authors publish
it."""

import datetime
import uuid
from collections.abc import Callable

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from livingwell.accounts.models import Role, User
from livingwell.accounts.tests.factories import UserFactory
from livingwell.conftest import sign_in
from livingwell.core.tests.test_languages import OTHERS, Untranslated, _in
from livingwell.people.tests.factories import PersonFactory
from livingwell.support.models import Goal, Plan
from livingwell.support.tests.factories import EpisodeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", OTHERS)
def test_someone_we_support_reads_their_own_pages_in_their_language(
    signed_in_client: Callable[[Role], Client], monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    guide_client = signed_in_client(Role.PERSONAL_GUIDE)
    guide = User.objects.get(username="test-personal_guide")
    user = UserFactory(role=Role.PERSON, username="robin", email="robin@example.org")
    person = PersonFactory(
        user=user, preferred_name="Robin", email="robin@example.org", written_in=code, language="Somali",
        needs_interpreter=True,
    )  # fmt: skip
    episode = EpisodeFactory(
        person=person, guide=guide, next_review_on=timezone.localdate() + datetime.timedelta(weeks=6)
    )

    def of_episode(name: str) -> str:
        return reverse(f"support:{name}", kwargs={"episode_id": episode.pk})

    # Their guide writes the plan with them, in the site's language.
    guide_client.post(of_episode("plan_start"))
    guide_client.post(of_episode("about_me"), {"strengths": "Patient", "crisis_plan": "Call my sister"})
    for connection in (
        {"name": "My sister Ade", "kind": "family", "closeness": "close", "may_share": "on"},
        {"name": "Allotment group", "kind": "community", "closeness": "wider"},
    ):
        guide_client.post(of_episode("connection_new"), connection)
    goal = {"outcome": "taking_part", "what": "Join the walking group", "who_helps": "Gabriel"}
    guide_client.post(of_episode("goal_new"), {**goal, "submission_id": str(uuid.uuid4())})
    step = reverse("support:goal_step", kwargs={"goal_id": Goal.objects.get().pk})
    guide_client.post(step, {"what": "Go once together", "who": "Robin", "submission_id": str(uuid.uuid4())})
    review = reverse("support:goal_review", kwargs={"goal_id": Goal.objects.get().pk})
    guide_client.post(review, {"progress": "6", "note": "Went twice"})
    guide_client.post(of_episode("plan_comment"), {"text": "Good to see you", "submission_id": str(uuid.uuid4())})

    untranslated = Untranslated(monkeypatch, code)
    robin = Client()
    sign_in(robin, user)
    pages = [
        robin.get(_in(code, name))
        for name in (
            "people:my_details", "people:my_contact_preferences", "support:my_plan", "support:my_about_me",
            "support:my_support", "peer:mine",
        )
    ]  # fmt: skip
    comment = _in(code, "support:my_plan_comment")
    pages.append(robin.post(comment, {"text": "", "submission_id": str(uuid.uuid4())}, follow=True))
    pages.append(robin.post(comment, {"text": "Thank you", "submission_id": str(uuid.uuid4())}, follow=True))
    pages.append(robin.post(_in(code, "support:my_plan_agree"), follow=True))  # changed since: read it again
    version = Plan.objects.get(person=person).version
    pages.append(robin.post(_in(code, "support:my_plan_agree"), {"version": version}, follow=True))
    pages.append(robin.post(_in(code, "support:my_about_me"), {"strengths": "x" * 5001}, follow=True))
    # Their wellbeing: the questionnaires' own questions stay in the licensed English, and the page around
    # them, what their answers show, and its mistakes are in their language.
    pages.append(robin.get(_in(code, "support:my_measures")))

    def measure(instrument: str) -> str:
        with translation.override(code):
            return reverse("support:my_measure_new", kwargs={"code": instrument})

    for instrument in ("ons4", "swemwbs", "dialog"):
        filling_in = measure(instrument)
        pages.append(robin.get(filling_in))
        assert "The questions are in English." not in pages[-1].content.decode()  # said in their language
        pages.append(robin.post(filling_in, {"token": str(uuid.uuid4())}))
    ons4 = measure("ons4")
    for answers in ([4, 5, 4, 8], [7, 7, 8, 2]):
        numbered = {f"item_{number}": str(value) for number, value in enumerate(answers, start=1)}
        robin.post(ons4, {"token": str(uuid.uuid4()), **numbered})
    pages.append(robin.post(ons4, {"token": str(uuid.uuid4()), "item_1": "11", "item_2": "x"}))
    assert "Overall, how satisfied are you with your life nowadays?" in pages[-1].content.decode()  # as licensed
    pages.append(robin.get(_in(code, "support:my_measures")))
    # Signing in, and a new password, as anyone does.
    visitor = Client()
    pages.append(visitor.get(_in(code, "accounts:sign_in")))
    pages.append(visitor.post(_in(code, "accounts:sign_in"), {"username": "robin", "password": "wrong"}))
    pages.append(visitor.get(_in(code, "accounts:forgot_password")))
    pages.append(visitor.post(_in(code, "accounts:forgot_password"), {"email": "robin@example.org"}, follow=True))
    pages.append(visitor.post(_in(code, "accounts:sign_in"), {"username": "", "password": ""}))
    pages.append(visitor.post(_in(code, "accounts:forgot_password"), {"email": "robin at home"}))
    # A new password from the link, and signing out.
    token = {"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)}
    reset = visitor.get(_in(code, "accounts:password_reset", **token), follow=True)
    pages.append(reset)
    renewed = {"new_password1": "the long way round the park", "new_password2": "the long way round the park"}
    pages.append(visitor.post(reset.redirect_chain[-1][0], renewed, follow=True))
    pages.append(robin.post(_in(code, "accounts:sign_out"), follow=True))
    # A person's first sign-in, from the invitation to read their plan: choosing a password, with mistakes.
    invited = UserFactory(role=Role.PERSON, username="sam", email="sam@example.org")
    invited.set_unusable_password()
    invited.save()
    PersonFactory(user=invited, written_in=code)
    welcome = visitor.get(
        _in(code, "accounts:welcome", uidb64=urlsafe_base64_encode(force_bytes(invited.pk)),
            token=default_token_generator.make_token(invited)),
        follow=True,
    )  # fmt: skip
    pages.append(welcome)
    pages.append(visitor.post(welcome.redirect_chain[-1][0], {"new_password1": "a", "new_password2": "b"}))
    chosen = {"new_password1": "a walk by the river at dawn", "new_password2": "a walk by the river at dawn"}
    pages.append(visitor.post(welcome.redirect_chain[-1][0], chosen, follow=True))  # no plan yet: it says so
    assert [page.status_code for page in pages] == [200] * len(pages)
    assert all(f'lang="{code}"' in page.content.decode() for page in pages)
    assert list(untranslated.found) == []
