"""A person's titles as the analyzers list them.

``tidy_roles(roles) -> roles``: each title once, without closing punctuation ('head.' is 'head'),
and none that a fuller title of the same person contains word for word ('goalkeeper' beside
'Former German goalkeeper', 'врио' beside 'врио губернатора Хабаровского края').
"""
from __future__ import annotations


def tidy_roles(roles: list[str]) -> list[str]:
    out: list[str] = []
    for r in (r.strip().rstrip(".,;:") for r in roles):
        if r and r.lower() not in (o.lower() for o in out):
            out.append(r)
    padded = [f" {r.lower()} " for r in out]
    return [r for r, pr in zip(out, padded) if not any(pr != other and pr in other for other in padded)]
