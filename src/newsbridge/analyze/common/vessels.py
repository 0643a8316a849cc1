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

from .names import same_word_form

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
    """The name, or its base, is one of the bases, in any case of a one-word base ('Прогресса')."""
    base = numbered_base(name) or " ".join(name.split())
    return any(base == b or " " not in base + b and base[:1].isupper() and abs(len(base) - len(b)) <= 2
               and same_word_form(base, b) for b in bases)
