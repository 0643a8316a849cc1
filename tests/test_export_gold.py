"""The extraction contract written from the layers of a hand-built document."""
from newsbridge.export.gold import to_gold
from newsbridge.model import Document


def build() -> Document:
    text = ('Leaders meet\n\nMINSK, 3 May (TestWire) - "We will build bridges," said Anna Petrova, '
            'Director of the Media House. A forum will open next year.\n')
    doc = Document(id="d1", text=text, title="Leaders meet", language="en", published="2024-05-03T10:00",
                   source="TestWire")
    start = text.index("Anna Petrova")
    doc.add("persons", start, start + len("Anna Petrova"), name="Anna Petrova", aliases=["Petrova"],
            roles=["Director"], org="Media House")
    org = text.index("Media House")
    doc.add("organizations", org, org + len("Media House"), name="Media House", aliases=[])
    q = text.index("We will")
    doc.add("quotes", q, text.index(",", q), speaker="Anna Petrova")
    doc.add("quotes", 0, 5, speaker=None)  # unattributed: not in the contract
    f = text.index("A forum")
    doc.add("events", f, len(text) - 1, "forum", name="forum", planned=True, participants=[], counts={})
    m = text.index("MINSK")
    doc.add("events", m, f, "meeting", name="meeting", date="2024-05-03", place="Minsk",
            participants=["Belarus"], counts={"attendees": 40})
    return doc


def test_export_gold_contract_fields():
    g = to_gold(build(), "article-1")
    assert g["id"] == "article-1"
    assert (g["language"], g["published"], g["source"], g["title"]) == ("en", "2024-05-03", "TestWire", "Leaders meet")
    assert g["persons"] == [{"name": "Anna Petrova", "aliases": ["Petrova"], "roles": ["Director"], "org": "Media House"}]
    assert g["organizations"] == [{"name": "Media House", "aliases": []}]
    assert [(q["speaker"], q["start"]) for q in g["quotes"]] == [("Anna Petrova", "We will build bridges")]
    # planned events are not reported as having happened
    assert [(e["type"], e["date"], e["place"], e["counts"]) for e in g["events"]] == \
        [("meeting", "2024-05-03", "Minsk", {"attendees": 40})]
    ev = g["events"][0]["evidence"]
    assert build().text[ev[0]:ev[1]].startswith("MINSK")


def test_a_quote_split_by_its_attribution_is_its_words_only():
    from newsbridge.model import Document
    from newsbridge.pipeline import apply
    from newsbridge.export.gold import to_gold
    for text, lang, want in [
        ("News\n\nMaria Petrova spoke. \"We will win,\" she said. \"The team is ready.\"\n", "en",
         "We will win, The team is ready."),
        ("新闻\n\n“我的职责不是估计目标。”桑切斯·雷卡特表示：“同样，酿造商也应专注于责任。”\n", "zh",
         "我的职责不是估计目标。同样，酿造商也应专注于责任。"),
    ]:
        gold = to_gold(apply(Document(id="t", text=text, language=lang), ["clean", "metadata", "analyze"]))
        assert [q["text"] for q in gold["quotes"]] == [want]
