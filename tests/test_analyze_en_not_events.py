"""English words that name no event or place: a 'launch' that modifies a thing ('launch vehicle',
'launch date'), a 'meeting' of two teams ('the only goal in the last meeting was scored'), and a
town that names a treaty ('the Minsk agreements')."""
from support import analyzed_doc

HEAD = "Day in brief\n\nMOSCOW, March 3, 2024 (TestWire) - "


def _types(body):
    return [s.label for s in analyzed_doc(HEAD + body + "\n", "en").layer("events")]


def test_launch_vehicle_is_no_launch():
    assert "launch" not in _types("The launch vehicle took off from the spaceport near Van Horn, Texas.")
    assert "launch" not in _types("The initial launch date was moved back after defects were found.")


def test_launch_of_a_project_stays():
    assert "launch" in _types("The ministry launched a new digital platform for exporters on Monday.")


def test_a_match_is_no_meeting():
    assert "meeting" not in _types("The only goal in the last meeting was scored by the hosts' striker Olivier Giroud.")


def test_a_meeting_of_officials_stays():
    assert "meeting" in _types("The governor held a meeting with farmers in Irkutsk on Friday.")


def test_a_town_naming_a_treaty_is_no_location():
    doc = analyzed_doc(HEAD + "Moscow says Kiev ignores the Minsk agreements and the Kyoto Protocol, officials in "
                              "Berlin said.\n", "en")
    places = {s.attrs["name"] for s in doc.layer("locations")}
    assert "Minsk" not in places and "Kyoto" not in places
    assert "Berlin" in places


def test_a_call_by_video_link_is_no_conference_unless_one_is_held():
    from support import analyzed_doc
    def kinds(text):
        return [e.label for e in analyzed_doc(text, "en").layer("events")]
    assert "video_conference" not in kinds("Fakes spread\n\nAn expert added that attackers could call the victim's "
                                          "acquaintances via video link or create a video with a copy of the person.\n")
    assert "video_conference" in kinds("Leaders talk\n\nThe ministers recalled the words the president said in a video "
                                      "call with the Russian leader on December 7.\n")
    assert "video_conference" in kinds("Talks held\n\nThe two ministers held talks via video link on Monday.\n")
