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
    prev_vessel_end = -1
    for m in sorted(mentions, key=lambda m: m.start):
        listed = prev_vessel_end >= 0 and list_link.fullmatch(text, prev_vessel_end, m.start)
        if listed or kind_before.search(text, max(0, m.start - LOOK_BACK), m.start):
            prev_vessel_end = m.end
            continue
        prev_vessel_end = -1
        out.append(m)
    return out
