"""Russian analyzer rules found on held-out news (hand-made golden text, no real article):
each event counted once ('Участники встречи' is the summit; further stops of a visit are the
visit; 'визит-центр', 'пресс-конференция', 'Конгресс США' and a wished-for 'стол переговоров'
are no events; 'была введена в эксплуатацию' is a launch that happened although the sentence
goes on in the future), foreign names in oblique cases to the nominative, blocs as organizations."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsbridge.analyze.ru import analyze_ru
from newsbridge.analyze.ru.morph import foreign_nominative
from newsbridge.model import EVENTS, LOCATIONS, ORGANIZATIONS, Document

CASE = Path(__file__).parent / "golden" / "analyze" / "ru" / "foreign_names_events"


@pytest.fixture(scope="module")
def case():
    doc = Document(id="t", text=CASE.with_suffix(".txt").read_text(encoding="utf-8"), language="ru")
    analyze_ru(doc)
    return doc, json.loads(CASE.with_suffix(".json").read_text(encoding="utf-8"))


def test_ru_heldout_events_counted_once(case):
    doc, want = case
    done: dict[str, int] = {}
    for s in doc.layer(EVENTS):
        if not s.attrs["planned"]:
            done[s.label] = done.get(s.label, 0) + 1
    for etype, n in want["events_done"].items():
        assert done.get(etype, 0) == n, (etype, done)


def test_ru_heldout_blocs_are_organizations(case):
    doc, want = case
    orgs = {s.attrs["name"] for s in doc.layer(ORGANIZATIONS)}
    locs = {s.attrs["name"] for s in doc.layer(LOCATIONS)}
    for name in want["organizations"]:
        assert name in orgs and name not in locs, (orgs, locs)


@pytest.mark.parametrize("form,nominative", [
    ("Олафа Шольца", "Олаф Шольц"),
    ("Шольцем", "Шольц"),
    ("Джо Байдена", "Джо Байден"),
    ("Одри Тан", "Одри Тан"),             # nominative already: unchanged
    ("Сейеду Али Хаменеи", "Сейед Али Хаменеи"),  # indeclinable words do not decide the case
    ("Хосепа Гвардиолы", "Хосеп Гвардиола"),        # a surname of the -а declension after a genitive first name
    ("Синдзи Харада", "Синдзи Харада"), ("Фелип Масса", "Фелип Масса"),     # nominatives in -а stay
])
def test_ru_foreign_nominative(form, nominative):
    assert foreign_nominative(form) == nominative



def test_a_meeting_in_the_kremlin_takes_place_there():
    from newsbridge.model import Document
    from newsbridge.pipeline import apply
    text = ("Путин встретился с главой МИД Китая Ван И\n\nМОСКВА, 2 декабря. /ТАСС/. Президент России Владимир Путин "
            "во вторник провел встречу с министром иностранных дел КНР Ван И в Кремле.\n")
    doc = apply(Document(id="t", text=text, language="ru", published="2025-12-03"), ["clean", "metadata", "analyze"])
    meetings = [e.attrs for e in doc.layer("events") if e.label == "meeting"]
    assert meetings and meetings[0]["place"] == "Кремль"


def test_seats_of_government_are_bodies_and_places_blocs_only_bodies():
    from newsbridge.analyze.common.bodies import is_body, is_seat
    assert is_seat("Кремле") and is_seat("Белом доме") and is_seat("the White House")
    assert is_body("Евросоюза") and not is_seat("Евросоюза") and not is_seat("Кремлевский")


def test_the_datelines_date_dates_the_report_not_the_event():
    from support import analyzed
    text = ("12 марта 2025, 14:20\n\nМИНСК, 12 марта (БЕЛТА) - Министр информации Беларуси Марат Марков и министр "
            "цифрового развития России Максут Шадаев подписали программу сотрудничества в Минске 11 марта.\n")
    events = analyzed(text, "ru", "events")
    assert [e["date"] for e in events.values()] == ["2025-03-11"]


@pytest.mark.parametrize("text, places", [
    ("Обстрелам подверглись сёла Курской и Белгородской областей.", ["Курская область", "Белгородская область"]),
    ("Трасса соединяет Вологодскую и Архангельскую области с Республикой Коми.",
     ["Вологодская область", "Архангельская область", "Республика Коми"]),
    ("Дожди прошли в Хабаровском и Приморском краях.", ["Хабаровский край", "Приморский край"]),
])
def test_adjectives_listed_before_one_region_noun_name_a_region_each(text, places):
    doc = Document(id="t", text=text, language="ru")
    analyze_ru(doc)
    assert [s.attrs["name"] for s in doc.layer(LOCATIONS)] == places


@pytest.mark.parametrize("phrase,nominative", [
    ("Хомутовской средней общеобразовательной школы № 2", "Хомутовская средняя общеобразовательная школа № 2"),
    ("Петровского районного суда", "Петровский районный суд"),
    ("Министерства иностранных дел", "Министерство иностранных дел"),
])
def test_ru_adjective_chains_before_the_head_all_take_the_nominative(phrase, nominative):
    from newsbridge.analyze.ru.morph import normalize_phrase
    assert normalize_phrase(phrase) == nominative


def test_ru_latin_look_alike_letters_in_cyrillic_words():
    from newsbridge.analyze.ru.morph import fix_homoglyphs, normalize_phrase
    assert normalize_phrase("Католичеcкой церкви") == "Католическая церковь"      # a Latin 'c' typed in
    assert fix_homoglyphs("Католичеcкой") == "Католической" and len(fix_homoglyphs("Католичеcкой")) == 12
    assert fix_homoglyphs("Mercedes-Benz и iPhone, PR-служба") == "Mercedes-Benz и iPhone, PR-служба"


def test_the_kremlin_that_acts_is_an_organization_where_the_model_tags_nothing():
    from newsbridge.analyze.common.bodies import seat_names
    from support import analyzed
    text = ("Отставки в полиции\n\nМОСКВА, 4 марта. /ТАСС/. В четверг Кремль объявил об отставке "
            "двух генералов. Об этом сообщила пресс-служба Кремля. Поддержкой Кремля это назвать нельзя, "
            "добавил эксперт. Заявки на домен кремль.рф принимали до весны.\n")
    assert set(analyzed(text, "ru", "organizations")) == {"Кремль", "ТАСС"}
    other = "Заявление Белого дома и кремль.рф, Кремль.Ру"
    assert [other[a:b] for a, b in seat_names(other)] == ["Белого дома"]


def test_body_names_cut_at_an_unclosed_bracket_a_trailing_preposition_or_a_disease():
    from support import analyzed
    text = ("Итоги недели\n\nВ Страсбурге выступили представители ПАСЕ (Парламентской ассамблеи Совета Европы). "
            "Министру финансов земли Гессен, члену ХДС (Христианско-демократический союз Германии) было 54 года. "
            "Решение не отражает взгляды Комиссии на статус криптовалют, сообщил представитель Еврокомиссии. "
            "Боксёр умер от COVID-19 в больнице. На Главном военно-морском параде было тихо.\n")
    orgs = analyzed(text, "ru", "organizations")
    assert not any("(" in name or name.endswith(" на") for name in orgs), orgs
    assert "Христианско-демократический союз Германии" in orgs and "COVID" not in orgs
    assert not any(name.startswith("Главн") for name in orgs), orgs


def test_a_body_named_after_a_person_keeps_the_name():
    from support import analyzed
    text = ("Новости культуры\n\nРежиссёр работал в Театре им. Йозефа Бойса (Германия) и в других театрах. "
            "Спектакль показали в Берлине.\n")
    orgs = analyzed(text, "ru", "organizations")
    assert list(orgs) == ["Театр им. Йозефа Бойса"], orgs


def test_a_kind_of_person_opening_a_sentence_is_no_person():
    from support import analyzed
    text = ("Приговор в Иллинойсе\n\nАмериканец получил 18 июля пожизненный срок. Россиянка выиграла турнир. "
            "Хван был в зале суда.\n")
    persons = analyzed(text, "ru", "persons")
    assert "Американец" not in persons and "Россиянка" not in persons, persons
    assert "Хван" in persons, persons


def test_a_big_city_read_as_a_person_is_the_city():
    from newsbridge.analyze import gazetteer as gz
    from support import analyzed
    text = ("Выставка в отражении\n\nКалуга, дом на углу Достоевского и Московской улицы. Здесь открылась выставка. "
            "Главарём клана Гамбино он был с 2015 года. Королёв выступил с докладом.\n")
    doc_persons = analyzed(text, "ru", "persons")
    assert "Калуга" not in doc_persons and "Калуг" not in doc_persons, doc_persons
    assert "Калуга" in analyzed(text, "ru", "locations")
    assert gz.lookup("Гамбино", "ru", fuzzy=False) is None


def test_a_name_after_a_kind_of_body_is_that_body_in_every_mention():
    from support import analyzed
    text = ("Гонка в Монце\n\nКоманда Феррари не подавала апелляцию. Оба болида Феррари были выставлены с новыми "
            "моторами. Президент России Владимир Путин поздравил победителя, а команда Путина готовит визит. "
            "Маркетплейс Wildberries сделает платными пакеты. Альберт Проза подписал контракт. Последним клубом "
            "Прозы была «Таммека».\n")
    persons, orgs = analyzed(text, "ru", "persons"), analyzed(text, "ru", "organizations")
    assert "Феррари" in orgs and "Феррари" not in persons and "Маркетплейс" not in persons, (persons, orgs)
    assert "Владимир Путин" in persons and "Альберт Проза" in persons and "Проза" not in orgs, (persons, orgs)


def test_an_event_place_is_named_in_the_nominative_and_a_visit_goes_to_its_object():
    from support import analyzed
    text = ("Министры встретились\n\nВ субботу на саммите в Ливерпуле министры обсудили санкции. "
            "Премьер-министр посетил Белград и провёл переговоры.\n")
    places = sorted(str(e["place"]) for e in analyzed(text, "ru", "events").values())
    assert places == ["Белград", "Ливерпуль"], places


def test_the_outlet_reporting_an_event_takes_no_part_in_it():
    from support import analyzed
    text = ("Взрыв газа\n\nКриминалисты прибыли в Новосибирск помочь с расследованием дела о взрыве газа, "
            "сообщает НГС.\n")
    assert [e["participants"] for e in analyzed(text, "ru", "events").values()] == [[]]


def test_a_nominative_foreign_name_stays_as_written_and_a_first_name_in_in_is_no_mans_surname():
    """pymorphy guesses 'Генслер' as the vocative of a woman's 'Генслера' (news writes no
    vocative); 'Ройзин' ends like a man's surname but is her first name."""
    from newsbridge.analyze.ru.morph import gender_of_name, normalize_name
    from support import analyzed_doc
    assert normalize_name("Гари Генслер") == "Гари Генслер" and normalize_name("Майкла Помпео") == "Майкл Помпео"
    assert gender_of_name(["Ройзин", "Кёри"]) is None and gender_of_name(["Иван", "Петров"]) == "masc"
    text = ("Цены не поднимут\n\nКак заявила руководительница фирмы Ройзин Кёри, у нее «на данный момент нет планов» "
            "поднимать цены. При этом она добавила, что «на данный момент не идет речи о дефляции».\n")
    assert [q.attrs["speaker"] for q in analyzed_doc(text, "ru").layer("quotes")] == ["Ройзин Кёри", "Ройзин Кёри"]


def test_a_bulleted_list_is_a_name_per_item_and_a_stray_bracket_is_cut():
    from support import analyzed
    text = ("Список стран\n\nВ список вошли: Бахрейн • Барбадос • Бермуды • Йемен • Замбия. Министр финансов земли "
            "Гессен жил в городе Хоххайм-на-Майне (Hochheim am Main) до 2020 года.\n")
    places = analyzed(text, "ru", "locations")
    assert {"Бахрейн", "Барбадос", "Йемен", "Замбия"} <= set(places), places
    assert not any("•" in p or p.endswith(")") for p in places), places


def test_european_bodies_in_any_case_are_bodies_not_places():
    from newsbridge.analyze.common.bodies import is_body
    assert is_body("Евросоюзом") and is_body("Еврокомиссия") and is_body("Евросовета")
    assert not is_body("Есенин") and not is_body("Европой")


def test_a_rank_before_the_name_in_the_nominative_and_a_title_another_one_spells_out_dropped():
    from support import analyzed
    text = ("Парад\n\nПарад принимал главнокомандующий ВМФ адмирал Николай Евменов. Доклад главнокомандующего ВМФ "
            "адмирала Николая Евменова был коротким. Врио Михаил Дегтярёв выступил. Врио губернатора Хабаровского "
            "края Михаил Дегтярёв встретился с жителями.\n")
    persons = analyzed(text, "ru", "persons")
    assert not any(r.endswith("адмирала") for r in persons["Николай Евменов"]["roles"]), persons["Николай Евменов"]
    assert persons["Михаил Дегтярёв"]["roles"] == ["врио губернатора Хабаровского края"], persons["Михаил Дегтярёв"]


def test_chinese_and_korean_names_in_an_oblique_case_to_the_nominative():
    from newsbridge.analyze.ru.morph import normalize_name
    cases = {"Дэн Сяопина": "Дэн Сяопин", "Цзян Цзэминя": "Цзян Цзэминь", "Си Цзиньпином": "Си Цзиньпин",
             "Кима Чен Ира": "Ким Чен Ир", "Ким Чен Ына": "Ким Чен Ын", "Сунь Ятсена": "Сунь Ятсен",
             "Ху Цзиньтао": "Ху Цзиньтао", "Ван Хуа": "Ван Хуа", "Ли На": "Ли На", "Ким Бейсингер": "Ким Бейсингер"}
    assert {n: normalize_name(n) for n in cases} == cases


def test_an_outlet_the_agency_table_knows_read_in_part_is_the_whole_outlet():
    from newsbridge.crossscript import known_agency
    from support import analyzed
    assert known_agency("Голос Америки") == known_agency("VOA") == "Voice of America"
    text = ("Интервью\n\nВ интервью Русской службе «Голоса Америки» политик рассказал о планах. Об этом он "
            "сообщил корреспонденту Голоса Америки в Киеве.\n")
    orgs, places = analyzed(text, "ru", "organizations"), analyzed(text, "ru", "locations")
    assert any("Голос" in o for o in orgs) and "Америка" not in places, (orgs, places)


def test_a_participle_of_another_noun_is_no_part_of_the_title_and_titles_are_tidy():
    from support import analyzed
    text = ("Сенат\n\nРеспубликанцы обещают ликвидировать реформу здравоохранения, начатую президентом Бараком Обамой. "
            "Аргентинский футболист Лионель Месси забил гол. Футболист Лионель Месси доволен.\n")
    persons = analyzed(text, "ru", "persons")
    assert persons["Барак Обама"]["roles"] == ["президент"], persons["Барак Обама"]
    assert persons["Лионель Месси"]["roles"] == ["аргентинский футболист"], persons["Лионель Месси"]


def test_a_modifier_of_another_gender_does_not_agree_and_raises_nothing():
    """pymorphy's grammemes refuse comparison with an unknown value: 'новая президент' once
    raised ValueError inside the title reader (caught by factRuEval's test texts)."""
    from newsbridge.analyze.ru.analyzer import _agrees
    assert not _agrees("новая", "президент") and _agrees("новый", "президент")
    assert _agrees("бывшие", "президенты") and not _agrees("начатую", "президентом")


def test_clergy_titles_and_no_title_for_the_saint_a_church_is_named_after():
    from support import analyzed
    text = ("Служба\n\nВ Ватикане кардинал Пачелли подписал соглашение. Ректор МГУ имени Ломоносова Виктор Садовничий выступил. "
            "Настоятель собора во имя святого благоверного князя Александра Невского провел службу. Протоиерей "
            "Всеволод Чаплин, глава синодального Отдела по взаимоотношениям Церкви и общества. На панихиде он "
            "выступил.\n")
    persons = analyzed(text, "ru", "persons")
    assert persons["Пачелли"]["roles"] == ["кардинал"]
    assert persons["Виктор Садовничий"]["roles"] == ["ректор МГУ имени Ломоносова"]
    assert persons.get("Александр Невский", {"roles": []})["roles"] == []
    assert not any(". " in r for r in persons["Всеволод Чаплин"]["roles"]), persons["Всеволод Чаплин"]


def test_a_hyphenated_profession_and_a_specialist_in_ology_are_titles_not_names():
    from support import analyzed
    text = ("Нутрициолог рассказала о пользе овощей\n\nВрач-нутрициолог Мария Лосева рассказала о пользе овощей. "
            "По словам Лосевой, овощи нужны каждый день.\n")
    persons = analyzed(text, "ru", "persons")
    assert set(persons) == {"Мария Лосева"}, persons


def test_a_given_name_the_dictionary_lacks_gives_the_surname_its_gender():
    """'София' has no given-name reading in pymorphy; the shipped name lists know it a woman's,
    so 'Черкасова' beside it is her nominative, not the genitive of 'Черкасов'."""
    from newsbridge.analyze.ru.morph import normalize_name
    cases = {"София Черкасова": "София Черкасова", "Меган Маркл": "Меган Маркл", "Ника Дэйвисона": "Ник Дэйвисон",
             "Анна Попова": "Анна Попова", "Сергея Попова": "Сергей Попов"}
    assert {n: normalize_name(n) for n in cases} == cases


def test_a_one_word_person_the_text_names_as_a_body_is_that_body_and_an_adjective_is_no_form_of_a_place():
    from newsbridge.analyze.ru.analyzer import _one_word_one_kind, _same_word
    from newsbridge.analyze.ru.ner import Mention
    assert _same_word("моссовета", "моссовете") and not _same_word("тарту", "тартуских")
    text = "решение театра Моссовета было плановым. Он служил в Моссовете. Суд Тарту и пресс-секретарь Тартуских судов."

    def at(word: str, label: str) -> Mention:
        s = text.index(word)
        return Mention(s, s + len(word), label)
    ms = [at("Моссовета", "ORG"), at("Моссовете", "PER"), at("Тарту ", "LOC"), at("Тартуских", "PER")]
    ms[2] = Mention(ms[2].start, ms[2].end - 1, "LOC")
    assert [m.label for m in _one_word_one_kind(text, ms)] == ["ORG", "ORG", "LOC", "PER"]


def test_whom_a_person_spoke_to_is_no_part_of_the_title_before_the_name():
    from support import analyzed
    text = ("Полигоны\n\n\"Это курорт\", - рассказал журналистам глава Истринского округа Олег Игнатьев. Вчера "
            "президент назначил руководителем службы заместителя министра Ивана Павлова.\n")
    persons = analyzed(text, "ru", "persons")
    assert persons["Олег Игнатьев"]["roles"] == ["глава Истринского округа"], persons["Олег Игнатьев"]


def test_an_oblique_form_the_gazetteer_lists_is_named_in_the_nominative_and_a_surname_is_no_place():
    from newsbridge.analyze import gazetteer as gz
    from newsbridge.analyze.ru.analyzer import _nominative_surface, _one_word_one_kind
    from newsbridge.analyze.ru.ner import Mention
    got = {w: _nominative_surface(w, gz.lookup(w, "ru")) for w in ("Киевом", "Киеву", "США", "Китае")}
    assert got == {"Киевом": "Киев", "Киеву": "Киев", "США": "США", "Китае": "Китай"}
    text = "Ислам Махачев победил. Бой между Махачевым и Оливейрой прошел в Абу-Даби."
    ms = [Mention(0, 13, "PER"), Mention(text.index("Махачевым"), text.index("Махачевым") + 9, "LOC"),
          Mention(text.index("Абу-Даби"), text.index("Абу-Даби") + 8, "LOC")]
    assert [m.label for m in _one_word_one_kind(text, ms)] == ["PER", "PER", "LOC"]


def test_a_mans_name_of_the_a_declension_to_the_nominative_and_foreign_names_in_i_kept():
    from newsbridge.analyze.ru.morph import foreign_nominative
    cases = {"Артема Дзюбы": "Артём Дзюба", "Халифы Хафтара": "Халифа Хафтар", "Хосепа Гвардиолы": "Хосеп Гвардиола",
             "Хадим Хуссейн Ризви": "Хадим Хуссейн Ризви", "Александер Волкановски": "Александер Волкановски",
             "Сергея Лаврова": "Сергей Лавров"}
    assert {n: foreign_nominative(n, "masc") for n in cases} == cases


def test_a_womans_name_in_ia_is_no_mans_genitive_and_the_first_name_agrees_with_the_surname():
    from newsbridge.analyze.ru.morph import normalize_name
    cases = {"Асия Биби": "Асия Биби", "Асии Биби": "Асия Биби", "Асию": "Асия", "Лидии Смирновой": "Лидия Смирнова",
             "Юлия Петрова": "Юлия Петрова", "Сергея Лаврова": "Сергей Лавров", "Александры Петровой": "Александра Петрова"}
    assert {n: normalize_name(n) for n in cases} == cases
    from support import analyzed
    persons = analyzed("Христианка Асия Биби вышла на свободу\n\nХристианка Асия Биби освобождена. Суд оправдал Асию Биби "
                       "в октябре.\n", "ru", "persons")
    assert list(persons) == ["Асия Биби"], persons


def test_a_surname_shaped_like_a_kind_of_person_stays_a_person():
    """'Товпинец' ends like 'боец': alone, or before no given name, it is no kind of person to cut."""
    from support import analyzed
    persons = analyzed("Суд\n\nАдвокат Сергей Товпинец подал жалобу. Товпинец заявил, что суд ошибся.\n", "ru", "persons")
    assert "Сергей Товпинец" in persons and persons["Сергей Товпинец"]["mentions"] and len(persons) == 1, persons
    assert len(persons["Сергей Товпинец"]["mentions"]) == 2, persons


def test_a_capitalised_adjective_of_the_noun_after_it_is_no_person_and_belongs_to_the_title():
    from support import analyzed
    text = ("Суд\n\n\"Регулировать такие вопросы должна прокуратура\", - ранее пояснила корреспонденту ERR "
            "пресс-секретарь Тартуских судов Анетт Крейтсманн. Об этом сообщил глава Пярнуских судов Андрес Кукк.\n")
    persons = analyzed(text, "ru", "persons")
    assert set(persons) == {"Анетт Крейтсманн", "Андрес Кукк"}, persons
    assert persons["Анетт Крейтсманн"]["roles"] == ["пресс-секретарь Тартуских судов"], persons["Анетт Крейтсманн"]
    assert persons["Андрес Кукк"]["roles"] == ["глава Пярнуских судов"], persons["Андрес Кукк"]


def test_an_adverb_opening_a_sentence_is_no_place():
    from newsbridge.analyze.ru.analyzer import _clean_mentions
    from newsbridge.analyze.ru.ner import Mention
    text = "Сегодня в Москве прошел форум. Огонь охватил склад в Орле."
    ms = [Mention(text.index(w), text.index(w) + len(w), "LOC") for w in ("Сегодня", "Москве", "Огонь", "Орле")]
    assert [text[m.start:m.end] for m in _clean_mentions(text, ms)] == ["Москве", "Орле"]


def test_coming_across_people_and_teams_meeting_in_a_match_are_no_meetings():
    text = ("Финал\n\nВ матче за трофей встретятся мадридский «Реал» и «Аль-Хиляль». Потом мы встречали недовольных "
            "местных жителей. Космонавтов встретили местные жители. Министр встретился с послом Китая в Москве.\n")
    from support import analyzed_doc
    events = [(s.label, s.attrs["name"]) for s in analyzed_doc(text, "ru").layer("events")]
    assert len(events) == 1 and events[0][0] == "meeting" and "встретился" in events[0][1], events


def test_an_outlet_named_with_its_domain_declines_its_word_and_keeps_the_domain():
    from newsbridge.analyze.ru.morph import normalize_phrase
    got = {p: normalize_phrase(p) for p in ("Газету.Ru", "Газеты.Ru", "Ленте.ру", "Фонтанке.ру", "INFOX.ru")}
    assert got == {"Газету.Ru": "Газета.Ru", "Газеты.Ru": "Газета.Ru", "Ленте.ру": "Лента.ру",
                   "Фонтанке.ру": "Фонтанка.ру", "INFOX.ru": "INFOX.ru"}


def test_a_name_as_likely_indeclinable_as_a_case_of_another_stays_as_written():
    from newsbridge.analyze.ru.morph import normalize_name
    cases = {"Нафтали Беннет": "Нафтали Беннет", "Амаду Тумани Туре": "Амаду Тумани Туре",
             "Йохен Копельке": "Йохен Копельке", "Джо Байдена": "Джо Байден", "Сергея Лаврова": "Сергей Лавров"}
    assert {n: normalize_name(n) for n in cases} == cases


def test_she_finds_a_woman_whose_name_the_dictionary_reads_only_as_a_mans():
    from newsbridge.analyze.ru.morph import gender_of_name
    assert gender_of_name(["Асия", "Биби"]) == "femn" and gender_of_name(["Сергей", "Лавров"]) == "masc"
    from support import analyzed_doc
    doc = analyzed_doc("Суд\n\nАсия Биби вышла на свободу. Ее адвокат рассказал о реакции. «Я не могу поверить в то, "
                       "что я слышу», — сказала она в разговоре с корреспондентом AFP.\n", "ru")
    assert [q.attrs["speaker"] for q in doc.layer("quotes")] == ["Асия Биби"]


def test_a_surname_shaped_like_an_adjective_before_a_preposition_and_an_unknown_first_name_stay():
    from support import analyzed
    persons = analyzed("Выборы\n\nЮристы поставили под вопрос сбор пожертвований на кампанию Навального с помощью "
                       "кошельков. В среду он принял президента Австрии Хайнца Фишера в Цетинье.\n", "ru", "persons")
    assert "Навальный" in persons and "Хайнц Фишер" in persons, persons


def test_abbreviations_with_a_case_ending_outlets_as_the_table_writes_them_and_channels_are_no_bodies():
    from newsbridge.analyze.ru.analyzer import same_phrase
    from newsbridge.analyze.ru.morph import normalize_phrase
    assert [normalize_phrase(p) for p in ("ЦУПа", "МЧСом", "КАМАЗа", "НАТО")] == ["ЦУП", "МЧС", "КАМАЗ", "НАТО"]
    assert same_phrase("Большая семёрка", "Большой семерки")
    from support import analyzed
    orgs = analyzed("Яхты\n\nОб этом пишет Гардиан. Как сообщили в Telegram-канале ведомства, встреча «Большой семёрки» "
                    "прошла в Ливерпуле. Министры «Большой семерки» договорились.\n", "ru", "organizations")
    assert "Гардиан" in orgs and not any("канал" in o for o in orgs), orgs
    assert len([o for o in orgs if o.lower().replace("ё", "е").startswith("большая семерка")]) == 1, orgs


def test_a_league_named_with_a_title_word_before_its_hyphen_is_no_title():
    from newsbridge.analyze.ru.analyzer import _title_word
    assert _title_word("Врач-сомнолог") and _title_word("Шеф-повар") and not _title_word("Премьер-лига")
    from support import analyzed
    orgs = analyzed("Лига\n\nПрезидент РФС Александр Дюков считает, что расширение Российской премьер-лиги (РПЛ) до 18 "
                    "команд было бы некорректным.\n", "ru", "organizations")
    assert any(o.startswith("Российская премьер-лига") for o in orgs), orgs


def test_initials_glued_to_the_surname_are_an_alias_and_foreign_names_in_e_stay():
    from newsbridge.analyze.common.names import is_alias, name_tokens
    from newsbridge.analyze.ru.morph import normalize_name
    assert name_tokens("Л.Глебова") == ["Л.", "Глебова"] and is_alias("Л.Глебова", "Любовь Глебова")
    cases = {"Л.Глебовой": "Л.Глебова", "А.С.Пушкина": "А.С.Пушкин", "Модибо Сидибе": "Модибо Сидибе",
             "Сиссе": "Сиссе", "Дональде Трампе": "Дональд Трамп"}
    assert {n: normalize_name(n) for n in cases} == cases
    from support import analyzed
    persons = analyzed("Рособрнадзор\n\nИван Муравьев возглавил ведомство. Экс-глава ведомства Любовь Глебова "
                       "рекомендовала заместителя. После ухода Л.Глебовой в СМИ писали, что преемником будет "
                       "И.Муравьев.\n", "ru", "persons")
    assert len(persons) == 2, persons


def test_a_street_named_with_a_loan_word_is_a_place_and_does_not_decline():
    from newsbridge.analyze.ru.morph import normalize_phrase
    assert normalize_phrase("Даунинг-стрит") == "Даунинг-стрит"
    from newsbridge.analyze.ru.analyzer import _clean_mentions
    from newsbridge.analyze.ru.ner import Mention
    text = "Премьер вернулся на Даунинг-стрит."
    a = text.index("Даунинг")
    assert [m.label for m in _clean_mentions(text, [Mention(a, a + len("Даунинг-стрит"), "PER")])] == ["LOC"]


def test_persons_listed_with_commas_in_one_model_span_are_a_name_each():
    from newsbridge.analyze.ru.analyzer import _mend_edges
    from newsbridge.analyze.ru.ner import Mention
    text = "• 0:1 — 01:23 Сёмин (Овечкин, Фёдоров) • 1:1"
    a = text.index("Овечкин")
    got = [text[m.start:m.end] for m in _mend_edges(text, [Mention(a, a + len("Овечкин, Фёдоров"), "PER")])]
    assert got == ["Овечкин", "Фёдоров"]


def test_a_negated_visit_or_meeting_is_no_event():
    from support import analyzed_doc
    doc = analyzed_doc("Визит\n\nПрезидент так и не посетил Москву. Министр не встретился с послом. Премьер посетил "
                       "Казань в марте.\n", "ru")
    assert [(s.label, s.attrs["name"]) for s in doc.layer("events")] == [("visit", "посетил Казань")]


def test_a_womans_surname_alone_after_a_feminine_verb_of_speech_stays_hers():
    from support import analyzed
    persons = analyzed("Модель\n\n«Стареть публично – это ужасно», – пожаловалась Поризкова. Модель призналась, что "
                       "боится старости.\n", "ru", "persons")
    assert list(persons) == ["Поризкова"] and persons["Поризкова"]["gender"] == "femn", persons


def test_a_plural_title_before_names_is_each_ones_title_in_the_singular():
    from support import analyzed
    persons = analyzed("Тромбы\n\nВрачи Ирина Ярцева и Сергей Токарев предупредили об опасности самолечения.\n",
                       "ru", "persons")
    assert persons["Ирина Ярцева"]["roles"] == ["врач"], persons


def test_a_monarchs_name_with_its_regnal_number_declines_before_the_number():
    from newsbridge.analyze.ru.morph import normalize_name
    cases = {"Елизаветы II": "Елизавета II", "Николая II": "Николай II", "Бенедикта XVI": "Бенедикт XVI",
             "Карл III": "Карл III", "Карла III": "Карл III", "Людовика XIV": "Людовик XIV", "Марии II": "Мария II"}
    assert {n: normalize_name(n) for n in cases} == cases


def test_brexit_is_no_place_and_no_body_and_the_titles_around_it_stay():
    from support import analyzed
    text = ("Брекзит\n\nПочти половина британцев верит во вмешательство Кремля в референдум по Брекзиту. Представитель "
            "Европарламента на переговорах по «Брекзиту» Ги Верхофстадт выступил.\n")
    orgs, places, persons = (analyzed(text, "ru", k) for k in ("organizations", "locations", "persons"))
    assert not any(n.startswith("Брекзит") for n in list(orgs) + list(places)), (orgs, places)
    assert persons["Ги Верхофстадт"]["roles"], persons
    from newsbridge.analyze.en.ner import Mention, _keep
    en = "Half of Britons believe in Kremlin meddling in the Brexit referendum."
    assert not _keep(en, Mention(en.index("Brexit"), en.index("Brexit") + 6, "LOC"))


def test_a_phrase_opening_with_a_preposition_after_a_name_is_no_title():
    from support import analyzed
    persons = analyzed("Протесты\n\nСуд оправдал Марию Иванову, после чего в стране вспыхнули протесты. Как сообщил "
                       "агентству старший офицер полиции Тахир Махмуд, после задержания лидера его сторонники ушли.\n",
                       "ru", "persons")
    assert persons["Мария Иванова"]["roles"] == [], persons
    assert persons["Тахир Махмуд"]["roles"] == ["офицер полиции"], persons


def test_an_age_before_or_after_a_title_is_no_part_of_it():
    from support import analyzed
    persons = analyzed("Сержант\n\nВ бою погиб 32-летний сержант Кристофер Селиз. Рассказал о нём предыдущий ректор "
                       "51-летний Николай Васильев. Песню спела 49 летняя американская певица Дженнифер Лопес.\n",
                       "ru", "persons")
    roles = {name: p["roles"] for name, p in persons.items()}
    assert roles == {"Кристофер Селиз": ["сержант"], "Николай Васильев": ["предыдущий ректор"],
                     "Дженнифер Лопес": ["американская певица"]}, roles


def test_a_foreign_place_ending_in_a_consonant_is_no_endingless_plural():
    from newsbridge.analyze.ru.morph import normalize_phrase
    cases = {"Кундуз": "Кундуз", "Панджаб": "Панджаб", "Беверли-Хиллз": "Беверли-Хиллз",
             "Афин": "Афины", "Черкасс": "Черкассы", "Филиппин": "Филиппины", "Нидерландов": "Нидерланды"}
    assert {n: normalize_phrase(n) for n in cases} == cases


def test_an_unknown_place_adjective_takes_the_unstressed_ending():
    from newsbridge.analyze.ru.morph import normalize_phrase
    cases = {"Вышгородском районе": "Вышгородский район", "Вышгородского района": "Вышгородский район",
             "Тверском районе": "Тверской район", "Донского монастыря": "Донской монастырь",
             "Вышгородской области": "Вышгородская область"}
    assert {n: normalize_phrase(n) for n in cases} == cases


def test_a_feminine_title_before_a_name_makes_it_a_womans_in_the_nominative():
    from support import analyzed
    persons = analyzed("Суд\n\nРаньше телеведущая Дана Борисова обвиняла его. Глава Минфина Антон Силуанов ответил.\n",
                       "ru", "persons")
    assert set(persons) == {"Дана Борисова", "Антон Силуанов"}, persons
    assert persons["Дана Борисова"]["roles"] == ["телеведущая"], persons


def test_a_quote_mark_opening_the_name_after_a_title_is_no_part_of_it():
    from newsbridge.analyze.common.titles import tidy_roles
    assert tidy_roles(["легендарный фотограф ''", "ведущий программы «Взгляд»", 'editor "', 'глава "Газпрома"']) == \
        ["легендарный фотограф", "ведущий программы «Взгляд»", "editor", 'глава "Газпрома"']


def test_a_foreign_surname_written_alike_in_every_mention_does_not_decline():
    from support import analyzed
    persons = analyzed("Мяч\n\nВпервые приз не получил Криштиану Роналду. После Роналду награду получил другой. Композитор "
                       "Эннио Морриконе дал концерт. Известно, что Морриконе болен. Об Олафе Шольце писали. Речь "
                       "шла об Олафе Шольце.\n", "ru", "persons")
    assert {"Криштиану Роналду", "Эннио Морриконе", "Олаф Шольц"} <= set(persons), persons


def test_a_nationality_noun_before_a_womans_name_is_cut_off_and_makes_it_hers():
    from support import analyzed
    persons = analyzed("Мисс\n\nФилиппинка Катриона Грэй получила титул. Японка Наоми Осака выиграла турнир.\n",
                       "ru", "persons")
    assert {"Катриона Грэй", "Наоми Осака"} <= set(persons), persons


def test_an_event_name_ends_before_a_relative_pronoun_a_verb_or_a_new_subject():
    from support import analyzed_doc
    cases = {"Европарламент, заседания которого проходят в Брюсселе, ждёт.": ["заседания"],
             "Достигнутый на длительных переговорах компромисс не устроил никого.": ["длительных переговорах"],
             "Подробнее о ходе переговоров по Брекситу читайте в материале.": ["переговоров по Брекситу"],
             "Главный переговорщик Брюсселя по брекзиту Мишель Барнье выступил.": []}
    got = {text: sorted(s.attrs["name"] for s in analyzed_doc(f"Брекзит\n\n{text}\n", "ru").layer("events"))
           for text in cases}
    assert got == cases, got


def test_a_title_before_a_genitive_name_is_the_next_persons_and_the_agreeing_title_the_named_ones():
    from support import analyzed
    cases = {"Об этом заявил пресс-секретарь президента России Владимира Путина Дмитрий Песков.":
             {"Владимир Путин": ["президент России"], "Дмитрий Песков": ["пресс-секретарь президента России"]},
             "Как сообщил официальный представитель премьер-министра Терезы Мэй, решение принято.":
             {"Тереза Мэй": ["премьер-министр"]},
             "Об этом сообщил премьер-министр в правительстве Михаила Игнатьева Иван Моторин.":
             {"Михаил Игнатьев": [], "Иван Моторин": ["премьер-министр в правительстве"]},
             "Премьер назначила новым министром 44-летнего Доминика Рааба.": {"Доминик Рааб": ["новый министр"]},
             "Она велела обращаться к и. о. ректора Людмиле Линик. Людмила Линик ответила.":
             {"Людмила Линик": ["ректор"]}}
    got = {t: {k: v["roles"] for k, v in analyzed(f"Новости\n\n{t}\n", "ru", "persons").items()} for t in cases}
    assert got == cases, got


def test_a_guessed_first_name_takes_the_known_surnames_case_and_an_oblique_a_form_keeps_the_a():
    from newsbridge.analyze.ru.morph import normalize_name
    normalize_name.cache_clear()
    cases = {"Ингмара Бергмана": "Ингмар Бергман", "Лидии Смирновой": "Лидия Смирнова",
             "Дзироэмон Кимура": "Дзироэмон Кимура"}
    assert {n: normalize_name(n) for n in cases} == cases
    from support import analyzed
    persons = analyzed("Долгожители\n\nПосле смерти Масамицу Йосиды 29 октября титул перешёл к нему. Он снялся в "
                       "лентах Ингмара Бергмана.\n", "ru", "persons")
    assert {"Масамицу Йосида", "Ингмар Бергман"} <= set(persons), persons


def test_a_styled_title_in_a_name_sets_its_case_and_gender():
    from newsbridge.analyze.ru.morph import normalize_name
    normalize_name.cache_clear()
    cases = {"Папе Римскому Франциску": "Папа Римский Франциск", "Принца Гарри": "Принц Гарри",
             "Короля Карла III": "Король Карл III", "Королеве Елизавете II": "Королева Елизавета II",
             "Принцессы Дианы": "Принцесса Диана", "Папа Римский Франциск": "Папа Римский Франциск"}
    assert {n: normalize_name(n) for n in cases} == cases


def test_brexit_in_latin_letters_or_read_as_a_person_is_no_entity_and_no_ones_organisation():
    from support import analyzed
    text = ("Брексит\n\nУтром 9 июля о своем уходе заявил министр по делам Брексита Дэвид Дэвис. Заместитель министра по "
            "Brexit Стив Бейкер тоже ушел.\n")
    persons, orgs = analyzed(text, "ru", "persons"), analyzed(text, "ru", "organizations")
    assert set(persons) == {"Дэвид Дэвис", "Стив Бейкер"}, persons
    assert persons["Дэвид Дэвис"]["roles"] == ["министр по делам Брексита"], persons
    assert persons["Стив Бейкер"]["org"] is None and not orgs, (persons, orgs)


def test_a_title_head_that_is_also_another_noun_declines_as_the_title():
    from support import analyzed
    persons = analyzed("Лондон\n\nОтставку премьера Великобритании Терезы Мэй обсуждали. Министр поддержал британского "
                       "премьера Бориса Джонсона.\n", "ru", "persons")
    assert persons["Тереза Мэй"]["roles"] == ["премьер Великобритании"], persons
    assert persons["Борис Джонсон"]["roles"] == ["британский премьер"], persons


def test_a_title_ends_before_instead_of_and_kin():
    from support import analyzed
    persons = analyzed("МИД\n\nИзвестно, кто стал главой МИД Британии вместо Джонсона. Хант назначен министром "
                       "здравоохранения вместо Бориса Джонсона.\n", "ru", "persons")
    assert all(not p["roles"] for name, p in persons.items() if "Джонсон" in name), persons


def test_an_event_names_words_before_it_agree_with_it_and_a_visiting_card_is_no_visit():
    from support import analyzed_doc
    cases = {"Власти заключили с протестующими соглашение.": ["соглашение"],
             "Он признал факт четвертой встречи.": ["четвертой встречи"],
             "После четвертой встречи стороны разошлись.": ["четвертой встречи стороны"],
             "Визитной карточкой певицы стала песня.": []}
    got = {t: sorted(s.attrs["name"] for s in analyzed_doc(f"Новости\n\n{t}\n", "ru").layer("events")) for t in cases}
    assert got == cases, got


def test_a_sentences_last_word_is_read_without_its_stop():
    from support import analyzed
    persons = analyzed("Интервью\n\nИнтервью брал Марсель Андерс, музыкальный журналист. По его словам, концерт удался.\n",
                       "ru", "persons")
    assert persons["Марсель Андерс"]["roles"] == ["музыкальный журналист"], persons


def test_a_plural_title_before_one_name_is_not_his_and_a_common_noun_is_no_town():
    from support import analyzed
    text = ("Новости\n\nКомпанию возглавляет сын Сергея Иванова, одного из ближайших советников Путина. Врачи Ирина "
            "Ярцева и Сергей Токарев предупредили об опасности. Королева с удовольствием одобрила назначение.\n")
    persons, places = analyzed(text, "ru", "persons"), analyzed(text, "ru", "locations")
    assert persons["Путин"]["roles"] == [] and persons["Ирина Ярцева"]["roles"] == ["врач"], persons
    assert not places, places


def test_a_possessive_pronoun_opens_no_title():
    from support import analyzed
    persons = analyzed("Банк\n\nОн писал: я побеседовал со своим партнером по банку Джимом Меллоном.\n", "ru", "persons")
    assert persons["Джим Меллон"]["roles"] == ["партнёр по банку"], persons


def test_a_surname_in_the_plural_is_a_family_no_person():
    from support import analyzed
    persons = analyzed("Семья\n\nГлава дома Рокфеллеров Дэвид Рокфеллер умер. Ребенка рода Ворониных назвали странно. "
                       "Отравление Скрипалей обсуждали. Сергей Скрипаль выздоровел.\n", "ru", "persons")
    assert set(persons) == {"Дэвид Рокфеллер", "Сергей Скрипаль"}, persons


def test_russian_names_in_the_genitive_stay_mens_and_one_of_the_founders_keeps_the_title():
    from support import analyzed
    persons = analyzed("Отставка\n\nЭксперты считают, что позиции Бориса Громова пошатнулись. Одним из главных ресурсов "
                       "Громова была возможность апелляции. Вся группа кроме Александра Кокорина была признана виновной. "
                       "Александр Кокорин вышел на свободу. Об этом рассказал один из основателей НТВ Игорь Малашенко.\n",
                       "ru", "persons")
    assert {"Борис Громов", "Александр Кокорин", "Игорь Малашенко"} <= set(persons), persons
    assert persons["Игорь Малашенко"]["roles"] == ["основатели НТВ"], persons


def test_a_listed_title_that_does_not_decline_is_a_title_as_written():
    from support import analyzed
    persons = analyzed("РЖД\n\nС таким предложением выступил замгендиректора РЖД Алексей Шило на встрече с губернатором.\n",
                       "ru", "persons")
    assert persons["Алексей Шило"]["roles"] == ["замгендиректора РЖД"], persons
