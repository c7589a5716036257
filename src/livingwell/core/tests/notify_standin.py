"""A local stand-in for GOV.UK Notify's HTTP API (version 2), written from its documentation, so that the
official client (notifications-python-client) is tested for real, over HTTP, without reaching Notify.

- ``POST /v2/notifications/email``, ``/sms`` and ``/letter``, each signed with a JSON Web Token (HS256, the
  service id as issuer, issued within the last 30 seconds), made with the API key's secret;
- the template's placeholders must all be given in ``personalisation``; a letter needs at least three address
  lines, the last a postcode;
- 201 with the notification's id, reference, content and template; 400 and 403 with Notify's error bodies;
- the documented test recipients end as failures: ``temp-fail@simulator.notify`` and 07700900003 a temporary
  failure, ``perm-fail@simulator.notify`` and 07700900002 a permanent one; anything else is delivered;
- ``receipts()``: the delivery receipts Notify would post to the service's callback, one for each message.
"""

import datetime
import http.server
import json
import re
import threading
import time
import uuid
from typing import Any

import jwt

PLACEHOLDERS = re.compile(r"\(\(([^)]+)\)\)")
OUTCOMES = {
    "temp-fail@simulator.notify": "temporary-failure",
    "perm-fail@simulator.notify": "permanent-failure",
    "07700900003": "temporary-failure",
    "07700900002": "permanent-failure",
}
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$", re.IGNORECASE)


class NotifyStandIn:
    def __init__(self) -> None:
        self.service_id, self.secret = str(uuid.uuid4()), str(uuid.uuid4())
        self.api_key = f"livingwell_test-{self.service_id}-{self.secret}"
        self.templates = {
            "email": (str(uuid.uuid4()), "((subject))", "((body))"),
            "sms": (str(uuid.uuid4()), "", "((body))"),
            "letter": (str(uuid.uuid4()), "((subject))", "((address_line_1)) ((body))"),
        }
        self.sent: list[dict[str, Any]] = []
        standin = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                status, body = standin.handle(self.path, self.headers.get("Authorization", ""), self.rfile.read(
                    int(self.headers.get("Content-Length", 0))
                ))  # fmt: skip
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()

    def template_id(self, kind: str) -> str:
        return self.templates[kind][0]

    @staticmethod
    def _error(status: int, error: str, message: str) -> tuple[int, dict[str, Any]]:
        return status, {"status_code": status, "errors": [{"error": error, "message": message}]}

    def handle(self, path: str, authorization: str, raw: bytes) -> tuple[int, dict[str, Any]]:
        kind = path.removeprefix("/v2/notifications/")
        if kind not in self.templates:
            return self._error(404, "NotFound", "Not found")
        token = authorization.removeprefix("Bearer ")
        try:
            claims = jwt.decode(token, self.secret, algorithms=["HS256"], options={"require": ["iss", "iat"]})
        except jwt.PyJWTError:
            return self._error(403, "AuthError", "Invalid token: API key not found")
        if claims["iss"] != self.service_id or abs(time.time() - claims["iat"]) > 30:
            return self._error(403, "AuthError", "Error: Your system clock must be accurate to within 30 seconds")
        try:
            data = json.loads(raw)
        except ValueError:
            return self._error(400, "ValidationError", "Invalid JSON supplied in POST data")
        template_id, subject, body = self.templates[kind]
        if data.get("template_id") != template_id:
            return self._error(400, "BadRequestError", "Template not found")
        personalisation = data.get("personalisation") or {}
        to = {"email": data.get("email_address"), "sms": data.get("phone_number")}.get(kind)
        if kind != "letter" and not to:
            field = "email_address" if kind == "email" else "phone_number"
            return self._error(400, "ValidationError", f"{field} is a required property")
        if kind == "letter":
            lines = [personalisation.get(f"address_line_{n}", "") for n in range(1, 8)]
            given = [line for line in lines if line]
            if len(given) < 3:
                return self._error(400, "ValidationError", "Address must be at least 3 lines")
            if not POSTCODE.match(given[-1]):
                return self._error(400, "ValidationError", "Last line of address must be a real UK postcode")
            to = given[0]
        missing = [name for name in PLACEHOLDERS.findall(subject + body) if name not in personalisation]
        if missing:
            return self._error(400, "BadRequestError", f"Missing personalisation: {', '.join(missing)}")
        notification_id = str(uuid.uuid4())
        content = {"body": PLACEHOLDERS.sub(lambda m: str(personalisation[m.group(1)]), body)}
        if subject:
            content["subject"] = PLACEHOLDERS.sub(lambda m: str(personalisation[m.group(1)]), subject)
        self.sent.append({"id": notification_id, "type": kind, "to": to, "reference": data.get("reference"),
                          "content": content, "personalisation": personalisation})  # fmt: skip
        return 201, {
            "id": notification_id,
            "reference": data.get("reference"),
            "content": content,
            "uri": f"{self.base_url}/v2/notifications/{notification_id}",
            "template": {"id": template_id, "version": 1, "uri": f"{self.base_url}/v2/template/{template_id}"},
        }

    def receipts(self) -> list[dict[str, Any]]:
        """What Notify posts to the service's callback for each message sent, by its documentation."""
        now = datetime.datetime.now(datetime.UTC).isoformat()
        return [
            {
                "id": sent["id"],
                "reference": sent["reference"],
                "to": sent["to"],
                "status": OUTCOMES.get(str(sent["to"]), "delivered"),
                "created_at": now,
                "completed_at": now,
                "sent_at": now,
                "notification_type": sent["type"],
                "template_id": self.template_id(sent["type"]),
                "template_version": 1,
            }
            for sent in self.sent
        ]
