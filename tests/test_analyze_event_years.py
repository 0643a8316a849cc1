"""Which year a yearless date of an article falls in (analyze/common/dates.event_years)."""
from newsbridge.analyze.common.dates import event_years, years_in


def test_a_weekday_given_with_a_date_picks_the_year_it_fits():
    ru = ("Дегтярев в воскресенье, 26 июля, встретился с жителями. 24 июля он принял министра. "
          "Газ законтрактован до 2025 года, к 2025 году компания перейдет на рубли. Завод построен в 2005 году. "
          "В 2020 году область получила субсидии.")
    assert years_in(ru)[0] == 2025                          # named most often
    assert event_years(ru, "ru")[0] == 2020                 # 2020-07-26 is a Sunday; 2025's and 2005's are not
    en = "On Sunday, July 26, he met residents. The contract runs until 2025, and by 2025 prices fall. In 2020 ..."
    assert event_years(en, "en")[0] == 2020


def test_a_year_named_only_as_a_deadline_comes_last():
    ru = "Соглашение подписали 3 марта. Программа рассчитана до 2030 года. В 2024 году начат первый этап."
    assert event_years(ru, "ru") == [2024, 2030]
    en = "The plan runs through 2030. Talks in 2024 were held on March 3."
    assert event_years(en, "en") == [2024, 2030]
    assert event_years("到2030年完成。2024年3月3日签署。", "zh") == [2024, 2030]


def test_nothing_to_choose_from():
    assert event_years("Talks were held on March 3.", "en") == []
    assert event_years("Talks in 2024 ended on Sunday, March 3.", "en") == [2024]


def test_targets_only_give_no_year_for_what_happened():
    """'by 2029' and 'rising to 40% in 2040' say when something is due: a yearless past event
    gets no year from them, and the target year is never the event's date."""
    text = ("The 18 December ministerial summit yielded a carve-out: 10% of products must be reusable by 2029, "
            "rising to 40% in 2040.")
    assert event_years(text, "en") == []
    from newsbridge.model import Document
    from newsbridge.pipeline import apply
    doc = apply(Document(id="t", text="EU news\n\n" + text + "\n", language="en"), ["clean", "metadata", "analyze"])
    assert [s.attrs["date"] for s in doc.layer("events")] == [None]
