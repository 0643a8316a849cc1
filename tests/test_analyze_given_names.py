"""A given name alone joins the one full name it begins (analyze/common/names.group_names)."""
from newsbridge.analyze.common.names import group_names


def _groups(names):
    return sorted(sorted(names[k] for k in g) for g in group_names(names))


def test_a_given_name_joins_the_one_full_name_it_begins():
    assert _groups(["Sergei Zhukov", "Zhukov", "Sergei"]) == [["Sergei", "Sergei Zhukov", "Zhukov"]]
    assert _groups(["Сергей Жуков", "Сергея"]) == [["Сергей Жуков", "Сергея"]]


def test_a_given_name_two_full_names_begin_with_stays_apart():
    assert _groups(["Sergei Zhukov", "Sergei Lavrov", "Sergei"]) == [["Sergei"], ["Sergei Lavrov"], ["Sergei Zhukov"]]


def test_short_or_unrelated_single_names_stay_apart():
    assert _groups(["Li Qiang", "Wang"]) == [["Li Qiang"], ["Wang"]]
    assert _groups(["Al Gore", "Al"]) == [["Al"], ["Al Gore"]]        # two letters: too little to go on


def test_given_names_beyond_the_russian_dictionary_but_not_english_words():
    from newsbridge.analyze.common.given_names import is_given_name
    # US Census and European first names the Russian dictionary lacks
    assert all(is_given_name(n) for n in ("Keanu", "Thibaut", "Myles", "Jeanine", "Sergei", "Alexey"))
    # names English also writes as words (any spelling that folds to one) are left out
    assert not any(is_given_name(n) for n in ("Mason", "Grant", "Forrest", "Morgan", "Sterling"))


def test_an_english_body_named_with_a_given_name_is_a_person():
    from newsbridge.analyze.en.ner import _repair
    text = "Chelsea sold goalkeeper Thibaut Courtois. The trailer with Keanu Reeves is out. Grant Thornton audits."
    for name in ("Thibaut Courtois", "Keanu Reeves"):
        s = text.index(name)
        assert [m.label for m in _repair(text, s, s + len(name), "ORG", "spacy")] == ["PER"], name
    s = text.index("Grant Thornton")
    assert [m.label for m in _repair(text, s, s + len("Grant Thornton"), "ORG", "spacy")] == ["ORG"]
