"""An English event someone only wishes for ("would like to sign a contract") did not happen."""
from support import analyzed


def test_wished_and_counted_on_signings_are_planned():
    events = analyzed("Transfer news\n\nThe player would like to sign a four-year contract with the club. "
                      "Milan is counting on signing a contract with the defender. "
                      "On Monday the club signed a contract with a new coach.\n", "en", "events")
    by_planned = sorted((bool(a.get("planned")), a["name"]) for a in events.values())
    assert [p for p, _ in by_planned].count(False) == 1
    assert any("new coach" in n for p, n in by_planned if not p)


def test_a_leagues_conference_is_no_forum():
    events = analyzed("League\n\nThe club is seventh in the Western Conference. On Monday the forum opened in "
                      "Beijing. He spoke at a press conference.\n", "en", "events")
    assert list(events) == ["forum"] and events["forum"]["place"] == "Beijing"
