"""Person names across spellings and scripts: romanization, phonetic keys, scored matching.

One person is written many ways: ``Ирина Флюр`` = ``Irina Flyur`` = ``I. Fleur``;
``Си Цзиньпин`` = ``习近平`` = ``Xi Jinping``. No single transliteration standard links
them, so every name is reduced to forms that *can* be compared:

- ``latin``: a matching romanization (Cyrillic by a BGN-like letter table; Chinese by
  pypinyin; Latin with diacritics stripped);
- ``skeleton``: a consonant-class key that collapses transliteration variants (vowels
  dropped, kh/h, dzh/j, c/k/s, doubled letters);
- ``pinyin``: for Chinese names, the syllables in Hanyu Pinyin. Russian writes Chinese
  names in the Palladius system, which maps syllable by syllable onto pinyin, so
  ``Цзиньпин`` becomes ``jin ping`` by rule; a tiny curated table covers names that follow
  neither system (Cantonese or Wade-Giles forms such as Sun Yat-sen).

:func:`match_names` scores a pair and returns a decision with its reason. Guards refuse a
merge when the given names (or initials) conflict, or when Russian surnames differ in
gender (Скрипаль Юлия vs Сергей; Иванов vs Иванова).

Before comparing, look-alike letters of a mixed-script word are read in its dominant script
(``Cергей`` with a Latin C), a hyphenated Arabic article is dropped (``аль-Асад`` = Assad),
and ambiguous Latin spellings are tried both ways (``Schinas`` = Схинас, ``Coates`` =
Коутс). Given names may be short forms: clipped (Matt = Matthew) by rule, or a common
nickname from a small table (Bill = William, Саша = Александр). A parenthesis is an alias
(``Азия Биби (Норин)``), and one side may leave out a second surname.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

# -- thresholds (calibrated on bench/entity_pairs.py: BSNLP ru names vs English ids) ----------
SURNAME_MIN = 0.80          # surname similarity needed before given names are looked at
GIVEN_MIN = 0.72            # two full given names below this conflict: different people
SAME_MIN = 0.80             # overall score at or above which two names are one person
SURNAME_ONLY_FACTOR = 0.85  # a bare surname matches a full name, with less confidence

_HAN = re.compile(r"[\u3400-\u9fff]")
_CYR = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*\.?|\.")

# Matching romanization of Cyrillic (Russian, Ukrainian, Belarusian, Kazakh letters).
_CYR2LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ә": "a", "ғ": "g", "қ": "k",
    "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
}

# Phonetic classes, applied to lower-case ASCII in this order. Upper-case letters are classes
# of digraphs (S = sh, C = ch, Z = zh, Q = ts, J = dzh/j/soft g, H = h/kh), vowels fold to A/I/U.
# ``gu`` before e/i/y is a hard g with a silent u (Guy, Miguel, Guevara), which Russian
# writes with a bare г (Ги, Мигель); ``c`` before e/i/y is an s (Lucia = Люсия); Russian
# ``ия``/``ие`` romanize to ``iya``/``iye`` where Latin spellings write ``ia``/``ie``.
_PHONETIC_RULES = [
    (r"^wr", "r"), (r"gh(?=t)", ""), (r"th", "t"), (r"ph", "f"), (r"shch|sch|tsch", "S"),
    (r"gu(?=[eiy])", "g"), (r"(?<=i)y(?=[aeiou])", ""), (r"(?<=[aeiou])y(?=[aeiou])", "J"),
    (r"dzh|dj|j|g(?=[eiy])", "J"), (r"zh", "Z"), (r"tch|ch", "C"), (r"sh", "S"),
    (r"(?<=[aeiou])h(?=[^aeiou])", ""), (r"kh|gh|h", "H"), (r"ts|tz|cz", "Q"),
    (r"ck|q|c(?![eiy])", "k"), (r"c", "s"), (r"x", "ks"), (r"w", "v"), (r"z", "s"), (r"'", ""),
    (r"[ao]+", "A"), (r"[eiy]+", "I"), (r"u+", "U"), (r"(?<=[AIU])[AIU]", ""),
]
_PHONETIC_RULES = [(re.compile(p), r) for p, r in _PHONETIC_RULES]
_VOWEL_CLASSES = set("AIU")
# Classes that transliterations confuse: substituting one for the other costs half.
_NEAR = {frozenset(p) for p in ("Hg", "Hk", "kg", "td", "pb", "fv", "JZ", "Jg", "CQ", "Ck", "Qs", "JI", "vU")}
_CHEAP_INDEL = {"H", "A", "I", "U"}       # a dropped h or vowel costs half

_PATRONYMIC = re.compile(r"(?:ovich|evich|ich|ovna|evna|ichna|inichna|ogly|kyzy|uly)$")
_FEMALE_END = ("ova", "eva", "ina", "yna", "aya", "skaya", "tskaya")
_MALE_END = ("ov", "ev", "in", "yn", "iy", "yy", "sky", "skiy", "skii", "tskiy")


# -- pinyin and Palladius -------------------------------------------------------------------
_INITIALS = {"b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л",
             "g": "г", "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч",
             "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с"}
_FINALS = {"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
           "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я", "ie": "е",
           "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн",
           "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь",
           "uang": "уан", "v": "юй", "ve": "юэ", "van": "юань", "vn": "юнь"}
_ZERO = {"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
         "en": "энь", "ang": "ан", "eng": "эн", "er": "эр", "yi": "и", "ya": "я", "ye": "е", "yao": "яо",
         "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "wu": "у",
         "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван",
         "weng": "вэн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь"}
_JQX = {"j", "q", "x"}
_APICAL = {"z", "c", "s"}
_RETROFLEX = {"zh", "ch", "sh", "r"}
_NO_I = {"f", "g", "k", "h"}  # initials that never take an i-final

# Names that neither pinyin nor Palladius can derive (Cantonese / Wade-Giles forms in use).
CURATED = {
    "sun yat-sen": "sun zhong shan", "сунь ятсен": "sun zhong shan", "孙中山": "sun zhong shan",
    "sun zhongshan": "sun zhong shan", "chiang kai-shek": "jiang jie shi", "чан кайши": "jiang jie shi",
    "蒋介石": "jiang jie shi", "jiang jieshi": "jiang jie shi",
}


@lru_cache(maxsize=1)
def _syllable_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(Palladius -> pinyin, pinyin -> pinyin) over every syllable the spelling rules allow."""
    pal: dict[str, str] = {}
    for py, ru in _ZERO.items():
        pal.setdefault(ru, py)
    for ini, ini_ru in _INITIALS.items():
        for fin, fin_ru in _FINALS.items():
            umlaut, i_final = fin.startswith("v"), fin.startswith("i")
            if umlaut and ini not in _JQX and ini not in ("n", "l"):
                continue
            if ini in _JQX and not (i_final or umlaut):
                continue                      # ju/jue/juan/jun are the umlaut finals
            if i_final and (ini in _NO_I or (fin != "i" and ini in _APICAL | _RETROFLEX)):
                continue
            if (fin == "o") != (ini in ("b", "p", "m", "f")) and fin in ("o", "uo"):
                continue                      # bo/po/mo/fo, but duo/guo/zhuo
            ru = "ы" if fin == "i" and ini in _APICAL else fin_ru
            py = ini + ("u" + fin[1:] if umlaut else fin)
            pal.setdefault(ini_ru + ru, py)
    pal["хуэй"] = "hui"                       # Palladius writes hui as хуэй
    pinyin = {py: py for py in pal.values()}
    pinyin["er"] = "er"
    return pal, pinyin


def _segment(word: str, table: dict[str, str], max_len: int = 6) -> list[str] | None:
    """Split ``word`` into syllables of ``table`` (fewest syllables wins), or None."""
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(min(n, i + max_len), i, -1):
            syl = table.get(word[i:j])
            if syl is not None and (best[j] is None or len(best[j]) > len(best[i]) + 1):
                best[j] = best[i] + [syl]
    return best[n]


def palladius_to_pinyin(name: str) -> str | None:
    """``Си Цзиньпин`` -> ``xi jin ping``; None when a word is not Palladius syllables."""
    pal, _ = _syllable_tables()
    out: list[str] = []
    for word in re.split(r"[\s\-‐]+", name.casefold().replace("ё", "е").strip()):
        if not word:
            continue
        for part in re.split(r"[ъ'’]", word):      # Минъюань: the hard sign splits syllables
            sylls = _segment(part, pal) if part else []
            if sylls is None:
                return None
            out += sylls
    return " ".join(out) or None


def latin_to_pinyin(name: str) -> str | None:
    """``Xi Jinping`` -> ``xi jin ping`` when every word splits into pinyin syllables."""
    _, py = _syllable_tables()
    out: list[str] = []
    for word in re.split(r"[\s\-‐']+", strip_accents(name).casefold().strip()):
        if not word:
            continue
        sylls = _segment(word, py)
        if not sylls:
            return None
        out += sylls
    return " ".join(out) or None


def han_to_pinyin(name: str) -> str:
    from pypinyin import Style, lazy_pinyin
    sylls = lazy_pinyin("".join(_HAN.findall(name)), style=Style.NORMAL, v_to_u=False)
    return " ".join(s.replace("v", "u") for s in sylls)


# -- romanization and keys -------------------------------------------------------------------
_CARON = str.maketrans({"š": "sh", "Š": "Sh", "č": "ch", "Č": "Ch", "ž": "zh", "Ž": "Zh", "ć": "ch", "Ć": "Ch"})


def strip_accents(s: str) -> str:
    s = s.translate(_CARON).replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def script_of(s: str) -> str:
    if _HAN.search(s):
        return "han"
    if _CYR.search(s):
        return "cyrillic"
    return "latin"


def romanize(s: str) -> str:
    """Lower-case ASCII form used for matching (not for display)."""
    s = s.casefold()
    if _HAN.search(s):
        return han_to_pinyin(s)
    if _CYR.search(s):
        s = "".join(_CYR2LAT.get(c, c) for c in s)
    return strip_accents(s)


@lru_cache(maxsize=200_000)
def phonetic(word: str) -> str:
    """Phonetic-class form of one romanized word: Johnson and Джонсон both give 'JAnsAn'."""
    s = re.sub(r"[^a-z']", "", word)
    if s.startswith("y") and len(s) > 1:       # Yulia / Юлия / Julia start alike
        s = s[1:]
    for pat, rep in _PHONETIC_RULES:
        s = pat.sub(rep, s)
    return re.sub(r"(.)\1+", r"\1", s)


# Latin spellings with two common readings; both are tried and the closer one counts.
_SPELLING_VARIANTS = [
    (re.compile(r"sch"), "sk"),        # Greek/Dutch/Italian sch is s+kh: Schinas = Схинас
    (re.compile(r"oo"), "u"),          # English oo: Malook = Малук (Dutch oo stays o)
    (re.compile(r"(?<=[aeiou][^aeiouyswxz])es$"), "s"),   # silent e: Coates = Коутс
    (re.compile(r"(?<=[aeiou][^aeiouy])e$"), ""),         # silent e: Blake = Блейк
]


@lru_cache(maxsize=200_000)
def phonetic_forms(word: str) -> tuple[str, ...]:
    """The phonetic form of ``word`` plus those of its ambiguous-spelling readings."""
    readings = [word]
    for pattern, replacement in _SPELLING_VARIANTS:
        readings += [pattern.sub(replacement, r) for r in readings if pattern.search(r)]
    return tuple(dict.fromkeys(phonetic(r) for r in readings))


def skeleton(word: str) -> str:
    """Consonant skeleton (phonetic form without vowels): the blocking key of a surname."""
    return "".join(c for c in phonetic(word) if c not in _VOWEL_CLASSES)


def display_latin(name: str) -> str:
    """A readable Latin form (cyrtranslit for Cyrillic, pinyin for Chinese)."""
    if _HAN.search(name):
        py = han_to_pinyin(name).split()
        if not py:
            return name
        return " ".join([py[0].title(), "".join(py[1:]).title()]).strip()
    if _CYR.search(name):
        pin = palladius_to_pinyin(name)
        if pin and len(name.split()) >= 2 and _looks_chinese_ru(name):
            return _pinyin_display(pin, name)
        try:
            import cyrtranslit
            lat = cyrtranslit.to_latin(name, "ru")
        except Exception:  # pragma: no cover - cyrtranslit missing
            lat = romanize(name)
        return " ".join(w[:1].upper() + w[1:].lower() for w in lat.replace("'", "").split())
    return name


def _pinyin_display(pin: str, original: str) -> str:
    sylls = pin.split()
    counts = [len(_segment(w.casefold().replace("ё", "е"), _syllable_tables()[0]) or []) for w in original.split()]
    out, i = [], 0
    for c in counts:
        out.append("".join(sylls[i:i + c]).title())
        i += c
    return " ".join(out)


def _looks_chinese_ru(name: str) -> bool:
    """Palladius names have short syllabic words: at most 3 syllables a word, <= 3 words."""
    pal, _ = _syllable_tables()
    words = name.casefold().split()
    if not (1 <= len(words) <= 3):
        return False
    segs = [sum((_segment(p, pal) or [None] for p in re.split(r"[ъ'’]", w) if p), []) for w in words]
    segs = [None if None in sg else sg for sg in segs]
    return all(s and len(s) <= 3 for s in segs) and len(segs[0]) == 1


# -- parsed names ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ParsedName:
    original: str
    script: str
    given: tuple[str, ...] = ()       # romanized given names (may be initials, one letter)
    surname: str = ""                 # romanized surname (compound surnames joined)
    pinyin: tuple[str, ...] = ()      # possible pinyin readings (Chinese names)
    words: tuple[str, ...] = field(default=(), compare=False)   # all romanized words

    @property
    def inflectable(self) -> bool:
        return self.script == "cyrillic"


_SPLIT = re.compile(r"[\s_()\[\],;]+|(?<=\.)(?=\w)")

# Letters that look alike in Latin and Cyrillic. A word typed with both (``Cергей`` with a
# Latin C) is read in the script most of its letters use.
_LAT2CYR = dict(zip("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху"))
_CYR2LAT_LOOKALIKE = {cyr: lat for lat, cyr in _LAT2CYR.items()}
_LETTERS = re.compile(r"[^\W\d_]+")

# The Arabic article written onto a name with a hyphen (al-Assad, уль-Малук, ад-Дин) is
# often left out or fused (Assad, Сайфул), so it is dropped before comparing.
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ul|ad|ud|ar|ur|as|ash|an|at|az)-(?=[a-z]{3})")


def unify_homoglyphs(name: str) -> str:
    """Rewrite look-alike letters of a mixed-script word in the word's dominant script."""
    def fix(match: re.Match) -> str:
        word = match.group()
        cyr = sum(1 for c in word if _CYR.match(c))
        lat = sum(1 for c in word if c.isascii())
        if not cyr or not lat or cyr == lat:
            return word
        table = _LAT2CYR if cyr > lat else _CYR2LAT_LOOKALIKE
        return "".join(table.get(c, c) for c in word)
    return _LETTERS.sub(fix, name)


@lru_cache(maxsize=100_000)
def parse_name(name: str) -> ParsedName:
    name = unify_homoglyphs(" ".join(unicodedata.normalize("NFKC", name).split()))
    script = script_of(name)
    curated = CURATED.get(name.casefold())
    readings: list[str] = [curated] if curated else []
    if script == "han":
        readings.append(han_to_pinyin(name))
        return ParsedName(name, script, pinyin=tuple(dict.fromkeys(readings)))
    if script == "cyrillic":
        pin = palladius_to_pinyin(name)
        if pin and _looks_chinese_ru(name):
            readings.append(pin)
    else:
        pin = latin_to_pinyin(name)
        if pin and len(name.split()) <= 3:
            readings.append(pin)
    words = []
    for part in _SPLIT.split(name):
        w = _ARABIC_ARTICLE.sub("", re.sub(r"[^a-z-]", "", romanize(part)).strip("-"))
        if w:   # initials ("I.", "Дж.") are marked with a leading "~"
            words.append("~" + w if part.endswith(".") or len(w) == 1 else w)
    if len(words) >= 3 and _PATRONYMIC.search(words[-2]):   # Имя Отчество Фамилия
        words = words[:-2] + words[-1:]
    elif len(words) == 3 and _PATRONYMIC.search(words[-1]):  # Фамилия Имя Отчество
        words = [words[1], words[0]]
    elif len(words) >= 2 and not words[0].startswith("~") and all(w.startswith("~") for w in words[1:]):
        words = words[1:] + words[:1]                          # Фамилия И. О.
    if not words:
        return ParsedName(name, script, pinyin=tuple(readings))
    words = [w.replace("-", "") for w in words]
    words[-1] = words[-1].lstrip("~")
    return ParsedName(name, script, tuple(words[:-1]), words[-1], tuple(dict.fromkeys(readings)), tuple(words))


# -- similarity ------------------------------------------------------------------------------
def _cost_sub(x: str, y: str) -> float:
    if x == y:
        return 0.0
    if x in _VOWEL_CLASSES and y in _VOWEL_CLASSES:
        return 0.4
    return 0.5 if frozenset((x, y)) in _NEAR else 1.0


def _edit(a: str, b: str) -> float:
    """Weighted Levenshtein over phonetic classes (cheap vowel/h changes, near consonants)."""
    if a == b:
        return 0.0
    prev = [0.0]
    for cb in b:
        prev.append(prev[-1] + (0.5 if cb in _CHEAP_INDEL else 1.0))
    for ca in a:
        da = 0.5 if ca in _CHEAP_INDEL else 1.0
        cur = [prev[0] + da]
        for j, cb in enumerate(b, 1):
            db = 0.5 if cb in _CHEAP_INDEL else 1.0
            cur.append(min(prev[j] + da, cur[j - 1] + db, prev[j - 1] + _cost_sub(ca, cb)))
        prev = cur
    return prev[-1]


_RU_CASE_END = re.compile(r"(?:ym|om|oy|ey|ego|ogo|omu|emu|oyu|eyu|a|u|e|y|yu|i)$")


# Word starts that transliteration may add or drop: h (Hamid = Амид), y/j glides (Yulia =
# Юлия = Julia), w/u (William = Уильям). Any other vowel against a consonant at the start
# is a different sound, not a spelling variant (Afzal vs Faisal).
_LOOSE_START_CONSONANTS = {"H", "J", "v"}
_START_MISMATCH_COST = 0.5    # on top of the cheap vowel indel: a full edit in all


def _starts_differ(pa: str, pb: str) -> bool:
    """One word starts with a vowel, the other with a consonant transliteration never drops."""
    vowel_a, vowel_b = pa[0] in _VOWEL_CLASSES, pb[0] in _VOWEL_CLASSES
    if vowel_a == vowel_b:
        return False
    consonant = pb[0] if vowel_a else pa[0]
    return consonant not in _LOOSE_START_CONSONANTS


def _phonetic_sim(pa: str, pb: str) -> float:
    if not pa or not pb:
        return 0.0
    cost = _edit(pa, pb)
    if _starts_differ(pa, pb):
        cost += _START_MISMATCH_COST
    return max(0.0, 1.0 - cost / max(len(pa), len(pb), 3))


def _word_sim(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return max(_phonetic_sim(pa, pb) for pa in phonetic_forms(a) for pb in phonetic_forms(b))


def word_similarity(a: str, b: str, inflected: bool = False) -> float:
    """Similarity of two romanized words in [0, 1]. With ``inflected`` (a Russian side),
    case endings are also tried off (Бориса, Седвиллом), at a small discount."""
    best = _word_sim(a, b)
    if inflected and best < 1.0:
        for x, y in ((_RU_CASE_END.sub("", a), b), (a, _RU_CASE_END.sub("", b)),
                     (_RU_CASE_END.sub("", a), _RU_CASE_END.sub("", b))):
            if len(x) >= 3 and len(y) >= 3 and (x, y) != (a, b):
                best = max(best, 0.97 * _word_sim(x, y))
    return best


def _gender_conflict(a: str, b: str) -> bool:
    """Russian surnames of the two genders: Ivanov / Ivanova, Kosachev / Kosacheva."""
    for fem in _FEMALE_END:
        if a.endswith(fem) and not b.endswith(fem) and b.endswith(fem[:-1]):
            return True
        if b.endswith(fem) and not a.endswith(fem) and a.endswith(fem[:-1]):
            return True
    if (a.endswith("aya") and b.endswith(("iy", "yy", "iy"))) or (b.endswith("aya") and a.endswith(("iy", "yy"))):
        return True
    return False


def _initial_ok(a: str, b: str) -> bool:
    """Initial (or name) ``a`` agrees with ``b``'s first sound (Дж. = J., Ю. = Yu. = U.)."""
    x, y = phonetic(a)[:1], phonetic(b)[:1]
    return x == y or {x, y} <= {"I", "J"} or {x, y} <= {"I", "U"} or frozenset((x, y)) in _NEAR


@dataclass(frozen=True)
class NameMatch:
    same: bool
    score: float
    reason: str


def _surname_sim(pa: ParsedName, pb: ParsedName, inflected: bool) -> tuple[float, int, int]:
    """Best surname similarity, allowing compound surnames (Rees-Mogg = Рис Могг, Duncan Smith):
    returns (score, words used as surname in a, in b)."""
    best = (word_similarity(pa.surname, pb.surname, inflected), 1, 1)
    if best[0] >= SURNAME_MIN:
        return best
    for ka in (1, 2):
        for kb in (1, 2):
            if (ka, kb) == (1, 1) or (ka == 2 and len(pa.words) < 3) or (kb == 2 and len(pb.words) < 3):
                continue                      # a compound surname leaves a given name
            sa, sb = "".join(pa.words[-ka:]), "".join(pb.words[-kb:])
            sim = word_similarity(sa, sb, inflected)
            if sim > best[0]:
                best = (sim, ka, kb)
    return best


# Short forms of given names. A clipped form keeps the start of the full name (Matt =
# Matthew, Сэм = Samuel, Влад = Владислав) and is found by rule; the table holds only common
# nicknames no rule derives. A clipped form is weaker evidence than a full name (Tim may be
# Timothy or Timur), so the surname must agree at least CLIPPED_SURNAME_MIN.
CLIPPED_SIM = 0.75
CLIPPED_SURNAME_MIN = 0.9
NICKNAME_SIM = 0.9
_CLIPPED_MIN_CONSONANTS = 2         # Ed, Al, Jo are too short to say which name they clip
_NICKNAME_SPELLING_MIN = 0.85       # how closely a written name must match a table entry
_NICKNAMES = {
    # English
    "bill": ("william",), "billy": ("william",), "bob": ("robert",), "bobby": ("robert",),
    "dick": ("richard",), "rick": ("richard",), "jim": ("james",), "jimmy": ("james",),
    "jack": ("john",), "ted": ("edward",), "ned": ("edward",), "tony": ("anthony",),
    "mike": ("michael",), "chuck": ("charles",), "hank": ("henry",), "harry": ("henry",),
    "peggy": ("margaret",), "maggie": ("margaret",), "betty": ("elizabeth",),
    "liz": ("elizabeth",), "beth": ("elizabeth",), "sandy": ("alexander", "alexandra"),
    # Russian (romanized)
    "sasha": ("aleksandr", "aleksandra"), "misha": ("mikhail",), "dima": ("dmitriy",),
    "volodya": ("vladimir",), "vova": ("vladimir",), "kolya": ("nikolay",),
    "zhenya": ("evgeniy", "evgeniya"), "lena": ("elena",), "katya": ("ekaterina",),
    "masha": ("mariya",), "natasha": ("natalya",), "tanya": ("tatyana",), "pasha": ("pavel",),
    "vanya": ("ivan",), "lesha": ("aleksey",), "alesha": ("aleksey",), "olya": ("olga",),
}


_VOWEL_LETTER = re.compile(r"(?<=.)y|[aeiou]")


def _first_vowels_agree(a: str, b: str) -> bool:
    """Same first vowel letter, or a/e (Russian э writes English a: Сэм = Sam, Дэн = Dan)."""
    va, vb = _VOWEL_LETTER.search(a), _VOWEL_LETTER.search(b)
    if not va or not vb:
        return False
    return va.group() == vb.group() or {va.group(), vb.group()} == {"a", "e"}


def _is_clipped(short: str, full: str) -> bool:
    """``short`` is the start of ``full``: same first sound and first vowel, and its
    consonants (at least two) begin ``full``'s consonants (Мэтт ~ Matthew, Saif ~ Сайфул;
    not Sam ~ Simon)."""
    if len(short) < 3 or len(full) <= len(short) or not _first_vowels_agree(short, full):
        return False
    ps, pf = phonetic(short), phonetic(full)
    if not ps or not pf or not (ps[0] == pf[0] or {ps[0], pf[0]} <= _VOWEL_CLASSES):
        return False
    ks, kf = skeleton(short), skeleton(full)
    return len(ks) >= _CLIPPED_MIN_CONSONANTS and len(kf) > len(ks) and kf.startswith(ks)


@lru_cache(maxsize=50_000)
def _is_nickname(nick: str, full: str) -> bool:
    for entry, full_forms in _NICKNAMES.items():
        if (word_similarity(nick, entry) >= _NICKNAME_SPELLING_MIN
                and any(word_similarity(full, f) >= _NICKNAME_SPELLING_MIN for f in full_forms)):
            return True
    return False


def _given_word_sim(g: str, h: str, inflected: bool) -> tuple[float, str]:
    """Similarity of two full given names, allowing one to be a short form of the other."""
    sim = word_similarity(g, h, inflected)
    if sim >= NICKNAME_SIM:
        return sim, "full name"
    if _is_nickname(g, h) or _is_nickname(h, g):
        return NICKNAME_SIM, "nickname"
    if sim < CLIPPED_SIM and (_is_clipped(g, h) or _is_clipped(h, g)):
        return CLIPPED_SIM, "short form"
    return sim, "full name"


def _given_sim(ga: tuple[str, ...], gb: tuple[str, ...], inflected: bool) -> tuple[float, str]:
    """Given names agree when each name of the shorter list matches one of the longer list
    (middle names and titles may be missing); initials match on their first letter."""
    short, long_ = (ga, gb) if len(ga) <= len(gb) else (gb, ga)
    scores = []
    kind = "full name"
    for g in short:
        best, how = 0.0, "full name"
        for h in long_:
            if g.startswith("~") or h.startswith("~"):
                if not _initial_ok(g.lstrip("~"), h.lstrip("~")):
                    continue
                sim, sim_how = 0.92, "initial"
            else:
                sim, sim_how = _given_word_sim(g, h, inflected)
            if sim > best:
                best, how = sim, sim_how
        scores.append(best)
        if how != "full name":      # the weaker kind of evidence names the decision
            kind = how
    joined = ("".join(ga), "".join(gb))
    if len(ga) != len(gb) and not any(g.startswith("~") for g in ga + gb):   # Жан-Клод / Jean Claude
        joined_sim = word_similarity(*joined, inflected)
        if joined_sim > min(scores):
            return joined_sim, "full name"
    return min(scores), kind


# A second surname one side leaves out (Muhammad Afzal Qadri = Мохамед Афзал; Spanish and
# Arabic names drop their last part): only when the kept surname and the given names both
# agree closely. It cannot tell an English middle name from a first surname (Ian Duncan vs
# Iain Duncan Smith), so it is held to stricter thresholds than a plain match.
DROPPED_SURNAME_MIN = 0.9
DROPPED_GIVEN_MIN = 0.85
DROPPED_SURNAME_FACTOR = 0.95
_PARENTHESIS = re.compile(r"\s*\(([^()]*)\)\s*")


def _name_readings(name: str) -> list[str]:
    """A name with a parenthesis read both ways: ``Азия Биби (Норин)`` is ``Азия Биби`` or
    ``Азия Норин`` (a maiden name or alias replaces the surname); a parenthesis of two or
    more words is a full name of its own."""
    inner = _PARENTHESIS.search(name)
    if not inner:
        return [name]
    outside = " ".join(_PARENTHESIS.sub(" ", name).split())
    alias = inner.group(1).strip()
    readings = [outside] if outside else []
    if len(alias.split()) >= 2:
        readings.append(alias)
    elif alias and len(outside.split()) >= 2:
        readings.append(" ".join(outside.split()[:-1] + [alias]))
    return readings or [name]


def _match_dropped_surname(pa: ParsedName, pb: ParsedName, inflected: bool) -> NameMatch | None:
    """The shorter name's surname is the longer one's second-to-last word, given names agree."""
    short, long_ = (pa, pb) if len(pa.words) < len(pb.words) else (pb, pa)
    if len(short.words) < 2 or len(long_.words) < 3 or len(long_.words) == len(short.words):
        return None
    kept = long_.words[-2]
    if kept.startswith("~") or _gender_conflict(short.surname, kept):
        return None
    sur = word_similarity(short.surname, kept, inflected)
    if sur < DROPPED_SURNAME_MIN:
        return None
    giv, _ = _given_sim(short.words[:-1], long_.words[:-2], inflected)
    if giv < DROPPED_GIVEN_MIN:
        return None
    score = DROPPED_SURNAME_FACTOR * (0.6 * sur + 0.4 * giv)
    return NameMatch(score >= SAME_MIN, round(score, 3), "second surname dropped")


def match_names(a: str | ParsedName, b: str | ParsedName) -> NameMatch:
    """Decide whether two person names refer to the same person (scored, with a reason).
    A name with a parenthesis is tried in each of its readings; the best decision counts."""
    readings_a = [a] if isinstance(a, ParsedName) else _name_readings(a)
    readings_b = [b] if isinstance(b, ParsedName) else _name_readings(b)
    if len(readings_a) == len(readings_b) == 1:
        return _match_parsed(readings_a[0], readings_b[0])
    matches = [_match_parsed(x, y) for x in readings_a for y in readings_b]
    return max(matches, key=lambda m: (m.same, m.score))


def _match_parsed(a: str | ParsedName, b: str | ParsedName) -> NameMatch:
    pa = a if isinstance(a, ParsedName) else parse_name(a)
    pb = b if isinstance(b, ParsedName) else parse_name(b)
    if pa.pinyin and pb.pinyin:
        ka = {p.replace(" ", "") for p in pa.pinyin}
        kb = {p.replace(" ", "") for p in pb.pinyin}
        if ka & kb:
            return NameMatch(True, 0.97, "pinyin")
        # a Chinese surname alone (Zhao, 赵, Чжао) against the full name: family name first
        for x in pa.pinyin:
            for y in pb.pinyin:
                sx, sy = x.split(), y.split()
                short, long_ = (sx, sy) if len(sx) <= len(sy) else (sy, sx)
                if len(short) == 1 and len(long_) in (2, 3) and long_[0] == short[0]:
                    return NameMatch(True, round(SURNAME_ONLY_FACTOR * 0.97, 3), "surname only")
        return NameMatch(False, 0.0, "pinyin differs")
    elif "han" in (pa.script, pb.script):
        return NameMatch(False, 0.0, "no pinyin reading")
    if not pa.surname or not pb.surname:
        return NameMatch(False, 0.0, "empty")
    inflected = pa.inflectable or pb.inflectable
    sur, ka, kb = _surname_sim(pa, pb, inflected)
    ga, gb = pa.words[:-ka], pb.words[:-kb]
    if sur < SURNAME_MIN and len(pa.words) == 2 and len(pb.words) == 2:
        # "Фамилия Имя" order against "Name Surname"
        alt = word_similarity(pa.words[0], pb.words[1], inflected)
        if alt >= SURNAME_MIN and word_similarity(pa.words[1], pb.words[0], inflected) >= GIVEN_MIN:
            return NameMatch(True, round(0.9 * alt, 3), "swapped order")
    if sur < SURNAME_MIN:
        dropped = _match_dropped_surname(pa, pb, inflected)
        if dropped is not None and dropped.same:
            return dropped
        return NameMatch(False, round(sur * 0.5, 3), "surname differs")
    if _gender_conflict(pa.surname, pb.surname):
        return NameMatch(False, round(sur * 0.5, 3), "surname gender differs")
    if not ga or not gb:
        score = SURNAME_ONLY_FACTOR * sur
        return NameMatch(score >= SAME_MIN * SURNAME_ONLY_FACTOR, round(score, 3), "surname only")
    giv, kind = _given_sim(ga, gb, inflected)
    if giv < GIVEN_MIN:
        return NameMatch(False, round(sur * 0.4, 3), "given names conflict")
    score = 0.6 * sur + 0.4 * giv
    if kind == "short form" and sur < CLIPPED_SURNAME_MIN:
        return NameMatch(False, round(score, 3), "short form, surname differs")
    return NameMatch(score >= SAME_MIN, round(score, 3), kind)


def name_key(name: str) -> str:
    """A script-neutral key: pinyin for Chinese names, else surname skeleton + first initial.

    Names with the same key are candidates for one entity (blocking); :func:`match_names`
    decides.
    """
    p = parse_name(name)
    if p.pinyin:
        return "zh:" + p.pinyin[0].replace(" ", "")
    if not p.surname:
        return ""
    return "pn:" + skeleton(p.surname)
