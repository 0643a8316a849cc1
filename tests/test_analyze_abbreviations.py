"""Abbreviations of body names: initials in any script, an abbreviation in brackets after its
name, and the analyzers listing a body once with its abbreviation as an alias, whatever the order."""
from __future__ import annotations

import pytest

from newsbridge.analyze.common.abbreviations import (abbreviates, abbreviation_pairs, defined_in_brackets,
                                                     is_abbreviation)
from newsbridge.model import ORGANIZATIONS, Document


@pytest.mark.parametrize("short, full, same", [
    ("WHO", "World Health Organization", True),
    ("OPEC", "Organization of the Petroleum Exporting Countries", True),
    ("WSJ", "The Wall Street Journal", True),
    ("ВОЗ", "Всемирная организация здравоохранения", True),
    ("ВМФ России", "Военно-морской флот России", True),
    ("ДПНИ", "Движение против нелегальной иммиграции", True),
    ("ВМФ России", "Военно-морской флот Украины", False),
    ("WHO", "World Bank", False),
    ("МИДа", "Министерство иностранных дел", False),       # an abbreviation with an ending is a word here
    ("EU", "Europe", False),                               # one word abbreviates nothing
])
def test_abbreviates(short, full, same):
    assert abbreviates(short, full) is same


def test_is_abbreviation():
    assert all(is_abbreviation(w) for w in ("WHO", "ВОЗ", "U.N.", "SCMP", "EU"))
    assert not any(is_abbreviation(w) for w in ("Nasdaq", "Москва", "A", "Kremlin"))


def test_defined_in_brackets():
    s = "Всемирная организация здравоохранения (ВОЗ)"
    end, a, b = defined_in_brackets(s)
    assert (s[:end], s[a:b]) == ("Всемирная организация здравоохранения", "ВОЗ")
    s = "Английская премьер-лига (АПЛ"                     # the model's span stops before ')'
    end, a, b = defined_in_brackets(s)
    assert (s[:end], s[a:b]) == ("Английская премьер-лига", "АПЛ")
    assert defined_in_brackets("Мир (телеканал)") is None and defined_in_brackets("(ВОЗ)") is None


def test_pairs_by_brackets_need_a_name_of_two_words_or_the_first_letter():
    text = "Лондонская школа гигиены (LSHTM) и ООН (ФАО) и Роскомнадзор (РКН)."
    def spans(word):
        i = text.index(word)
        return [(i, i + len(word))]
    groups = {w: spans(w) for w in ("Лондонская школа гигиены", "LSHTM", "ООН", "ФАО", "Роскомнадзор", "РКН")}
    assert sorted(abbreviation_pairs(text, groups)) == [("LSHTM", "Лондонская школа гигиены"), ("РКН", "Роскомнадзор")]


def _orgs(doc: Document, analyze) -> dict[str, list[str]]:
    """The document's organisations after ``analyze``: name -> aliases."""
    analyze(doc)
    return {s.attrs["name"]: s.attrs["aliases"] for s in doc.layer(ORGANIZATIONS)}


def test_ru_a_body_is_listed_once_with_its_abbreviation():
    from newsbridge.analyze.ru import analyze_ru
    doc = Document(id="t", language="ru", text=(
        "Всемирная организация здравоохранения (ВОЗ) заявила, что штамм опасен. В ВОЗ также отметили рост. "
        "Судья Федерального верховного суда Бразилии (STF) Луис Баррозу вынес решение."))
    orgs = _orgs(doc, analyze_ru)
    assert orgs["Всемирная организация здравоохранения"] == ["ВОЗ"]
    assert "ВОЗ" not in orgs and "STF" in orgs
    assert not any("(" in n for n in orgs)


def test_en_an_abbreviation_before_its_name_joins_it():
    from newsbridge.analyze.en import analyze_en
    doc = Document(id="t", language="en", text=(
        "According to the WHO, more than 500 million people lack care. The World Health Organization "
        "and the World Bank said so."))
    orgs = _orgs(doc, analyze_en)
    assert orgs["World Health Organization"] == ["WHO"] and "WHO" not in orgs


def test_en_a_body_named_with_its_country_either_way_is_one():
    from newsbridge.analyze.en import analyze_en
    doc = Document(id="t", language="en", text=(
        "So said Russian Central Bank head Elvira Nabiullina. Later the Central Bank of Russia kept the rate. "
        "The Bank of Russia said so. The Chinese Foreign Ministry and the US Embassy agreed."))
    orgs = _orgs(doc, analyze_en)
    assert set(orgs["Central Bank of Russia"]) == {"Russian Central Bank", "Bank of Russia"}, orgs
    assert "Chinese Foreign Ministry" in orgs and "US Embassy" in orgs
