"""Russian event words used otherwise: an idiom ('пошло на встречу'), 'met with resistance', a
league's conference."""
from support import analyzed


def test_idioms_and_league_halves_are_no_events():
    events = analyzed("Новости\n\nНачальство пошло на встречу и подготовило документы. Вирус не встречал "
                      "никакого сопротивления. Команда занимает седьмое место в Западной конференции. "
                      "В понедельник министр провел встречу с послом в Москве.\n", "ru", "events")
    names = " ".join(events)
    assert "конференц" not in names and "сопротивлен" not in names
    assert len(events) == 1 and "встреч" in names
