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
