"""Request dependencies: API keys (push and, when configured, reads), rate limits, filters."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError

from .errors import ApiError
from .keys import ApiKey, verify_token
from .views.common import Filters, make_filters

KEY_HEADER = "X-API-Key"
_REASONS = {
    "missing": "an API key is required: send it in the X-API-Key header (or Authorization: Bearer)",
    "malformed": "the API key is not in the nbk_<id>_<secret> form",
    "unknown": "the API key is not known",
    "revoked": "the API key was revoked",
}


def presented_token(request: Request) -> str | None:
    token = request.headers.get(KEY_HEADER)
    if not token:
        auth = request.headers.get("authorization", "")
        if auth[:7].lower() == "bearer ":
            token = auth[7:].strip()
    if not token and request.method == "GET":
        token = request.query_params.get("key")    # feed readers cannot set headers
    return token or None


def _authenticate(request: Request) -> ApiKey:
    nb = request.app.state.nb
    key, why = verify_token(nb.ws.store, presented_token(request))
    if why != "ok" or key is None:
        raise ApiError(401, f"key_{why}", _REASONS[why], {"WWW-Authenticate": f'ApiKey header="{KEY_HEADER}"'})
    ok, wait = nb.limiter.take(key.id)
    if not ok:
        raise ApiError(429, "rate_limited", f"too many requests for this key (limit {nb.limiter.per_minute} a minute)",
                       {"Retry-After": nb.limiter.retry_after(wait)})
    return key


async def require_read(request: Request) -> Optional[ApiKey]:
    """Reads are open unless the read_key_required setting is on."""
    nb = request.app.state.nb
    nb.fresh_index()
    if not nb.settings.read_key_required:
        return None
    key = await run_in_threadpool(_authenticate, request)
    if "read" not in key.scopes:
        raise ApiError(403, "scope", "this API key may not read")
    return key


def require_push(request: Request) -> ApiKey:
    key = _authenticate(request)
    if "push" not in key.scopes:
        raise ApiError(403, "scope", "this API key may not publish articles")
    return key


@dataclass(frozen=True)
class QueryParam:
    """A query parameter read by hand: FastAPI's per-parameter validation cost ~0.6 ms of CPU a
    search request (15%), so the hot routes read these and document them through ``openapi``."""

    name: str
    type: type
    default: Any
    description: str
    max_length: int | None = None
    ge: int | None = None
    le: int | None = None

    def read(self, raw: str | None) -> Any:
        if raw is None:
            return self.default
        if self.type is str:
            if self.max_length is not None and len(raw) > self.max_length:
                raise ValueError(f"at most {self.max_length} characters")
            return raw
        if self.type is bool:
            word = raw.strip().lower()
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
            raise ValueError("a boolean (true or false)")
        if not _INTEGER.fullmatch(raw):
            raise ValueError("an integer")
        value = int(raw)
        if self.ge is not None and value < self.ge or self.le is not None and value > self.le:
            raise ValueError(f"an integer from {self.ge} to {self.le}")
        return value

    def openapi(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": {str: "string", int: "integer", bool: "boolean"}[self.type]}
        if self.default is not None:
            schema["default"] = self.default
        for key, value in (("maxLength", self.max_length), ("minimum", self.ge), ("maximum", self.le)):
            if value is not None:
                schema[key] = value
        return {"name": self.name, "in": "query", "required": False, "description": self.description, "schema": schema}


_INTEGER = re.compile(r"[+-]?[0-9]{1,9}")
_TRUE = frozenset({"1", "true", "t", "yes", "y", "on"})
_FALSE = frozenset({"0", "false", "f", "no", "n", "off"})

FILTER_PARAMS = (
    QueryParam("q", str, "", 'Words or "a phrase"; empty lists the newest articles.', max_length=500),
    QueryParam("lang", str, None, "ISO 639-1 language, e.g. en, ru, zh.", max_length=16),
    QueryParam("source", str, None, "Outlet or agency.", max_length=300),
    QueryParam("since", str, None, "Published on or after (YYYY[-MM[-DD]]).", max_length=32),
    QueryParam("until", str, None, "Published on or before (YYYY[-MM[-DD]]).", max_length=32),
    QueryParam("person", str, None, "A person named in the article (any spelling).", max_length=300),
    QueryParam("org", str, None, "An organization named in the article.", max_length=300),
    QueryParam("place", str, None, "A place named in the article.", max_length=300),
    QueryParam("event_type", str, None, "meeting | forum | visit | agreement | video_conference | launch",
               max_length=32),
)


def read_query(request: Request, params: Iterable[QueryParam]) -> dict[str, Any]:
    """Values of ``params`` from the query string; every bad one reported in a single 422."""
    raw, out, errors = request.query_params, {}, []
    for p in params:
        try:
            out[p.name] = p.read(raw.get(p.name))
        except ValueError as exc:
            errors.append({"loc": ("query", p.name), "msg": f"must be {exc}", "type": "value_error", "input": raw.get(p.name)})
    if errors:
        raise RequestValidationError(errors)
    return out


def openapi_params(*groups: Iterable[QueryParam]) -> dict[str, Any]:
    """``openapi_extra`` for a route that reads these parameters by hand."""
    return {"parameters": [p.openapi() for group in groups for p in group]}


FILTERS_OPENAPI = openapi_params(FILTER_PARAMS)


async def filters(request: Request) -> Filters:
    """The shared filters (document them on the route with ``openapi_extra=FILTERS_OPENAPI``)."""
    return make_filters(**read_query(request, FILTER_PARAMS))
