"""A quoted name before a Russian launch word names what was launched only as the subject of a
passive or intransitive verb ('«Прогресс 83» стартовал', 'проект «X», запущенный осенью'); the
club that presented something ('«Динамо» презентовало форму') and a place after a preposition
('На территории «Торбеева» будет запущена …') do not."""
import pytest

from support import analyzed_doc


def _launch_names(text):
    doc = analyzed_doc(text, "ru")
    return [e.attrs["name"] for e in doc.layer("events") if e.label == "launch"]


@pytest.mark.parametrize("text,name", [
    ("Клуб показал форму\n\nРанее московское \"Динамо\" презентовало новую форму на следующий сезон.\n", "Динамо"),
    ("Полигон закроют\n\nНа территории \"Торбеева\" к концу года будет запущена газопоршневая электростанция.\n",
     "Торбеева"),
])
def test_a_quoted_name_that_did_the_launching_or_after_a_preposition_is_not_its_name(text, name):
    names = _launch_names(text)
    assert names and name not in names, names


@pytest.mark.parametrize("text,name", [
    ("Грузовик ушел к станции\n\n\"Прогресс 83\" успешно стартовал с космодрома в четверг.\n", "Прогресс 83"),
    ("Туризм растет\n\nМинистр осмотрел туристический проект \"Башкирское долголетие\", запущенный осенью 2020 года.\n",
     "Башкирское долголетие"),
    ("Проект заработал\n\nВ регионе запущен проект \"Умный город\".\n", "Умный город"),
])
def test_a_quoted_name_of_what_was_launched(text, name):
    assert name in _launch_names(text)


def test_a_presentation_without_what_is_presented_is_no_launch():
    assert _launch_names("Лекция\n\nЯ буду возвращаться к этому графику снова и снова по ходу презентации.\n") == []
    assert _launch_names("Новинка\n\nВчера в Москве прошла презентация нового смартфона компании.\n")
