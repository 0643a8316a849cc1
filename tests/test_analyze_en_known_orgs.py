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
