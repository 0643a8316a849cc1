"""An event's participants as the analyzers hand them over: the place a visit went to, or the
place named alone, is no participant ('arrived in Argentina' is a visit to Argentina, not one
Argentina took part in)."""
from __future__ import annotations

from .names import same_word_form

_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")


def _same_word(a: str, b: str) -> bool:
    """Equal, or Cyrillic forms of one word ('аргентина' / 'аргентине')."""
    return a == b or bool(set(a) & _CYRILLIC and set(b) & _CYRILLIC) and same_word_form(a, b)


def same_name(a: str, b: str) -> bool:
    """Two names of one thing as an event lists them, case and Russian endings aside."""
    wa, wb = a.casefold().replace("ё", "е").split(), b.casefold().replace("ё", "е").split()
    return bool(wa) and len(wa) == len(wb) and all(_same_word(x, y) for x, y in zip(wa, wb))


def without_place(participants: list[str], place: str | None, etype: str = "") -> list[str]:
    """The participants less the event's place where it stands alone or the event is a visit
    (its place is where one went); among other parties a host country may well take part."""
    if not place or etype != "visit" and not all(same_name(p, place) for p in participants):
        return list(participants)
    return [p for p in participants if not same_name(p, place)]
