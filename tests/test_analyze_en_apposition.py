"""A name the model misses at a sentence start is still a person when news grammar says so."""
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

