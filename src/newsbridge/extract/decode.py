"""Bytes to text with the encoding detected, not assumed.

The cascade, cheapest first: refuse empty input and known binary signatures; byte-order
marks; UTF-16 without BOM from the parity of its NUL bytes; strict UTF-8; then the legacy
candidates (UTF-16 without NULs, GB18030, cp1251, cp1252) each decoded strictly and scored by
how plausible the result is as natural text; charset-normalizer only when none is plausible.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

__all__ = ["DecodeError", "decode_bytes"]


class DecodeError(ValueError):
    """Bytes that are not text we can read; ``reason`` is one short line."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# Magic numbers of common binary formats (checked at offset 0).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"), (b"PK\x03\x04", "zip archive"), (b"PK\x05\x06", "zip archive"),
    (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip data"), (b"BZh", "bzip2 data"), (b"\xfd7zXZ", "xz data"), (b"7z\xbc\xaf", "7z archive"),
    (b"\x7fELF", "executable"), (b"MZ", "executable"), (b"\xd0\xcf\x11\xe0", "OLE document"),
    (b"RIFF", "RIFF media"), (b"\x00\x00\x01\xba", "MPEG video"), (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"), (b"fLaC", "FLAC audio"), (b"\x1a\x45\xdf\xa3", "Matroska video"),
    (b"SQLite format 3", "SQLite database"), (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"),
    (b"wOFF", "font"), (b"\x00\x01\x00\x00", "font"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
SAMPLE_BYTES = 65536          # detection looks at this much; decoding uses everything
UTF16_NUL_PARITY = 0.9        # share of NULs on one parity for UTF-16 without BOM
MAX_CONTROL_SHARE = 0.01      # more C0 controls than this (besides \t\n\r\f) = binary
MAX_IMPLAUSIBLE = 0.08        # a candidate decoding with more odd characters than this is refused

_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")
_CONTROLS = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def _binary_kind(raw: bytes) -> str | None:
    for sig, kind in _SIGNATURES:
        if raw.startswith(sig):
            return kind
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit on one parity (ASCII/Cyrillic in UTF-16)."""
    n = len(sample) - (len(sample) % 2)
    even = sample[0:n:2].count(0)
    odd = sample[1:n:2].count(0)
    total = even + odd
    if total == 0:
        return None
    if odd >= UTF16_NUL_PARITY * total and odd >= 0.02 * (n // 2):
        return "utf-16-le"
    if even >= UTF16_NUL_PARITY * total and even >= 0.02 * (n // 2):
        return "utf-16-be"
    return None


def _char_class(ch: str) -> str:
    o = ord(ch)
    if o < 0x80:
        return "ascii"
    if 0x400 <= o <= 0x52F:
        return "cyr"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
        return "han"
    if 0xC0 <= o <= 0x24F:
        return "latin"
    if 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F or 0xA0 <= o <= 0xBF:
        return "punct"
    if 0x3040 <= o <= 0x30FF:
        return "kana"
    if 0xAC00 <= o <= 0xD7A3:
        return "hangul"
    return "other"


def _implausibility(text: str) -> float:
    """0 for natural text; grows with odd characters, mixed-script words and case chaos."""
    if not text:
        return 1.0
    counts: dict[str, int] = {}
    bad = 0
    for ch in text:
        c = _char_class(ch)
        counts[c] = counts.get(c, 0) + 1
        if c == "other":
            cat = unicodedata.category(ch)
            if cat[0] in "CS" or cat in ("Mn", "Lm", "Lo", "No"):
                bad += 1
        elif c == "ascii" and ch < " " and ch not in "\t\n\r\f":
            bad += 1
    nonascii = len(text) - counts.get("ascii", 0)
    score = bad / len(text)
    # Scripts that rarely mix: text that is a bit of everything is a wrong decoding.
    scripts = sorted((counts.get(k, 0) for k in ("cyr", "han", "latin", "kana", "hangul")), reverse=True)
    if nonascii:
        score += (sum(scripts[1:]) + counts.get("other", 0) * 0.5) / nonascii * 0.5
    # Words mixing Cyrillic with Latin letters, or capitals inside lower-case words.
    words = re.findall(r"[^\W\d_]{2,}", text[:4000])
    if words:
        odd = 0
        for w in words:
            if w.isascii():
                continue
            has_cyr = any("\u0400" <= c <= "\u04ff" for c in w)
            has_lat = any(c.isascii() for c in w)
            if has_cyr and has_lat:
                odd += 1
            elif not w.isupper() and any(a.islower() and b.isupper() for a, b in zip(w, w[1:])):
                odd += 1
        score += odd / len(words)
    # Western text has a few accented letters; a Cyrillic text read as cp1252 is all accents.
    latin = counts.get("latin", 0)
    if latin and latin > 0.3 * (latin + sum(ch.isalpha() for ch in text[:4000] if ch.isascii())):
        score += 0.5
    # CJK text separated by spaces every few characters is a single-byte text read as GB18030.
    han = counts.get("han", 0)
    if han:
        spaces = text.count(" ")
        if spaces > han / 3:
            score += 0.2
    return score


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _finish(text: str) -> str:
    text = _NEWLINES.sub("\n", text)
    return text[1:] if text.startswith("\ufeff") else text


def decode_bytes(raw: bytes, name: str = "") -> str:
    """Decode ``raw`` (the bytes of a text file called ``name``) to text with ``\\n`` newlines.

    Raises DecodeError for empty input, binary content, and bytes no supported encoding reads.
    """
    if not raw or not raw.strip(b" \t\r\n\x00"):
        raise DecodeError("empty file")
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            text = _strict(raw[len(bom):], enc)
            if text is None:
                raise DecodeError(f"undecodable bytes: not valid {enc.upper()} after its byte-order mark")
            if not text.strip():
                raise DecodeError("empty file")
            return _finish(text)
    kind = _binary_kind(raw)
    if kind is not None:
        raise DecodeError(f"binary content ({kind})")
    sample = raw[:SAMPLE_BYTES]
    if b"\x00" in sample or len(_CONTROLS.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        # UTF-16 without BOM: NULs on one parity (ASCII, Cyrillic) or, for CJK text, a few NULs
        # and control bytes anywhere (U+4E00 is 00 4E, 会 U+4F1A is 1A 4F): try the parity's
        # guess first, then both byte orders; anything else with such bytes is binary.
        text = _utf16_plausible(raw, _utf16_without_bom(sample))
        if text is None:
            raise DecodeError("binary content (NUL bytes)" if b"\x00" in sample else "binary content (control bytes)")
        return _finish(text)
    text = _strict(raw, "utf-8")
    if text is not None:
        return _finish(text)
    return _finish(_decode_legacy(raw, sample))


def _utf16_plausible(raw: bytes, guess: str | None) -> str | None:
    even = raw[: len(raw) - len(raw) % 2]
    best: tuple[float, str] | None = None
    for enc in ([guess] if guess else []) + ["utf-16-le", "utf-16-be"]:
        text = _strict(even, enc)
        if text is not None:
            score = _implausibility(text[:4000])
            if score <= MAX_IMPLAUSIBLE and (best is None or score < best[0]):
                best = (score, text)
        if best is not None and enc == guess:
            break
    return best[1] if best else None


_LEGACY = ("gb18030", "cp1251", "cp1252")


def _decode_legacy(raw: bytes, sample: bytes) -> str:
    candidates: list[tuple[float, int, str]] = []
    encodings = list(_LEGACY)
    if len(raw) % 2 == 0:
        encodings[:0] = ["utf-16-le", "utf-16-be"]
    cut = _safe_cut(sample)
    for rank, enc in enumerate(encodings):
        if enc.startswith("utf-16"):
            even = sample[: len(sample) - len(sample) % 2]
            text = _strict(even, enc) or _strict(even[:-2], enc)
        else:
            text = _strict(cut, enc)
        if text is None:
            continue
        candidates.append((_implausibility(text[:4000]), rank, enc))
    candidates.sort()
    for score, _, enc in candidates:
        if score > MAX_IMPLAUSIBLE:
            break
        text = _strict(raw, enc)
        if text is not None:
            return text
    guess = _charset_normalizer_guess(raw)
    if guess is not None:
        return guess
    raise DecodeError("undecodable bytes: not UTF-8, UTF-16, GB18030, cp1251 or cp1252 text")


def _safe_cut(sample: bytes) -> bytes:
    """The sample cut at a line end so a multi-byte character is never split."""
    if len(sample) < SAMPLE_BYTES:
        return sample
    cut = sample.rfind(b"\n")
    return sample[: cut + 1] if cut > 0 else sample[: len(sample) - len(sample) % 2]


def _charset_normalizer_guess(raw: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(raw[:SAMPLE_BYTES]).best()
    if best is None or best.encoding is None:
        return None
    text = _strict(raw, best.encoding)
    if text is None or _implausibility(text[:4000]) > MAX_IMPLAUSIBLE:
        return None
    return text
