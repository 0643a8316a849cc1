"""Outlet API keys: created once (the token is shown only then), stored hashed, revocable.

A token reads ``nbk_<id>_<secret>``. The store keeps the id, the outlet and the SHA-256 of
the whole token; checking a token looks its row up by id and compares hashes in constant
time, so neither the token nor anything that could be replayed is ever stored.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update

from ..store import schema as s
from ..store.store import Store, now

TOKEN_PREFIX = "nbk_"
_TOKEN = re.compile(r"^nbk_([0-9a-f]{16})_([A-Za-z0-9_-]{20,100})$")


class KeyError_(ValueError):  # noqa: N801 - a domain error, not the builtin
    """A key operation that cannot be done (unknown id, empty outlet)."""


@dataclass(frozen=True)
class ApiKey:
    id: str
    outlet: str
    created_at: str
    revoked_at: str | None = None
    scopes: tuple[str, ...] = ("push", "read")

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "outlet": self.outlet, "created_at": self.created_at,
                "revoked_at": self.revoked_at, "active": self.active, "scopes": list(self.scopes)}


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _row_to_key(r) -> ApiKey:
    return ApiKey(id=r.id, outlet=r.outlet, created_at=r.created_at, revoked_at=r.revoked_at,
                  scopes=tuple(r.scopes or ("push", "read")))


def create_key(store: Store, outlet: str, scopes: tuple[str, ...] = ("push", "read")) -> tuple[ApiKey, str]:
    """A new key for ``outlet``: (its record, the token). The token cannot be recovered later."""
    outlet = " ".join((outlet or "").split())
    if not outlet:
        raise KeyError_("E501: an API key needs an outlet name (the source it may publish as)")
    key_id = secrets.token_hex(8)
    token = f"{TOKEN_PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
    key = ApiKey(id=key_id, outlet=outlet, created_at=now(), scopes=tuple(scopes))
    store.execute(s.api_keys.insert().values(id=key.id, outlet=key.outlet, key_hash=hash_token(token),
                                             created_at=key.created_at, revoked_at=None, scopes=list(scopes)))
    return key, token


def list_keys(store: Store, *, include_revoked: bool = True) -> list[ApiKey]:
    q = select(s.api_keys).order_by(s.api_keys.c.created_at, s.api_keys.c.id)
    if not include_revoked:
        q = q.where(s.api_keys.c.revoked_at.is_(None))
    with store.engine.connect() as c:
        return [_row_to_key(r) for r in c.execute(q)]


def revoke_key(store: Store, key_id: str) -> ApiKey:
    """Revoke a key by id (idempotent: revoking twice keeps the first time)."""
    with store.engine.begin() as c:
        row = c.execute(select(s.api_keys).where(s.api_keys.c.id == key_id)).first()
        if row is None:
            raise KeyError_(f"E502: no API key with id {key_id!r} (see `newsbridge keys list`)")
        if row.revoked_at is None:
            c.execute(update(s.api_keys).where(s.api_keys.c.id == key_id).values(revoked_at=now()))
        row = c.execute(select(s.api_keys).where(s.api_keys.c.id == key_id)).first()
    return _row_to_key(row)


def verify_token(store: Store, token: str | None) -> tuple[ApiKey | None, str]:
    """(key, "ok") for a valid active token; (None or the key, reason) otherwise.

    Reasons: "missing", "malformed", "unknown", "revoked".
    """
    if not token:
        return None, "missing"
    m = _TOKEN.match(token.strip())
    if not m:
        return None, "malformed"
    with store.engine.connect() as c:
        row = c.execute(select(s.api_keys).where(s.api_keys.c.id == m.group(1))).first()
    presented = hash_token(token.strip())
    if row is None:
        hmac.compare_digest(presented, presented)   # same work whether or not the id exists
        return None, "unknown"
    if not hmac.compare_digest(presented, row.key_hash):
        return None, "unknown"
    key = _row_to_key(row)
    if not key.active:
        return key, "revoked"
    return key, "ok"
