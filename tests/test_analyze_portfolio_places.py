"""A place named in a title's portfolio is part of the title, not a place the text is about:
'assistant secretary of state for East Asia and Pacific Affairs', 'помощник госсекретаря по делам
Восточной Азии и Тихого океана'; the same place named elsewhere stays."""
from support import analyzed_doc


def _places(text, lang):
    return {s.attrs["name"] for s in analyzed_doc(text, lang).layer("locations")}


def test_english_portfolio_place():
    got = _places("Diplomat speaks\n\nWASHINGTON, March 3, 2024 (TestWire) - So said Daniel Russell, former assistant "
                  "secretary of state for East Asia and Pacific Affairs, on Friday in Washington.\n", "en")
    assert "East Asia" not in got and "Washington" in got


def test_russian_portfolio_places():
    got = _places("Дипломат высказался\n\nВАШИНГТОН, 3 марта 2024. /ТестИнформ/. Об этом заявил бывший помощник "
                  "госсекретаря США по делам Восточной Азии и Тихого океана Дэниел Рассел.\n", "ru")
    assert not {"Восточная Азия", "Тихий океан"} & got


def test_russian_place_named_elsewhere_stays():
    got = _places("Дипломат высказался\n\nВАШИНГТОН, 3 марта 2024. /ТестИнформ/. Министр по делам Северной Ирландии "
                  "Джеймс Брокеншир посетил Северную Ирландию.\n", "ru")
    assert "Северная Ирландия" in got
