"""gunicorn's settings for Living Well (``gunicorn -c python:livingwell.config.gunicorn``): every line it
writes, its own and one for each request, is JSON like the app's, so that one log reader takes them all.

A request's line has the method, the path (never the query string, which could hold personal details), the
status, the time taken and the request id, which ties it to the app's own lines and the audit trail.
"""

import datetime
import gc
import os
import typing

from gunicorn.glogging import Logger

accesslog = "-"
# Processes: twice the processors this server may use, or WEB_CONCURRENCY (decision 0081). More than that on a
# busy machine spent a quarter more processor time on each request, in switching between them.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * len(os.sched_getaffinity(0)))
errorlog = "-"
# No control socket: several servers run on one machine, and it would be one shared file in the home folder.
control_socket_disable = True


class JsonLogger(Logger):
    """gunicorn's logger, with each request's line as fields for the JSON formatter below."""

    def access(self, resp: typing.Any, req: typing.Any, environ: dict, request_time: datetime.timedelta) -> None:
        # Only the fields written, taken straight from the request and response: gunicorn's own ``atoms()``
        # formats every header and environment variable for each request, a tenth of a front door request's
        # time under load (decision 0055).
        if not self.access_log_enabled:
            return
        status = resp.status_code if resp.status_code is not None else str(resp.status).split(None, 1)[0]
        request_id = next((value for name, value in resp.headers if name.lower() == "x-request-id"), "")
        self.access_log.info(
            "request",
            extra={
                "method": environ.get("REQUEST_METHOD"),
                "path": environ.get("PATH_INFO"),
                "status": status,
                "duration_us": request_time.seconds * 1_000_000 + request_time.microseconds,
                "request_id": request_id,
            },
        )


# The app is loaded once, in the server's own process, and made ready there (``when_ready``); each process
# that serves requests is then forked from it, ready, sharing what was made (decision 0079). Four processes
# no longer each load and make ready the same things: a server starting again after a fault takes about a
# quarter of the processor time it took, from the people using the other servers meanwhile.
preload_app = True


def when_ready(server: typing.Any) -> None:
    """In the server's own process, after the app is loaded and before the first process is forked from it:
    make ready what each process would otherwise make at some person's request (``process_warm``), then close
    the database connections it opened, so that no two processes share one. (Redis's connections are opened
    afresh in each process by the client itself.)"""
    from django.db import connections

    process_warm()
    connections.close_all()


def process_warm() -> None:
    """What every process would otherwise make at some person's request (decision 0074): the safety net's
    lexicon compiled (about a third of a second), so that the first person to write after a start does not
    wait for it; the languages' translations loaded (``core.languages.translations_warm``); the address
    patterns of every app read and made ready for each language, which imports every view (about a second);
    and every template compiled (about a third of a second). A database that cannot be reached yet leaves the
    lexicon to the first request, as before.

    Then everything made so far is put out of the garbage collector's sight (``gc.freeze``): it lives as long
    as the process, and each collection then walks only what requests make. A front door request spent about
    a twentieth of its time in collections walking it. Frozen before the fork, it is also never written to by
    a collection in the processes forked, so their memory stays shared."""
    from livingwell.core.languages import translations_warm
    from livingwell.safety.net import lexicon_warm

    lexicon_warm()
    translations_warm()
    _addresses_warm()
    _templates_warm()
    gc.collect()
    gc.freeze()


def _addresses_warm() -> None:
    from django.conf import settings
    from django.urls import get_resolver
    from django.utils import translation

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            get_resolver().reverse_dict  # noqa: B018 - reading it imports the views and makes it, per language


def _templates_warm() -> None:
    from django.template import TemplateDoesNotExist, TemplateSyntaxError
    from django.template.loader import get_template
    from django.template.utils import get_app_template_dirs

    for folder in get_app_template_dirs("templates"):
        for path in sorted(folder.rglob("*.html")):
            try:
                get_template(str(path.relative_to(folder)))
            except (TemplateDoesNotExist, TemplateSyntaxError):  # pragma: no cover - left to where it is used
                continue


logger_class = JsonLogger

_JSON = {
    "()": "pythonjsonlogger.json.JsonFormatter",
    "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
    "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
}
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": _JSON},
    "handlers": {
        "error": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
        "access": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["error"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
    "root": {"level": "INFO", "handlers": []},
}
