"""model.nfkc: NFKC by pieces must equal unicodedata's NFKC on every text."""
from __future__ import annotations

import re
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbridge.model import NFKC_INERT, NFKC_PUNCTUATION, content_hash, nfkc

_INERT = re.compile(f"[{NFKC_INERT}]")


def _composition_halves() -> tuple[set[str], set[str]]:
    """First and second characters of every canonical two-character decomposition."""
    first, second = set(), set()
    for cp in range(sys.maxunicode + 1):
        d = unicodedata.decomposition(chr(cp))
        if d and not d.startswith("<"):
            parts = d.split()
            if len(parts) == 2:
                first.add(chr(int(parts[0], 16)))
                second.add(chr(int(parts[1], 16)))
    return first, second


def test_inert_characters_and_punctuation_hold_their_promise():
    first, second = _composition_halves()
    inert = [chr(cp) for cp in range(sys.maxunicode + 1) if _INERT.fullmatch(chr(cp))]
    assert len(inert) > 20_000
    for c in inert:
        assert unicodedata.normalize("NFKC", c) == c, hex(ord(c))
        assert unicodedata.combining(c) == 0, hex(ord(c))
        assert c not in second, hex(ord(c))
    for wide, narrow in NFKC_PUNCTUATION:
        assert unicodedata.normalize("NFKC", wide) == narrow
        assert unicodedata.combining(wide) == 0 and wide not in second
        assert narrow not in first and narrow not in second and unicodedata.combining(narrow) == 0


# Texts mixing what the fast path skips with what NFKC changes or joins: combining marks,
# fullwidth forms, ligatures, Hangul jamo, compatibility characters, Cyrillic and Chinese.
_ALPHABET = st.sampled_from(list(
    "abcXYZ ,.:;<=>\n\tЕеИиЁёйЙ中文新闻，：；！？（）％" "\u0301\u0306\u0308\u0338\u0300\u0327"
    "ＡＢ１２ﬁ№…\u00a0\u2116\u1100\u1161\u11a8\uac00\u3000ｶﾞ\u212b\u0b47\u0b3e\u00c5\u2126«»—“”„"))


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_nfkc_equals_unicodedata(text):
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_nfkc_equals_unicodedata_on_any_text(text):
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_content_hash_is_the_hash_of_the_nfkc_casefolded_text():
    text = "新华社北京12月17日电（记者 王某）：会议，在 Пекине ЁЛКА ﬁnal…"
    expected = unicodedata.normalize("NFKC", text).casefold()
    import hashlib
    assert content_hash(text) == hashlib.sha256(" ".join(expected.split()).encode()).hexdigest()
