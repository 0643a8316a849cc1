"""Russian analyzer (natasha NER + pymorphy3 rules), registered for language "ru"."""
from __future__ import annotations

from ..registry import register_analyzer
from .analyzer import analyze_ru

__all__ = ["analyze_ru"]

register_analyzer("ru", version="3")(analyze_ru)   # 2: listed titles, acting titles, orgs as written; 3: launch names from quotes next to the word, a person's org with its country, events in the Kremlin, no event date from the dateline
