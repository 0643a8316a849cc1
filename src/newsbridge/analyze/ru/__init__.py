"""Russian analyzer (natasha NER + pymorphy3 rules), registered for language "ru"."""
from __future__ import annotations

from ..registry import register_analyzer
from .analyzer import analyze_ru

__all__ = ["analyze_ru"]

register_analyzer("ru", version="28")(analyze_ru)   # 2: listed and acting titles; 3: launch names, org with country, events; 4: speech titles as roles; 5: country abbreviations, known agencies; 6: nominative over an inflected form; 7: event-word idioms, works named in quotation marks; 8: titles with a straight-quoted org, "а сейчас" joins titles; 9: professions as titles, a title opening a person mention cut off; 10: abbreviations of things (СМИ, ВВП) are no bodies; 11: quoted names after a legal form, adjectives as heads, counts, kinds of bodies alone, ministries, demonyms; 12: common words of run-in headlines are no persons; 13: participles, the legislature, terms of use are no events; 14: works listed in brackets, things named a few words after their noun are no quotes; 15: run-in headlines end a sentence; 16: an event place not across a clause, residents name the place; 17: a former-title run-in ends a sentence; 18: adjectives read as surnames, superlatives as written, common-gender heads; 19: a sentence opened by a title that speaks gives the role; 20: adjectives listed before one region noun name a region each; 21: bodies with their abbreviations; 22: person names whole and only persons; 23: a nominative name after an event word is not its complement; 24: ships are no persons, places or bodies; 25: cities shown by their news spelling (Arkhangelsk); 26: towns from 30,000 in the home countries; 27: routes of two places, Russian place names hyphenated; 28: adjective surnames, Ros- agencies, bodies without a noun
