"""Outlets named like a web address ('Нева.Тудей', 'Kostroma.Today', 'URA.RU') are one body each,
whatever part of them the model tagged; a dateline ('АСТАНА.КАЗИНФОРМ'), initials ('В.В.Путин'), a
program ('Node.js') and a stop without its space ('в Москве.Вчера') are not."""
import pytest

from newsbridge.analyze.common.bodies import web_name


def _web(text, part):
    i = text.index(part)
    span = web_name(text, i, i + len(part))
    return text[span[0]:span[1]] if span else None


@pytest.mark.parametrize("text,part,whole", [
    ("сообщает петербургское издание Нева.Тудей.", "Нева", "Нева.Тудей"),
    ("the student now has a place, Kostroma.Today reports.", "Kostroma", "Kostroma.Today"),
    ("по данным портала URA.RU, врачи", "URA", "URA.RU"),
    ("пишет Фонтанка.ру со ссылкой на", "Фонтанка", "Фонтанка.ру"),
    ("АСТАНА.КАЗИНФОРМ - Департамент полиции", "АСТАНА", None),
    ("В.В.Путин сказал", "Путин", None),
    ("built on Node.js and", "Node", None),
    ("St.Petersburg", "Petersburg", None),
])
def test_web_names(text, part, whole):
    assert _web(text, part) == whole


def _gold(text, lang):
    pytest.importorskip("natasha")
    from newsbridge.export.gold import to_gold
    from newsbridge.model import Document
    from newsbridge.analyze.registry import get_analyzer
    doc = Document(id="t", text=text, language=lang)
    get_analyzer(lang)(doc)
    return to_gold(doc)


def test_russian_outlet_named_like_an_address_is_no_person():
    g = _gold("Наводнение могло стать 32-м по счету, сообщает петербургское издание Нева.Тудей.\n", "ru")
    assert [o["name"] for o in g["organizations"]] == ["Нева.Тудей"]
    assert g["persons"] == []


def test_russian_stop_without_its_space_is_no_outlet():
    g = _gold("Вчера делегация прибыла в Москву.Сегодня переговоры продолжатся в Кремле.\n", "ru")
    assert "Москву.Сегодня" not in [o["name"] for o in g["organizations"]]


def test_english_outlet_named_like_an_address_whole():
    g = _gold("The flood could have been the 32nd on record, the St. Petersburg outlet Neva.Today reports.\n", "en")
    assert "Neva.Today" in [o["name"] for o in g["organizations"]]
