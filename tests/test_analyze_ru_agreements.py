"""A Russian agreement is an event when its sentence tells it signed, reached, adopted or ratified
(as the English analyzer asks), or its word names its date; a signing verb's event is named after
the document it signed; a past verb right before the event word tells it done whatever future
another clause holds ('заключили соглашение о строительстве центра, в котором будут …'), but not a
participle after 'будут'."""
from support import analyzed_doc

HEAD = "Итоги дня\n\nМОСКВА, 3 марта 2024. /ТестИнформ/. "


def _agreements(body):
    return [s.attrs for s in analyzed_doc(HEAD + body + "\n", "ru").layer("events") if s.label == "agreement"]


def test_a_kind_of_contract_is_no_event():
    assert _agreements("Проект реализуется посредством соглашения о разделе продукции, оператором выступает "
                       "компания Exxon.") == []


def test_an_agreement_reached_is_an_event():
    assert len(_agreements("Правительству пришлось пойти на соглашение с протестующими.")) == 1
    assert len(_agreements("Стороны приветствовали достигнутое соглашение о прекращении огня.")) == 1


def test_a_signing_verb_names_the_document():
    names = [a["name"] for a in _agreements("Россия и Турция подписали в минувшую среду межправительственное "
                                            "соглашение о взаимной отмене виз.")]
    assert names == ["межправительственное соглашение о взаимной отмене виз"]


def test_a_future_in_another_clause_leaves_a_signed_agreement_done():
    got = [(a["name"], a.get("planned")) for a in _agreements("Компания и министерство заключили соглашение о "
                                                              "строительстве центра, в котором будут проводить "
                                                              "обучение персонала.")]
    assert got == [("соглашение о строительстве центра", False)]


def test_a_participle_after_budut_stays_planned():
    doc = analyzed_doc(HEAD + "В течение года будут организованы творческие встречи артистов со зрителями.\n", "ru")
    assert [s.attrs.get("planned") for s in doc.layer("events")] == [True]
