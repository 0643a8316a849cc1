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


@pytest.mark.parametrize("sentence,name,role", [
    ("The prime minister sent a message to the supreme leader of the Islamic revolution, Sayyid Ali Khamenei, and "
     "the president.", "Sayyid Ali Khamenei", "supreme leader of the Islamic revolution"),
    ("He thanked the vice speaker of the Armenian parliament, Ruben Rubinyan, for the help.", "Ruben Rubinyan",
     "vice speaker of the Armenian parliament"),
    ("Car makers will pass on the costs, says Vladimir Bespalov, car industry analyst at VTB Capital.",
     "Vladimir Bespalov", "car industry analyst"),
    ("Earlier this week, Alexander Volchenkov, a 21-year-old poet, was arrested for ten days.",
     "Alexander Volchenkov", "poet"),
    ("Earlier on Sunday, the Ukrainian Ambassador to Germany Andriy Melnyk expressed the opinion.", "Andriy Melnyk",
     "Ambassador"),
    ("The Northern Fleet Commander, Hero of Russia Vice-Admiral Alexandr Moiseev, has presented state awards.",
     "Alexandr Moiseev", "Vice-Admiral"),
])
def test_more_title_shapes(sentence, name, role):
    persons = analyzed("News\n\n" + sentence + "\n", "en", "persons")
    assert persons[name]["roles"][:1] == [role], persons


def test_a_clause_in_an_apposition_is_no_title():
    persons = analyzed("News\n\nJane Roe, explaining why officials waited, said the report was late.\n", "en", "persons")
    assert persons["Jane Roe"]["roles"] == [], persons
