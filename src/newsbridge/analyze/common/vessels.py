"""Ships and spacecraft are named after people, towns and virtues: a name right after a vessel's
kind is the vessel's, not a person, place or body of the story.

``drop_vessel_names(text, mentions, kind_before, list_link)``: the mentions without those that
stand where ``kind_before`` (a pattern anchored at the end, searched in the 40 characters before
a mention: "the destroyer ", 'подводная лодка "') says a vessel is named, nor the ones listed after
such a name (``list_link`` joins them: ", ", " and ", '" и "'). Each analyzer brings its
language's patterns.
"""
from __future__ import annotations

import re
from typing import Sequence, TypeVar

M = TypeVar("M")
LOOK_BACK = 40


def drop_vessel_names(text: str, mentions: Sequence[M], kind_before: re.Pattern[str],
                      list_link: re.Pattern[str]) -> list[M]:
    out: list[M] = []
    # bases of vessel names with a number ('Прогресс' of 'грузового корабля "Прогресс МС-21"'),
    # whether or not the model read the name as a mention
    numbered: list[str] = [base for q in _QUOTED.finditer(text)
                           if (base := numbered_base(q.group(1)))
                           and kind_before.search(text, max(0, q.start(1) - LOOK_BACK), q.start(1))]
    prev_vessel_end = -1
    for m in sorted(mentions, key=lambda m: m.start):
        listed = prev_vessel_end >= 0 and list_link.fullmatch(text, prev_vessel_end, m.start)
        if listed or kind_before.search(text, max(0, m.start - LOOK_BACK), m.start):
            prev_vessel_end = m.end
            base = numbered_base(text[m.start:m.end])
            if base:
                numbered.append(base)
            continue
        prev_vessel_end = -1
        out.append(m)
    if numbered:
        # the same craft named elsewhere without its kind ('разгерметизация "Прогресса МС-21"', 'the
        # leak from the Progress'): its base alone or with any number; a name without a number
        # ('"Адмирал Кузнецов"') is not carried over, as a person may bear it
        out = [m for m in out if not _same_craft(text[m.start:m.end], numbered)]
    return out


_QUOTED = re.compile(r"[«\"„“]([^«»\"„“”\n]{2,40})[»\"”“]")
_DESIGNATION = re.compile(r"[\s-]+(?:[A-ZА-ЯЁ]{0,3}-?\d[\w-]*)$")


def numbered_base(name: str) -> str | None:
    """'Прогресс МС-22' -> 'Прогресс', 'Progress MS-21' -> 'Progress'; None without a number."""
    name = " ".join(name.split())
    m = _DESIGNATION.search(name)
    return name[:m.start()] if m and m.start() > 0 else None


def _same_craft(name: str, bases: list[str]) -> bool:
    name = " ".join(name.split())
    base = numbered_base(name) or name
    return any(_same_word(base, b) for b in bases)


def _same_word(a: str, b: str) -> bool:
    """Equal, or one word in two cases ('Прогресса', 'Прогресс'): a shared stem of all but two letters."""
    if a == b:
        return True
    if " " in a or " " in b or min(len(a), len(b)) < 4:
        return False
    n = min(len(a), len(b)) - 2 if max(len(a), len(b)) - min(len(a), len(b)) <= 2 else -1
    return n >= 3 and a[:n] == b[:n] and a[:1].isupper()
