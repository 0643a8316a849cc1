"""Russian mentions the model labels wrongly: a country's abbreviation is a place, an agency the
table knows is a body, a lone letter is nothing."""
from newsbridge.analyze.ru.analyzer import _clean_mentions
from newsbridge.analyze.ru.ner import Mention


def _m(text, surface, label):
    i = text.index(surface)
    return Mention(i, i + len(surface), label)


def test_country_abbreviation_body_agency_and_lone_letter():
    text = "В Берлине канцлер ФРГ заявил, как сообщает Интерфакс, что «Газпром» ждет."
    got = _clean_mentions(text, [_m(text, "В", "LOC"), _m(text, "ФРГ", "ORG"), _m(text, "Интерфакс", "PER"),
                                 _m(text, "Газпром", "ORG")])
    assert [(text[m.start:m.end], m.label) for m in got] == [("ФРГ", "LOC"), ("Интерфакс", "ORG"), ("Газпром", "ORG")]


def test_a_one_letter_body_stays():
    text = "Как писал «Ъ», сделка закрыта."
    got = _clean_mentions(text, [_m(text, "Ъ", "ORG")])
    assert [(text[m.start:m.end], m.label) for m in got] == [("Ъ", "ORG")]
