"""Agency credits compared across spellings and scripts (link/agencies.py)."""
from __future__ import annotations

import pytest

from newsbridge.link.agencies import AGENCIES, agency_key

SAME = [
    ("TASS", "ТАСС", "ИТАР-ТАСС", "塔斯社", "tass"),
    ("Xinhua", "Xinhua News Agency", "Синьхуа", "新华社", "新华网"),
    ("Reuters", "Рейтер", "路透社", "REUTERS"),
    ("RIA Novosti", "РИА Новости"),
    ("People's Daily", "People’s Daily", "Жэньминь жибао", "人民日报"),
    ("Regnum", "ИА Регнум", "REGNUM"),
    ("Armenpress", "Арменпресс"),
    ("BBC", "Би-би-си"),
    ("MIR 24", "МИР 24", "Мир 24"),
    # not in the table: folded and romanized alike
    ("Kazinform", "Казинформ", "KAZINFORM"),
    ("Amur News", "Амур Ньюс", "amur news agency"),
    ("Vecherny Minsk", "Вечерний Минск"),
]


@pytest.mark.parametrize("names", SAME, ids=[n[0] for n in SAME])
def test_one_agency_one_key(names):
    assert len({agency_key(n) for n in names}) == 1, {n: agency_key(n) for n in names}


def test_different_agencies_keep_different_keys():
    keys = [agency_key(names[0]) for names in AGENCIES.values()]
    assert len(set(keys)) == len(keys)
    assert len({agency_key(n) for n in ("TASS", "RIA Novosti", "Sputnik", "Interfax", "BelTA", "Xinhua",
                                         "China News Service", "Minsk Gazette", "Amur Pravda", "Rio")}) == 10


def test_nothing_to_compare_gives_an_empty_key():
    assert agency_key("") == "" and agency_key(" / ") == "" and agency_key("News Agency") == ""


def test_agency_keys_need_no_pinyin_dictionaries():
    # pypinyin's dictionaries cost ~70 MB in every process that ingests or serves; Chinese agency
    # names are listed in the table as written, so a fresh process never loads them for a key
    import subprocess
    import sys
    code = ("import sys; from newsbridge.crossscript import known_agency; "
            "assert known_agency('新华通讯社') == known_agency('Синьхуа') == 'Xinhua'; "
            "assert known_agency('塔斯社') == 'TASS'; print('pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("word", ["Union", "Trend", "World", "Prime", "Mir", "Мир", "Europe", "Press", "Asia"])
def test_common_capitalised_words_are_no_agency(word):
    from newsbridge.link.agencies import known_agency
    assert known_agency(word) is None


def test_newspapers_the_regions_news_quotes_are_known_in_three_scripts_and_surnames_stay_unknown():
    from newsbridge.link.agencies import known_agency
    assert known_agency("Гардиан") == known_agency("Guardian") == known_agency("卫报") == "The Guardian"
    assert known_agency("Нью-Йорк таймс") == known_agency("New York Times") == "The New York Times"
    assert known_agency("Die Welt") == "Die Welt" and known_agency("Tagesspiegel") == "Tagesspiegel"
    assert [known_agency(n) for n in ("Fox", "Sky", "Forbes", "Spiegel", "Economist", "Nikkei")] == [None] * 6
    assert known_agency("Спорт-Экспресс") == known_agency("Sport Express") == "Sport-Express"
    assert known_agency("Россия 1") == "Russia 1" and known_agency("Россия") is None and known_agency("Газета") is None
