"""The bundled sample corpus (samples/) and its ground truth (samples/MANIFEST.json).

Checks that the manifest covers every file, that each file really is in the encoding the
manifest states, that every relationship points at an existing article, that the manifest's
names, titles and quote openings stand in the text, and that nothing was copied from the
seed articles in ../shared (no run of 12+ consecutive words in common).
"""
from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
CORPUS = SAMPLES / "corpus"
MANIFEST = SAMPLES / "MANIFEST.json"
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "data" / "seeds"

RELATIONS = ("reprint_of", "translation_of", "same_event_as", "version_of", "hard_negative_of")
EVENT_TYPES = {"meeting", "forum", "visit", "agreement", "video_conference", "launch"}
COPY_RUN = 12                      # words in common with a seed that count as copying
MAX_CORPUS_BYTES = 400 * 1024
BOMS = {
    "utf-8-sig": b"\xef\xbb\xbf",
    "utf-16": (b"\xff\xfe", b"\xfe\xff"),
}


def _manifest() -> dict:
    return json.loads(MANIFEST.read_text("utf-8"))


ARTICLES = _manifest()["articles"]
BY_ID = {a["id"]: a for a in ARTICLES}


def _raw_text(article: dict) -> str:
    """The article as its file holds it: decoded text, or a JSONL record's text/html."""
    data = (SAMPLES / article["file"]).read_bytes()
    if article["record"]:
        line = data.decode("utf-8").splitlines()[article["record"] - 1]
        rec = json.loads(line)
        return rec.get("text") or rec.get("html")
    return data.decode(article["encoding"])


def _visible(text: str) -> str:
    """Markup stripped, entities resolved, whitespace collapsed (for 'does X stand in the text')."""
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\s+", " ", text).strip()


_WORD = re.compile(r"[\u4e00-\u9fff]|[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def _words(text: str) -> list[str]:
    """Lower-cased words; each CJK character counts as one word."""
    return [w.casefold() for w in _WORD.findall(text)]


def _shingles(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


# ---------------------------------------------------------------- coverage and encodings

def test_samples_manifest_covers_every_file():
    on_disk = {p.relative_to(SAMPLES).as_posix() for p in CORPUS.rglob("*") if p.is_file()}
    in_manifest = {a["file"] for a in ARTICLES}
    assert on_disk == in_manifest, (on_disk ^ in_manifest)
    assert len(BY_ID) == len(ARTICLES), "duplicate ids in the manifest"
    for a in ARTICLES:
        expected = a["file"] + (f"#{a['record']}" if a["record"] else "")
        assert a["id"] == expected


def test_samples_jsonl_records_match_manifest():
    for path in CORPUS.glob("*.jsonl"):
        rel = path.relative_to(SAMPLES).as_posix()
        lines = [ln for ln in path.read_text("utf-8").splitlines() if ln.strip()]
        described = sorted(a["record"] for a in ARTICLES if a["file"] == rel)
        assert described == list(range(1, len(lines) + 1))
        for n, line in enumerate(lines, 1):
            rec = json.loads(line)
            assert {"url", "title", "published", "source"} <= rec.keys()
            assert ("text" in rec) != ("html" in rec)
            art = BY_ID[f"{rel}#{n}"]
            assert rec["url"] == art["url"]
            assert rec["title"] == art["title"]
            assert rec["published"][:10] == art["published"]


@pytest.mark.parametrize("article", [a for a in ARTICLES if not a["record"]], ids=lambda a: a["id"])
def test_samples_file_decodes_in_stated_encoding(article):
    data = (SAMPLES / article["file"]).read_bytes()
    enc = article["encoding"]
    text = data.decode(enc)                    # strict: raises on a wrong encoding
    assert "\ufffd" not in text and "\x00" not in text
    if enc == "utf-8":
        assert not data.startswith(BOMS["utf-8-sig"])
    elif enc in BOMS:
        assert data.startswith(BOMS[enc])
    else:
        # a legacy encoding must really be one: the bytes are not valid UTF-8
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")


def test_samples_encodings_and_formats_are_varied():
    encodings = Counter(a["encoding"] for a in ARTICLES)
    formats = Counter(a["format"] for a in ARTICLES)
    for enc in ("utf-8", "utf-8-sig", "utf-16", "cp1251", "gb18030"):
        assert encodings[enc] >= 1, enc
    assert formats["html"] >= 4 and formats["jsonl"] >= 4 and formats["txt"] >= 20


def test_samples_corpus_is_small():
    total = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert total < MAX_CORPUS_BYTES


# ---------------------------------------------------------------- manifest is true to the text

@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["id"])
def test_samples_manifest_is_true_to_text(article):
    text = _visible(_raw_text(article)).casefold()
    assert article["title"].casefold() in text
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", article["published"])
    names = set()
    for person in article["persons"]:
        for form in [person["name"], *person["aliases"]]:
            assert form.casefold() in text, form
            names.add(form)
        for role in person["roles"]:
            assert role.casefold() in text, role
        assert person["entity"]
    for quote in article["quotes"]:
        assert quote["speaker"] in names
        assert quote["start"].casefold() in text, quote["start"]
    for event in article["events"]:
        assert event["type"] in EVENT_TYPES
        assert all(isinstance(v, int) for v in event["counts"].values())


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a["id"])
def test_samples_length_is_short_news(article):
    words = _words(_visible(_raw_text(article)))
    if article["language"] == "zh":
        n = sum(1 for w in words if "\u4e00" <= w <= "\u9fff") // 2   # ~2 characters a word
    else:
        n = len(words)
    assert 150 <= n <= 600, n       # body 150-450 words plus page chrome


# ---------------------------------------------------------------- relationships

def test_samples_relationships_point_at_existing_articles():
    for a in ARTICLES:
        assert set(a["relations"]) <= set(RELATIONS)
        for kind, targets in a["relations"].items():
            assert isinstance(targets, list) and targets
            for t in targets:
                assert t in BY_ID, (a["id"], kind, t)
                assert t != a["id"]


def test_samples_relationships_are_consistent():
    for a in ARTICLES:
        rel = a["relations"]
        for t in rel.get("same_event_as", []):
            assert a["id"] in BY_ID[t]["relations"].get("same_event_as", []), (a["id"], t)
        for t in rel.get("translation_of", []):
            assert BY_ID[t]["language"] != a["language"]
        for t in rel.get("reprint_of", []):
            assert BY_ID[t]["language"] == a["language"]
            assert BY_ID[t]["title"] != a["title"], "a reprint here always rewords the headline"
        for t in rel.get("version_of", []):
            assert a["url"] and BY_ID[t]["url"] == a["url"]
            assert _raw_text(a) != _raw_text(BY_ID[t])
        for t in rel.get("hard_negative_of", []):
            # a hard negative shares people with the story it must not be linked to
            mine = {p["entity"] for p in a["persons"]}
            theirs = {p["entity"] for p in BY_ID[t]["persons"]}
            assert mine & theirs, (a["id"], t)
        # a related pair shares its people (the same entity keys)
        for kind in ("reprint_of", "translation_of", "version_of"):
            for t in rel.get(kind, []):
                assert {p["entity"] for p in a["persons"]} <= {p["entity"] for p in BY_ID[t]["persons"]}


def test_samples_cover_every_kind_of_link():
    count = Counter(kind for a in ARTICLES for kind, ts in a["relations"].items() for _ in ts)
    assert count["reprint_of"] >= 5
    assert count["translation_of"] >= 4
    assert count["version_of"] >= 1
    assert count["hard_negative_of"] >= 3
    groups = {frozenset([a["id"], *a["relations"].get("same_event_as", [])])
              for a in ARTICLES if a["relations"].get("same_event_as")}
    assert len(groups) >= 3
    pairs = {frozenset([a["language"], BY_ID[t]["language"]])
             for a in ARTICLES for t in a["relations"].get("translation_of", [])}
    assert frozenset(["ru", "en"]) in pairs and frozenset(["zh", "en"]) in pairs


def test_samples_languages():
    langs = Counter(a["language"] for a in ARTICLES)
    assert len(ARTICLES) >= 30
    assert langs["en"] >= 12 and langs["ru"] >= 10 and langs["zh"] >= 8


def test_samples_entities_table_matches_persons():
    entities = _manifest()["entities"]
    for a in ARTICLES:
        for p in a["persons"]:
            assert p["name"] in entities[p["entity"]]["names"]


# ---------------------------------------------------------------- honesty: nothing copied

@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/data/seeds is absent")
def test_samples_share_no_long_run_with_seeds():
    seed_shingles: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        seed_shingles |= _shingles(_words(seed.read_text("utf-8", errors="replace")), COPY_RUN)
    assert seed_shingles, "no seed text read"
    copied = {}
    for a in ARTICLES:
        common = _shingles(_words(_visible(_raw_text(a))), COPY_RUN) & seed_shingles
        if common:
            copied[a["id"]] = " ".join(next(iter(common)))
    assert not copied, copied


def test_samples_shingle_check_detects_a_copy():
    """The honesty check itself works: a sentence lifted into a text is found."""
    base = "the quick brown fox jumps over the lazy dog while seven documents were signed today"
    other = "a report says " + base + " in the city"
    assert _shingles(_words(base), COPY_RUN) & _shingles(_words(other), COPY_RUN)
    assert not _shingles(_words("short text only"), COPY_RUN)
