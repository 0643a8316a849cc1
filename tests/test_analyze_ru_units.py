"""Russian helpers: nominative names and phrases, and speaker resolution by gender."""
import pytest

pytest.importorskip("pymorphy3")

from newsbridge.analyze.ru.morph import gender_of_name, normalize_name, normalize_phrase, verb_gender  # noqa: E402
from newsbridge.model import PERSONS, QUOTES, Document  # noqa: E402


@pytest.mark.parametrize("surface,nominative", [
    ("Ирины Флюр", "Ирина Флюр"), ("Майкла Помпео", "Майкл Помпео"), ("Дмитрия Медведева", "Дмитрий Медведев"),
    ("Владимиром Путиным", "Владимир Путин"), ("Марии Захаровой", "Мария Захарова"), ("Сергей Лавров", "Сергей Лавров"),
])
def test_analyze_ru_names_to_nominative(surface, nominative):
    assert normalize_name(surface) == nominative


@pytest.mark.parametrize("surface,nominative", [
    ("Министерства иностранных дел", "Министерство иностранных дел"), ("Государственной думы", "Государственная дума"),
    ("контактной группы", "контактная группа"),
    # an adjective standing for a noun before its complement: 'по' is no head noun (pymorphy
    # also reads it as the abbreviation ПО, which made 'уполномоченное')
    ("уполномоченного по правам человека", "уполномоченный по правам человека"),
    ("общественного уполномоченного по защите семьи", "общественный уполномоченный по защите семьи"),
    ("уполномоченной по правам ребенка", "уполномоченная по правам ребенка"),
    ("исполняющего обязанности губернатора", "исполняющий обязанности губернатора"),
    ("За этими стенами", "За этими стенами"),
    # an abbreviation with a case ending keeps its capitals ('Мид' had been made of 'МИДа')
    ("МИДа", "МИД"), ("ВГИКа", "ВГИК"), ("МИДом России", "МИД России"), ("Минцифры", "Минцифры"),
    # an adjective pymorphy also reads as a surname noun is no head ('Каспийский флота')
    ("Каспийского флота", "Каспийский флот"), ("Грановской школы", "Грановская школа"),
    ("Хомутовскую школу", "Хомутовская школа"), ("Дзержинском районе", "Дзержинский район"),
    # the degree as written ('Высочайший' from 'Высшего' was pymorphy's inflect)
    ("Высшего государственного совета", "Высший государственный совет"),
    # a noun of common gender takes masculine adjectives
    ("арестованного экс-главы региона", "арестованный экс-глава региона"),
])
def test_analyze_ru_phrases_to_nominative(surface, nominative):
    assert normalize_phrase(surface) == nominative


def test_analyze_ru_genders():
    assert gender_of_name(["Ирина", "Флюр"]) == "femn"
    assert gender_of_name(["Сергей", "Лавров"]) == "masc"
    assert verb_gender("отметила") == "femn" and verb_gender("сказал") == "masc"


def test_analyze_ru_pronoun_skips_incompatible_gender():
    pytest.importorskip("natasha")
    from newsbridge.analyze.ru import analyze_ru
    text = ("Министр Мария Захарова встретилась с послом Иваном Петровым.\n\n"
            "«Диалог продолжится», — сказала она.")
    doc = Document(id="g", text=text, language="ru")
    analyze_ru(doc)
    names = {s.attrs["name"] for s in doc.layer(PERSONS)}
    assert {"Мария Захарова", "Иван Петров"} <= names
    q = doc.layer(QUOTES)[0]
    assert q.attrs["speaker"] == "Мария Захарова" and q.attrs["how"] == "pronoun"


def test_analyze_ru_foreign_name_in_a_as_subject_stays():
    """'Обама выступал': a masculine name ending in -а before its verb is the nominative, not a
    genitive to cut back ('Обам'); 'по словам Рассела' still gives 'Рассел'."""
    pytest.importorskip("natasha")
    from newsbridge.analyze.ru import analyze_ru
    from newsbridge.export.gold import to_gold
    text = ("Президент США Барак Обама заявил, что страна скорбит. Обама выступал в Белом доме. "
            "Первая леди Мишель Обама задержалась в Белом доме. По словам Рассела, всё хорошо.")
    doc = Document(id="o", text=text, language="ru")
    analyze_ru(doc)
    names = [p["name"] for p in to_gold(doc)["persons"]]
    assert "Обам" not in names and "Обама" in names and "Рассел" in names, names
