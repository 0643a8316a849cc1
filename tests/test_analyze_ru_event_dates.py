"""A Russian event takes the date its word names ('Соглашение 22 июля') over a date read off
elsewhere in another sentence that told the same event, and otherwise the date nearest its word
('в среду, 28 февраля, … подписали соглашение', not the date of the clause
before it)."""
from support import analyzed_doc

RU_TIGHT = ("Стороны обсудили перемирие\n\nМОСКВА, 30 июля 2020. /ТестИнформ/. Президент подверг критике принятое "
            "парламентом 15 июля постановление, которое, по мнению российской стороны, игнорирует минские "
            "соглашения. Соглашение 22 июля предусматривает полный отказ от любых военных действий.\n")

RU_NEAREST = ("Проект опубликован\n\nБРЮССЕЛЬ, 1 марта 2018. /ТестИнформ/. Переходный период продлится до 31 декабря "
              "2020 года, а в среду, 28 февраля, Европейская комиссия и Лондон подписали соглашение о выходе "
              "Великобритании из Европейского союза.\n")


def _events(text):
    return [dict(s.attrs, type=s.label) for s in analyzed_doc(text, "ru").layer("events")]


def test_date_named_by_the_event_word_wins():
    agreements = [e for e in _events(RU_TIGHT) if e["type"] == "agreement"]
    assert [e["date"] for e in agreements] == ["2020-07-22"]


def test_date_nearest_the_event_word():
    agreements = [e for e in _events(RU_NEAREST) if e["type"] == "agreement"]
    assert [e["date"] for e in agreements] == ["2018-02-28"]
