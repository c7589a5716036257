"""gunicorn's settings for Living Well (``gunicorn -c python:livingwell.config.gunicorn``): every line it
writes, its own and one for each request, is JSON like the app's, so that one log reader takes them all.

A request's line has the method, the path (never the query string, which could hold personal details), the
status, the time taken and the request id, which ties it to the app's own lines and the audit trail.
"""

import datetime
import typing

from gunicorn.glogging import Logger

accesslog = "-"
errorlog = "-"
# No control socket: several servers run on one machine, and it would be one shared file in the home folder.
control_socket_disable = True


class JsonLogger(Logger):
    """gunicorn's logger, with each request's line as fields for the JSON formatter below."""

    def access(self, resp: typing.Any, req: typing.Any, environ: dict, request_time: datetime.timedelta) -> None:
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        self.access_log.info(
            "request",
            extra={
                "method": atoms["m"],
                "path": atoms["U"],
                "status": int(atoms["s"]) if str(atoms["s"]).isdigit() else atoms["s"],
                "duration_us": atoms["D"],
                "request_id": atoms.get("{x-request-id}o", ""),
            },
        )


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
