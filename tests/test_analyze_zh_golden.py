"""Chinese analyzer on hand-made golden cases: 职务+姓名, transliterated names with ·,
“ ” and 「 」 quotes, a split quote with a pronoun, terms in quotes, a planned event."""
import pytest

from _analyze_golden import cases, check_case

pytest.importorskip("jieba")


@pytest.mark.parametrize("path", cases("zh"), ids=lambda p: p.stem)
def test_analyze_zh_golden(path):
    from newsbridge.analyze.zh import analyze_zh
    check_case(path, analyze_zh, "zh", published="2025-12-17")
