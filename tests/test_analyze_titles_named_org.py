"""A title that names its organisation by kind and name: "the chief executive of the company
Northern Stream, John Peters", 'нападающий клуба "Спартак" Олег Иванов' (straight quotes as
well as «»), and a former title joined by "now" / "а сейчас" to the present ones."""
import pytest

from support import analyzed

EN = ("Deal signed in London\n\nLONDON, March 3, 2024 (TestWire) - The chief executive of the company "
      "Northern Stream, John Peters, met reporters. The head of the club Legion, Ivan Smirnov, declined to "
      "comment. The former singer of the band Zvery, now solo performer and actor Roman Bilyk, sang. "
      "The head of the group of experts, Anna Lee, spoke.\n")

RU = ('Контракт подписан\n\nМОСКВА, 3 марта 2024. /ТестИнформ/. Нападающий клуба "Спартак" Олег Иванов '
      'подписал контракт. Гендиректор "Роснефти" Игорь Сечин провел встречу. Экс-солист группы "Руки Вверх", '
      'а сейчас сольный исполнитель и актер Сергей Жуков выложил фотографию. "Мы готовы", сказал '
      'Петр Сидоров.\n')


@pytest.fixture(scope="module")
def en():
    return analyzed(EN, "en", "persons")


@pytest.fixture(scope="module")
def ru():
    return analyzed(RU, "ru", "persons")


def test_english_org_named_after_its_kind(en):
    assert en["John Peters"]["roles"] == ["chief executive"]
    assert en["John Peters"]["org"] == "Northern Stream"
    assert en["Ivan Smirnov"]["org"] == "Legion"
    assert "head of the club Legion" not in en["Ivan Smirnov"]["roles"]


def test_english_former_title_joined_by_now(en):
    assert set(en["Roman Bilyk"]["roles"]) >= {"former singer", "solo performer", "actor"}
    assert en["Roman Bilyk"]["org"] == "Zvery"


def test_english_kind_noun_without_a_name_is_no_org(en):
    assert en["Anna Lee"]["org"] is None


def test_russian_title_with_a_straight_quoted_org(ru):
    assert ru["Олег Иванов"]["org"] == "Спартак"
    assert ru["Олег Иванов"]["roles"][0].startswith("нападающий")
    assert ru["Игорь Сечин"]["org"] == "Роснефти"


def test_russian_former_title_joined_by_a_seychas(ru):
    roles = ru["Сергей Жуков"]["roles"]
    assert roles[0].startswith("экс-солист") and {"сольный исполнитель", "актер"} <= set(roles)
    assert ru["Сергей Жуков"]["org"] == "Руки Вверх"


def test_a_quotation_is_not_taken_for_an_org_name(ru):
    assert ru["Петр Сидоров"]["roles"] == []
