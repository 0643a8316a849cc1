"""An event name ends on a word that completes it: the English complement cut by the word limit
runs on to the end of its phrase ('… of Chinese regions', '… China's National People's
Congress'); a Russian name never ends on a preposition ('переговоры глав МИД двух стран по'), and
quotation marks are no words of its tail ('переговоры «нормандской четверки» по Украине')."""
from support import analyzed_doc

EN = ("Regions talk\n\nMOSCOW, March 3, 2024 (TestWire) - A video conference by the heads of legislative bodies of "
      "Russian regions and assemblies of people's representatives of Chinese regions was held on Tuesday. "
      "Officials recalled the recent meeting of the Federation Council Speaker and the Chairman of the Standing "
      "Committee of China's National People's Congress in Beijing.\n")

RU = ("Итоги дня\n\nМИНСК, 3 марта 2024. /ТестИнформ/. В Минске завершились переговоры «нормандской четверки» "
      "по Украине.\n")
RU_LONG = ("Итоги дня\n\nМИНСК, 3 марта 2024. /ТестИнформ/. В Минске прошли переговоры глав МИД двух стран по "
           "вопросам безопасности.\n")


def _names(text, lang):
    return {s.label: s.attrs["name"] for s in analyzed_doc(text, lang).layer("events")}


def test_english_complement_runs_to_its_phrase_end():
    names = _names(EN, "en")
    assert names["video_conference"].endswith("representatives of Chinese regions")
    assert names["meeting"].endswith("China's National People's Congress")


def test_russian_quotation_marks_are_no_words_of_the_name():
    assert _names(RU, "ru")["meeting"] == "переговоры нормандской четверки по Украине"


def test_russian_name_ends_before_a_dangling_preposition():
    assert _names(RU_LONG, "ru")["meeting"] == "переговоры глав МИД двух стран"


def test_a_russian_event_name_ends_on_no_adverb():
    from support import analyzed_doc
    doc = analyzed_doc("Айсберги\n\nВпервые я побывала в Антарктиде почти 10 лет назад, там я увидела айсберги.\n", "ru")
    names = [e.attrs["name"] for e in doc.layer("events")]
    assert names and not any(n.endswith("почти") for n in names), names
