"""Place names as the text writes them, in English and Russian: the administrative word after
a region, "St." before a saint's square, the common noun of a river or square; nationality
adjectives and titles are not places."""
from newsbridge.model import Document
from newsbridge.pipeline import apply
from support import analyzed


def _aliases(text: str, lang: str, layer: str = "locations") -> dict[str, list[str]]:
    return {name: a["aliases"] for name, a in analyzed(text, lang, layer).items()}


def test_english_place_names_keep_their_region_word_and_saint():
    places = _aliases("Singer tours Russia\n\nMOSCOW, May 3 (TestWire) - The singer visited a town in Tver region "
                     "and later spoke on St. Peter's Square in Rome. Ukrainian officials met him in Kyiv. "
                     "Flights to Inner Mongolia province and to Inner Mongolia's capital resumed.\n", "en")
    assert "Tver region" in places and "St. Peter's Square" in places
    assert "Ukrainian" not in places and "Kyiv" in places
    assert places["Inner Mongolia province"] == ["Inner Mongolia"]      # one place, its fullest name


def test_russian_place_names_keep_their_common_noun_and_titles_are_not_places():
    places = _aliases("Певец посетил Калязин\n\nТВЕРЬ, 3 мая. /ТестИнформ/ - Экс-солист группы \"Руки Вверх\" "
                     "посетил Калязин. Он прошел по площади Святого Петра и сфотографировался у реки Нарвы. "
                     "Позже он переплыл реку Нарву.\n", "ru")
    assert "площадь Святого Петра" in places
    assert "река Нарва" in places
    assert not any(name.lower().startswith("экс") for name in places)


def test_russian_organisation_named_with_its_country_and_a_title_cut_from_a_quoted_name():
    orgs = _aliases("Новак прибыл в Хабаровск\n\nХАБАРОВСК, 24 июля. /ТестИнформ/ - Вопрос обсуждался с главой "
                 "Минэнерго России Александром Новаком. Позже в Минэнерго сообщили о новых планах. "
                 "Экс-солист группы \"Руки Вверх\" выступил на площади.\n", "ru", "organizations")
    assert "Минэнерго России" in orgs and "Минэнерго" in orgs["Минэнерго России"]
    assert not any(o.startswith("Экс-солист") for o in orgs)
    two = _aliases("Встреча министров\n\nМОСКВА, 3 мая. /ТестИнформ/ - Представители МИД России и МИД Китая "
                "провели консультации.\n", "ru", "organizations")
    assert not any(o.startswith("МИД ") for o in two)       # two countries: the name says neither


def test_a_holiday_word_is_not_a_person():
    doc = apply(Document(id="d", text="Parade held\n\nKRONSTADT, July 26 (TestWire) - Vladimir Putin met sailors "
                                      "before the parade for Russian Navy Day. Parades for Navy Day were held "
                                      "across the country.\n", language="en"), ["clean", "metadata", "analyze"])
    names = {s.attrs["name"] for s in doc.layer("persons")}
    assert "Vladimir Putin" in names and "Day" not in names


def test_a_name_after_province_state_or_port_of_is_a_place():
    text = ("Floods and arrests\n\nPolice detained eight builders in the Turkish province of Sanliurfa on Monday. "
            "Heavy rain flooded towns in the northeastern Brazilian state of Bahia, rescuers said. "
            "A frigate anchored in the roadstead of the Syrian port of Tartus.\n")
    places = analyzed(text, "en", "locations")
    orgs = analyzed(text, "en", "organizations")
    for name in ("Sanliurfa", "Bahia", "Tartus"):
        assert name in places and name not in orgs


def test_a_roadstead_is_a_place():
    from newsbridge.analyze.en.ner import classify_run
    text = "The ships lined up on the Kronstadt Roadstead on Sunday."
    s = text.index("Kronstadt")
    assert classify_run(text, s, s + len("Kronstadt Roadstead")) == "LOC"
    text = "Aid came from the Turkish Red Crescent on Monday."
    s = text.index("Turkish")
    assert classify_run(text, s, s + len("Turkish Red Crescent")) == "ORG"
