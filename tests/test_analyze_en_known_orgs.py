"""English organisations without a head word: well-known names, and "the <nationality> ACRONYM"."""
from __future__ import annotations

from newsbridge.analyze.en.ner import _rule_mentions, classify_run


def _run(text: str, surface: str, no_model: bool = False) -> list[tuple[str, str]]:
    s = text.index(surface)
    return [(text[m.start:m.end], m.label) for m in _rule_mentions(text, s, s + len(surface), no_model)]


def test_known_organisations_are_organisations_whatever_the_model_said():
    text = "By 2025, Gazprom is switching to gas, and Air Astana bought jets."
    assert classify_run(text, text.index("Gazprom"), text.index("Gazprom") + 7) == "ORG"
    assert classify_run(text, text.index("Air Astana"), text.index(" bought")) == "ORG"
    assert classify_run(text, 0, 2) is None                        # "By": not a name at all


def test_acronym_after_the_and_a_nationality_is_an_organisation():
    text = "Rosneft holds 20%, and the Indian ONGC with 20%. The Chinese CNPC said it agreed."
    assert _run(text, "Indian ONGC") == [("ONGC", "ORG")]
    assert _run(text, "CNPC") == [("CNPC", "ORG")]


def test_acronym_as_a_modifier_or_a_measure_is_not():
    text = "Figures are on the European WLTP cycle. The Chinese GDP grew. An Indian XKQ plant."
    assert _run(text, "European WLTP") == []
    assert _run(text, "GDP") == []
    assert _run(text, "XKQ") == []                                  # no "the" before the nationality


def test_news_outlets_the_agency_table_knows_are_organisations():
    text = "The newspaper Kommersant reported it, and Bloomberg confirmed."
    assert classify_run(text, text.index("Kommersant"), text.index("Kommersant") + 10) == "ORG"
    assert classify_run(text, text.index("Bloomberg"), text.index("Bloomberg") + 9) == "ORG"


def test_storms_and_diseases_are_not_organisations_or_people():
    from newsbridge.analyze.en.ner import find_mentions
    text = ("Hurricane Hanna hit Texas on Saturday. Hanna weakened later, officials said. "
            "Cases of COVID-19 and the Omicron variant rose in Mexico.")
    found = {text[m.start:m.end]: m.label for m in find_mentions(text, [(0, len(text))], [(0, len(text))])}
    assert not {"Hanna", "Hurricane Hanna", "COVID-19", "Omicron"} & set(found)
    assert found.get("Texas") == "LOC" and found.get("Mexico") == "LOC"


def test_a_plural_title_before_names_is_not_part_of_them():
    from newsbridge.analyze.en.ner import find_mentions
    text = "Cosmonauts Sergey Prokopyev and Dmitry Petelin met the crew. Scientists on Monday unveiled a map."
    found = {text[m.start:m.end]: m.label for m in find_mentions(text, [(0, len(text))], [(0, len(text))])}
    assert found.get("Sergey Prokopyev") == "PER" and "Cosmonauts Sergey Prokopyev" not in found
    assert "on Monday" not in found


def test_russian_federal_services_as_english_news_writes_them():
    text = "According to Roskachestvo, sugar hides in bread. Mintsifry and Rosreestr agreed."
    for name in ("Roskachestvo", "Mintsifry", "Rosreestr"):
        s = text.index(name)
        assert classify_run(text, s, s + len(name)) == "ORG", name


def test_a_name_after_provider_or_insurer_is_a_business():
    from support import analyzed
    text = ("Refunds for buyers\n\nArtur Zaremba, an expert at the international payment provider Ecommpay, said that "
            "the buyer may ask the bank for a refund.\n")
    assert "Ecommpay" in analyzed(text, "en", "organizations")
    assert "Ecommpay" not in analyzed(text, "en", "persons")


def test_a_name_with_a_legal_form_is_a_company_whatever_the_model_said():
    from newsbridge.analyze.en import _bodies_and_slashes
    from newsbridge.analyze.en.ner import Mention
    text = "distributed by the foreign agent RS-Balt JSC, and PJSC Gazprom said"
    ms = [Mention(text.index("RS-Balt"), text.index(", and"), "PER"),
          Mention(text.index("PJSC"), text.index(" said"), "LOC")]
    assert [m.label for m in _bodies_and_slashes(text, ms)] == ["ORG", "ORG"]
