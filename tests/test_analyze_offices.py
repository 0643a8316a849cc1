"""Offices of state and negotiating bodies written in lower case are organizations: 'the office of
the Ukrainian president', 'the Minsk contact group', 'офис президента Украины', 'контактная
группа' — but not a title before its holder's name ('канцелярия премьер-министра Терезы Мэй')
and not 'a contact group' of any kind."""
import pytest

from newsbridge.analyze.common.offices import office_spans_en, office_spans_ru
from support import analyzed, analyzed_doc

EN = ("Aide resigns\n\nKIEV, March 3, 2024 (TestWire) - The head of the office of the Ukrainian president, "
      "Andriy Yermak, met reporters. The agreement reached at the Minsk contact group meeting holds, the "
      "contact group said. Health officials traced a contact group of 40 people.\n")

RU = ("Ермак встретился с журналистами\n\nКИЕВ, 3 марта 2024. /ТестИнформ/. Глава офиса президента Украины "
      "Андрей Ермак встретился с журналистами. Контактная группа соберется снова, сообщили в администрации "
      "президента. Об этом сообщили в канцелярии премьер-министра Великобритании Терезы Мэй.\n")


def _surfaces(text, spans):
    return [text[s:e] for s, e in spans]


def test_english_office_spans():
    assert _surfaces(EN, office_spans_en(EN)) == ["office of the Ukrainian president", "Minsk contact group",
                                                  "contact group"]
    text = "Ukraine's presidential office and the Ukrainian president's office said."
    assert _surfaces(text, office_spans_en(text)) == ["Ukraine's presidential office",
                                                      "Ukrainian president's office"]


def test_russian_office_spans():
    text = "заседание минской Контактной группы и Трехсторонней контактной группы в офисе президента"
    assert _surfaces(text, office_spans_ru(text)) == ["Контактной группы", "Трехсторонней контактной группы",
                                                      "офисе президента"]


@pytest.fixture(scope="module")
def en_doc():
    return analyzed_doc(EN, "en")


def test_english_offices_are_organizations(en_doc):
    orgs = {s.attrs["name"] for s in en_doc.layer("organizations")}
    assert {"office of the Ukrainian president", "Minsk contact group"} <= orgs
    assert "Minsk" not in {s.attrs["name"] for s in en_doc.layer("locations")}


def test_english_head_of_an_office_is_no_president(en_doc):
    yermak = next(s.attrs for s in en_doc.layer("persons") if s.attrs["name"] == "Andriy Yermak")
    assert "president" not in [r.lower() for r in yermak["roles"]]
    assert yermak["org"] == "office of the Ukrainian president"


def test_russian_offices_are_organizations():
    orgs = analyzed(RU, "ru", "organizations")
    assert "офис президента Украины" in orgs
    assert "администрация президента" in orgs
    assert any(n.lower() == "контактная группа" for n in orgs)


def test_russian_office_before_its_holder_stays_his_title():
    persons = analyzed(RU, "ru", "persons")
    assert persons["Тереза Мэй"]["roles"] == ["премьер-министр Великобритании"]
    assert not any(n.startswith("канцеляри") for n in analyzed(RU, "ru", "organizations"))
