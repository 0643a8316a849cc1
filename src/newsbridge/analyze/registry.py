"""Language analyzers plug in here: one module per language, registered by ISO code.

An analyzer is a function ``(doc: Document) -> None`` that adds the understanding layers
(mentions, persons, organizations, locations, roles, quotes, events) to ``doc``. Adding a
language means writing one module that calls ``register_analyzer`` and listing it below.
"""
from __future__ import annotations

import importlib
from typing import Callable

from ..model import Document

Analyzer = Callable[[Document], None]

_ANALYZERS: dict[str, Analyzer] = {}
_VERSIONS: dict[str, str] = {}

# modules that register analyzers on import (language code -> module)
ANALYZER_MODULES = {
    "en": "newsbridge.analyze.en",
    "ru": "newsbridge.analyze.ru",
    "zh": "newsbridge.analyze.zh",
}


def register_analyzer(lang: str, version: str = "1"):
    def register(func: Analyzer) -> Analyzer:
        _ANALYZERS[lang] = func
        _VERSIONS[lang] = version
        return func

    return register


def get_analyzer(lang: str | None) -> Analyzer | None:
    """The analyzer for ``lang``, importing its module on first use; None when there is none."""
    if not lang:
        return None
    if lang not in _ANALYZERS and lang in ANALYZER_MODULES:
        try:
            importlib.import_module(ANALYZER_MODULES[lang])
        except ModuleNotFoundError as exc:
            if exc.name != ANALYZER_MODULES[lang]:
                raise
    return _ANALYZERS.get(lang)


def analyzer_version(lang: str) -> str:
    return _VERSIONS.get(lang, "0")
