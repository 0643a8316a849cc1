"""Whose words a Russian quote gives: 'слова X «…»' are X's (no verb between the name and the
quote), 'высказывания X носят «…»' are the reporting speaker's; '«…», — заявляют министры' is a
group's and falls to no person named elsewhere."""
from support import analyzed_doc

HEAD = "Итоги дня\n\nМОСКВА, 3 марта 2024. /ТестИнформ/. "


def _speakers(body):
    doc = analyzed_doc(HEAD + body + "\n", "ru")
    return {doc.span_text(q): q.attrs.get("speaker") for q in doc.layer("quotes")}


def test_words_of_a_named_person():
    got = _speakers("Кочетков напомнил о позиции США, несмотря на слова американского лидера Джо Байдена о праве "
                    "стран «вступать куда угодно».")
    assert got["вступать куда угодно"] == "Джо Байден"


def test_a_verb_between_makes_the_words_the_reporters():
    got = _speakers("Глава МИД России Сергей Лавров заявил, что высказывания Наото Кана носят «явно "
                    "недипломатический характер».")
    assert got["явно недипломатический характер"] == "Сергей Лавров"


def test_a_group_speaks_for_itself():
    got = _speakers("Об этом президент США Джо Байден говорил во время видеозвонка. «Мы подтверждаем нашу "
                    "поддержку усилий Франции и Германии», — заявляют также министры иностранных дел.")
    assert got.get("Мы подтверждаем нашу поддержку усилий Франции и Германии") is None


def test_a_headline_quote_repeated_in_another_case_is_one_quote():
    doc = analyzed_doc("Итоги дня\n\nМОСКВА, 3 марта 2024. /ТестИнформ/. Дэниел Рассел назвал речь «примитивными и "
                       "неэффективными». Речь является «примитивной и неэффективной», заявил Дэниел Рассел.\n", "ru")
    assert [doc.span_text(q) for q in doc.layer("quotes")] == ["примитивной и неэффективной"]
