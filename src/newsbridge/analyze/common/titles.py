"""A person's titles as the analyzers list them.

``tidy_roles(roles) -> roles``: each title once, without closing punctuation ('head.' is 'head') or a quote mark it does not open,
and none that a fuller title of the same person contains word for word ('goalkeeper' beside
'Former German goalkeeper', 'врио' beside 'врио губернатора Хабаровского края').
"""
from __future__ import annotations

import re


def tidy_roles(roles: list[str]) -> list[str]:
    out: list[str] = []
    for r in (_strip_dangling_quote(r.strip().rstrip(".,;:")) for r in roles):
        if r and r.lower() not in (o.lower() for o in out):
            out.append(r)
    padded = [f" {r.lower()} " for r in out]
    return [r for r, pr in zip(out, padded) if not any(pr != other and pr in other for other in padded)]


_QUOTE_MARKS = "'\"«»“”„‘’"


def _strip_dangling_quote(role: str) -> str:
    """"легендарный фотограф ''", 'editor "': quote marks after a space open the name that follows
    the title and are no part of it (a closing mark stays: 'ведущий программы «Взгляд»')."""
    m = _DANGLING_QUOTE.search(role)
    return role[:m.start()] if m else role


_DANGLING_QUOTE = re.compile("\\s+[" + _QUOTE_MARKS + "]+$")
