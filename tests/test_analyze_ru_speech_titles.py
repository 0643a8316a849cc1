"""A Russian speaker named by a title ("— сказал нападающий.") holds that title; someone else's
spokesman or a group does not give it."""
import pytest

from support import analyzed

TEXT = ("Футбол\n\nНападающий вернулся в команду. Альберт Проза провел первую игру за клуб. "
        "«Мне еще многое нужно набрать», - сказал нападающий. "
        "Министр Сергей Лавров встретился с Борисом Джонсоном в Лондоне. «Премьер-министр благодарит "
        "Бориса за работу», - заявил пресс-секретарь Даунинг-стрит. Переговоры продлятся два дня, "
        "заявили врачи. Андрей Кривошеев выступил на форуме. Как отметил журналист в речи перед "
        "коллегами, работа продолжается.\n")


@pytest.fixture(scope="module")
def people():
    return analyzed(TEXT, "ru", "persons")


def test_quoted_speaker_named_by_a_title_holds_it(people):
    assert "нападающий" in people["Альберт Проза"]["roles"]


def test_reported_speech_by_a_title_gives_the_role(people):
    assert "журналист" in people["Андрей Кривошеев"]["roles"]


def test_someone_elses_spokesman_and_groups_give_no_role(people):
    assert not any("пресс-секретарь" in r or "врач" in r for p in people.values() for r in p["roles"])


def test_a_name_seen_inflected_keeps_its_nominative():
    people = analyzed("Проповедь\n\nПапа Римский Франциск приветствовал соглашение. Решение поддержали сторонники "
                      "Папы Римского Франциска. Это шаг к примирению, - сказал понтифик во время проповеди.\n",
                      "ru", "persons")
    assert "Франциск" in people and "Франциска" not in people
    assert "понтифик" in people["Франциск"]["roles"]


def test_a_sentence_opened_by_a_title_that_speaks_gives_the_role():
    people = analyzed("Новости\n\nМихаил Дегтярев встретился с министром энергетики. Также врио губернатора "
                      "подчеркнул, что газ придет в край. Мария Захарова выступила вчера. Министр заявил, что "
                      "поставки начнутся в 2025 году.\n", "ru", "persons")
    assert "врио губернатора" in people["Михаил Дегтярев"]["roles"]
    assert people["Мария Захарова"]["roles"] == []        # "Министр заявил": a man, not the last woman named


def test_an_attribution_inside_the_marks_set_off_by_hyphens():
    """«Текст, - сказал X. - Продолжение» with hyphens for dashes, and the newer speech verbs."""
    from newsbridge.model import Document
    from newsbridge.pipeline import apply
    text = ("Новости\n\nВрач Зухра Павлова рассказала о мигрени. \"Спим долго, весь день лежим на диване, - "
            "аргументировала врач. - Из-за недостатка кофе начинается ломка\".\n")
    doc = apply(Document(id="t", text=text, language="ru"), ["clean", "metadata", "analyze"])
    quotes = list(doc.layer("quotes"))
    assert [q.attrs["speaker"] for q in quotes] == ["Зухра Павлова"]
    assert len(quotes[0].attrs["parts"]) == 2          # the attribution is no part of the quoted words
