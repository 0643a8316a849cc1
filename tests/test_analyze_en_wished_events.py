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


def test_an_invitation_to_a_website_is_no_visit():
    events = analyzed("Care\n\nFor more information, please visit our website. Readers can visit www.example.com "
                      "for details.\n", "en", "events")
    assert events == {}


def test_an_audience_of_listeners_is_no_meeting():
    events = analyzed("Parade\n\nPutin reminded his audience that six ships were launched. The game reaches a "
                      "wider audience. On Friday the Pope granted an audience to the president of Peru.\n",
                      "en", "events")
    assert [n for n in events] == ["audience to the president of Peru"]


def test_advice_to_visit_is_no_visit():
    events = analyzed("Travel\n\nThe midfielder visited Kamchatka in July. If you are in Russia, you must visit "
                      "Kamchatka, he wrote. Everyone should visit the Valley of Geysers.\n", "en", "events")
    assert list(events) == ["visited Kamchatka"] and len(events["visited Kamchatka"]["mentions"]) == 1


def test_an_event_name_ends_before_a_verb_a_pronoun_or_a_purpose():
    events = analyzed("Rates\n\nThe rate stayed, said the head after the February 10 meeting of its Board of Directors "
                      "decided to keep it.\n", "en", "events")
    assert list(events) == ["February 10 meeting of its Board of Directors"], events
    events = analyzed("Trade\n\nOfficials expected a meeting between Mr. Trump and his Chinese counterpart in Chile.\n",
                      "en", "events")
    assert any(n.startswith("meeting between Mr. Trump") for n in events), events
    events = analyzed("Ukraine\n\nOn July 10 they held a meeting to say the aid would come.\n", "en", "events")
    assert not any("say" in n for n in events), events


def test_a_place_after_the_event_word_qualifies_a_participant_not_the_venue():
    events = analyzed("Talks\n\nEarlier, at a meeting with the U.S. Secretary of State Antony Blinken, Russian Foreign "
                      "Minister Sergei Lavrov said Moscow was ready for dialogue. The prime minister visited Kamchatka "
                      "last week. Leaders attended the Liverpool summit on Sunday.\n", "en", "events")
    places = {name.split()[0]: a["place"] for name, a in events.items()}
    assert places == {"meeting": None, "visited": "Kamchatka", "Liverpool": "Liverpool"}, places


def test_the_outlet_reporting_an_event_takes_no_part_in_it():
    events = analyzed("Blast\n\nForensic experts arrived in Novosibirsk to help investigate the gas explosion, the NGS "
                      "reports.\n", "en", "events")
    assert [a["participants"] for a in events.values()] == [[]], events
