"""A speaker introduced by a title of plain nouns ending in a title head ('said municipality head
Sergey Nikitenko', 'comments pulmonary specialist X', 'company CEO Andy Vesey said') is found; a
clause between the verb and a name is not taken for such a title."""
from support import analyzed_doc

HEAD = "Day in brief\n\nMOSCOW, March 3, 2024 (TestWire) - The district was checked.\n\n"


def _speakers(body):
    doc = analyzed_doc(HEAD + body + "\n", "en")
    return [q.attrs.get("speaker") for q in doc.layer("quotes")]


def test_plain_noun_title_before_the_name():
    assert _speakers('"We are working on the issue," said municipality head Sergey Nikitenko.') == ["Sergey Nikitenko"]


def test_title_after_the_name_still_works():
    assert _speakers('"We will not roll the dice on public safety," company CEO Andy Vesey said.') == ["Andy Vesey"]


def test_a_clause_is_no_title():
    assert _speakers('"It is over," said that the coach had told Anna Lee.') == []
