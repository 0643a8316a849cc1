"""REST API under /api/v1: the same view dicts as the web pages, plus push and feeds."""
from __future__ import annotations

import json
from typing import Any, Optional

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..ingest.files import InputError, record_item
from ..model import document_id
from .deps import (FILTER_PARAMS, FILTERS_OPENAPI, QueryParam, filters, openapi_params, read_query, require_push,
                   require_read)
from .errors import ApiError
from .feeds_out import atom_feed, json_feed
from .keys import ApiKey
from .responses import FastJSONResponse as JSONResponse
from .views import (Filters, NotFound, actor_view, article_view, entities_view, links_view, network_view,
                    quotes_view, search_view, story_view, timeline_view)
from .views.common import norm

MAX_PUSH_BYTES = 2 * 1024 * 1024       # one pushed article; larger bodies get 413 and nothing is read further

router = APIRouter(prefix="/api/v1", tags=["api"], dependencies=[Depends(require_read)])
push_router = APIRouter(prefix="/api/v1", tags=["push"])


def _nb(request: Request):
    return request.app.state.nb


def _json(view: dict[str, Any]) -> JSONResponse:
    return JSONResponse(view)


def _found(fn, *args, **kwargs) -> dict[str, Any]:
    try:
        return fn(*args, **kwargs)
    except NotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from None


# -- reads ---------------------------------------------------------------------------------------
_SEARCH_PARAMS = (QueryParam("limit", int, 20, "Hits per page.", ge=1, le=100),
                  QueryParam("offset", int, 0, "Hits to skip.", ge=0, le=10_000),
                  QueryParam("facets", bool, True, "Count facet values over the matches."),
                  QueryParam("exact_facets", bool, False,
                             "Count facet values over every match. By default, beyond 10,000 matches they "
                             "are estimated from a fixed sample of the matches (see facet_sample)."))


@router.get("/search", summary="Search articles (ranked, with facets)",
            openapi_extra=openapi_params(FILTER_PARAMS, _SEARCH_PARAMS))
async def api_search(request: Request, flt: Filters = Depends(filters)):
    page = read_query(request, _SEARCH_PARAMS)
    return _json(search_view(_nb(request).ws, flt, **page))


@router.get("/articles/{doc_id}", summary="One article with its evidence, story and links")
def api_article(request: Request, doc_id: str = Path(..., max_length=64, pattern=r"^[A-Za-z0-9_-]+$")):
    return _json(_found(article_view, _nb(request).ws, doc_id))


@router.get("/entities", summary="Actors (linked entities, or the most frequent names)")
def api_entities(request: Request, q: Optional[str] = Query(None, max_length=300),
                 kind: Optional[str] = Query(None, pattern=r"^(PER|ORG|LOC|per|org|loc)$"),
                 limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=100_000)):
    return _json(entities_view(_nb(request).ws.store, q=q, kind=kind, limit=limit, offset=offset))


@router.get("/entities/{key:path}", summary="One actor: names in every script, roles, quotes, events, contacts")
def api_entity(request: Request, key: str = Path(..., min_length=1, max_length=300)):
    return _json(_found(actor_view, _nb(request).ws, key))


@router.get("/events", summary="Events in date order (the timeline)", openapi_extra=FILTERS_OPENAPI)
def api_events(request: Request, flt: Filters = Depends(filters), limit: int = Query(500, ge=1, le=2000)):
    return _json(timeline_view(_nb(request).ws, flt, limit=limit))


@router.get("/quotes", summary="Quotes with their speakers", openapi_extra=FILTERS_OPENAPI)
def api_quotes(request: Request, flt: Filters = Depends(filters), speaker: Optional[str] = Query(None, max_length=300),
               limit: int = Query(100, ge=1, le=500)):
    return _json(quotes_view(_nb(request).ws, flt, speaker=speaker, limit=limit))


@router.get("/links", summary="Links between articles (duplicate, reprint, translation, same_story)")
def api_links(request: Request, doc_id: Optional[str] = Query(None, max_length=64),
              kind: Optional[str] = Query(None, max_length=32), limit: int = Query(100, ge=1, le=500)):
    return _json(links_view(_nb(request).ws.store, doc_id, kind, limit))


@router.get("/stories/{story_id}", summary="A story: its origin and every reprint and translation")
def api_story(request: Request, story_id: str = Path(..., max_length=64)):
    return _json(_found(story_view, _nb(request).ws.store, story_id))


@router.get("/network", summary="Cooperation network: actors linked by shared events", openapi_extra=FILTERS_OPENAPI)
def api_network(request: Request, flt: Filters = Depends(filters), max_nodes: int = Query(60, ge=2, le=150)):
    return _json(network_view(_nb(request).ws, flt, max_nodes=max_nodes))


@router.get("/stats", summary="Store size")
def api_stats(request: Request):
    ws = _nb(request).ws
    return _json({"articles": ws.store.count(), "read_key_required": _nb(request).settings.read_key_required})


# -- feeds out -----------------------------------------------------------------------------------
_FEED_LIMIT = Query(50, ge=1, le=100)


@router.get("/feeds/search.atom", summary="Atom feed of a search (same filters as /search)",
            response_class=Response, openapi_extra=FILTERS_OPENAPI, responses={200: {"content": {"application/atom+xml": {}}}})
def feed_atom(request: Request, flt: Filters = Depends(filters), limit: int = _FEED_LIMIT) -> Response:
    view = search_view(_nb(request).ws, flt, limit=limit, facets=False)
    body = atom_feed(view, str(request.base_url), str(request.url))
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/feeds/search.json", summary="JSON Feed 1.1 of a search (same filters as /search)",
            response_class=Response, openapi_extra=FILTERS_OPENAPI, responses={200: {"content": {"application/feed+json": {}}}})
def feed_json(request: Request, flt: Filters = Depends(filters), limit: int = _FEED_LIMIT) -> Response:
    view = search_view(_nb(request).ws, flt, limit=limit, facets=False)
    body = json_feed(view, str(request.base_url), str(request.url))
    return Response(body, media_type="application/feed+json; charset=utf-8")


# -- push ----------------------------------------------------------------------------------------
class PushArticle(BaseModel):
    """One article from a partner outlet. ``source``, when given, must be the key's outlet."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "oneOf": [{"required": ["text"], "not": {"required": ["html"]}},
                  {"required": ["html"], "not": {"required": ["text"]}}]})

    title: Optional[str] = Field(None, max_length=1000)
    text: Optional[str] = Field(None, min_length=1, pattern=r"\S", description="Plain text body (either text or html).")
    html: Optional[str] = Field(None, min_length=1, pattern=r"\S", description="HTML page or fragment (either text or html).")
    url: Optional[str] = Field(None, max_length=2000)
    published: Optional[str] = Field(None, max_length=40, description="ISO 8601 date or datetime.")
    language: Optional[str] = Field(None, max_length=16)
    source: Optional[str] = Field(None, max_length=300, description="Defaults to the key's outlet; any other is refused.")
    author: Optional[str] = Field(None, max_length=300)

    @model_validator(mode="after")
    def _one_body(self) -> "PushArticle":
        has_text = bool(self.text and self.text.strip())
        has_html = bool(self.html and self.html.strip())
        if has_text == has_html:
            raise ValueError("give exactly one of 'text' or 'html', not empty")
        return self


class PushResult(BaseModel):
    ids: list[str]
    added: int
    duplicate: bool
    outlet: str
    errors: list[str] = []


async def _read_capped(request: Request, cap: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "bad_length", "Content-Length is not a number")
        if int(declared) > cap:
            raise ApiError(413, "too_large", f"the body is over the {cap} byte limit")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > cap:
            raise ApiError(413, "too_large", f"the body is over the {cap} byte limit")
    return bytes(body)


@push_router.post(
    "/articles", status_code=201, response_model=PushResult,
    summary="Publish an article as your outlet (API key in the X-API-Key header)",
    responses={401: {"description": "No key, an unknown or a revoked key"},
               403: {"description": "The article names another outlet as its source"},
               413: {"description": "Body over the size limit"}, 422: {"description": "Malformed JSON or fields"},
               429: {"description": "Rate limit for this key"}},
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
        "schema": PushArticle.model_json_schema(ref_template="#/components/schemas/{model}")}}}})
async def push_article(request: Request, key: ApiKey = Depends(require_push)) -> JSONResponse:
    """Checks run in order, and each refusal writes nothing: key (401), size (413), JSON and
    fields (422), source (403). The same article pushed twice is stored once (200, duplicate)."""
    nb = _nb(request)
    raw = await _read_capped(request, int(nb.settings.extra.get("max_push_bytes", MAX_PUSH_BYTES)))
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(422, "malformed_json", f"the body is not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ApiError(422, "malformed_json", "the body must be one JSON object (an article)")
    try:
        article = PushArticle.model_validate(data)
    except ValidationError as exc:
        errors = [{"loc": [str(x) for x in e["loc"]], "msg": e["msg"]} for e in exc.errors()]
        raise ApiError(422, "invalid_article", "; ".join(f"{'.'.join(e['loc']) or 'body'}: {e['msg']}" for e in errors)) from None
    if article.source and norm(article.source) != norm(key.outlet):
        raise ApiError(403, "wrong_outlet", f"this key publishes as {key.outlet!r}; it cannot publish as {article.source!r}")
    record = {k: v for k, v in article.model_dump().items() if v}
    record["source"] = key.outlet
    return await run_in_threadpool(_ingest_pushed, nb, record, key)


def _ingest_pushed(nb, record: dict[str, Any], key: ApiKey) -> JSONResponse:
    origin = f"push:{key.outlet}:{record.get('url') or 'article'}"
    try:
        item = record_item(record, origin)
    except InputError as exc:
        raise ApiError(422, "invalid_article", exc.reason) from None
    item.meta["source"] = key.outlet
    item.meta["pushed_by"] = key.outlet
    item.meta["api_key_id"] = key.id
    with nb.write_lock:
        report = nb.ws.ingest_items([item], stages=nb.stages)
        try:
            nb.ws.index.close()        # release the index writer for other processes
        except Exception:  # pragma: no cover
            pass
    if report.errors and not report.added and not report.skipped:
        raise ApiError(422, "not_ingested", "; ".join(report.errors))
    duplicate = report.added == 0 and report.skipped > 0
    ids = report.ids or [document_id(item.raw)]
    body = PushResult(ids=ids, added=report.added, duplicate=duplicate, outlet=key.outlet, errors=report.errors)
    return JSONResponse(body.model_dump(), status_code=200 if duplicate else 201)
