"""The one name a place or a news agency goes by in every script (Китай = 中国 = China,
ТАСС = 塔斯社 = TASS): what filters, facet counts, actor pages and the network key them by.

Places by their gazetteer English name, agencies by the table in link/agencies.py. People
are matched across scripts by entity linking instead (link/entities.py). The imports are
made on first use: the gazetteer and the link package are heavy, and the store and the
search index import this module.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

from .model import normalize_text

_HAN = re.compile(r"[\u3400-\u9fff]")
_CYR = re.compile(r"[\u0400-\u04ff]")


def known_agency(name: str) -> str | None:
    """The English name of an agency the table knows (ТАСС -> TASS), else None."""
    from .link.agencies import known_agency as lookup
    return lookup(name)


def agency_table_digest() -> str:
    """The agency table's fingerprint (what an index records of the names it counted under)."""
    from .link.agencies import agency_table_digest as digest
    return digest()


def english_name(kind: str, name: str, attrs: dict[str, Any]) -> str | None:
    """The name a span of ``kind`` (person, org, place) is counted and found under in every
    script, when it has one: a place's gazetteer name (the analyzers' ``canonical``), a known
    agency's English name; None for people and anything else."""
    if kind == "place":
        canonical = attrs.get("canonical")
        return canonical if isinstance(canonical, str) and canonical else None
    if kind == "org":
        return known_agency(name)
    return None


def source_spellings(source: str | Iterable[str]) -> list[str]:
    """A source filter's values with every spelling of the agencies they name (TASS: ТАСС,
    ИТАР-ТАСС, 塔斯社, ...)."""
    from .link.agencies import agency_spellings
    names = [source] if isinstance(source, str) else list(source)
    return [sp for n in names if n for sp in agency_spellings(str(n))]


@lru_cache(maxsize=20_000)
def place_actor(name: str) -> str | None:
    """A place named in any script as one actor, keyed by its English gazetteer name
    (Китай = 中国 = China), when the name is one of the place's own forms; else None."""
    try:
        from .analyze import gazetteer as gz
    except ImportError:  # pragma: no cover - the gazetteer ships with the package
        return None
    lang = "zh" if _HAN.search(name) else "ru" if _CYR.search(name) else "en"
    place = gz.lookup(name, lang)
    if place is None:
        return None
    forms = {place.name, place.native(lang), *place.aliases.get(lang, ())}
    return place.name if normalize_text(name) in {normalize_text(f) for f in forms if f} else None


def actor_name(name: str) -> str | None:
    """The one name of a place or an agency written ``name`` in any script, else None."""
    return place_actor(name) or known_agency(name)
