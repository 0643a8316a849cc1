"""A Russian link by video is a conference only when the sentence tells one held or joined
('совещание в режиме видеосвязи', 'провел по видеосвязи'), not a way of calling ('звонить
знакомым по видеосвязи'); 'за' joins an event name to its complement ('Саммит за демократию'); a
hyphen in a visit's place ends no trigger; habits (imperfective infinitives), meetings in the
plural and a thing's history ('введенный в эксплуатацию в 1983 году') are no events."""
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


def test_arriving_in_a_hyphenated_city_is_a_visit():
    assert ("visit", "прибыл в Санкт-Петербург на Главный парад") in _events(
        "Президент России Владимир Путин прибыл в Санкт-Петербург на Главный парад.")


def test_habits_and_meetings_in_general_are_no_events():
    assert _events("Уже бесполезно было бы запускать двигатели и пытаться выбраться.") == []
    assert _events("Бывший вице-мэр более тридцати раз участвовал в заседаниях городской управы.") == []


def test_a_things_history_is_no_launch_but_a_named_projects_is():
    assert _events("Аэробус А310, введенный в эксплуатацию в 1983 году, имеет самый высокий коэффициент потерь.") == []
    assert [t for t, _ in _events("Гости осмотрели туристический проект «Башкирское долголетие», запущенный "
                                  "осенью.")] == ["launch"]


def test_a_video_call_is_a_video_conference():
    assert [t for t, _ in _events("Об этом президент США говорил во время видеозвонка президенту России 7 декабря.")] \
        == ["video_conference"]
