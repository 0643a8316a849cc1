"""The FastAPI application: web pages (HTML + JSON twins), the REST API, feeds, push.

    from newsbridge.api.app import create_app
    app = create_app(load_settings(db="newsbridge.db"))

One ``Workspace`` serves every request; reads run in FastAPI's thread pool, writes (pushed
articles) go through one lock, and the search index writer is released after each write so
``newsbridge ingest`` or ``watch`` in another process can take it.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import __version__
from ..settings import Settings, load_settings
from .errors import ApiError
from .ratelimit import RateLimiter
from .responses import FastJSONResponse as JSONResponse

WEB = Path(__file__).resolve().parent.parent / "web"
INDEX_RELOAD_EVERY = 5.0        # seconds: see documents another process committed
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class _SecurityHeaders:
    """Pure ASGI middleware: a strict CSP and friends on every response (no inline script runs)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in present]
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def templates() -> Environment:
    """Jinja2 with autoescaping on for every template (article text is never trusted)."""
    from urllib.parse import quote
    env = Environment(loader=FileSystemLoader(str(WEB / "templates")), autoescape=select_autoescape(default=True,
                      default_for_string=True), trim_blocks=True, lstrip_blocks=True)
    env.filters["q"] = lambda v: quote(str(v), safe="")
    env.globals["version"] = __version__
    return env


class AppState:
    def __init__(self, settings: Settings, workspace=None, stages: tuple[str, ...] | None = None) -> None:
        from ..pipeline import DEFAULT_STAGES
        from ..workspace import Workspace
        self.settings = settings
        self.stages = tuple(stages or DEFAULT_STAGES)      # what pushed articles go through
        self.ws = workspace or Workspace(settings)
        self.limiter = RateLimiter(settings.rate_limit_per_minute)
        self.write_lock = threading.Lock()
        self.env = templates()
        self._last_reload = time.monotonic()

    def fresh_index(self) -> None:
        """Reload the index reader now and then: another process may have committed."""
        now = time.monotonic()
        if now - self._last_reload > INDEX_RELOAD_EVERY:
            self._last_reload = now
            try:
                self.ws.index.index.reload()
            except Exception:  # pragma: no cover - a reload failure leaves the old reader
                pass


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or path.endswith(".atom")


def create_app(settings: Settings | None = None, workspace=None, *, stages: tuple[str, ...] | None = None) -> FastAPI:
    settings = settings or load_settings()
    app = FastAPI(title="newsbridge", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Multilingual news as an evidence-linked record: search, articles, actors, events, "
                              "quotes, stories, links; Atom/JSON feeds; push API for partner outlets. "
                              "Every web page is also JSON (the same view dict).")
    app.state.nb = AppState(settings, workspace, stages)
    app.add_middleware(_SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error_response(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        errors = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in exc.errors()]
        return error_response(request, 422, "invalid_request", "the request is not valid", extra={"errors": errors})

    from .routes_api import push_router
    from .routes_api import router as api_router
    from .routes_web import router as web_router
    app.include_router(push_router)
    app.include_router(api_router)
    app.include_router(web_router)
    return app


def error_response(request: Request, status: int, code: str, message: str, headers: dict[str, str] | None = None,
                   extra: dict[str, Any] | None = None):
    body = {"error": {"status": status, "code": code, "message": message, **(extra or {})}}
    if wants_json(request):
        return JSONResponse(body, status_code=status, headers=headers)
    env = request.app.state.nb.env
    html = env.get_template("error.html").render(status=status, code=code, message=message, page="error")
    return HTMLResponse(html, status_code=status, headers=headers)
