"""Headlines under site chrome: a site name above navigation, and section menus, are not titles."""
import pytest

from newsbridge.model import Document
from newsbridge.pipeline import apply


def title_of(text: str) -> str | None:
    return apply(Document(id="t", text=text), ["clean", "metadata"]).title


LEAD = ("KAZAN, 4 March (TestWire) - Delegations from two regions met on Tuesday to discuss cooperation "
        "in media and education, the organisers said after the talks in the city hall.\n")


def test_site_name_above_breadcrumb_is_not_the_title():
    text = "Northern Regional News Digest\nHome › World › Europe\n\nTwo regions agree to swap reporters\n\n" + LEAD
    assert title_of(text) == "Two regions agree to swap reporters"


def test_section_menu_is_navigation_not_title():
    text = "Politics | Society | Economy | Culture | Sport\n\nTwo regions agree to swap reporters\n\n" + LEAD
    doc = apply(Document(id="t", text=text), ["clean", "metadata"])
    assert doc.title == "Two regions agree to swap reporters"
    assert any(s.label == "nav" and doc.span_text(s).startswith("Politics |") for s in doc.layer("boilerplate"))


def test_headline_followed_by_navigation_stays_when_nothing_else_reads_like_one():
    text = "Two regions agree to swap reporters\nHome › World › Europe\n\n" + LEAD
    assert title_of(text) == "Two regions agree to swap reporters"


def test_pipe_in_a_real_sentence_is_not_a_menu():
    text = "Trade grows | analysts expect the rise to continue through the year\n\n" + LEAD
    doc = apply(Document(id="t", text=text), ["clean", "metadata"])
    assert not any(doc.span_text(s).startswith("Trade grows") for s in doc.layer("boilerplate"))


def test_chinese_breadcrumb_with_double_arrows_is_navigation():
    text = ("人民网 >> 国际\n\n两地媒体签署合作协议\n\n人民网北京3月4日电 两地媒体代表4日在北京签署合作协议，"
            "双方将在新闻报道、人员交流和内容共享等方面开展合作。\n")
    assert title_of(text) == "两地媒体签署合作协议"


@pytest.mark.parametrize("header,headline", [
    ("中国日报网", "中哈媒体合作论坛在阿斯塔纳举行"), ("新华社", "中俄媒体论坛在北京举行"),
    ("Reuters", "Media forum opens in Beijing with record attendance"),
    ("China Daily", "Media forum opens in Beijing with record attendance"),
])
def test_a_line_that_only_names_an_outlet_is_no_headline(header, headline):
    assert title_of(f"{header}\n\n{headline}\n\n2025年11月28日\n\n" + LEAD) == headline


def test_outlet_and_edition_before_an_arrow_crumb_is_navigation():
    text = ("Наводнение удалось предотвратить\n\nАргументы Недели. Санкт-Петербург → Общество\n\n"
            "11 февраля 2023, 15:12\n\nВ пятницу в Санкт-Петербурге резко возросла угроза наводнения из-за непогоды. "
            "Наводнение удалось предотвратить благодаря своевременному закрытию дамбы, сообщили в городской службе.\n")
    doc = apply(Document(id="t", text=text), ["clean", "metadata"])
    assert doc.title == "Наводнение удалось предотвратить"
    assert any(s.label == "nav" and doc.span_text(s).startswith("Аргументы Недели.") for s in doc.layer("boilerplate"))


def test_sentences_around_an_arrow_are_no_crumb():
    text = ("Two regions agree to swap reporters\n\nPrices rose sharply this year. Exports → imports shifted as well.\n\n"
            + LEAD)
    doc = apply(Document(id="t", text=text), ["clean", "metadata"])
    assert not any(doc.span_text(s).startswith("Prices rose") for s in doc.layer("boilerplate"))
