"""English titles in the forms news copy gives them: set off by commas before the name,
coordinated ("businessman and actor X"), "ex-" prefixed, "head of the region"."""
import pytest

from support import analyzed

TEXT = ("Rally held in Khabarovsk\n\nKHABAROVSK, July 25 (TestWire) - Thousands marched in support of the "
        "former head of the region, Sergei Furgal, who was arrested this month. Protesters asked arrested "
        "ex-governor Furgal's successor to meet them.\n\n"
        "The region's governor, Mikhail Degtyarev, declined. Former singer of the group Ruki Vverkh, now solo "
        "performer, businessman and actor Sergei Zhukov, posted a photo from the march.\n\n"
        "On Saturday, Anna Petrova, a local teacher, joined them. In Khabarovsk, Oleg Ivanov spoke to reporters.\n")


@pytest.fixture(scope="module")
def people():
    return analyzed(TEXT, "en", "persons")


def test_a_title_set_off_by_commas_before_the_name(people):
    assert people["Sergei Furgal"]["roles"][0] == "former head of the region"
    assert "governor" in people["Mikhail Degtyarev"]["roles"]


def test_coordinated_titles_are_each_a_role(people):
    assert set(people["Sergei Zhukov"]["roles"]) >= {"solo performer", "businessman", "actor"}


def test_an_ex_prefixed_title_is_a_title(people):
    assert "ex-governor" in people["Sergei Furgal"]["roles"]


def test_no_title_from_a_date_or_a_place_before_the_comma(people):
    assert people["Oleg Ivanov"]["roles"] == []
    assert not any("Saturday" in r for r in people["Anna Petrova"]["roles"])


@pytest.mark.parametrize("sentence,name,role", [
    # the model's span opens inside the title ("State Kassym-Jomart Tokayev" tagged an organisation)
    ("As Head of State Kassym-Jomart Tokayev noted, cooperation with China is a factor.",
     "Kassym-Jomart Tokayev", "Head of State"),
    ("The Minister of Foreign Affairs Mukhtar Tileuberdi met the delegation on Monday.",
     "Mukhtar Tileuberdi", "Minister of Foreign Affairs"),
    # a country and the name in one span after the title's "of": the place, then the person
    ("On Monday, the President of Kazakhstan Kassym-Jomart Tokayev received the delegation.",
     "Kassym-Jomart Tokayev", "President"),
])
def test_a_title_ending_in_of_continues_into_the_name_span(sentence, name, role):
    people = analyzed(sentence, "en", "persons")
    assert role in people[name]["roles"]
    assert not any(name in o for o in analyzed(sentence, "en", "organizations"))


def test_an_organisation_after_a_title_of_stays_an_organisation():
    text = "Nancy Pelosi, former Speaker of the House of Representatives Rt, spoke on Monday."
    assert "Representatives Rt" not in analyzed(text, "en", "persons")


def test_a_name_after_a_title_word_is_a_person_and_a_dateline_ends_a_name():
    text = ("ASTANA. KAZINFORM - Kazakh President Kassym-Jomart Tokayev held talks with Chinese President "
            "Xi Jinping via videoconference on Monday.\n\nThe heads of state discussed trade.\n")
    people = analyzed(text, "en", "persons")
    assert "President" in people["Kassym-Jomart Tokayev"]["roles"]
    orgs = analyzed(text, "en", "organizations")
    assert "KAZINFORM" in orgs and not any("Kazakh" in o or "Tokayev" in o for o in orgs)


def test_a_portfolio_before_minister_belongs_to_the_title():
    people = analyzed("MINSK, 12 March (BelTA) - Belarusian Information Minister Marat Markov opened the forum "
                      "on Tuesday.\n", "en", "persons")
    assert "Information Minister" in people["Marat Markov"]["roles"]
