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
