"""Personal guides: the profiles people choose from, and each guide's own profile."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from livingwell.accounts.models import Role
from livingwell.core.forms import posted
from livingwell.core.permissions import role_required
from livingwell.core.types import AuthenticatedHttpRequest
from livingwell.support.forms import GuideProfileForm
from livingwell.support.models import GuideProfile
from livingwell.support.services import guide_profile_save

# Who may guide: the Hub's workers and trained peers (DESIGN.md §2, "personal guide").
GUIDE_ROLES = (Role.PERSONAL_GUIDE, Role.PEER_SUPPORTER, Role.DUTY_WORKER, Role.HUB_MANAGER)


@require_GET
def guides(request: HttpRequest) -> HttpResponse:
    """The team's short profiles, public, so that a person can choose who they would like to work with."""
    return render(request, "support/guides.html", {"guides": GuideProfile.objects.choosable()})


@require_http_methods(["GET", "POST"])
@role_required(*GUIDE_ROLES)
def my_guide_profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = GuideProfile.objects.filter(user=request.user).first()
    form = GuideProfileForm(posted(request), instance=profile)
    if request.method == "POST" and form.is_valid():
        guide_profile_save(user=request.user, changes=form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        return redirect("support:my_guide_profile")
    return render(request, "support/my_guide_profile.html", {"form": form, "profile": profile})
