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
