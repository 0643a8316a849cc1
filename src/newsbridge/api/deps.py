"""Request dependencies: API keys (push and, when configured, reads), rate limits, filters."""
from __future__ import annotations

from typing import Optional

from fastapi import Query, Request
from fastapi.concurrency import run_in_threadpool

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


async def filters(
    q: str = Query("", max_length=500, description='Words or "a phrase"; empty lists the newest articles.'),
    lang: Optional[str] = Query(None, max_length=16, description="ISO 639-1 language, e.g. en, ru, zh."),
    source: Optional[str] = Query(None, max_length=300, description="Outlet or agency."),
    since: Optional[str] = Query(None, max_length=32, description="Published on or after (YYYY[-MM[-DD]])."),
    until: Optional[str] = Query(None, max_length=32, description="Published on or before (YYYY[-MM[-DD]])."),
    person: Optional[str] = Query(None, max_length=300, description="A person named in the article (any spelling)."),
    org: Optional[str] = Query(None, max_length=300, description="An organization named in the article."),
    place: Optional[str] = Query(None, max_length=300, description="A place named in the article."),
    event_type: Optional[str] = Query(None, max_length=32,
                                      description="meeting | forum | visit | agreement | video_conference | launch"),
) -> Filters:
    return make_filters(q, lang, source, since, until, person, org, place, event_type)
