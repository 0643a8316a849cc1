"""Date finding and parsing: property round trips for every supported style, and year rules."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

from newsbridge.extract.dates import find_dates, normalize_date, parse_date, resolve_year

EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December"]
EN_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
RU_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря"]
DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
      "Dezember"]
FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
      "décembre"]
ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
      "noviembre", "diciembre"]

STYLES = {
    "en_dmy": lambda d: f"{d.day:02d} {EN[d.month - 1]} {d.year}",
    "en_mdy": lambda d: f"{EN[d.month - 1]} {d.day}, {d.year}",
    "en_abbr": lambda d: f"{EN_ABBR[d.month - 1]} {d.day}, {d.year}",
    "en_weekday": lambda d: f"{d.strftime('%A')}, {d.day} {EN[d.month - 1]} {d.year}",
    "ru": lambda d: f"{d.day} {RU_GEN[d.month - 1]} {d.year}",
    "ru_g": lambda d: f"{d.day} {RU_GEN[d.month - 1]} {d.year} г.",
    "ru_stamp": lambda d: f"{d.day:02d} {RU_GEN[d.month - 1]} {d.year},, 09:39",
    "zh": lambda d: f"{d.year}年{d.month}月{d.day}日",
    "zh_padded": lambda d: f"{d.year}年{d.month:02d}月{d.day:02d}日 10:30",
    "iso": lambda d: d.isoformat(),
    "iso_time": lambda d: f"{d.isoformat()}T08:15:00Z",
    "dotted": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "de": lambda d: f"{d.day}. {DE[d.month - 1]} {d.year}",
    "fr": lambda d: f"{d.day} {FR[d.month - 1]} {d.year}",
    "es": lambda d: f"{d.day} de {ES[d.month - 1]} de {d.year}",
}
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2049, 12, 31))
contexts = st.sampled_from(["{}", "Posted {}", "Опубликовано: {} в 10:00", "发布时间：{}", "({}) Updated",
                            "The summit, held on {}, ended."])


@settings(max_examples=300, deadline=None)
@given(dates, st.sampled_from(sorted(STYLES)), contexts)
def test_dates_formatted_then_found_round_trip(d, style, context):
    written = STYLES[style](d)
    found = find_dates(context.format(written))
    assert found, (style, written)
    assert found[0].date() == d, (style, written, found[0])


@settings(max_examples=100, deadline=None)
@given(dates)
def test_dates_yearless_forms_keep_no_year(d):
    for text in (f"MINSK, {d.day} {EN[d.month - 1]} (BelTA)", f"Beijing, {EN[d.month - 1]} {d.day} /Xinhua/",
                 f"МОСКВА, {d.day} {RU_GEN[d.month - 1]}. /ТАСС/.", f"新华社北京{d.month}月{d.day}日电"):
        dm = parse_date(text)
        assert dm is not None and dm.year is None and (dm.month, dm.day) == (d.month, d.day), text


@settings(max_examples=100, deadline=None)
@given(dates, st.integers(min_value=-20, max_value=20))
def test_dates_resolve_year_from_a_nearby_full_date(d, shift):
    anchor = d + dt.timedelta(days=shift)
    assert resolve_year(d.month, d.day, [anchor]) == d.year or (d.month, d.day) == (2, 29)


def test_dates_resolve_year_needs_agreeing_anchors():
    assert resolve_year(12, 17, []) is None                                   # never today's year
    assert resolve_year(12, 17, [dt.date(2019, 3, 5)]) is None                # too far to vote
    assert resolve_year(1, 3, [dt.date(2023, 12, 28)]) == 2024                # across the new year
    assert resolve_year(12, 17, [dt.date(2025, 12, 16), dt.date(2024, 12, 20)]) is None  # conflict


def test_dates_times_and_am_pm():
    dm = parse_date("Updated March 5, 2024 at 6:12 PM")
    assert (dm.year, dm.month, dm.day, dm.hour, dm.minute) == (2024, 3, 5, 18, 12)
    dm = parse_date("21 декабря 2022,, 09:39")
    assert (dm.iso(), dm.hour, dm.minute) == ("2022-12-21", 9, 39)


def test_dates_not_found_in_ordinary_words_and_numbers():
    assert find_dates("You may 5 times try; May 2025 was warm; 3.14159; version 2.0.1") == []
    assert find_dates("31 February 2024") == []


def test_dates_weekday_is_noted():
    assert parse_date("Flag Thursday, 18 July 2024").weekday
    assert not parse_date("03 January 2024, 10:30").weekday


def test_dates_normalize_given_values():
    assert normalize_date("2025-12-17T10:30:00+08:00") == "2025-12-17"
    assert normalize_date(dt.datetime(2024, 1, 3, 10, 30)) == "2024-01-03"
    assert normalize_date("17 December 2025") == "2025-12-17"
    assert normalize_date("December 17") is None
    assert normalize_date("") is None and normalize_date(None) is None
