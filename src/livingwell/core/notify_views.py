"""GOV.UK Notify's delivery receipts (its "callback"): what came of each message we sent through it."""

import hmac
import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from livingwell.core.notify import receipt_record


@csrf_exempt  # Notify signs its calls with our bearer token instead
@require_POST
def receipt(request: HttpRequest) -> HttpResponse:
    """Notify posts JSON with its ``id`` for the sending, the message's ``reference`` (our delivery key) and
    its ``status``. Refused
    without our token; a receipt for nothing of ours, or told twice, is thanked and changes nothing."""
    token = settings.LW_NOTIFY_CALLBACK_TOKEN
    given = request.headers.get("Authorization", "")
    if not token or not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return JsonResponse({"error": "Unauthorised"}, status=401)
    try:
        data = json.loads(request.body)
        reference, status, notification_id = str(data["reference"] or ""), str(data["status"]), str(data["id"])
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "Expected a JSON object with an id, a reference and a status"}, status=400)
    receipt_record(reference=reference, status=status, notification_id=notification_id[:36])
    return HttpResponse(status=204)
