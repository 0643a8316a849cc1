"""A lone surname written only right after a man's title in the genitive ('в поддержку
экс-губернатора Фургала') is named in the nominative ('Фургал'); a woman's surname in -а after a
title in the nominative, or an -а surname in the nominative, stays as written."""
from support import analyzed


def test_surname_after_a_genitive_title_to_the_nominative():
    persons = analyzed("Врио губернатора пообщался с участниками акции в поддержку экс-губернатора Фургала.\n",
                       "ru", "persons")
    assert "Фургал" in persons and persons["Фургал"]["roles"] == ["экс-губернатор"]
    assert "Фургала" in persons["Фургал"]["aliases"]


def test_surname_after_a_nominative_title_stays():
    persons = analyzed("Губернатор Сидорова заявила, что акция прошла спокойно.\n", "ru", "persons")
    assert "Сидорова" in persons


def test_a_genitive_title_outweighs_a_prepositional_form_in_e():
    """'при канцлере Шольце' could be the dative of an -а name 'Шольца'; 'канцлера Олафа Шольца' cannot
    (that name's genitive is 'Шольцы'): the man is 'Олаф Шольц'."""
    persons = analyzed("Позиция правительства\n\nПосол отметил, что позиция правительства под руководством канцлера "
                       "Олафа Шольца пока не изменилась. Ждать поставок при канцлере Шольце не стоит.\n", "ru", "persons")
    assert "Олаф Шольц" in persons, persons


def test_an_a_declension_surname_shown_by_its_genitive_in_y_stays():
    persons = analyzed("Долгожители\n\nПосле смерти Масамицу Йосиды титул перешёл к нему.\n", "ru", "persons")
    assert "Масамицу Йосида" in persons, persons


def test_a_short_unknown_first_name_of_the_a_declension_in_the_genitive():
    """'президента Болы Ахмета Тинубу': the genitive (which the dictionary may read as accusative)
    of 'Бола', even in four letters."""
    from newsbridge.analyze.ru.morph import normalize_name
    assert normalize_name("Болы Ахмета Тинубу") == "Бола Ахмет Тинубу"
    assert normalize_name("Ахмета Тинубу") == "Ахмет Тинубу"        # the indeclinable surname stays


def test_an_instrumental_surname_decides_when_the_first_name_does_not_decline():
    from newsbridge.analyze.ru.morph import normalize_name
    assert normalize_name("Киану Ривзом") == "Киану Ривз"       # not the dative of 'Киан'
    assert normalize_name("Сергеем Лавровым") == "Сергей Лавров"
    assert normalize_name("Тео Эрнандесом") == "Тео Эрнандес"


def test_unknown_names_in_the_instrumental_their_endings_show():
    persons = analyzed("Визит\n\nПрезидент встретился с канцлером Олафом Шольцем в Берлине.\n", "ru", "persons")
    assert "Олаф Шольц" in persons, persons


def test_a_surname_in_i_after_a_first_name_as_written_stays():
    from newsbridge.analyze.ru.morph import normalize_name
    assert normalize_name("Стефано Пиоли") == "Стефано Пиоли"       # not the genitive of a woman's 'Пиоля'
    assert normalize_name("Марии Шараповой") == "Мария Шарапова"     # a first name that declines still decides
    assert normalize_name("Асии Биби") == "Асия Биби"
    persons = analyzed("Тренер Стефано Пиоли заявил, что команда готова к матчу.\n", "ru", "persons")
    assert "Стефано Пиоли" in persons
