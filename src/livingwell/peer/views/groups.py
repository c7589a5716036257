"""Peer support groups' pages: the groups in public with how many came each month (never who), a group's
sessions for the peer supporters who run it, and the Hub manager's list of groups."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from livingwell.accounts.models import HUB_MANAGER_ROLES, Role
from livingwell.accounts.permissions import role_required
from livingwell.accounts.types import AuthenticatedHttpRequest
from livingwell.core.forms import fresh_token, posted
from livingwell.core.refusals import Refused, change_told
from livingwell.peer import access, groups
from livingwell.peer.forms import GroupChangeForm, GroupSessionForm, GroupStartForm
from livingwell.safety.alerts import words_read
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import risk_flag_raise


@require_GET
def group_list(request: HttpRequest) -> HttpResponse:
    return render(request, "peer/groups.html", {"groups": list(groups.running_groups())})


@require_GET
def group(request: HttpRequest, group_id: int) -> HttpResponse:
    """A group in public: its listing, and how often it met and how many came each month."""
    the_group = groups.running_groups().filter(pk=group_id).first()
    if the_group is None:
        raise Http404
    runs = access.works_on_group(request.user, the_group)  # type: ignore[arg-type]
    months = groups.months_of(the_group, timezone.localdate())
    return render(request, "peer/group.html", {"group": the_group, "months": months, "runs": runs})


def _work_page(request: AuthenticatedHttpRequest, work: access.GroupWork, **forms: object) -> HttpResponse:
    context = {
        "work": work,
        "form": GroupSessionForm(initial=fresh_token()),
        "change": GroupChangeForm(
            initial={"facilitators": list(work.group.facilitators.all()), "is_running": work.group.is_running},
            prefix="change",
        ),
        **forms,
    }
    return render(request, "peer/group_work.html", context)


@role_required(Role.PEER_SUPPORTER, *HUB_MANAGER_ROLES)
@require_http_methods(["GET", "POST"])
def group_work(request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
    """A group's sessions and recording one, for the peer supporters who run it and the Hub manager."""
    work = access.access_group_work_for(request.user, group_id)
    if request.method != "POST":
        return _work_page(request, work)
    form = GroupSessionForm(request.POST)
    token = form.data.get("submission_id", "")
    name = request.user.get_full_name() or request.user.username
    # The safety net reads what was written; a worry goes to the duty team whatever words it is in.
    words_read(
        request, texts=[form.data.get("note", "")], where=RiskFlag.Where.PEER_GROUP,
        once=f"peer-group:{token}"[:100], writer_name=name, writer_contact=request.user.email,
    )  # fmt: skip
    concern = form.data.get("concern", "").strip()
    if concern:
        risk_flag_raise(
            actor=request.user, texts=[concern], where=RiskFlag.Where.PEER_GROUP, concern=True,
            once=f"peer-group-concern:{token}"[:100], writer_name=name, writer_contact=request.user.email,
        )  # fmt: skip
    if form.is_valid():
        try:
            groups.group_session_record(actor=request.user, group=work.group, **form.cleaned_data)
        except Refused as refused:
            form.add_error(None, str(refused))
        else:
            done = _("The session is recorded.")
            if concern:
                done += " " + _("Your worry has gone to the duty team now.")
            messages.success(request, done)
            return redirect("peer:group_work", group_id)
    return _work_page(request, work, form=form)


@role_required(*HUB_MANAGER_ROLES)
@require_POST
def group_change(request: AuthenticatedHttpRequest, group_id: int) -> HttpResponse:
    work = access.access_group_work_for(request.user, group_id)
    form = GroupChangeForm(request.POST, prefix="change")
    if not form.is_valid():
        return _work_page(request, work, change=form)
    change_told(request, lambda: groups.group_change(actor=request.user, group=work.group, **form.cleaned_data))
    return redirect("peer:group_work", group_id)


@role_required(*HUB_MANAGER_ROLES)
@require_http_methods(["GET", "POST"])
def groups_manage(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every peer group for the Hub manager, and starting one for a group listed in the directory."""
    managed = access.access_groups_managed_for(request.user)
    form = GroupStartForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            started = groups.group_start(actor=request.user, **form.cleaned_data)
        except Refused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("%(name)s is a peer group here now.") % {"name": started.service.name})
            return redirect("peer:group_work", started.pk)
    return render(request, "peer/groups_manage.html", {"groups": managed, "form": form})
