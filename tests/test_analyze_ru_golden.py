"""Russian analyzer on hand-made golden cases: inflected names to the nominative, roles before
and after names, dash speech, split quotes, pronoun attribution, a future event."""
import pytest

from _analyze_golden import cases, check_case

pytest.importorskip("natasha")


@pytest.mark.parametrize("path", cases("ru"), ids=lambda p: p.stem)
def test_analyze_ru_golden(path):
    from newsbridge.analyze.ru import analyze_ru
    check_case(path, analyze_ru, "ru")
