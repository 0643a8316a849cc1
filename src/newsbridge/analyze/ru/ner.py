"""Russian named-entity mentions: natasha's NER model (shipped in its wheel), loaded once.

Only the NER tagger runs over the text; natasha's morphology tagger and syntax parser are not
needed because names and phrases are normalized word by word (``morph``), which is what makes
this path several times faster than natasha's full pipeline.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

_LOCK = threading.Lock()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str      # PER | ORG | LOC


@lru_cache(maxsize=1)
def ner_tagger():
    """natasha's NewsNERTagger over NewsEmbedding (both ship in the wheel: no download)."""
    with _LOCK:
        try:
            from natasha import NewsEmbedding, NewsNERTagger
        except ImportError as exc:  # pragma: no cover - natasha is a core dependency
            raise RuntimeError("E101: the Russian analyzer needs natasha (pip install natasha==1.6.0)") from exc
        return NewsNERTagger(NewsEmbedding())


MAX_CHUNK = 20_000  # characters per NER call; long bodies are cut at paragraph breaks


def tag_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """PER/ORG/LOC mentions in ``text[start:end]`` with absolute offsets."""
    end = len(text) if end is None else end
    out: list[Mention] = []
    tagger = ner_tagger()
    pos = start
    while pos < end:
        stop = end
        if stop - pos > MAX_CHUNK:
            cut = text.rfind("\n", pos, pos + MAX_CHUNK)
            stop = cut + 1 if cut > pos else pos + MAX_CHUNK
        chunk = text[pos:stop]
        if chunk.strip():
            markup = tagger(chunk)
            for s in markup.spans:
                a, b = s.start, s.stop
                while b > a and chunk[b - 1] in " .,;:»\"”":
                    b -= 1
                while a < b and chunk[a] in " «\"“„":
                    a += 1
                if b > a:
                    out.append(Mention(pos + a, pos + b, s.type))
        pos = stop
    return out
