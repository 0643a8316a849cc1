"""Quotation-mark scanning for every quote style, and dash-led (Russian) direct speech.

Public API (stable; the ru/zh analyzers use it):

``scan_quotes(text, start=0, end=None) -> list[Quote]``
    Every quoted stretch in ``text[start:end]``, in order of its opening mark. Handles
    “…” (English), „…“ / „…” (German/Russian inner), «…», 「…」, 『…』, straight "…" (direction
    decided by the characters around the mark), and single ‘…’ / '…' only when nested inside
    another quote (as top-level marks they are too often apostrophes). Nested quotes come
    back with ``depth`` 1, 2, …; ``top_level(quotes)`` keeps depth 0 only.
    A quote never crosses a paragraph break (newline) unclosed: an English multi-paragraph
    quote (opening mark repeated at each paragraph, closing mark only at the end) comes back
    as several ``Quote`` pieces chained by ``continues`` (the index of the previous piece);
    ``merge_continuations`` turns each chain into one group. An opening mark that appears
    while a quote of the same style is still open starts a continuation piece as well (texts
    whose paragraphs were joined into one line).

``scan_dash_speech(text, start=0, end=None) -> list[DashSpeech]``
    Paragraphs that open with a dash (— – -) as Russian-style direct speech:
    "— Текст, — сказал он. — Продолжение." -> parts [(Текст), (Продолжение)], the attribution
    span "сказал он" between them.

Offsets are always absolute positions in ``text``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# opening mark -> closing marks it accepts
_PAIRS: dict[str, str] = {
    "“": "”",       # English; “ is also the closer of „ (handled below)
    "„": "“”",
    "«": "»",
    "‹": "›",
    "「": "」",
    "『": "』",
    "‘": "’",
    "‚": "‘’",
}
_CLOSERS = {"”", "»", "›", "」", "』", "’"}
_STRAIGHT = {'"', "'"}
_SINGLE = {"‘", "’", "'", "‚"}
_OPEN_CONTEXT = set(" \t\n\r([{—–-:;/\u00a0") | set(_PAIRS)      # chars that may precede an opener
_CLOSE_CONTEXT = set(" \t\n\r)]}.,;:!?—–-…/\u00a0") | _CLOSERS  # chars that may follow a closer
_MAX_QUOTE = 6000  # a quote longer than this (chars) is a mis-paired mark, not speech


@dataclass(frozen=True)
class Quote:
    start: int              # first character of the quoted text (after the opening mark)
    end: int                # end of the quoted text (the closing mark's index, or paragraph end)
    open_at: int            # index of the opening mark
    close_at: int | None    # index of the closing mark; None when the quote runs unclosed to the paragraph end
    marks: str              # opening mark + closing mark ('“”', '""', '«»', '„“', ...); one char when unclosed
    depth: int = 0          # 0 = top level, 1 = inside another quote, ...
    continues: int | None = None  # index (in the scan result) of the piece this one continues

    @property
    def closed(self) -> bool:
        return self.close_at is not None


@dataclass
class QuoteGroup:
    """One quotation made of one or more pieces (multi-paragraph or re-opened quotes)."""

    pieces: list[Quote] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end

    @property
    def open_at(self) -> int:
        return self.pieces[0].open_at

    @property
    def close_at(self) -> int | None:
        return self.pieces[-1].close_at

    @property
    def after(self) -> int:
        """First index after the group's closing mark (or its end when unclosed)."""
        last = self.pieces[-1]
        return last.close_at + 1 if last.close_at is not None else last.end


@dataclass(frozen=True)
class DashSpeech:
    start: int                              # start of the first speech part
    end: int                                # end of the last speech part
    parts: tuple[tuple[int, int], ...]      # speech parts (without dashes)
    attribution: tuple[int, int] | None     # span of "сказал он" between/after parts, if any


def _is_space(ch: str) -> bool:
    return ch.isspace()


def _straight_role(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close' or '?' for a straight quote mark at i, from its neighbours."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    can_open = (prev in _OPEN_CONTEXT or prev.isspace()) and not nxt.isspace()
    can_close = not prev.isspace() and (nxt in _CLOSE_CONTEXT or nxt.isspace() or nxt in _STRAIGHT)
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "?"


def scan_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """All quoted stretches in ``text[start:end]`` (see the module docstring)."""
    hi = len(text) if end is None else min(end, len(text))
    out: list[Quote] = []
    # stack entries: [open_at, opening mark, accepted closers, depth]
    stack: list[list] = []
    # index in `out` of the last top-level piece left unclosed at a paragraph end, by mark style
    pending: dict[str, int] = {}

    def emit(open_at: int, mark: str, close_at: int | None, closer: str, depth: int,
             continues: int | None = None) -> int:
        q_end = close_at if close_at is not None else _para_end(open_at + 1)
        out.append(Quote(open_at + 1, q_end, open_at, close_at, mark + closer, depth, continues))
        return len(out) - 1

    def _para_end(pos: int) -> int:
        nl = text.find("\n", pos, hi)
        e = hi if nl < 0 else nl
        while e > pos and text[e - 1].isspace():
            e -= 1
        return e

    # continuation bookkeeping: the piece the next opening of a style continues
    cont_of: dict[int, int | None] = {}

    def close_unclosed(upto: int) -> None:
        """Paragraph end or mis-pairing: pieces still open are emitted unclosed."""
        while stack:
            o, mark, closers, depth = stack.pop()
            idx = emit(o, mark, None, "", depth, cont_of.pop(o, None))
            if depth == 0:
                pending[_style(mark)] = idx

    i = start
    while i < hi:
        ch = text[i]
        if ch == "\n":
            # a paragraph ends: open quotes end here (unclosed); pending continuations survive
            # only until the next paragraph's first mark
            if stack:
                close_unclosed(i)
            else:
                # a blank line or a paragraph without an unclosed quote breaks continuation chains
                pass
            i += 1
            # only a paragraph that *starts* with the same opening mark continues a quote
            j = i
            while j < hi and text[j] in " \t\u00a0":
                j += 1
            if j < hi and text[j] == "\n":
                continue
            if not (j < hi and _style(text[j]) in pending and _could_open(text, j, hi)):
                pending.clear()
            continue
        if ch in _STRAIGHT:
            if ch == "'" and not stack:
                i += 1
                continue
            role = _straight_role(text, i, start, hi)
            top = stack[-1] if stack else None
            if top is not None and top[1] == ch:
                if role == "open" and ch == '"' and len(stack) == 1 and _after_sentence_end(text, i, start):
                    # re-opened while open: the open piece ends here, a continuation starts
                    o, mark, closers, depth = stack.pop()
                    idx = _emit_before(out, text, o, mark, i, cont_of.pop(o, None))
                    stack.append([i, ch, ch, 0])
                    cont_of[i] = idx
                elif role == "open":
                    stack.append([i, ch, ch, len(stack)])
                else:
                    o, mark, closers, depth = stack.pop()
                    emit(o, mark, i, ch, depth, cont_of.pop(o, None))
            elif role != "close" and not (ch == "'" and (text[i - 1:i].isalpha() if i > start else False)):
                # a straight mark opens (at top level, or nested in another style)
                if role == "?" and ch == "'":
                    i += 1
                    continue
                depth = len(stack)
                stack.append([i, ch, ch, depth])
                if depth == 0 and _style(ch) in pending:
                    cont_of[i] = pending.pop(_style(ch))
            i += 1
            continue
        if ch in _PAIRS and not (ch in _SINGLE and not stack):
            # “ closes an open „ (German/Russian style) rather than opening
            if ch == "“" and stack and "“" in stack[-1][2]:
                o, mark, closers, depth = stack.pop()
                emit(o, mark, i, ch, depth, cont_of.pop(o, None))
                i += 1
                continue
            if ch == "‘" and stack and "‘" in stack[-1][2]:
                o, mark, closers, depth = stack.pop()
                emit(o, mark, i, ch, depth, cont_of.pop(o, None))
                i += 1
                continue
            if ch == "“" and len(stack) == 1 and stack[0][1] == "“" and _after_sentence_end(text, i, start):
                # “ re-opened while “ is open: joined paragraphs; continue the quote
                o, mark, closers, depth = stack.pop()
                idx = _emit_before(out, text, o, mark, i, cont_of.pop(o, None))
                stack.append([i, ch, _PAIRS[ch], 0])
                cont_of[i] = idx
                i += 1
                continue
            depth = len(stack)
            stack.append([i, ch, _PAIRS[ch], depth])
            if depth == 0 and _style(ch) in pending:
                cont_of[i] = pending.pop(_style(ch))
            i += 1
            continue
        if ch in _CLOSERS and stack:
            if ch == "’" and (i + 1 < hi and text[i + 1].isalpha()):
                i += 1  # apostrophe inside a word (don’t)
                continue
            # close the innermost quote that accepts this mark
            for k in range(len(stack) - 1, -1, -1):
                if ch in stack[k][2]:
                    while len(stack) > k + 1:  # inner quotes left open: unclosed
                        o, mark, closers, depth = stack.pop()
                        emit(o, mark, None, "", depth, cont_of.pop(o, None))
                    o, mark, closers, depth = stack.pop()
                    emit(o, mark, i, ch, depth, cont_of.pop(o, None))
                    break
        i += 1
    if stack:
        close_unclosed(hi)
    out = [q for q in out if q.end - q.start <= _MAX_QUOTE]
    order = sorted(range(len(out)), key=lambda k: out[k].open_at)
    remap = {old: new for new, old in enumerate(order)}
    return [Quote(q.start, q.end, q.open_at, q.close_at, q.marks, q.depth,
                  remap.get(q.continues) if q.continues is not None else None)
            for q in (out[k] for k in order)]


def _emit_before(out: list[Quote], text: str, open_at: int, mark: str, pos: int,
                 continues: int | None) -> int:
    """Emit an unclosed piece that ends just before ``pos`` (trailing spaces trimmed)."""
    e = pos
    while e > open_at + 1 and text[e - 1].isspace():
        e -= 1
    out.append(Quote(open_at + 1, e, open_at, None, mark, 0, continues))
    return len(out) - 1


def _after_sentence_end(text: str, i: int, lo: int) -> bool:
    """True when the mark at i follows sentence-final punctuation (a re-opened quote, not a nested one)."""
    k = i - 1
    while k >= lo and text[k] in " \t\u00a0":
        k -= 1
    return k >= lo and text[k] in ".!?…"


def _style(mark: str) -> str:
    return {"„": "“", "‚": "‘"}.get(mark, mark)


def _could_open(text: str, j: int, hi: int) -> bool:
    return text[j] in _PAIRS or (text[j] in _STRAIGHT and _straight_role(text, j, 0, hi) != "close")


def top_level(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.depth == 0]


def merge_continuations(quotes: list[Quote]) -> list[QuoteGroup]:
    """Top-level pieces grouped into quotations (a chain of ``continues`` links is one group)."""
    groups: list[QuoteGroup] = []
    group_of: dict[int, QuoteGroup] = {}
    for idx, q in enumerate(quotes):
        if q.depth:
            continue
        if q.continues is not None and q.continues in group_of:
            g = group_of[q.continues]
            g.pieces.append(q)
        else:
            g = QuoteGroup([q])
            groups.append(g)
        group_of[idx] = g
    return groups


_DASHES = "—–-"


def scan_dash_speech(text: str, start: int = 0, end: int | None = None) -> list[DashSpeech]:
    """Paragraphs opening with a dash, read as direct speech (see the module docstring)."""
    hi = len(text) if end is None else end
    out: list[DashSpeech] = []
    pos = start
    while pos < hi:
        nl = text.find("\n", pos, hi)
        pe = hi if nl < 0 else nl
        ds = _parse_dash_paragraph(text, pos, pe)
        if ds is not None:
            out.append(ds)
        pos = pe + 1
    return out


def _parse_dash_paragraph(text: str, ps: int, pe: int) -> DashSpeech | None:
    i = ps
    while i < pe and text[i] in " \t\u00a0":
        i += 1
    if i >= pe or text[i] not in _DASHES:
        return None
    if i + 1 < pe and text[i + 1] not in " \u00a0":
        return None  # "-5%" or a hyphenated word, not a speech dash
    i += 1
    while i < pe and text[i] in " \u00a0":
        i += 1
    if i >= pe:
        return None
    parts: list[tuple[int, int]] = []
    attribution: tuple[int, int] | None = None
    seg_start = i
    j = i
    while j < pe:
        # " — " after punctuation followed by a lower-case word: attribution starts
        if text[j] in _DASHES and j > seg_start and text[j - 1] in " \u00a0" and j + 1 < pe and text[j + 1] in " \u00a0":
            k = j - 1
            while k > seg_start and text[k] in " \u00a0":
                k -= 1
            nxt = j + 1
            while nxt < pe and text[nxt] in " \u00a0":
                nxt += 1
            if text[k] in ",.!?…" and nxt < pe and text[nxt].islower():
                part_end = k + 1 if text[k] in "!?…" else k
                parts.append((seg_start, part_end))
                # attribution runs to ". — " / ": — " (speech resumes) or the paragraph end
                a_start = nxt
                resume = _find_resume(text, a_start, pe)
                if resume is None:
                    a_end = pe
                    while a_end > a_start and text[a_end - 1] in " .\t":
                        a_end -= 1
                    attribution = attribution or (a_start, a_end)
                    seg_start = pe
                    break
                a_end, seg_start = resume
                attribution = attribution or (a_start, a_end)
                j = seg_start
                continue
        j += 1
    if seg_start < pe:
        e = pe
        while e > seg_start and text[e - 1].isspace():
            e -= 1
        if e > seg_start:
            parts.append((seg_start, e))
    if not parts:
        return None
    return DashSpeech(parts[0][0], parts[-1][1], tuple(parts), attribution)


def _find_resume(text: str, a: int, pe: int) -> tuple[int, int] | None:
    """In an attribution, the '. — ' or ': — ' after which speech resumes: (attr_end, speech_start)."""
    j = a
    while j < pe - 2:
        if text[j] in ".:" and text[j + 1] in " \u00a0" and text[j + 2] in _DASHES:
            k = j + 3
            while k < pe and text[k] in " \u00a0":
                k += 1
            if k < pe:
                return j, k
        j += 1
    return None


_QUOTED_NAME = re.compile(r"[«\"„“]([^«»\"„“”]{2,80})[»\"“”]")
QUOTED_NAME_REACH = 60      # characters between a launch word and the quoted name of what it launched


def quoted_name_near(text: str, ss: int, se: int, s: int, e: int):
    """The name in quotation marks next to the word at ``s``..``e`` in the sentence ``ss``..``se``
    ('launched the "Silk Road" program', 'запущен проект «Башкирское долголетие»'), not one elsewhere
    in the sentence ('…launched relations … create a "new alliance"')."""
    for m in _QUOTED_NAME.finditer(text, ss, se):
        if 0 <= m.start() - e <= QUOTED_NAME_REACH or 0 <= s - m.end() <= QUOTED_NAME_REACH:
            return m
    return None
