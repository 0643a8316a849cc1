"""Experts quoted by their profession: the profession is their title, and one that opens a
sentence is not part of the name ("Пульмонолог Сергей Пурясев объяснил ..."); titles written as
part of a name ("Папа Франциск") stay with it."""
import pytest

from support import analyzed

RU = ("Новый штамм\n\nМОСКВА, 3 марта 2024. /ТестИнформ/. Пульмонолог Сергей Пурясев объяснил, почему штамм "
      "опасен. Вирусолог Павел Волчков с ним согласился. Папа Франциск направил послание.\n")
EN = ("New strain\n\nLONDON, March 3, 2024 (TestWire) - Epidemiologist Anna Lee said the strain spreads faster. "
      "The virologist Tom Hart disagreed.\n")


@pytest.fixture(scope="module")
def ru():
    return analyzed(RU, "ru", "persons")


@pytest.fixture(scope="module")
def en():
    return analyzed(EN, "en", "persons")


def test_russian_profession_opening_a_sentence_is_a_title_not_a_name(ru):
    assert "Сергей Пурясев" in ru and not any(n.startswith("Пульмонолог") for n in ru)
    assert ru["Сергей Пурясев"]["roles"] == ["пульмонолог"]
    assert ru["Павел Волчков"]["roles"] == ["вирусолог"]


@pytest.mark.parametrize("text,surface,expected", [
    ("Вчера Пульмонолог Сергей Пурясев сказал.", "Пульмонолог Сергей Пурясев", "Сергей Пурясев"),
    ("Вчера Папа Франциск сказал.", "Папа Франциск", "Папа Франциск"),      # written as part of the name
    ("Вчера Принц Чарльз сказал.", "Принц Чарльз", "Принц Чарльз"),
])
def test_a_title_inside_a_person_mention(text, surface, expected):
    from newsbridge.analyze.ru.ner import Mention
    from newsbridge.analyze.ru.analyzer import _clean_mentions
    s = text.index(surface)
    out = _clean_mentions(text, [Mention(s, s + len(surface), "PER")])
    assert [text[m.start:m.end] for m in out] == [expected]


def test_english_professions_are_titles(en):
    assert [r.lower() for r in en["Anna Lee"]["roles"]] == ["epidemiologist"]
    assert en["Tom Hart"]["roles"] == ["virologist"]


@pytest.mark.parametrize("surface,kept", [("СМИ", False), ("ВВП", False), ("МСБ", False), ("СНГ", True), ("ТАСС", True)])
def test_russian_abbreviations_of_things_are_not_bodies(surface, kept):
    from newsbridge.analyze.ru.analyzer import _clean_mentions
    from newsbridge.analyze.ru.ner import Mention
    text = f"Об этом сообщили {surface} в среду."
    s = text.index(surface)
    out = _clean_mentions(text, [Mention(s, s + len(surface), "ORG")])
    assert bool(out) is kept
