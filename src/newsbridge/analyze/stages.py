"""The "analyze" stage: dispatch a document to the analyzer of its language."""
from __future__ import annotations

from ..model import EVENTS, LOCATIONS, MENTIONS, ORGANIZATIONS, PERSONS, QUOTES, ROLES, Document
from ..pipeline import stage
from .registry import analyzer_version, get_analyzer

UNDERSTANDING_LAYERS = (MENTIONS, PERSONS, ORGANIZATIONS, LOCATIONS, ROLES, QUOTES, EVENTS)


@stage("analyze", version="1", requires=["boilerplate", "title"], assigns=UNDERSTANDING_LAYERS)
def analyze(doc: Document) -> Document:
    for layer in UNDERSTANDING_LAYERS:  # re-running replaces, never duplicates
        doc.clear(layer)
    analyzer = get_analyzer(doc.language)
    if analyzer is not None:
        analyzer(doc)
        doc.meta["analyzer"] = f"{doc.language}.v{analyzer_version(doc.language)}"
    return doc
