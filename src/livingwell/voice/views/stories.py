"""Stories of experience: the public Stories page, writing one (signed in or not), the author's own page by
their link, and the coordinator's moderation."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import STORY_ROLES
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core import plain_words
from livingwell.core.forms import fresh_token, posted
from livingwell.core.rate_limits import limited_response, over_limit
from livingwell.core.refusals import Refused
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.voice import access, stories
from livingwell.voice.forms import ChoiceOfAction, ReportForm, RewriteForm, StoryForm, SuggestForm
from livingwell.voice.models import Story

SESSION_KEY = "voice_story"


@require_GET
def story_list(request: HttpRequest) -> HttpResponse:
    return render(request, "voice/stories.html", {"stories": list(stories.stories_published()[:100])})


@require_GET
def story_page(request: HttpRequest, story_id: str) -> HttpResponse:
    story = stories.stories_published().filter(pk=story_id).first()
    if story is None:
        raise Http404
    return render(request, "voice/story.html", {"story": story})


@require_http_methods(["GET", "POST"])
def story_write(request: HttpRequest) -> HttpResponse:
    user = request.user if request.user.is_authenticated else None
    initial = {**fresh_token(), "name": user.get_full_name() if user else "", "email": user.email if user else ""}
    form = StoryForm(posted(request), initial=initial)
    if request.method == "POST":
        # The safety net reads every story as it is written, even one that cannot be sent yet.
        words_read(
            request,
            texts=[form.data.get("title", ""), form.data.get("text", "")],
            where=RiskFlag.Where.STORY,
            writer_name=form.data.get("name", ""),
            writer_contact=form.data.get("email", ""),
            once=f"story:{form.data.get('submission_id', '')}"[:100],
        )
    if request.method == "POST" and form.is_valid():
        if over_limit(request, "story"):
            return limited_response(request)
        data = form.cleaned_data
        try:
            stories.story_write(
                title=data["title"],
                text=data["text"],
                writer=data["writer"],
                audience=data["audience"],
                name=data["name"],
                email=data["email"],
                user=user,  # type: ignore[arg-type]
                submission_id=data["submission_id"],
                written_in=get_language(),
            )
        except Refused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect("stories:sent")
    return render(request, "voice/story_write.html", {"form": form})


@require_GET
def story_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "voice/story_sent.html")


@require_GET
def yours_open(request: HttpRequest) -> HttpResponse:
    story_id = stories.story_of_link(request.GET.get("link", "")[:500])
    if story_id is None:
        return render(request, "voice/link_broken.html", status=410)
    request.session[SESSION_KEY] = story_id
    return redirect("stories:yours")


@require_http_methods(["GET", "POST"])
def yours(request: HttpRequest) -> HttpResponse:
    """The author's own story, by their link: what we suggest beside what they wrote; approve, send new
    words, or withdraw."""
    story_id = str(request.session.get(SESSION_KEY, ""))
    story = Story.objects.filter(pk=story_id).first() if story_id else None
    if story is None:
        return render(request, "voice/link_broken.html", status=410)
    rewrite = RewriteForm(None, initial={"text": story.suggested or story.text})
    if request.method == "POST":
        choice = ChoiceOfAction(request.POST)
        action = choice.cleaned_data["action"] if choice.is_valid() else ""
        rewrite = RewriteForm(request.POST if action == "rewrite" else None, initial={"text": story.suggested})
        try:
            if action == "approve":
                stories.story_approve(story_id=story.pk)
                messages.success(request, _("Thank you. Your story is published."))
                return redirect("stories:yours")
            if action == "withdraw":
                stories.story_withdraw(story_id=story.pk)
                messages.success(request, _("Your story is withdrawn. It is no longer published anywhere."))
                return redirect("stories:yours")
            if action == "rewrite":
                words_read(
                    request,
                    texts=[request.POST.get("text", "")],
                    where=RiskFlag.Where.STORY,
                    writer_name=story.name,
                    writer_contact=story.email,
                )
                if rewrite.is_valid():
                    stories.story_rewrite(story_id=story.pk, text=rewrite.cleaned_data["text"])
                    messages.success(request, _("Thank you. The team will read your words again."))
                    return redirect("stories:yours")
        except Refused as refused:
            messages.error(request, str(refused))
            return redirect("stories:yours")
        story.refresh_from_db()
    return render(request, "voice/story_yours.html", {"story": story, "rewrite": rewrite})


@require_GET
@role_required(*STORY_ROLES)
def moderation(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "voice/moderation.html", {"stories": access.access_stories_for(request.user)})


@require_http_methods(["GET", "POST"])
@role_required(*STORY_ROLES)
def moderate(request: AuthenticatedHttpRequest, story_id: str) -> HttpResponse:
    story = access.access_story_for(request.user, story_id)
    form = SuggestForm(posted(request), initial={"suggested": story.suggested or story.text, "note": story.note})
    if request.method == "POST" and form.is_valid():
        try:
            stories.story_suggest(
                actor=request.user,
                story=story,
                suggested=form.cleaned_data["suggested"],
                note=form.cleaned_data["note"],
            )
        except Refused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Sent to the author to approve. Nothing is published until they do."))
            return redirect("stories:moderation")
    # The words about to go to the author, checked for plain words: suggestions for the coordinator only.
    words = str(request.POST.get("suggested", "")) if request.method == "POST" else story.suggested or story.text
    return render(request, "voice/moderate.html", {"story": story, "form": form, "plain": plain_words.read(words)})


@require_POST
@role_required(*STORY_ROLES)
def story_keep(request: AuthenticatedHttpRequest, story_id: str) -> HttpResponse:
    story = access.access_story_for(request.user, story_id)
    try:
        stories.story_keep(actor=request.user, story=story)
    except Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Kept, read by the team."))
    return redirect(reverse("stories:moderation"))


@require_POST
@role_required(*STORY_ROLES)
def story_report(request: AuthenticatedHttpRequest, story_id: str) -> HttpResponse:
    story = access.access_story_for(request.user, story_id)
    form = ReportForm(request.POST)
    in_report = form.is_valid() and form.cleaned_data["in_report"]
    try:
        stories.story_for_report(actor=request.user, story=story, in_report=in_report)
    except Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request, _("It goes into the quarterly report.") if in_report else _("It is left out of the report.")
        )
    return redirect(reverse("stories:moderate", args=[story.pk]))
