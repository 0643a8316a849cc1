"""Event rows merged across the articles that report one event (api/views/events.py)."""
from __future__ import annotations

from newsbridge.api.views.events import merge_reports


def _ev(doc, type_="meeting", date="2024-05-16", who=("a", "b"), name=None, place=None, published="2024-05-16"):
    return {"type": type_, "date": date, "name": name, "place": place, "doc_id": doc, "doc_title": doc.upper(),
            "href": f"/article/{doc}", "source": f"src-{doc}", "language": "en", "published": published,
            "participants": [{"name": w, "href": f"/actor/{w}"} for w in who]}


def _key(e):
    return frozenset(p["href"] for p in e["participants"]) or None


def test_one_row_per_event_with_every_report_in_publication_order():
    rows = merge_reports([
        _ev("reprint", published="2024-05-17"),
        _ev("origin", name="talks", place="Beijing"),
        _ev("zh", who=("b", "a"), place="北京"),
        _ev("origin", name="talks"),                      # a second span in one article: one report
    ], _key)
    assert len(rows) == 1
    row = rows[0]
    assert (row["name"], row["place"], row["doc_id"]) == ("talks", "Beijing", "origin")   # the fullest report
    assert [r["doc_id"] for r in row["reports"]] == ["origin", "zh", "reprint"]
    assert row["reports"][0] == {"doc_id": "origin", "doc_title": "ORIGIN", "href": "/article/origin",
                                 "source": "src-origin", "language": "en", "published": "2024-05-16"}


def test_rows_stay_apart_unless_type_day_and_participants_agree():
    rows = merge_reports([
        _ev("d1"), _ev("d2", type_="agreement"), _ev("d3", date="2024-05-17"), _ev("d4", who=("a", "c")),
        _ev("d5", date=None), _ev("d6", date=None),       # undated: nothing says they are one event
        _ev("d7", who=()), _ev("d8", who=()),             # no participants (key None): apart
        _ev("d9", date="2024-05-16T10:00"),               # the same day as d1
    ], _key)
    assert [[r["doc_id"] for r in row["reports"]] for row in rows] == \
        [["d1", "d9"], ["d2"], ["d3"], ["d4"], ["d5"], ["d6"], ["d7"], ["d8"]]
