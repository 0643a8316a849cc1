"""A one-word 'person' that is each time the tail of a longer capitalised phrase ('State Award
laureate', 'Doctor of Medicine', 'back to the Big Bang') is no one; a surname after a time
word, an article or a title stays a person ('On Tuesday Putin met', 'The Biden campaign'); a name listed beside online
platforms is another platform, and one after 'river' a river; a capitalised word the text also
writes in lower case in the plural ('Superyacht' beside 'superyachts') is a common noun; a town
named like the first name of a person named in full ('Kobe' beside Kobe Bryant) is that person,
unless a place preposition stands before it ('in Paris'); the field of a Russian-style degree
('candidate of Philological Sciences') is no body, nor is a model designation ('MiG-29s')."""
from support import analyzed_doc

HEAD = "Day in brief\n\nMOSCOW, March 3, 2024 (TestWire) - "


def _persons(body):
    return {s.attrs["name"] for s in analyzed_doc(HEAD + body + "\n", "en").layer("persons")}


def test_tails_of_capitalised_phrases_are_no_persons():
    got = _persons("State Award laureate Alexander Filippenko left the theatre. Anna Lee, Doctor of Medicine, "
                   "told the agency. The series goes back to the Big Bang.")
    assert {"Alexander Filippenko", "Anna Lee"} <= got
    assert not {"Award", "Medicine", "Bang"} & got


def test_surnames_after_time_words_and_articles_stay():
    got = _persons("On Tuesday Putin met the governor. The Biden campaign pledged to cut emissions.")
    assert {"Putin", "Biden"} <= got


def test_a_name_beside_platforms_or_after_river_is_no_person():
    doc = analyzed_doc(HEAD + "The top spots are held by Telegram, Instagram, Zoom and TikTok. The bomb was found on the "
                              "bank of the river Yar.\n", "en")
    persons = {s.attrs["name"] for s in doc.layer("persons")}
    assert not {"Zoom", "Yar"} & persons
    assert "Yar" in {s.attrs["name"] for s in doc.layer("locations")}


def test_a_capitalised_word_the_text_writes_in_lower_case_plural_is_no_name():
    doc = analyzed_doc(HEAD + "Worldwide demand for superyachts has increased by a quarter. Superyacht construction "
                              "this year is booked.\n", "en")
    assert "Superyacht" not in {s.attrs["name"] for s in doc.layer("persons")}


def test_a_town_named_like_a_persons_first_name_is_that_person():
    doc = analyzed_doc(HEAD + 'Andrei Kirilenko recalled his games against Kobe Bryant. "Kobe had a killer instinct," '
                              "he said. Paris Hilton arrived in Paris on Monday.\n", "en")
    places = {s.attrs["name"] for s in doc.layer("locations")}
    assert "Kobe" not in places and "Paris" in places


def test_the_field_of_a_russian_degree_is_no_body():
    doc = analyzed_doc(HEAD + "The prize was awarded by Andrei Gelasimov, the writer, candidate of Philological Sciences "
                              "and president of the jury.\n", "en")
    assert "Philological Sciences" not in {s.attrs["name"] for s in doc.layer("organizations")}


def test_model_designations_are_no_bodies():
    doc = analyzed_doc(HEAD + "The army received MiG-29s and BMP-2M vehicles, the ministry said.\n", "en")
    orgs = {s.attrs["name"] for s in doc.layer("organizations")}
    assert not {"MiG-29s", "BMP-2M"} & orgs
