"""Web pages: each is one view dict, rendered with its template or, with ``.json``, as JSON."""
from __future__ import annotations

from typing import Any, Callable

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from .deps import FILTERS_OPENAPI, filters, require_read
from .errors import ApiError
from .responses import FastJSONResponse as JSONResponse
from .views import (Filters, NotFound, actor_view, article_view, network_view, search_view, timeline_view)

router = APIRouter(tags=["web"], dependencies=[Depends(require_read)])


def _render(request: Request, template: str, build: Callable[[], dict[str, Any]], as_json: bool):
    try:
        view = build()
    except NotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from None
    if as_json:
        return JSONResponse(view)
    env = request.app.state.nb.env
    html = env.get_template(template).render(v=view, path=request.url.path,
                                             json_href=_json_href(request))
    return HTMLResponse(html)


def _json_href(request: Request) -> str:
    path = request.url.path.rstrip("/") or "/search"
    if path == "/":
        path = "/search"
    return path + ".json" + (("?" + request.url.query) if request.url.query else "")


def _split(value: str) -> tuple[str, bool]:
    return (value[:-5], True) if value.endswith(".json") else (value, False)


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    return RedirectResponse("/search", status_code=307)


def _search_page(as_json: bool):
    def page(request: Request, flt: Filters = Depends(filters), limit: int = Query(20, ge=1, le=100),
             offset: int = Query(0, ge=0, le=10_000),
             exact_facets: bool = Query(False, description="Count facet values over every match, not a sample")):
        ws = request.app.state.nb.ws
        return _render(request, "search.html",
                       lambda: search_view(ws, flt, limit=limit, offset=offset, exact_facets=exact_facets), as_json)
    return page


router.add_api_route("/search", _search_page(False), methods=["GET"], response_class=HTMLResponse,
                     summary="Search page (HTML)", name="search_page", openapi_extra=FILTERS_OPENAPI)
router.add_api_route("/search.json", _search_page(True), methods=["GET"],
                     summary="Search page (JSON: the same view dict)", name="search_page_json",
                     openapi_extra=FILTERS_OPENAPI)


@router.get("/article/{doc_id}", summary="Article page (HTML; add .json for JSON)")
def article_page(request: Request, doc_id: str = Path(..., max_length=70, pattern=r"^[A-Za-z0-9_-]+(\.json)?$")):
    doc_id, as_json = _split(doc_id)
    ws = request.app.state.nb.ws
    return _render(request, "article.html", lambda: article_view(ws, doc_id), as_json)


@router.get("/actor/{key:path}", summary="Actor page (HTML; add .json for JSON)")
def actor_page(request: Request, key: str = Path(..., min_length=1, max_length=305)):
    key, as_json = _split(key)
    if not key.strip():
        raise ApiError(404, "not_found", "no actor named")
    ws = request.app.state.nb.ws
    return _render(request, "actor.html", lambda: actor_view(ws, key), as_json)


def _filtered_page(template: str, view, as_json: bool):
    """A page built from the shared filters alone (timeline, network), as HTML or JSON."""
    def page(request: Request, flt: Filters = Depends(filters)):
        ws = request.app.state.nb.ws
        return _render(request, template, lambda: view(ws, flt), as_json)
    return page


for _path, _template, _view, _what in (("/timeline", "timeline.html", timeline_view, "Timeline of events"),
                                       ("/network", "network.html", network_view, "Cooperation network")):
    router.add_api_route(_path, _filtered_page(_template, _view, False), methods=["GET"],
                         summary=f"{_what} (HTML)", name=_path.strip("/") + "_page", openapi_extra=FILTERS_OPENAPI)
    router.add_api_route(_path + ".json", _filtered_page(_template, _view, True), methods=["GET"],
                         summary=f"{_what} (JSON)", name=_path.strip("/") + "_page_json",
                         openapi_extra=FILTERS_OPENAPI)
