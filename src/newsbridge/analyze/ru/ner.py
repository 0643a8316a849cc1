"""Russian named-entity mentions: natasha's NER model (shipped in its wheel), loaded once.

Only the NER tagger runs over the text; natasha's morphology tagger and syntax parser are not
needed because names and phrases are normalized word by word (``morph``), which is what makes
this path several times faster than natasha's full pipeline.
"""
from __future__ import annotations

import re
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
    pos = start
    while pos < end:
        stop = end
        if stop - pos > MAX_CHUNK:
            cut = text.rfind("\n", pos, pos + MAX_CHUNK)
            stop = cut + 1 if cut > pos else pos + MAX_CHUNK
        chunk = text[pos:stop]
        if chunk.strip():
            for a, b, _typ in _tag_fast(chunk):
                nl = chunk.find("\n", a, b)
                if nl > a:
                    b = nl      # the model reads across lines ("Андрей Рудьков\n\nАккаунт"): a name ends at its line
                while b > a and chunk[b - 1] in " .,;:»\"”":
                    b -= 1
                while a < b and chunk[a] in " «\"“„":
                    a += 1
                if b > a:
                    out.append(Mention(pos + a, pos + b, _typ))
        pos = stop
    return out


# A regex tokenizer close to razdel's for news text (words with inner hyphens/apostrophes,
# numbers with decimal parts, single punctuation marks); it gives offsets directly, so the
# model's tags map onto the text without a second search pass.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*|[^\w\s]", re.UNICODE)


def _tag_fast(chunk: str) -> list[tuple[int, int, str]]:
    """natasha's NER model over ``chunk`` with our tokenizer: (start, stop, type) spans."""
    tagger = ner_tagger()
    infer = tagger.infer
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(chunk)]
    if not toks:
        return []
    words = [chunk[a:b] for a, b in toks]
    inputs = infer.encoder([words])
    preds = infer.decoder(infer.process(inputs))
    tags = next(iter(preds))
    spans = []
    cur = None
    for (a, b), tag in zip(toks, tags):
        part, _, typ = tag.partition("-")
        if part == "B" or (part == "I" and (cur is None or cur[2] != typ)):
            if cur:
                spans.append(tuple(cur))
            cur = [a, b, typ]
        elif part == "I":
            cur[1] = b
        else:
            if cur:
                spans.append(tuple(cur))
            cur = None
    if cur:
        spans.append(tuple(cur))
    return spans
