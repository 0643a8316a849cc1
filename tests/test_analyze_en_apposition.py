"""A name the model misses at a sentence start is still a person when news grammar says so."""
import pytest

from newsbridge.model import Document
from newsbridge.pipeline import apply

TEXT = ("Forum ends in Harbin\n\nHARBIN, June 18 (TestWire) - The forum closed on Tuesday.\n\n"
        "Pavel Gorbunov, Chairman of the Far Eastern Media Union, called regional journalism the most reliable "
        "bridge between the two peoples. \"Big capitals make the headlines, but the border towns make the daily "
        "life of our friendship,\" he said.\n")


def test_analyze_en_apposition_with_title_makes_a_person_and_resolves_he():
    doc = apply(Document(id="a", text=TEXT, language="en"), ["clean", "metadata", "analyze"])
    people = {s.attrs["name"]: s.attrs for s in doc.layer("persons")}
    assert "Pavel Gorbunov" in people
    assert people["Pavel Gorbunov"]["roles"] == ["Chairman"]
    assert people["Pavel Gorbunov"]["org"] == "Far Eastern Media Union"
    assert [q.attrs["speaker"] for q in doc.layer("quotes")] == ["Pavel Gorbunov"]



def test_titles_set_off_by_commas_make_persons_of_what_the_model_misread():
    """'The Secretary of the … Council, Alexey Danilov, has said' (the model: a body) and
    '"…," Taras Kremen, the country's Language Ombudsman said' (the model: a work) are persons
    who speak."""
    from newsbridge.analyze.en import analyze_en
    from newsbridge.export.gold import to_gold
    from newsbridge.model import Document
    text = ("\"Control of the rights of citizens should be among the priorities this year,\" Taras Kremen, "
            "the country's Language Ombudsman said.\n\nThe Secretary of the National Security and Defense Council "
            "of Ukraine, Alexey Danilov, has previously said \"the Russian language must disappear\" from the territory.")
    doc = Document(id="t", text=text, language="en")
    analyze_en(doc)
    gold = to_gold(doc)
    people = {p["name"]: p for p in gold["persons"]}
    assert {"Taras Kremen", "Alexey Danilov"} <= set(people), people
    assert people["Alexey Danilov"]["roles"] == ["Secretary"]
    assert {q["speaker"] for q in gold["quotes"]} == {"Taras Kremen", "Alexey Danilov"}
    assert "Alexey Danilov" not in {o["name"] for o in gold["organizations"]}


@pytest.mark.parametrize("text,role,org", [
    ("\"We agree,\" said Anna Ivanova, the company's chief executive.", "chief executive", None),
    ("Ivan Petrov, Gazprom's spokesman, said the talks went on.", "spokesman", "Gazprom"),
    ("Chris Tang, Hong Kong's new police commissioner, said police alone cannot do it.", "police commissioner", None),
])
def test_a_title_after_a_possessive_is_the_persons_role(text, role, org):
    from newsbridge.analyze.en import analyze_en
    from newsbridge.export.gold import to_gold
    from newsbridge.model import Document
    doc = Document(id="t", text=text, language="en")
    analyze_en(doc)
    person = to_gold(doc)["persons"][0]
    assert (person["roles"], person["org"]) == ([role], org)


def test_the_next_persons_title_in_a_list_is_not_ones_own():
    text = ("Parade\n\nBefore the parade began, Putin, accompanied by Minister of Defense Sergei Shoygu, "
            "Commander-in-Chief of the Navy Admiral Nikolai Yevmenov, and other officers, toured the ships. "
            "Sean Robertson, a spokesperson for the Pentagon, told reporters the parade was safe.\n")
    doc = apply(Document(id="l", text=text, language="en"), ["clean", "metadata", "analyze"])
    people = {s.attrs["name"]: s.attrs for s in doc.layer("persons")}
    assert people["Sergei Shoygu"]["roles"] == ["Minister of Defense"]
    assert people["Sean Robertson"]["roles"] == ["spokesperson"]
