"""The extraction stages: "clean" (boilerplate and paragraph layers) and "metadata"."""
from __future__ import annotations

from ..model import BOILERPLATE, DATELINE, PARAGRAPHS, TITLE, Document
from ..pipeline import stage
from .boilerplate import mark_boilerplate, paragraph_spans
from .metadata import extract_metadata


@stage("clean", version="2", assigns=[BOILERPLATE, PARAGRAPHS])   # 2: stamps keep the source they name; credit lines in pieces
def clean(doc: Document) -> Document:
    """Mark boilerplate lines (label = kind) and body paragraphs; the text is never changed."""
    doc.clear(BOILERPLATE)
    doc.clear(PARAGRAPHS)
    marked, lines, _ = mark_boilerplate(doc.text)
    for mk in marked:
        doc.add(BOILERPLATE, mk.line.start, mk.line.end, mk.kind, **mk.attrs)
    for a, b in paragraph_spans(lines, {mk.line.index for mk in marked}):
        doc.add(PARAGRAPHS, a, b, "p")
    return doc


@stage("metadata", version="4", requires=[BOILERPLATE], assigns=[TITLE, DATELINE])   # 2: an outlet's name alone is no headline; a dated byline dates the article; 3: the site date after a headline, an agency where the city stands; 4: the dateline's place as evidence
def metadata(doc: Document) -> Document:
    """Title, language, published date and source from the text; given metadata wins."""
    doc.clear(TITLE)
    doc.clear(DATELINE)
    md = extract_metadata(doc.text, doc.layer(BOILERPLATE), doc.meta)
    doc.title, doc.language, doc.published, doc.source = md.title, md.language, md.published, md.source
    for layer, ev in md.evidence:
        doc.add(layer, ev.start, ev.end, ev.label, **ev.attrs)
    return doc
