"""A Russian headline run into the lead with no stop between (documents made of a headline
segment and body segments join them so) is split off before the lead's first word when that is a
capitalised common noun in the nominative ('… по Донбассу Огонь на линии …'), so the lead's
events and quotes are read in their own sentence; 'С таким заявлением выступил X' after a quote
names its speaker; what befell a person ('арестованного экс-главы региона') is no part of the title;
a hyphenated compound of common words agreeing in number ('Фильм-биография') is no person."""
from support import analyzed_doc

RU = ("Папа Римский приветствовал соглашение по Донбассу Огонь на линии разграничения стороны прекращают 27 июля "
      "Папа Римский Франциск приветствовал принятие допмер и соглашение контактной группы по урегулированию "
      "конфликта в Донбассе.\n")


def test_the_lead_event_is_read_in_its_own_sentence():
    doc = analyzed_doc(RU, "ru")
    names = [s.attrs["name"] for s in doc.layer("events") if s.label == "agreement"]
    assert names and names[0].startswith("соглашение контактной группы")


def test_a_statement_named_in_the_next_sentence():
    doc = analyzed_doc("Итоги дня\n\nМОСКВА, 3 марта 2024. /ТестИнформ/. Руководство США не рассматривало отправку "
                       "военных в случае «вторжения» России. С таким заявлением выступил президент США Джо Байден.\n",
                       "ru")
    assert [q.attrs.get("speaker") for q in doc.layer("quotes")] == ["Джо Байден"]


def test_what_befell_a_person_is_no_part_of_the_title():
    doc = analyzed_doc("Итоги дня\n\nХАБАРОВСК, 3 марта 2024. /ТестИнформ/. Врио губернатора вышел к участникам акций в "
                       "поддержку арестованного экс-главы региона Сергея Фургала.\n", "ru")
    roles = {s.attrs["name"]: s.attrs["roles"] for s in doc.layer("persons")}
    assert roles["Сергей Фургал"] == ["экс-глава региона"]


def test_a_compound_of_common_words_is_no_person():
    doc = analyzed_doc("Итоги дня\n\nМОСКВА, 3 марта 2024. /ТестИнформ/. Фильм-биография, который должен был выйти "
                       "летом, отложен. Так завершилось правление почившего Туркмен-баши.\n", "ru")
    persons = {s.attrs["name"] for s in doc.layer("persons")}
    assert "Фильм-биография" not in persons


def test_a_hyphenated_title_opens_the_lead_after_a_run_in_headline():
    from support import analyzed
    text = ("На Украине назвали четыре сценария для Зеленского Экс-депутат Верховной рады Вадим Денисенко перечислил "
            "четыре варианта развития событий.\n")
    persons = analyzed(text, "ru", "persons")
    assert persons["Вадим Денисенко"]["roles"] == ["экс-депутат Верховной рады"], persons
