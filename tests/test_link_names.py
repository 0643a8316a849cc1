"""Person names across spellings and scripts: same person, and guards against merging two."""
from __future__ import annotations

import pytest

from newsbridge.link.names import display_latin, match_names, name_key, palladius_to_pinyin

SAME = [
    ("Ирина Флюр", "Irina Flyur"),
    ("Irina Flyur", "I. Fleur"),
    ("Ирина Флюр", "I. Fleur"),
    ("Си Цзиньпин", "习近平"),
    ("习近平", "Xi Jinping"),
    ("Си Цзиньпин", "Xi Jinping"),
    ("習近平", "Xi Jinping"),
    ("Константин Косачев", "Konstantin Kosachev"),
    ("Борис Джонсон", "Boris Johnson"),
    ("Джереми Хант", "Jeremy Hunt"),
    ("Т.Мэй", "Theresa May"),
    ("Владимир Владимирович Путин", "Vladimir Putin"),
    ("Цзи Бинсюань", "Ji Bingxuan"),
    ("Бориса Джонсона", "Boris Johnson"),          # inflected Russian
    ("Жан-Клод Юнкер", "Jean-Claude Juncker"),
]

DIFFERENT = [
    ("Сергей Скрипаль", "Юлия Скрипаль"),          # same surname, different first names
    ("Иван Иванов", "Мария Иванова"),              # male / female surname forms
    ("Иванов", "Иванова"),
    ("Dmitry Medvedev", "Dmitry Peskov"),
    ("Дональд Трамп", "Donald Tusk"),
    ("Xi Jinping", "Li Qiang"),
    ("习近平", "李强"),
    ("I. Fleur", "A. Fleur"),                       # initials conflict
    ("Konstantin Kosachev", "Konstantin Voronov"),
]


@pytest.mark.parametrize("a,b", SAME)
def test_link_names_same_person(a, b):
    m = match_names(a, b)
    assert m.same, (a, b, m)
    assert m.score >= 0.8


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_link_names_guards_keep_people_apart(a, b):
    m = match_names(a, b)
    assert not m.same, (a, b, m)


def test_link_names_palladius_to_pinyin():
    assert palladius_to_pinyin("Си Цзиньпин") == "xi jin ping"
    assert palladius_to_pinyin("Мао Цзэдун") == "mao ze dong"
    assert palladius_to_pinyin("Константин Косачев") is None


def test_link_names_display_and_key_are_script_neutral():
    assert display_latin("Си Цзиньпин") == "Xi Jinping"
    assert display_latin("习近平") == "Xi Jinping"
    assert name_key("Си Цзиньпин") == name_key("习近平") == name_key("Xi Jinping")
    assert name_key("Константин Косачев") == name_key("Konstantin Kosachev")


def test_link_names_decisions_are_scored_with_reasons():
    assert match_names("Сергей Скрипаль", "Юлия Скрипаль").reason == "given names conflict"
    assert match_names("Иванов", "Иванова").reason == "surname gender differs"
    assert match_names("Си Цзиньпин", "习近平").reason == "pinyin"
