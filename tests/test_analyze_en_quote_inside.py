"""A quotation whose marks hold its own attribution between dashes, as Russian writes it and
translations keep it ('"…, explained the director Anna Lee. — …"'): one quote, the named speaker's."""
from support import analyzed_doc

INSIDE = (
    "Car sales grew by a fifth in the first ten months, the agency reported on Monday.\n\n"
    '"Premium brands show both growth in sales and in prices — hence the greater revenue, explained the '
    "general director of NAPI Tatyana Arabadzhi. — Chinese brands demonstrate fantastic sales growth.\" "
    "Domestic brands show average results.\n"
)

SUBJECT_FIRST = (
    "Mayor Oleg Ivanov opened the new bridge on Friday.\n\n"
    '"The bridge links two districts that waited for it for decades, Ivanov said. — Traffic will be open '
    'from Monday."\n'
)


def _quotes(text):
    doc = analyzed_doc(text, "en")
    return [(q.attrs["speaker"], " ".join(doc.text[a:b] for a, b in q.attrs["parts"])) for q in doc.layer("quotes")]


def test_attribution_inside_the_marks_names_the_speaker():
    [(speaker, said)] = _quotes(INSIDE)
    assert speaker == "Tatyana Arabadzhi"
    assert said.startswith("Premium brands show both growth")
    assert "explained" not in said and "Chinese brands demonstrate" in said


def test_subject_first_attribution_inside_the_marks():
    [(speaker, said)] = _quotes(SUBJECT_FIRST)
    assert speaker == "Oleg Ivanov"
    assert "Ivanov said" not in said and said.endswith("from Monday.")
