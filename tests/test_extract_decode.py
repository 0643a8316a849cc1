"""Encoding detection: natural text in each supported encoding decodes back equal; binary is refused."""
from __future__ import annotations

import codecs
import gzip
import io
import zipfile

import pytest
from hypothesis import given, settings, strategies as st

from newsbridge.extract.decode import DecodeError, decode_bytes

WORDS = {
    "en": "the president said on Monday that talks with the delegation were useful and both sides agreed to "
          "continue cooperation in trade energy media and education next year officials reported".split(),
    "ru": "президент заявил в понедельник что переговоры с делегацией были полезными и стороны договорились "
          "продолжить сотрудничество в торговле энергетике СМИ и образовании в следующем году сообщили "
          "официальные лица Москва Пекин форум".split(),
    "zh": "新华社 北京 电 中国 俄罗斯 两国 媒体 合作 论坛 举行 代表 出席 签署 文件 发展 关系 地区 交流 "
          "经济 文化 教育 人民 政府 会议 表示 双方 进一步 加强".split(),
}
SEP = {"en": " ", "ru": " ", "zh": ""}
PUNCT = {"en": [". ", ", "], "ru": [". ", ", "], "zh": ["。", "，"]}
ENCODINGS = {
    "en": ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "gb18030"],
    "ru": ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "gb18030"],
    "zh": ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030"],
}


@st.composite
def natural_text(draw, lang):
    words = draw(st.lists(st.sampled_from(WORDS[lang]), min_size=12, max_size=120))
    out, sentence = [], []
    for w in words:
        sentence.append(w)
        if len(sentence) >= draw(st.integers(min_value=4, max_value=12)):
            s = SEP[lang].join(sentence)
            out.append(s[0].upper() + s[1:] + draw(st.sampled_from(PUNCT[lang])))
            sentence = []
    if sentence:
        out.append(SEP[lang].join(sentence))
    text = "".join(out).strip()
    if draw(st.booleans()):
        text = text.replace(". ", ".\n\n", 2)
    return text


@st.composite
def text_and_encoding(draw):
    lang = draw(st.sampled_from(sorted(WORDS)))
    text = draw(natural_text(lang))
    return lang, text, draw(st.sampled_from(ENCODINGS[lang]))


@settings(max_examples=400, deadline=None)
@given(text_and_encoding())
def test_decode_natural_text_round_trips_in_every_supported_encoding(case):
    lang, text, enc = case
    if len(text) < 40:
        text = (text + " ") * (40 // max(1, len(text)) + 1)
        text = text.strip()
    assert decode_bytes(text.encode(enc)) == text, (lang, enc)


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=64, max_size=2048))
def test_decode_random_bytes_never_crash_and_never_return_control_soup(raw):
    try:
        text = decode_bytes(raw)
    except DecodeError as exc:
        assert exc.reason and "\n" not in exc.reason
        return
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\f")
    assert controls <= 0.01 * len(text) + 1


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hello " * 100)
    return buf.getvalue()


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty"),
    (b"  \n\r\n ", "empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
    (b"\xff\xd8\xff\xe0" + bytes(range(256)), "binary"),
    (_zip_bytes(), "binary"),
    (gzip.compress(b"hello world " * 50), "binary"),
    (bytes(range(256)) * 8, "binary"),
    (b"\x00\x01\x02\x03" * 300, "binary"),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "undecodable"),
])
def test_decode_refuses_with_one_line_reason(raw, reason):
    with pytest.raises(DecodeError) as err:
        decode_bytes(raw, "x.txt")
    assert reason in err.value.reason and "\n" not in err.value.reason
    assert isinstance(err.value, ValueError)


def test_decode_normalises_newlines_and_drops_bom():
    assert decode_bytes(codecs.BOM_UTF8 + "Заголовок\r\n\r\nТекст\rещё".encode()) == "Заголовок\n\nТекст\nещё"
    assert decode_bytes("标题\r\n正文".encode("utf-16")) == "标题\n正文"


def test_decode_seeds_are_utf8(seeds_dir):
    for p in sorted(seeds_dir.glob("*.txt")):
        assert decode_bytes(p.read_bytes(), p.name) == p.read_text(encoding="utf-8").replace("\r\n", "\n")
