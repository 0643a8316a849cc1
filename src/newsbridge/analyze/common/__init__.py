"""Language-neutral helpers the per-language analyzers share.

- ``quotes``: quotation-mark scanning (every style) and dash-led direct speech.
- ``sentences``: paragraph and sentence splitting on absolute offsets.
- ``names``: person-name aliases and grouping of mentions into persons.
- ``dates``: date expressions and their resolution against the publication date.
- ``counts``: numbers and event counts (attendees, documents signed, ...).
"""
from .counts import Count, extract_counts, parse_number
from .dates import DateMention, event_years, find_dates, reference_date, resolve, years_in
from .names import group_names, is_alias, name_tokens, same_surname
from .quotes import (DashSpeech, Quote, QuoteGroup, merge_continuations, quoted_name_near, scan_dash_speech,
                     scan_quotes, top_level)
from .sentences import split_paragraphs, split_sentences

__all__ = [
    "Count", "extract_counts", "parse_number",
    "DateMention", "event_years", "find_dates", "reference_date", "resolve", "years_in",
    "group_names", "is_alias", "name_tokens", "same_surname",
    "DashSpeech", "Quote", "QuoteGroup", "merge_continuations", "quoted_name_near", "scan_dash_speech", "scan_quotes",
    "top_level",
    "split_paragraphs", "split_sentences",
]
