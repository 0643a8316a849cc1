"""Russian titles as news copy writes them: lists of titles before one name, "временно
исполняющий обязанности", a run-in headline before a capitalised title, case variants of one title."""
import pytest

from newsbridge.model import Document
from newsbridge.pipeline import apply
from support import analyzed

TEXT = ("Губернатор вышел к жителям\n\nХАБАРОВСК, 26 июля. /ТестИнформ/ - Временно исполняющий обязанности "
        "губернатора Хабаровского края Михаил Дегтярев встретился с жителями. Писатель и журналист Виктор "
        "Шендерович прочитал стихи. На вечер пришли его друзья, представители федеральной власти, глава "
        "Свердловской области Александр Мишарин. Кандидатура возможного сменщика нынешнего премьера, "
        "бывший министр иностранных дел Борис Джонсон, обсуждается. Главком Военно-морского флота "
        "Николай Евменов поздравил моряков. Папа Римский Франциск направил послание; послание Папы Римского "
        "Франциска зачитали.\n")


@pytest.fixture(scope="module")
def people():
    return analyzed(TEXT, "ru", "persons")


def test_acting_title_is_kept_whole(people):
    assert people["Михаил Дегтярев"]["roles"] == ["временно исполняющий обязанности губернатора Хабаровского края"]


def test_each_title_of_a_list_before_a_name(people):
    assert people["Виктор Шендерович"]["roles"] == ["писатель", "журналист"]


def test_plural_and_other_case_titles_before_the_list_belong_to_others(people):
    assert people["Александр Мишарин"]["roles"] == ["глава Свердловской области"]
    assert not any("премьер" in r for r in people["Борис Джонсон"]["roles"])


def test_the_organisation_of_a_title_as_the_text_writes_it(people):
    assert people["Николай Евменов"]["org"] == "Военно-морского флота"


def test_case_variants_of_one_title_are_one_role(people):
    pope = next(v for k, v in people.items() if k.startswith("Франциск"))
    assert pope["roles"] == ["Папа Римский"]


def test_a_hoped_for_meeting_is_not_an_event_but_the_visit_in_the_sentence_is():
    doc = apply(Document(id="h", text="Певец посетил Калязин\n\nТВЕРЬ, 3 мая. /ТестИнформ/ - Жители поблагодарили "
                                      "певца за визит в Калязин и выразили надежду на новую встречу.\n", language="ru"),
                ["clean", "metadata", "analyze"])
    kinds = [(s.label, bool(s.attrs.get("planned"))) for s in doc.layer("events")]
    assert ("visit", False) in kinds and ("meeting", False) not in kinds


def test_a_persons_organisation_keeps_the_country_its_title_writes():
    text = ("Дегтярев отметил, что этот вопрос обсуждался с главой Минэнерго России Александром Новаком "
            "в ходе его визита в Хабаровск 24 июля.\n\nЗаявление сделал глава МИД Великобритании Борис Джонсон.\n")
    people = analyzed(text, "ru", "persons")
    assert people["Александр Новак"]["org"] == "Минэнерго России"
    assert people["Борис Джонсон"]["org"] == "МИД Великобритании"


def test_a_title_whose_complement_joins_two_names_with_and():
    """'помощник госсекретаря США по делам Восточной Азии и Тихого океана Дэниел Рассел': the 'и'
    joins two genitives inside the title; 'президент и первая леди Мишель Обама' is no title of
    hers ('первая' would open a second title)."""
    import pytest
    pytest.importorskip("natasha")
    from newsbridge.analyze.ru import analyze_ru
    from newsbridge.export.gold import to_gold
    from newsbridge.model import Document
    text = ("Об этом в пятницу заявил бывший помощник госсекретаря США по делам Восточной Азии и Тихого океана "
            "Дэниел Рассел. Министр связи и коммуникаций РФ Игорь Щёголев выступил. "
            "Президент и первая леди Мишель Обама задержались в Белом доме.")
    doc = Document(id="r", text=text, language="ru")
    analyze_ru(doc)
    roles = {p["name"]: p["roles"] for p in to_gold(doc)["persons"]}
    assert roles["Дэниел Рассел"] == ["бывший помощник госсекретаря США по делам Восточной Азии и Тихого океана"]
    assert roles["Игорь Щёголев"] == ["министр связи и коммуникаций РФ"]
    assert "президент и первая леди" not in roles.get("Мишель Обама", [])


def test_the_title_next_to_the_name_over_an_oblique_one_of_the_event():
    people = analyzed("Новости\n\nНа заседании глав стран Шанхайской организации сотрудничества президент Владимир "
                      "Путин говорил о сумме. Журналисты невролог Отар Тоидзе и другие пришли.\n", "ru", "persons")
    assert people["Владимир Путин"]["roles"] == ["президент"], people
