"""Line rules of the clean step, multilingual, and what the stage writes."""
from __future__ import annotations

import pytest

from newsbridge.extract.boilerplate import classify_line, mark_boilerplate
from newsbridge.extract.lines import Line
from newsbridge.model import Document
from newsbridge.pipeline import apply


def _kind(text: str) -> str | None:
    mk = classify_line(Line(0, 0, len(text), text))
    return mk.kind if mk else None


@pytest.mark.parametrize("line, kind", [
    ("Subscribe to us", "subscribe"),
    ("Подписывайтесь на наш канал в Telegram", "subscribe"),
    ("扫码关注我们的公众号", "subscribe"),
    ("Photo credit: Agibai Ayapbergenov/ Kazinform", "photo_credit"),
    ("Фото: РГ", "photo_credit"),
    ("图片来源：新华社", "photo_credit"),
    ("An important disclaimer is at the bottom of this article.", "disclaimer"),
    ("Мнение редакции может не совпадать с мнением автора.", "disclaimer"),
    ("See also", "related"),
    ("Читайте также: Путин провел совещание", "related"),
    ("相关新闻", "related"),
    ("Lesen Sie auch: Neue Regeln", "related"),
    ("Share", "share"),
    ("Facebook Twitter Telegram", "share"),
    ("Поделиться", "share"),
    ("分享到：", "share"),
    ("All news", "nav"),
    ("Главная / Новости / Политика", "nav"),
    ("首页 > 新闻 > 国际", "nav"),
    ("Tags: China, Russia", "tags"),
    ("责任编辑：李华", "credits"),
    ("(Reporting by Jane Roe; Editing by John Doe)", "credits"),
    ("© 2025 Example News. All rights reserved.", "photo_credit"),
    ("Translation. Region: Russian Federation –", "aggregator"),
    ("Source: People's Republic of China – State Council News", "source_line"),
    ("Источник: ТАСС", "source_line"),
    ("Posted 21 декабря 2022,, 09:39", "stamp"),
    ("Опубликовано: 03.02.2023 12:15", "stamp"),
    ("发布时间：2025-12-17 10:30", "stamp"),
    ("Last updated on December 18, 2025", "stamp"),
])
def test_boilerplate_line_rules(line, kind):
    assert _kind(line) == kind


@pytest.mark.parametrize("line", [
    "The president said the talks were useful and would continue next year.",
    "Source of the problem, he said, was the lack of funding.",
    "Photos of the event were shared widely, officials said, after the ceremony in Beijing.",
    "Подписание соглашения состоялось в Москве.",
    "与会代表表示，两国媒体应加强交流。",
    "Putin/Xi meeting ends",
    "Scheine zu 1,2,5 | Münzen",
])
def test_boilerplate_body_lines_are_not_marked(line):
    assert _kind(line) is None


def test_boilerplate_stamps_keep_their_dates():
    mk = classify_line(Line(0, 0, 30, "Modified 24 декабря 2022,, 22:38"))
    assert mk.kind == "stamp" and mk.attrs == {"kind": "modified", "date": "2022-12-24", "time": "22:38"}
    mk = classify_line(Line(0, 0, 60, "Source: Xinhua | 2025-12-17 10:30:45 | Editor: huaxia"))
    assert mk.kind == "stamp" and mk.attrs["source"] == "Xinhua" and mk.attrs["date"] == "2025-12-17"


def test_boilerplate_repeated_headline_and_header_dates():
    text = ("Menu\nThursday, 18 July 2024\n03 January 2024, 10:30\n\nTalks held in Minsk on trade\n\n"
            "Talks held in Minsk on trade\n\nMINSK, 3 January (BelTA) - Talks on trade were held in Minsk, "
            "officials said on Wednesday after the meeting.\n")
    marked, _, headline = mark_boilerplate(text)
    kinds = [(m.kind, m.line.text) for m in marked]
    assert headline.text == "Talks held in Minsk on trade"
    assert ("site_date", "Thursday, 18 July 2024") in kinds
    assert ("stamp", "03 January 2024, 10:30") in kinds
    assert ("repeated_title", "Talks held in Minsk on trade") in kinds
    assert ("nav", "Menu") in kinds


def test_boilerplate_stage_keeps_text_and_sets_body():
    text = "Headline about the forum in Beijing\nShare\n\nThe forum opened on Tuesday. Delegates met.\n\nSee also\n"
    doc = apply(Document(id="x", text=text), ["clean"])
    assert doc.text == text
    assert doc.body.split() == "Headline about the forum in Beijing The forum opened on Tuesday. Delegates met.".split()
    assert [doc.span_text(p) for p in doc.layer("paragraphs")] == [
        "Headline about the forum in Beijing", "The forum opened on Tuesday. Delegates met."]
    # Running the stage twice gives the same layers (it clears its own layers first).
    again = apply(doc, ["clean"])
    assert len(again.layer("boilerplate")) == 2


def test_boilerplate_hard_wrapped_lines_make_one_paragraph():
    text = "The minister said the talks\nwere useful and would continue.\n\nNext paragraph here.\n"
    doc = apply(Document(id="w", text=text), ["clean"])
    assert [doc.span_text(p) for p in doc.layer("paragraphs")] == [
        "The minister said the talks\nwere useful and would continue.", "Next paragraph here."]


# -- the shortcuts of classify_line skip only rules that cannot match --------------------------------
def _first_rule_by_brute_force(t: str) -> str | None:
    """Every rule in order, as the rules read (the long-line needles are part of the rules)."""
    from newsbridge.extract.boilerplate import _NEEDLES, _RULES, NEEDLE_MIN_CHARS
    for kind, rx, max_len in _RULES:
        if len(t) > max_len:
            continue
        needles = _NEEDLES.get(kind) if len(t) > NEEDLE_MIN_CHARS else None
        if needles is not None and not any(n in t.lower() for n in needles):
            continue
        if rx.search(t):
            return kind
    return None


@pytest.mark.parametrize("line", [
    "Subscribe to us", "SUBSCRIBE TO OUR NEWSLETTER", "Please subscribe for more", "Follow TASS on Telegram",
    "Download the free Example News app today", "By signing up you agree", "Photo: Reuters / John Smith",
    "The talks went well, officials said. / REUTERS", "Getty Images", "本文仅代表作者观点", "© Example 2025",
    "Views expressed here are the author's own", "DİSCLAİMER: nothing here is advice", "Dıscımer",
    "ſubscribe to us", "Читайте также: новости", "Все права защищены", "Source: TASS", "Menu", "Share",
    "This article was automatically translated from Russian by a machine and may contain errors in names "
    "and numbers; the original is available on request from the editors of the site, thank you.",
    "The minister said on Tuesday that the two countries would sign an agreement on trade and transport "
    "next month, and that the documents were almost ready. All rights reserved to nobody in particular.",
    "关注我们的公众号", "打开APP阅读全文", "图：新华社", "Newsletter", "The forum opened in Beijing on Tuesday.",
])
def test_boilerplate_rule_shortcuts_match_every_rule_in_order(line):
    from newsbridge.extract.boilerplate import _rule_kind
    for t in (line, line.upper(), line.lower(), line[: len(line) // 2]):
        assert _rule_kind(t) == _first_rule_by_brute_force(t), t


def test_boilerplate_rules_without_needles_are_anchored():
    """A table's combined anchored pattern stands in for every rule without needles: each must
    match only at the start of the line."""
    try:
        from re import _parser as sre_parse, _constants as sre_constants
    except ImportError:  # Python < 3.11
        import sre_constants
        import sre_parse
    from newsbridge.extract.boilerplate import _EXACT_NEEDLES, _RULES

    def anchored(items) -> bool:
        first = items[0] if len(items) else None
        if first is None:
            return False
        op, av = first
        if op is sre_constants.AT:
            return av is sre_constants.AT_BEGINNING
        if op is sre_constants.SUBPATTERN:
            return anchored(av[-1])
        if op is sre_constants.BRANCH:
            return all(anchored(alt) for alt in av[1])
        return False

    for kind, rx, _ in _RULES:
        if rx not in _EXACT_NEEDLES:
            assert anchored(sre_parse.parse(rx.pattern, rx.flags)), (kind, rx.pattern[:40])


def test_boilerplate_case_exotic_letters_cover_every_needle_letter():
    """A character that re.IGNORECASE takes for a needle's letter but str.lower() does not turn
    into that letter must send the line down the slow path (checked over all of Unicode)."""
    import re
    from newsbridge.extract.boilerplate import _CASE_EXOTIC, _EXACT_NEEDLES, _NEEDLES
    letters = {ch for ns in (*_EXACT_NEEDLES.values(), *_NEEDLES.values()) for n in ns for ch in n
               if ch.lower() != ch.upper()}
    any_letter = re.compile("[" + "".join(re.escape(ch) for ch in sorted(letters)) + "]", re.IGNORECASE)
    for cp in range(0x110000):
        c = chr(cp)
        if any_letter.fullmatch(c) and c.lower() not in letters:
            assert _CASE_EXOTIC.match(c), hex(cp)
