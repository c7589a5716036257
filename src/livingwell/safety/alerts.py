"""Showing a person crisis routes at once, on the page after they wrote words of risk (hazard H-001)."""

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.conf import settings
from django.http import HttpRequest

from livingwell.accounts.models import User
from livingwell.core.sealed import seal, unseal
from livingwell.safety.matching import Risk
from livingwell.safety.models import RiskFlag
from livingwell.safety.services import risk_flag_raise

SESSION_KEY = "safety_alert"


def alert_show(request: HttpRequest, risk: Risk, *, told_guide: bool) -> None:
    """Show the safety alert on the next page this browser opens, with the routes for what was found."""
    if risk:
        request.session[SESSION_KEY] = seal({"categories": risk.categories, "told": "guide" if told_guide else "duty"})


def words_read(
    request: HttpRequest,
    *,
    texts: Iterable[str],
    where: RiskFlag.Where,
    person_id: UUID | None = None,
    guide: User | None = None,
    writer_name: str = "",
    writer_contact: str = "",
    once: str = "",
) -> Risk:
    """The safety net wherever someone writes to us: words of risk are flagged to whoever is responsible
    (``guide``, else the duty team), and the writer sees the crisis routes on the very next page."""
    risk = risk_flag_raise(
        actor=request.user,
        texts=texts,
        where=where,
        person_id=person_id,
        guide=guide,
        writer_name=writer_name,
        writer_contact=writer_contact,
        once=once,
    )
    alert_show(request, risk, told_guide=guide is not None)
    return risk


def safety_alert(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the alert to show once, if the last thing written called for one."""
    session = getattr(request, "session", None)
    if session is None or SESSION_KEY not in session:
        return {}
    alert = unseal(session.pop(SESSION_KEY))
    if not isinstance(alert, dict):
        return {}
    return {"safety_alert": alert, "safety_read_when": settings.LW_INTRODUCTIONS_READ}
