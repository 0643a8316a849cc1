"""English reported speech that names its speaker by a title gives that person the title."""
from support import analyzed


def test_unquoted_speech_by_a_title_gives_the_one_person_named_the_role():
    people = analyzed("Pope blesses pilgrims\n\nPope Francis welcomed the agreement on Sunday. I was pleased to "
                      "learn about the agreement, the pontiff said during a sermon on the square.\n", "en", "persons")
    assert "pontiff" in [r.lower() for r in people["Francis"]["roles"]]


def test_two_people_named_or_someone_unnamed_give_no_role():
    people = analyzed("Talks end\n\nJohn Smith met Anna Brown in Paris on Monday. The talks went well, the "
                      "minister said after the meeting. Later Peter Green visited a clinic, where a doctor "
                      "spoke to staff. Patients are safe, the doctor said on Tuesday.\n", "en", "persons")
    assert not any("minister" in r.lower() or "doctor" in r.lower() for p in people.values() for r in p["roles"])


def test_a_title_that_speaks_after_an_adverb_gives_the_role():
    people = analyzed("News\n\nMikhail Degtyarev met residents on Friday. The acting governor also stressed that "
                      "gas would reach the region by 2025.\n", "en", "persons")
    assert people["Mikhail Degtyarev"]["roles"] == ["acting governor"]
