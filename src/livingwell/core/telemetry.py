"""Error reports to Sentry and traces to an OpenTelemetry collector: each off unless its setting is given
(``SENTRY_DSN``; ``OTEL_EXPORTER_OTLP_ENDPOINT``), and each kept from personal details.

Sentry gets the error and where in the code it happened: never the request's body, cookies, query string,
the user's address or the values of local variables, any of which may hold what someone told us. Traces
carry each request's method, route and path and how long its parts took: never the query string.
"""

import typing
from urllib.parse import urlsplit, urlunsplit

from django.http import HttpRequest

# Trace attributes that may carry a query string, by the older and the newer semantic conventions.
_URL_ATTRIBUTES = ("http.url", "url.full")
_TARGET_ATTRIBUTES = ("http.target",)
_QUERY_ATTRIBUTES = ("url.query",)


def without_query(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def sentry_event_scrub(event: dict[str, typing.Any], _hint: object) -> dict[str, typing.Any]:
    """What Sentry is sent of a request: its method and the address without the query string. Nothing else,
    whatever the SDK collected."""
    request = event.get("request")
    if isinstance(request, dict):
        event["request"] = {
            "method": request.get("method"),
            "url": without_query(str(request.get("url", ""))),
        }
    event.pop("user", None)
    return event


def sentry_start(*, dsn: str, environment: str, traces_sample_rate: float) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        traces_sample_rate=traces_sample_rate,
        before_send=sentry_event_scrub,  # type: ignore[arg-type]
    )


def trace_request_scrub(span: typing.Any, request: HttpRequest) -> None:
    """A request's span keeps its path, never its query string."""
    attributes = getattr(span, "attributes", None) or {}
    for key in _URL_ATTRIBUTES:
        if key in attributes:
            span.set_attribute(key, without_query(str(attributes[key])))
    for key in _TARGET_ATTRIBUTES:
        if key in attributes:
            span.set_attribute(key, request.path)
    for key in _QUERY_ATTRIBUTES:
        if key in attributes:
            span.set_attribute(key, "")


def opentelemetry_start(*, service_name: str) -> None:
    """Trace each request to the collector named by ``OTEL_EXPORTER_OTLP_ENDPOINT`` (the exporter reads the
    OpenTelemetry environment variables itself)."""
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.instrumentation.django import DjangoInstrumentor
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    DjangoInstrumentor().instrument(request_hook=trace_request_scrub, excluded_urls="health/")
