"""English titles in the shapes translated agency copy writes them: a sentence opened by the title the
name is then set off by commas against ('The executive director … at Roscosmos, Sergey Krikalev,
commented'), a title ending in 'research associate' before the name, an apposition opened by a
nationality ('Oleg Tinkov, Russian entrepreneur, …')."""
import pytest

from support import analyzed


@pytest.mark.parametrize("text,name,role,org", [
    ("Spacecraft leak\n\nThe executive director for piloted spaceflight programs at Roscosmos, Sergey Krikalev, "
     "commented on the situation.\n", "Sergey Krikalev", "executive director", "Roscosmos"),
    ("Women in science\n\nThe share of women among researchers is 38.9%, the National Academy of Sciences Sociology "
     "Institute research associate Alesya Solovey told reporters.\n", "Alesya Solovey", "research associate", None),
    ("Tinkov video\n\nOleg Tinkov, Russian entrepreneur and founder of the bank, posted a video.\n",
     "Oleg Tinkov", "entrepreneur", None),
])
def test_title_shapes(text, name, role, org):
    persons = analyzed(text, "en", "persons")
    assert role in persons[name]["roles"], persons
    if org:
        assert persons[name]["org"] == org, persons


def test_a_bodys_title_with_its_field_before_the_name():
    persons = analyzed("Vitamins\n\nThe Moscow Health Department's head consulting specialist for adult primary medical "
                       "care Andrei Tyazhelnikov assessed the role of vitamins.\n", "en", "persons")
    p = persons["Andrei Tyazhelnikov"]
    assert p["roles"] == ["head consulting specialist for adult primary medical care"], p
    assert p["org"] == "Moscow Health Department", p
