"""A Russian link by video is a conference only when the sentence tells one held or joined
('совещание в режиме видеосвязи', 'провел по видеосвязи'), not a way of calling ('звонить
знакомым по видеосвязи'); 'за' joins an event name to its complement ('Саммит за демократию')."""
from support import analyzed_doc

HEAD = "Итоги дня\n\nМОСКВА, 3 марта 2024. /ТестИнформ/. "


def _events(body):
    return [(s.label, s.attrs["name"]) for s in analyzed_doc(HEAD + body + "\n", "ru").layer("events")]


def test_calling_by_video_is_no_conference():
    assert _events("Злоумышленники могут звонить знакомым жертвы по видеосвязи или рассылать ролики.") == []


def test_a_meeting_by_video_is_a_conference():
    assert [t for t, _ in _events("Губернатор провел совещание с главами районов по видеосвязи.")] \
        in (["video_conference"], ["meeting", "video_conference"], ["video_conference", "meeting"])


def test_za_joins_a_summit_name():
    assert ("forum", "Саммите за демократию") in _events("Министра отключили от трансляции на «Саммите за "
                                                          "демократию» по запросу Белого дома.")
