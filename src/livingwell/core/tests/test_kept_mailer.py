"""A worker keeps its connection to the mail server open from one email to the next (decision 0077), so that
its record of an email follows the server's taking it at once, with no QUIT between them."""

import smtplib
import socketserver
import threading
from collections.abc import Iterator

import pytest
from django.test import override_settings

from livingwell.core import outbox
from livingwell.core.settings_helpers import SMTP_BACKEND


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Session)
        self.connections = 0
        self.verbs: list[str] = []
        self.taken: list[bytes] = []
        self.refuse_data = False  # answer 554 to the end of data
        self.hang_up = False  # hang up after the message is taken


class _Session(socketserver.StreamRequestHandler):
    server: _Server

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self.server.connections += 1
        self.reply("220 test")
        while line := self.rfile.readline():
            verb = line[:4].upper().decode()
            self.server.verbs.append(verb)
            if verb == "QUIT":
                self.reply("221 bye")
                return
            if verb != "DATA":
                self.reply("250 OK")
                continue
            self.reply("354 go on")
            lines = []
            while (data := self.rfile.readline()) not in (b".\r\n", b""):
                lines.append(data)
            if self.server.refuse_data:
                self.reply("554 refused")
                continue
            self.server.taken.append(b"".join(lines))
            self.reply("250 taken")
            if self.server.hang_up:
                return


@pytest.fixture
def server() -> Iterator[_Server]:
    smtp = _Server()
    thread = threading.Thread(target=smtp.serve_forever, daemon=True)
    thread.start()
    mailers = {"default": {"BACKEND": SMTP_BACKEND, "OPTIONS": {"host": "127.0.0.1", "port": smtp.server_address[1]}}}
    with override_settings(MAILERS=mailers):
        yield smtp
    outbox._mailer_forget()
    smtp.shutdown()
    smtp.server_close()


def _send(number: int) -> None:
    outbox.email_send(subject=f"Email {number}", body="Words", to="sam@example.org", reference=f"ref{number}")


def test_one_connection_for_many_emails(server: _Server) -> None:
    _send(1)
    _send(2)
    _send(3)
    assert len(server.taken) == 3
    assert server.connections == 1
    assert "QUIT" not in server.verbs
    assert server.verbs.count("NOOP") == 2  # the kept connection tried before each later email
    assert b"Message-ID: <ref2@" in server.taken[1]


def test_a_connection_the_server_let_go_is_opened_again(server: _Server) -> None:
    server.hang_up = True
    _send(1)
    _send(2)
    assert len(server.taken) == 2
    assert server.connections == 2


def test_after_a_refused_email_the_next_starts_on_a_new_connection(server: _Server) -> None:
    server.refuse_data = True
    with pytest.raises(smtplib.SMTPDataError):
        _send(1)
    server.refuse_data = False
    _send(2)
    assert len(server.taken) == 1
    assert server.connections == 2
    assert server.verbs.count("QUIT") == 1  # the refused connection closed politely


def test_a_mailer_of_new_settings_is_used_at_once(server: _Server, mailoutbox) -> None:
    _send(1)
    with override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}):
        _send(2)
    _send(3)
    assert len(server.taken) == 2
    assert [message.subject for message in mailoutbox] == ["Email 2"]
