"""Russian event words used otherwise: an idiom ('пошло на встречу'), 'met with resistance', a
league's conference."""
import pytest

from support import analyzed, quote_texts


def test_idioms_and_league_halves_are_no_events():
    events = analyzed("Новости\n\nНачальство пошло на встречу и подготовило документы. Вирус не встречал "
                      "никакого сопротивления. Команда занимает седьмое место в Западной конференции. "
                      "В понедельник министр провел встречу с послом в Москве.\n", "ru", "events")
    names = " ".join(events)
    assert "конференц" not in names and "сопротивлен" not in names
    assert len(events) == 1 and "встреч" in names


def test_a_work_named_in_quotation_marks_is_no_quote():
    assert quote_texts("Конкурс\n\nЛучшей признана Любовь Безбах с произведением «Остров моей памяти», "
                       "сообщили организаторы. «Мы рады победе», - сказала Любовь Безбах.\n", "ru") \
        == ["Мы рады победе"]


@pytest.mark.parametrize("sentence,counts", [
    # the first number before the noun, not the word before it ("участие 300 …")
    ("В форуме приняли участие 300 представителей из 20 регионов России.", {"attendees": 300, "regions": 20}),
    ("Встречу посетили двести журналистов из пяти стран.", {"attendees": 200, "participants": 5}),
    # a year is no count, and "региональное" is no region
    ("Об этом сообщает 10 февраля 2023 года региональное правительство.", {}),
])
def test_ru_event_counts(sentence, counts):
    from newsbridge.analyze.ru.analyzer import _counts
    assert _counts(sentence) == counts


@pytest.mark.parametrize("text,lang", [
    ("Новости\n\n«Северсталь» победила «Амур» в матче КХЛ. Встреча в Череповце завершилась со счетом 4:3 "
     "в пользу хозяев.", "ru"),
    ("News\n\nSeverstal beat Amur in a KHL match. The meeting in Cherepovets concluded with a score of 4:3 "
     "in the hosts' favor.", "en"),
])
def test_a_match_that_ended_with_a_score_is_no_meeting(text, lang):
    assert analyzed(text, lang, "events") == {}


def test_a_congressman_and_a_racers_start_are_no_events():
    text = ("Новости\n\nПавел Кузьминов одержал победу. Он стартовал пятым, но вышел в лидеры. "
            "Об этом сообщил Мэтт Розендейл, конгрессмен от штата Монтана.")
    assert analyzed(text, "ru", "events") == {}


def test_participles_the_legislature_and_terms_of_use_are_no_events():
    events = analyzed("Новости\n\nЧасто встречающихся названий сахара много. Эти усилия встречают значительное "
                      "сопротивление. Он сотрудничал с конгрессом по данному делу. Это предусмотрено "
                      "пользовательским соглашением. В понедельник министр провел встречу с послом в Москве.\n",
                      "ru", "events")
    names = " ".join(events)
    assert len(events) == 1 and "встречу с послом" in names


def test_works_in_brackets_and_names_of_things_a_few_words_on_are_no_quotes():
    text = ("Кино\n\nАктер Уильям Сэдлер («Август Раш», «Смерти вопреки», «Зеленая миля») сыграл смерть. "
            "Премьер Михаил Мишустин сообщил о выпуске вакцины от коронавирусной инфекции «Спутник V». "
            "Врач Николай Крючков говорил о штамме коронавирусной инфекции «омикрон». "
            "«Мы готовы к новому сезону», - сказал Уильям Сэдлер.\n")
    assert quote_texts(text, "ru") == ["Мы готовы к новому сезону"]


def test_an_event_place_is_not_the_place_of_another_clause():
    def places(text):
        return {e["place"] for e in analyzed("Новости\n\n" + text + "\n", "ru", "events").values()}
    assert places("Президенты обсудили выполнение договоренностей о перемирии в Донбассе, достигнутых во "
                  "время Нормандского саммита в декабре.") == {None}
    assert places("Зеленский заехал в Ватикан, где удостоился аудиенции у Папы Римского.") == {"Ватикан"}
    assert places("Губернатор провел встречу с жителями Советской Гавани.") == {"Советская Гавань"}   # as the locations layer names it


def test_a_name_in_the_nominative_after_the_trigger_is_no_part_of_the_event_name():
    # (talks a title names, 'спецпредставитель Анкары на армяно-турецких переговорах', are no event at all:
    # test_analyze_en_negotiations)
    events = analyzed("Новости\n\nЧерез мост проехали грузовики, рассказал на армяно-турецких "
                      "переговорах Сердар Кылыч.\n", "ru", "events")
    assert list(events) == ["армяно-турецких переговорах"], events
    events = analyzed("Новости\n\nВ Москве прошли переговоры Путина и Си Цзиньпина.\n", "ru", "events")
    assert any("Путина" in e for e in events), events


@pytest.mark.parametrize("sentence", [
    "Законопроект был встречен множеством акций протеста.",
    "Друзья, встречавшим его на воле, подарили цветы.",
    "Певица встречается с известным актёром.",
    "Его идеи встретили симпатии у молодёжи.",
    "Посетители Белого дома увидели ёлку.",
])
def test_other_senses_of_meeting_and_visiting_words_are_no_events(sentence):
    assert analyzed("Новости\n\n" + sentence + "\n", "ru", "events") == {}
