"""Russian morphology helpers over pymorphy3: cached parses, nominative forms of names and phrases.

Natasha's own normalizer needs the morphology tagger and the syntax parser over the whole
text (most of its pipeline's time). Names and short noun phrases normalize well word by
word: a person's words share one case, and a phrase's head noun with the adjectives before
it carries the case while genitive complements stay as they are.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import PREPOSITIONS, STYLED_TITLES

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_NAME_TAGS = ("Name", "Surn", "Patr")
_VOWELS = set("аеёиоуыэюя")
# endings of foreign (unknown) masculine surnames in oblique cases: Рассела -> Рассел
_FOREIGN_OBLIQUE = (("ом", "ablt"), ("ем", "ablt"), ("а", "gent"), ("я", "gent"), ("у", "datv"), ("ю", "datv"), ("е", "loct"))


@lru_cache(maxsize=1)
def analyzer():
    import pymorphy3
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parses(word: str):
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    p = parses(word.lower())
    return p[0].normal_form if p else word.lower()


@lru_cache(maxsize=200_000)
def analyzer_known(word: str) -> bool:
    return analyzer().word_is_known(word)


def lemmas(word: str) -> set[str]:
    return {p.normal_form for p in parses(word.lower())}


def is_pos(word: str, *pos: str) -> bool:
    return any(p.tag.POS in pos for p in parses(word.lower()))


def _cap(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    caps = len(like) - len(like.lstrip("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"))
    if caps >= 2 and "-" not in like:
        return word[:caps].upper() + word[caps:]     # 'МИДа' -> 'МИД', not 'Мид'; 'ВГИКа' -> 'ВГИК'
    return "-".join(w[:1].upper() + w[1:] if o[:1].isupper() else w
                    for w, o in zip(word.split("-"), like.split("-") + [like] * 5))


def _name_parses(word: str):
    return [p for p in parses(word.lower()) if any(t in p.tag for t in _NAME_TAGS)]


def gender_of_name(words: list[str]) -> str | None:
    """'masc' / 'femn' from first names and surnames, None when unknown."""
    if words and _womans_name_in_ia(words[0]):
        return "femn"     # 'Асия', read by the dictionary only as the man's 'Асий' in the genitive
    for w in words:
        for p in _name_parses(w):
            if "Name" in p.tag and p.tag.gender in ("masc", "femn") and p.score >= 0.3 and p.tag.number != "plur":
                return p.tag.gender    # (one person's name is no plural: 'Уилл' is no genitive plural of 'Уилла')
    # surname endings, on the surname only ('Ройзин Кёри': a first name in -ин is no surname)
    for w in words[-1:] if len(words) > 1 else words:
        lw = w.lower()
        if re.search(r"(ова|ева|ёва|ина|ына|ская|цкая)$", lw):
            return "femn"
        if re.search(r"(ов|ев|ёв|ин|ын|ский|цкий)$", lw):
            return "masc"
    return None


# Latin letters that look like Cyrillic ones, typed into Cyrillic words ('Католичеcкой' with a Latin c)
_HOMOGLYPHS = str.maketrans("aceopxyKMHTBAECOPXY", "асеорхуКМНТВАЕСОРХУ")
_OTHER_LATIN = re.compile(r"[bdfghijklmnqrstuvwzDFGIJLNQRSUVWZ]")     # a Latin word, not a slip
_MIXED_WORD = re.compile(r"(?=[\w-]*[А-Яа-яЁё][\w-]*[А-Яа-яЁё])(?=[\w-]*[aceopxyKMHTBAECOPXY])[\w-]+")


def fix_homoglyphs(phrase: str) -> str:
    """Cyrillic words with Latin look-alike letters in Cyrillic only (same length: offsets hold)."""
    if not phrase.isascii() and re.search(r"[A-Za-z]", phrase):
        return _MIXED_WORD.sub(lambda m: m.group().translate(_HOMOGLYPHS)
                               if not _OTHER_LATIN.search(m.group()) else m.group(), phrase)
    return phrase


# Common Chinese and Korean surnames as Russian writes them: the given name after one declines
# like a masculine noun ('Дэн Сяопина', 'Ким Чен Ына'), which the dictionary does not know.
_EAST_ASIAN_SURNAMES = frozenset(
    "ван ли чжан лю чэнь ян хуан чжао чжоу сюй сунь чжу ху го хэ гао линь ло чжэн лян се сун тан хань фэн "
    "дэн цао пэн цзэн сяо тянь дун пань юань цай цзян юй ду чэн вэй су лу дин жэнь шэнь яо цуй цзинь мао си "
    "вэнь цинь ким пак чхве чон кан чо юн чан лим мун син квон хван ан сон хон чжон нам".split())


def _east_asian_nominative(words: list[str]) -> list[str] | None:
    """'Дэн Сяопина' -> 'Дэн Сяопин', 'Цзян Цзэминя' -> 'Цзян Цзэминь', 'Кима Чен Ира' -> 'Ким Чен Ир',
    'Си Цзиньпином' -> 'Си Цзиньпин'; None when the name is no such name in an oblique case."""
    first = words[0].lower()
    surname = first if first in _EAST_ASIAN_SURNAMES else first[:-1] if first[:-1] in _EAST_ASIAN_SURNAMES \
        and first.endswith(("а", "у")) and len(first) > 3 else None
    last = words[-1]
    if surname is None or len(words) < 2 or len(last) < 3 or "-" in last:
        return None
    low = last.lower()
    for ending, soft in (("ом", False), ("ем", True), ("ём", True), ("а", False), ("я", True), ("у", False),
                         ("ю", True)):
        if low.endswith(ending) and low[-len(ending) - 1] not in _VOWELS and low[-len(ending) - 1] not in "йь":
            stem = last[:-len(ending)] + ("ь" if soft else "")
            return [_cap(surname, words[0])] + words[1:-1] + [stem]
    return None


@lru_cache(maxsize=50_000)
def normalize_name(name: str) -> str:
    """A person's name in the nominative: 'Ирины Флюр' -> 'Ирина Флюр', 'Майкла Помпео' -> 'Майкл Помпео'.
    A surname written in -и after a first name left as written stays as written: the name is in
    the nominative or does not decline ('Стефано Пиоли', not the genitive of a woman's 'Пиоля')."""
    out = _normalized_name(name)
    words, normal = name.split(), out.split()
    if len(words) >= 2 and len(normal) == len(words) and normal[0] == words[0] and words[-1].endswith("и") \
            and normal[-1] != words[-1] and normal[-1][:-1] == words[-1][:-1]:
        return " ".join(normal[:-1] + [words[-1]])
    return out


def _normalized_name(name: str) -> str:
    name = fix_homoglyphs(name)
    if _GLUED_INITIAL.search(name):
        # 'Л.Глебовой' -> 'Л.Глебова': the surname declines as if the initial stood apart
        return _GLUED_INITIAL_SPACE.sub(r"\1", normalize_name(_GLUED_INITIAL.sub(r"\1 ", name)))
    words = name.split()
    if len(words) >= 2 and _REGNAL.fullmatch(words[-1]) and all(re.search("[А-Яа-яЁё]", w) for w in words[:-1]):
        if len(words) == 2:
            king = [q for q in _name_parses(words[0].lower()) if "Name" in q.tag and q.tag.gender == "masc"
                    and q.tag.case in ("gent", "accs", "datv", "ablt", "loct")]
            if king:     # 'Карла III': a king's genitive, not the woman's name Карла (queens have none such)
                return f"{_cap(king[0].normal_form, words[0])} {words[-1]}"
        return f"{normalize_name(' '.join(words[:-1]))} {words[-1]}"    # 'Карла III' -> 'Карл III'
    if not words or not all(re.search("[А-Яа-яЁё]", w) for w in words):
        return name
    east = _east_asian_nominative(words)
    if east is not None:
        return " ".join(east)
    styled = _styled_title_name(words)
    if styled is not None:
        return styled
    # the case the name is in: the first word that is a known first name / surname decides
    woman = _womans_name_in_ia(words[0])
    if woman:
        # 'Асия Биби' is a woman's name, not the genitive of the man's 'Асий'; 'Асии Биби',
        # 'Асию Биби' are it in an oblique case (foreign surnames after it do not decline)
        nominative, case = woman
        if case == "nomn":
            return name
        return " ".join([nominative] + [_nominative_name_word(w, case, "femn") if len(w) > 2 and not w.endswith(".")
                                        else w for w in words[1:]])
    case = gender = None
    # a given name the dictionary lacks ('София', 'Меган') has its gender in the name lists:
    # 'София Черкасова' is a woman in the nominative, not the genitive of 'Черкасов'
    listed = _listed_gender(words[0]) if len(words) > 1 and not _name_parses(words[0]) else None
    for w in words:
        if w.endswith(".") or len(w) <= 2:
            continue
        # indeclinable words ('Джо', 'Си') look nominative in every case: the next word decides
        # (no vocative or informal readings: news writes neither, and a guessed 'Генслер' as the
        # vocative of a woman's 'Генслера' turned 'Гари Генслер' into 'Гари Генслера')
        cands = [p for p in _name_parses(w) if (p.tag.number != "plur" or "Surn" in p.tag) and "Fixd" not in p.tag
                 and p.tag.case != "voct" and "Infr" not in p.tag]
        fixed = [p.score for p in _name_parses(w) if "Fixd" in p.tag and "Name" in p.tag]
        if cands and fixed and max(fixed) >= max(p.score for p in cands) and not any(p.tag.case == "nomn" for p in cands):
            continue     # 'Нафтали': as likely an indeclinable name as a case of another; the next word decides
        if listed is not None:
            cands = [p for p in cands if p.tag.gender == listed] or cands
        if cands and w == words[0] and len(words) > 1:
            # the first name's reading that agrees with the surname's ('Лидии Смирновой' is a
            # woman's genitive, not the dative of the man's 'Лидий')
            surname = [q for q in _name_parses(words[-1]) if "Surn" in q.tag]
            agreeing = [p for p in cands if any(q.tag.case == p.tag.case and q.tag.gender == p.tag.gender
                                                for q in surname)]
            if not agreeing and surname and not analyzer_known(w.lower()) and w.lower().endswith(_OBLIQUE_NAME_ENDINGS):
                # 'Ингмара Бергмана': a first name the dictionary only guesses at (as the woman's
                # 'Ингмара') takes the case of the surname it knows ('Бергмана': his genitive)
                best = max(surname, key=lambda q: q.score)
                case, gender = best.tag.case, best.tag.gender
                break
            cands = agreeing or cands
        if cands:
            best = max(cands, key=lambda p: p.score)
            case, gender = best.tag.case, best.tag.gender
            if "Name" in best.tag:
                break
    if len(words) >= 2 and case not in ("nomn", "ablt") and _INSTRUMENTAL_SURNAME.search(words[-1]) \
            and not analyzer_known(words[-1].lower()) and all(_shows_or_lacks_instrumental(w) for w in words[:-1]):
        # 'с канцлером Олафом Шольцем', 'с Киану Ривзом': the surname's instrumental ending decides
        # when the words before it show the instrumental too or have no instrumental reading ('Киану',
        # read as the dative of 'Киан'); those do not decline
        case, gender = "ablt", "masc"
    if case is None or case == "nomn":
        return name
    out = []
    for w in words:
        out.append(w if w.endswith(".") or len(w) <= 2 else _nominative_name_word(w, case, gender))
    return " ".join(out)


def _styled_title_name(words: list[str]) -> str | None:
    """'Папе Римскому Франциску' -> 'Папа Римский Франциск', 'Принца Гарри' -> 'Принц Гарри',
    'Королеве Елизавете II' -> 'Королева Елизавета II': a title written as part of the name sets
    the case and the gender; the adjectives after it agree with it, the name declines in that case."""
    if len(words) < 2:
        return None
    title = next((p for p in parses(words[0].lower()) if p.tag.POS == "NOUN" and p.normal_form in STYLED_TITLES
                  and p.tag.number != "plur"), None)
    if title is None or title.tag.case in (None, "nomn"):
        return None
    case = title.tag.case
    gender = "femn" if title.tag.gender == "femn" else "masc"
    out = [_cap(title.normal_form, words[0])]
    k = 1
    while k < len(words) - 1:
        adj = next((p for p in parses(words[k].lower()) if p.tag.POS == "ADJF" and p.tag.case == case), None)
        if adj is None or not words[k][:1].isupper():
            break
        inf = adj.inflect({"nomn", "sing", gender})
        out.append(_cap(inf.word, words[k]) if inf is not None else words[k])
        k += 1
    for w in words[k:]:
        out.append(w if _REGNAL.fullmatch(w) or w.endswith(".") or len(w) <= 2 else _nominative_name_word(w, case, gender))
    return " ".join(out)


_OBLIQUE_NAME_ENDINGS = ("а", "я", "у", "ю", "ом", "ем", "е")     # 'Ингмара', 'Ингмару', 'Ингмаром'
_IA_CASES = {"ия": "nomn", "ию": "accs", "ии": "gent", "ией": "ablt"}
_IA_ENDING = re.compile(r"(?:ия|ию|ии|ией)$")


def _womans_name_in_ia(word: str) -> tuple[str, str] | None:
    """(nominative, case) of a woman's given name in -ия that the dictionary reads only as
    something else ('Асия' as the man's 'Асий') or not at all, when the name lists know it a
    woman's; None otherwise."""
    ending = _IA_ENDING.search(word.lower())
    if not ending or any(p.tag.gender == "femn" for p in _name_parses(word)):
        return None
    nominative = word[:ending.start()] + "ия"
    return (nominative, _IA_CASES[ending.group(0)]) if _listed_gender(nominative) == "femn" else None


def _listed_gender(word: str) -> str | None:
    """'masc' / 'femn' for a given name the shipped name lists agree on, romanized."""
    from ...link.names import romanize
    from ..common.given_names import given_name_gender
    g = given_name_gender(romanize(word))
    return {"m": "masc", "f": "femn"}.get(g or "")


def _nominative_name_word(word: str, case: str, gender: str | None) -> str:
    parts = word.split("-")
    if len(parts) > 1:  # Римского-Корсакова, Жан-Поля
        return "-".join(_nominative_name_word(p, case, gender) if len(p) > 2 else p for p in parts)
    lw = word.lower()
    if case in ("loct", "datv") and lw.endswith("е") and not analyzer_known(lw):
        return word   # 'Сиссе', 'Сидибе': a foreign name in -е the dictionary only guesses at does not decline
    cands = [p for p in _name_parses(word) if p.tag.case == case and p.tag.number != "plur"
             and (gender is None or p.tag.gender is None or str(p.tag.gender) == gender)]
    if cands:
        best = max(cands, key=lambda p: p.score)
        if "Fixd" in best.tag:
            return word
        inf = best.inflect({"nomn", "sing"}) or best.inflect({"nomn"})
        if inf is not None:
            return _cap(inf.word, word)
    sk = _SK_ADJECTIVE.fullmatch(word)
    if sk and case != "nomn":
        # 'Андрея Черкасского', 'Ирины Черкасской': a surname of the adjective kind the dictionary lacks
        return sk.group(1) + ("ая" if gender == "femn" else "ий")
    if gender == "femn":
        return word  # foreign female surnames do not inflect: Ирины Флюр
    if gender == "masc" and len(lw) >= 4 and (case in ("gent", "accs") and re.search(r"[^аеёиоуыэюяйь]ы$", lw)
                                             or case == "ablt" and re.search(r"[^аеёиоуыэюяйь]ой$", lw)):
        # a man's name of the -а declension the dictionary lacks: 'Артема Дзюбы' -> 'Дзюба' (not
        # one in -и: 'Ризви', 'Волкановски' do not inflect)
        return (word[:-2] if case == "ablt" else word[:-1]) + "а"
    for ending, c in _FOREIGN_OBLIQUE:
        if c == case or (case == "accs" and c == "gent"):
            if lw.endswith(ending) and len(lw) > len(ending) + 2 and lw[-len(ending) - 1] not in _VOWELS:
                return word[: -len(ending)]
    return word


_REGNAL = re.compile(r"[IVXLC]{1,6}")
_INSTRUMENTAL_SURNAME = re.compile(r"[^аеёиоуыэюя](?:ом|ем)$")


def _shows_or_lacks_instrumental(word: str) -> bool:
    return bool(re.search(r"(?:ом|ем|ой|ей|ым|им)$", word)) or word[-1:].lower() in "аеиоуыэюя" \
        or not any(p.tag.case == "ablt" for p in _name_parses(word.lower()))
STREET_WORD = re.compile(r"(?i)[-\s](?:стрит|авеню|роуд|лейн|штрассе)$")
_GLUED_INITIAL = re.compile(r"(?<![\w.])((?:[А-ЯЁ]\.){1,2})(?=[А-ЯЁ][а-яё])")
_GLUED_INITIAL_SPACE = re.compile(r"(?<![\w.])((?:[А-ЯЁ]\.){1,2}) (?=[А-ЯЁ][а-яё])")
_ABBREVIATION_ENDING = re.compile(r"([А-ЯЁ]{2,})(?:а|у|ом|е|ы|ах|ов|ами)")
_SITE_SUFFIX = re.compile(r"(?<=[А-Яа-яЁё])\.(?:ru|Ru|RU|ру|Ру|РУ|рф|РФ|com|by|kz|ua)$")


@lru_cache(maxsize=50_000)
def normalize_phrase(phrase: str) -> str:
    """A noun phrase in the nominative: the head noun and the adjectives before it inflect,
    the words after the head (genitive complements, names in quotes) stay:
    'Министерства иностранных дел' -> 'Министерство иностранных дел',
    'Государственной думы' -> 'Государственная дума', 'контактной группы' -> 'контактная группа'."""
    phrase = fix_homoglyphs(phrase)
    words = phrase.split()
    if not words:
        return phrase
    if STREET_WORD.search(phrase):
        return phrase                    # 'Даунинг-стрит', 'Пятая авеню': a loan word that does not decline
    abbreviation = _ABBREVIATION_ENDING.fullmatch(phrase)
    if abbreviation:
        return abbreviation.group(1)     # 'ЦУПа', 'МЧСом' ... the abbreviation takes a case ending after it
    site = _SITE_SUFFIX.search(phrase)
    if site and len(words) == 1 and site.start() > 1:
        # 'Газету.Ru', 'Ленте.ру': the outlet's word declines, its domain stays
        return normalize_phrase(phrase[:site.start()]) + site.group(0)
    if len(words) == 1 and _MINISTRY_OF_GENITIVE.fullmatch(phrase):
        return phrase          # 'Минцифры', 'Минприроды': a ministry of a genitive noun does not decline
    head_i = None
    case = None
    for i, w in enumerate(words):
        if not re.fullmatch(r"[А-Яа-яЁё\-]+", w) or (w.isupper() and len(w) > 1):
            if head_i is None and i == 0:
                return phrase  # starts with an abbreviation or a Latin name
            continue
        if w.lower() in PREPOSITIONS:
            # no noun before the complement: the last adjective is the head, used as a noun
            # ('уполномоченного по правам человека'); 'по' itself parses as the noun 'ПО'
            return _substantivized(words, i) if i else phrase
        nouns = [p for p in parses(w.lower()) if p.tag.POS == "NOUN" and p.tag.case]
        adjs = [p for p in parses(w.lower()) if p.tag.POS in ("ADJF", "PRTF") and p.tag.case]
        if nouns and i < len(words) - 1 and (
                adjs and (_agrees_with_next_noun(adjs, words[i + 1]) or _next_adjective_agrees(adjs, words[i + 1]))
                or _SK_ADJECTIVE.fullmatch(w) and all("Surn" in p.tag for p in nouns)
                and (_agrees_with_next_noun(nouns, words[i + 1]) or _next_adjective_agrees(nouns, words[i + 1]))):
            # 'Каспийского флота', 'Грановской школы' (pymorphy knows it only as a surname): an
            # adjective before its noun
            if case is None:
                case = next((p.tag.case for p in (adjs or nouns)
                             if _agrees_with_next_noun([p], words[i + 1])), None)
            continue
        if nouns and (not adjs or nouns[0].score >= adjs[0].score or i == len(words) - 1):
            if case is not None:
                same = [p for p in nouns if p.tag.case == case]
                if same:
                    nouns = same
            head_i, case = i, nouns[0].tag.case
            break
        if adjs and case is None:
            case = adjs[0].tag.case
    if head_i is None or case in (None, "nomn"):
        return phrase
    head = next((p for p in parses(words[head_i].lower()) if p.tag.POS == "NOUN" and p.tag.case == case), None)
    if head is None or _bare_plural_guess(words[head_i], head):
        return phrase
    number = head.tag.number or "sing"
    out = list(words)
    inf = head.inflect({"nomn", number}) or head.inflect({"nomn"})
    if inf is None:
        return phrase
    out[head_i] = _cap(inf.word, words[head_i])
    for i in range(head_i):
        w = words[i]
        adj = next((p for p in parses(w.lower()) if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == case), None)
        if adj is None:
            sk = _SK_ADJECTIVE.fullmatch(w)
            if sk:           # an adjective pymorphy does not know: its ending by the head's gender
                out[i] = sk.group(1) + ("ие" if number == "plur" else _SK_NOMINATIVE.get(head.tag.gender, "ий"))
            continue
        gender = "masc" if "ms-f" in head.tag else head.tag.gender     # 'глава', 'судья': common gender
        want = {"nomn", number} | ({gender} if number == "sing" and gender else set())
        ai = _inflect_like(adj, want, w.lower())
        if ai is not None:
            out[i] = _cap(_unstressed_sk(ai, w), w)
    return " ".join(out)


def _bare_plural_guess(word: str, head) -> bool:
    """'провинции Кундуз', 'Покантико-Хиллз': a foreign name ending in a consonant that pymorphy
    reads as the endingless genitive plural of a feminine noun ('Кундузы'); when it does not know
    the word, or also reads it as a nominative singular, the name stands as written. Known
    plurals keep their reading ('из Афин' -> 'Афины')."""
    if head.tag.number != "plur" or head.tag.case not in ("gent", "accs") or word[-1:].lower() in _VOWELS | {"ь", "й"}:
        return False
    low = word.lower()
    if not head.normal_form.startswith(low) or len(head.normal_form) <= len(low):
        return False         # a real plural ending: 'обэриутов' -> 'обэриуты'
    return not analyzer_known(low) or any(p.tag.POS == "NOUN" and p.tag.case == "nomn" and p.tag.number == "sing"
                                          for p in parses(low))


# '-ской/-скую/-ского …' adjectives of place names pymorphy reads only as surnames
_SK_ADJECTIVE = re.compile(r"([А-ЯЁ][а-яё]+[сц]к)(?:ой|ую|ого|ому|ом|ая|ий|ое|ые|их|им|ими|ие)")
_SK_NOMINATIVE = {"femn": "ая", "masc": "ий", "neut": "ое"}


def _unstressed_sk(form: str, word: str) -> str:
    """'Вышгородском районе': pymorphy guesses an unknown place adjective both ways, 'вышгородской'
    (stressed, as 'городской') and 'вышгородский'; place adjectives mostly take the unstressed
    '-ский'. Words the dictionary knows keep their form ('Тверской', 'Донской')."""
    if form.endswith(("ский", "ской")) and form[:-2] + "ой" in _STRESSED_SK:
        return form[:-2] + "ой"
    if form.endswith(("ской", "цкой")) and not analyzer_known(word.lower()):
        return form[:-2] + "ий"
    return form


_STRESSED_SK = {"донской", "полевской", "луговской", "городской"}     # stressed place adjectives pymorphy may not know


def adjective_nominative(word: str, gender: str) -> str | None:
    """'Курской' -> 'Курская' (gender femn), 'Приморском' -> 'Приморский' (masc)."""
    adj = next((p for p in parses(word.lower()) if p.tag.POS == "ADJF"), None)
    if adj is not None:
        inf = adj.inflect({"nomn", "sing", gender})
        if inf is not None:
            return _cap(_unstressed_sk(inf.word, word), word)
    sk = _SK_ADJECTIVE.fullmatch(word)
    return sk.group(1) + _SK_NOMINATIVE[gender] if sk and gender in _SK_NOMINATIVE else None


def _inflect_like(adj, want: set[str], original: str) -> str | None:
    """The adjective in the wanted form, of the same degree and nearest in spelling to the word
    as written ('Высшего' -> 'Высший', not 'Высочайший', which pymorphy's inflect picks)."""
    degree = {g for g in ("Supr", "Cmp2", "COMP") if g in adj.tag}
    forms = [f for f in adj.lexeme if want <= set(f.tag.grammemes) and
             {g for g in ("Supr", "Cmp2", "COMP") if g in f.tag} == degree]
    if not forms:
        inf = adj.inflect(want)
        return inf.word if inf is not None else None

    def shared(a: str) -> int:
        n = 0
        for x, y in zip(a, original):
            if x != y:
                break
            n += 1
        return n
    return max(forms, key=lambda f: (shared(f.word), -len(f.word))).word


def _next_adjective_agrees(parses_: list, nxt: str) -> bool:
    """'Хомутовской средней …': an adjective of the same case, gender and number follows."""
    for a in parses(nxt.lower()):
        if a.tag.POS != "ADJF" or not a.tag.case:
            continue
        if any(p.tag.case == a.tag.case and p.tag.number == a.tag.number and
               (a.tag.number == "plur" or p.tag.gender == a.tag.gender) for p in parses_):
            return True
    return False


def _agrees_with_next_noun(adjs: list, nxt: str) -> bool:
    """Does a noun that follows take one of these adjective readings' case, gender and number?"""
    if not re.fullmatch(r"[А-Яа-яЁё\-]+", nxt):
        return False
    for n in parses(nxt.lower()):
        if n.tag.POS != "NOUN" or not n.tag.case:
            continue
        for a in adjs:
            if a.tag.case == n.tag.case and a.tag.number == n.tag.number and \
                    (a.tag.number == "plur" or a.tag.gender == n.tag.gender
                     or "ms-f" in n.tag and a.tag.gender in ("masc", "femn")):
                return True
    return False


_MINISTRY_OF_GENITIVE = re.compile(r"Мин[а-яё]{3,}(?:ы|и|ия)")


def _substantivized(words: list[str], stop: int) -> str:
    """Words before a preposition with no noun among them: the last is an adjective or
    participle standing for a noun (уполномоченный, управляющий); it goes to the nominative
    singular in its own gender (masculine where the form allows both) and the words before
    it agree."""
    head = None
    for p in parses(words[stop - 1].lower()):
        if p.tag.POS in ("ADJF", "PRTF") and p.tag.case and p.tag.number != "plur" \
                and (head is None or head.tag.gender == "neut" and p.tag.gender == "masc"):
            head = p
    if head is None or head.tag.case == "nomn":
        return " ".join(words)
    gender = head.tag.gender or "masc"
    out = list(words)
    for i in range(stop):
        w = words[i]
        adj = head if i == stop - 1 else next(
            (p for p in parses(w.lower()) if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == head.tag.case), None)
        if adj is None:
            continue
        ai = adj.inflect({"nomn", "sing", gender})
        if ai is not None:
            out[i] = _cap(ai.word, w)
    return " ".join(out)


def verb_gender(word: str) -> str | None:
    """Gender of a past-tense verb ('сказал' masc, 'отметила' femn), None otherwise."""
    lw = word.lower()
    for p in parses(lw):
        if p.tag.POS == "VERB" and p.tag.tense == "past":
            return p.tag.gender if p.tag.number == "sing" else "plur"
    return None


_OBLIQUE_TAIL = re.compile(r"(ом|ем|а|я|у|ю|е)$")
_A_DECLENSION_GENITIVE = re.compile(r"[бвгджзклмнпрстфхцчшщ][ыи]$")
_MASC_GENITIVE = re.compile(r"[^аеёиоуыэюяйь\W]а$")


@lru_cache(maxsize=50_000)
def foreign_nominative(name: str, gender: str | None = None) -> str:
    """Nominative of a foreign (Western or Chinese) masculine name that pymorphy does not know:
    'Олафа Шольца' -> 'Олаф Шольц', 'Фэн Яосяна' -> 'Фэн Яосян', 'Си Цзиньпину' -> 'Си Цзиньпин'.
    The last word carries the case ending (after a consonant); earlier words lose the same ending,
    or stay when they end in a consonant (Chinese surnames and many first names do not inflect).
    Names pymorphy parses, feminine names and names without such an ending come back unchanged."""
    words = name.split()
    if normalize_name(name) != name:
        return normalize_name(name)
    if not words or gender == "femn":
        return name
    if any(_name_parses(w) and "Name" in _name_parses(w)[0].tag and "Fixd" not in _name_parses(w)[0].tag
           for w in words if len(w) > 2):
        return name  # a first name pymorphy knows: normalize_name decided, and left it
    last = words[-1].lower()
    if analyzer_known(last) and any("Surn" in p.tag and p.tag.case == "nomn" for p in _name_parses(last)):
        return name  # 'Обама': a surname the dictionary has in this form (not 'Обам' in the genitive)
    a_genitive = _A_DECLENSION_GENITIVE.search(last)
    if len(words) == 2 and _MASC_GENITIVE.search(last) and _A_DECLENSION_GENITIVE.search(words[0].lower()) \
            and words[0][-1:].lower() == "ы":
        # 'Халифы Хафтара': a first name of the -а declension, a surname ending in a consonant
        return f"{words[0][:-1]}а {words[1][:-1]}"
    if len(words) >= 2 and a_genitive and all(_MASC_GENITIVE.search(w.lower()) for w in words[:-1]):
        # 'Хосепа Гвардиолы': a masculine first name in the genitive, a surname of the -а declension
        stem = words[-1][:-1]
        tail = "а" if stem[-1:].lower() in "кгхжшчщц" else ("я" if a_genitive.group(0)[-1] == "и" else "а")
        return " ".join([w[:-1] for w in words[:-1]] + [stem + tail])
    m = _OBLIQUE_TAIL.search(last)
    if not m or len(last) - len(m.group(1)) < 3 or last[-len(m.group(1)) - 1] in _VOWELS or last[-len(m.group(1)) - 1] in "йь":
        return name
    end = m.group(1)
    out = []
    for w in words:
        lw = w.lower()
        if "-" in w or w.endswith(".") or len(w) <= 2:
            out.append(w)
        elif lw.endswith(end) and len(lw) - len(end) >= 2 and lw[-len(end) - 1] not in _VOWELS and lw[-len(end) - 1] not in "йь":
            out.append(w[: -len(end)])
        else:
            out.append(w)  # 'Джо', 'Си', 'Фэн': indeclinable first names and Chinese surnames
    return " ".join(out)
