"""The originating outlet or agency a text names: datelines, end credits and source lines.

Evidence, strongest first:
1. a dateline agency at the start of one of the first body paragraphs ("(BelTA)", "/Xinhua/",
   "— РИА Новости.", "新华社北京12月17日电");
2. an agency credit closing the article ("... talks. — Reuters", "(Xinhua)", "（来源：新华网）");
3. a "Source: ..." line or a Chinese header "来源：..." — aggregator lines that name a whole
   site section ("People's Republic of China – State Council News") lose to 1 and 2.
Reported speech ("Kommersant quoted ...", "RIA Novosti reports") and photo credits are not
sources. None when nothing names one.
"""
from __future__ import annotations

import re

DATELINE_PARAGRAPHS = 3        # a dateline opens one of the first paragraphs of the body
END_CREDIT_LINE_CHARS = 40     # a line this short ending in a credit is a credit line ("- REUTERS")

# Agencies and outlets that often close an article with a bare credit; mixed-case names are
# accepted as an end credit only from this list (all-caps names are accepted as they are).
KNOWN_AGENCIES = frozenset(n.casefold() for n in (
    "Reuters", "AP", "Associated Press", "AFP", "Xinhua", "TASS", "ТАСС", "RIA Novosti", "РИА Новости", "Interfax",
    "Интерфакс", "BelTA", "БелТА", "Kazinform", "Казинформ", "Sputnik", "Спутник", "Bloomberg", "DPA", "EFE", "ANSA",
    "Kyodo", "Yonhap", "PTI", "IANS", "Bernama", "Anadolu", "IRNA", "UNIAN", "УНИАН", "Ukrinform", "Укринформ",
    "Trend", "APA", "AKIpress", "Kabar", "Кабар", "Khovar", "Ховар", "UzA", "Dunya", "CGTN", "CCTV", "China Daily",
    "Global Times", "People's Daily", "新华社", "新华网", "中新社", "中新网", "人民网", "人民日报", "央视网", "央视新闻",
    "中国日报", "环球时报", "环球网", "ИТАР-ТАСС", "Прайм", "ПРАЙМ", "Регнум", "REGNUM", "Известия", "Коммерсантъ",
    "Ведомости", "РБК", "RBC", "Lusa", "Agerpres", "MTI", "PAP", "CTK", "ČTK", "WAM", "SPA", "QNA", "KUNA", "MENA",
))

_END_CREDIT = re.compile(r"(?:^|\s)(?:--|[-–—])\s*(?P<ag>[A-ZА-ЯЁ][\w&'’.-]*(?:[ /][A-ZА-ЯЁ][\w&'’.-]*){0,2})\s*\.?$")
_PAREN_CREDIT = re.compile(r"(?:^|[.!?。”\"»]\s*)[（(]\s*(?P<ag>[^()（）]{2,30}?)\s*[）)]\.?$")
_CN_CREDIT = re.compile(r"[（(【\[]\s*(?:来源|來源|稿源|转自)\s*[:：]\s*(?P<ag>[^）)】\]]{2,30})[）)】\]]\s*$")
_AGGREGATOR = re.compile(r"(?i)(?:\s[–—-]\s|news$|\bnews\b.*\bin russian\b|government|state council|"
                         r"ministry|министерств|правительств)")


def clean_name(s: str) -> str | None:
    """An agency name as written, without its dateline decoration ("(BelTA)" → "BelTA")."""
    s = re.sub(r"\s+", " ", s).strip(" \t/()[]（）【】.,;:-–—|")
    if not s or len(s) > 60:
        return None
    s = re.sub(r"(?i)\.(?:ru|com|cn|kz|by|ua|org|net)$", "", s)   # "INTERFAX.RU" → "INTERFAX"
    # All-caps Latin names longer than an acronym are written in title case ("REUTERS" → "Reuters").
    if s.isascii() and s.isupper() and len(s) > 5 and " " not in s and "-" not in s:
        s = s.title()
    return s


def is_known_agency(name: str) -> bool:
    """An agency this list or the linker's agency table knows, in any spelling (ТАСС, 塔斯社, TASS)."""
    if name.casefold() in KNOWN_AGENCIES:
        return True
    from ..crossscript import known_agency
    return 2 <= len(name) <= 60 and known_agency(name) is not None


def end_credit(line: str) -> str | None:
    """An agency credited by the article's last line ("— Reuters", "(Xinhua)", "（来源：新华网）")."""
    t = line.strip()
    if not t or len(t) > 2000:
        return None
    m = _CN_CREDIT.search(t)
    if m:
        return clean_name(m.group("ag"))
    # A line that is only a credit: "- REUTERS", "(XINHUA)", "— Kazinform."
    short = len(t) <= END_CREDIT_LINE_CHARS and bool(re.fullmatch(r"[-–—(（\s]*[^\W\d_][\w&'’. /-]*[)）.\s]*", t))
    m = _PAREN_CREDIT.search(t[-50:])
    if m and _credible(m.group("ag").strip(), short):
        return clean_name(m.group("ag"))
    m = _END_CREDIT.search(t[-60:])
    if m and _credible(m.group("ag").strip(" ."), short):
        return clean_name(m.group("ag"))
    return None


def _credible(name: str, short_line: bool) -> bool:
    """A known agency anywhere; an unknown all-caps name ("- KAZINFORM") only on a line of its
    own, and never two letters (reporters sign with initials: "(BA)", "– NM")."""
    if is_known_agency(name):
        return True
    letters = sum(ch.isalpha() for ch in name)
    return short_line and name.isupper() and letters >= 3 and not any(ch.isdigit() for ch in name)


def is_aggregator_value(value: str) -> bool:
    """A "Source:" value naming a site section or a government portal rather than an agency."""
    return bool(_AGGREGATOR.search(value)) and not is_known_agency(value)


_NOT_AN_OUTLET = re.compile(r"(?i)^(?:news agencies|agencies|wires?|wire services|staff|internet|web|social media|"
                            r"агентства|сми|интернет|соцсети|网络|综合|网友)$")


def clean_source_value(value: str) -> str | None:
    """The outlet named by a "Source:" line ("Xinhua News Agency" stays; dangling dashes go)."""
    v = re.sub(r"\s+", " ", value).strip(" \t-–—|:：.,")
    v = re.sub(r"^(?:https?://)?(?:www\.)?", "", v)
    if not v or _NOT_AN_OUTLET.match(v):
        return None
    return clean_name(v)
