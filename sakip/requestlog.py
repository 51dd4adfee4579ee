"""Request ids and one-line structured logs (key=value, "logfmt").

RequestIdMiddleware takes nginx's X-Request-ID (or makes one), returns it in the response and keeps it
in a context variable until the response is closed, so RequestIdFilter can add it to every record of
that request: the view's, the ORM's, django.request's "Not Found" and 500 tracebacks alike. The same id
is in nginx's and gunicorn's access logs (deploy/), so one grep finds a request everywhere.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import datetime, timezone

from django.core.signals import request_finished

HEADER = "X-Request-ID"
NO_REQUEST = "-"
# ids from the proxy are taken only in this shape: nothing can break a log line or a header
_VALID_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_request_id = contextvars.ContextVar("request_id", default=NO_REQUEST)


def current_request_id() -> str:
    return _request_id.get()


class RequestIdMiddleware:
    """First in MIDDLEWARE: every response, redirects of SecurityMiddleware included, carries the id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(HEADER, "")
        request_id = incoming if _VALID_ID.fullmatch(incoming) else uuid.uuid4().hex
        _request_id.set(request_id)
        request.request_id = request_id
        response = self.get_response(request)
        response[HEADER] = request_id
        return response


def _forget_request_id(**kwargs):
    # after the response is closed, i.e. after Django has logged a 4xx/5xx outside the middleware
    _request_id.set(NO_REQUEST)


request_finished.connect(_forget_request_id, dispatch_uid="sakip.requestlog.forget")


class RequestIdFilter(logging.Filter):
    """Adds record.request_id ("-" outside a request)."""

    def filter(self, record):
        record.request_id = _request_id.get()
        return True


class LogfmtFormatter(logging.Formatter):
    """time=… level=… logger=… request_id=… msg="…" [exc="Traceback…"]: one line per record; values
    with spaces, quotes or newlines are JSON-quoted, so a traceback stays on its line as \\n."""

    def format(self, record):
        fields = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", NO_REQUEST),
            "msg": record.getMessage(),
        }
        status = getattr(record, "status_code", None)  # django.request and django.server records
        if status is not None:
            fields["status"] = status
        if record.exc_info:
            fields["exc"] = self.formatException(record.exc_info)
        elif record.stack_info:
            fields["stack"] = self.formatStack(record.stack_info)
        return " ".join(f"{key}={_value(value)}" for key, value in fields.items())


def _value(value) -> str:
    text = str(value)
    if text and not re.search(r'[\s"=\\]', text):
        return text
    return json.dumps(text, ensure_ascii=False)
