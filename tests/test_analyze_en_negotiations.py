"""English meetings and visits the analyzer used to miss or overrun: 'negotiations' are talks
('the coalition negotiations'); a sentence's first word is no capitalised title whose name runs on,
and a past tense after a plural noun ends the name ('Negotiations between X and Y's
representatives | intensified'); 'visited three peasant farms' is a visit."""
from support import analyzed_doc

HEAD = "Day in brief\n\nMOSCOW, March 3, 2024 (TestWire) - "


def _events(body):
    return [(s.label, s.attrs["name"]) for s in analyzed_doc(HEAD + body + "\n", "en").layer("events")]


def test_negotiations_are_a_meeting():
    assert ("meeting", "coalition negotiations") in _events(
        "According to the minister, as part of the coalition negotiations, it was stated that the law applies.")


def test_a_name_ends_before_the_sentence_verb():
    assert ("meeting", "Negotiations between the London side and Mourinho's representatives") in _events(
        "Negotiations between the London side and Mourinho's representatives intensified over the last few days.")


def test_visiting_counted_places():
    assert [t for t, _ in _events("The district head visited three peasant farms in the Ekhirit-Bulagatsky "
                                  "district today.")] == ["visit"]


def test_talks_a_title_names_are_no_meeting():
    body = ("Armenia sent five trucks with aid to the city of Adiyaman, Ankara's special representative for "
            "Armenian-Turkish negotiations Serdar Kylych said.")
    assert not any(kind == "meeting" for kind, _ in _events(body))
    ru = ("Армения отправила пять грузовиков с помощью в город Адыяман, сообщил спецпредставитель Анкары на "
          "армяно-турецких переговорах Сердар Кылыч.\n")
    assert not any(s.label == "meeting" for s in analyzed_doc("Помощь Турции\n\n" + ru, "ru").layer("events"))
