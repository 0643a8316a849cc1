"""The "clean" step: mark whole lines that are not article body, by general rules.

Lines are never removed: each boilerplate line becomes a span (label = kind) and the rest of
the text is the body. Three passes:

1. line rules — a line's own words say what it is (a subscription prompt, a photo credit,
   "Read also", a "Posted ..." stamp, a "Source:" line, share buttons, a breadcrumb, ...);
2. header and footer — the lines before the headline that are too short to be text are site
   navigation; dates standing alone there are the page's date stamps; the one nearest the
   headline (a time of day helps) is the article's, the others are site-header dates;
   short lines after the last paragraph are footer links;
3. repeats — a second copy of the headline or of any short line.

Stamps keep their information for the metadata step: label "stamp" with attrs ``kind``
(posted, published, updated, modified, date) and ``date`` (ISO, or ``--MM-DD`` without a year).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from .dates import find_dates
from .lines import Line, is_cjk, is_date_line, sentence_breaks, split_lines, word_count
from .source import is_known_agency
from .title import find_headline, starts_with_dateline

# -- thresholds (calibrated on the seeds, WMT dev and trafilatura's evaluation pages) ---------
NAV_MAX_WORDS = 4            # a header line this short, before the headline, is navigation
NAV_MAX_CHARS = 40
FOOTER_MAX_WORDS = 8         # a short unpunctuated line after the last paragraph is a footer link
RULE_MAX_CHARS = 220         # line rules apply to lines at most this long (disclaimers excepted)
REPEAT_MAX_CHARS = 300       # a repeated line up to this long is boilerplate (second copy)
STAMP_MAX_GAP = 40           # "Updated 2:30 PM EST, Wed December 17, 2025": the date follows its keyword
LONG_PARAGRAPH = 200         # characters that make a line body text for sure (CJK: a third)

_I = re.IGNORECASE


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _I)


# The rules not anchored at the line start (every other pattern's alternatives begin with "^").
_SUBSCRIBE_ANYWHERE = _rx(r"(?:subscribe to (?:us|our)|follow us on|подписывайтесь на|подпишитесь на|"
                          r"关注.{0,10}(?:公众号|微信|微博)|(?:please|to) subscribe|already a subscriber|"
                          r"^follow [\w@.&' ]{2,40} on (?:twitter|facebook|instagram|telegram|x|linkedin)\b|"
                          r"download (?:the|our) .{0,40}\bapps?\b|by signing up|sign up for (?:our|the)|"
                          r"síguenos en|siguenos en|únete|打开app|下载app)")
_PHOTO_CREDIT_ANYWHERE = _rx(r"^(?:©|\(c\)|copyright)\s*\S.{0,60}$|(?:getty images|afp photo|reuters/[A-Z]|ap photo/|"
                             r"/ ?(?:reuters|afp|ap|tass|ria novosti|xinhua|ria|тасс|риа новости)\s*$|"
                             r"(?:图|图片|摄影)[:：/]|图片来源)")
_DISCLAIMER = _rx(r"(?:disclaimer|does not necessarily reflect|do not necessarily reflect|"
                  r"raw content obtained directly from|views expressed (?:in|here)|"
                  r"мнение редакции (?:может )?не совпада(?:ет|ть)|редакция не (?:несет|несёт) ответственност|"
                  r"точка зрения автора может не совпадать|本文仅代表|不代表本(?:网|站)|免责声明|"
                  r"this (?:article|story|content) (?:was|has been) (?:automatically |machine[- ])?translated|"
                  r"trust principles|нашли ошибку|выделите (?:её|ее) и нажмите|"
                  r"copyrighted property|written permission|без письменного разрешения|转载请注明|未经许可)")
_COPYRIGHT = _rx(r"(?:all rights reserved|все права защищены|版权所有|未经授权|使用本网站|при (?:использовании|цитировании) "
                 r"материалов|любое использование материалов)")

# Each rule: (kind, pattern searched in the stripped line, max length); the first that matches
# wins. _EXACT_NEEDLES lists, for the unanchored ones, literals of which every match contains
# one (see _rule_kind).
_RULES: tuple[tuple[str, re.Pattern[str], int], ...] = (
    ("subscribe", _rx(r"^(?:subscribe\b|sign up\b|follow us\b|join us on\b|get (?:our|the) (?:latest|daily|free)\b|"
                      r"download (?:our|the) app|newsletter\b|подпис(?:ывайтесь|аться|ка|итесь|ывайся)\b|"
                      r"следите за (?:нами|новостями)|читайте нас\b|присоединяйтесь\b|наш (?:канал|telegram)|"
                      r"订阅|关注我们|扫码关注|扫描二维码|长按(?:识别)?二维码|下载.{0,8}客户端|suscr[ií]bete|abonnez-vous|"
                      r"abonnieren sie)"), RULE_MAX_CHARS),
    ("subscribe", _SUBSCRIBE_ANYWHERE, 200),
    ("photo_credit", _rx(r"^[(\[]?(?:photo(?:graph|s)?|image|picture|pictured|illustration|video|file photo|"
                         r"cover photo|фото(?:графия)?|иллюстрация|кадр|видео|скриншот|图片来源|图片|图|摄影|摄|视频|"
                         r"foto|bild)\s*(?:credit|courtesy|source|by|:)?\s*[:：©/|]"), 160),
    ("photo_credit", _rx(r"^(?:photo|фото|foto)\s+(?:by|courtesy|from|автора?|[A-ZА-ЯЁ]{2,})"), 100),
    ("photo_credit", re.compile(r"^(?:(?:AFP|REUTERS|Reuters|AP|EPA|EPA-EFE|GETTY|Getty Images|TASS|ТАСС|XINHUA|Xinhua|"
                                r"SPUTNIK|Sputnik|РИА Новости)\s*/\s*\S|(?i:credits?)\s*[:：])"), 100),
    ("photo_credit", _PHOTO_CREDIT_ANYWHERE, 160),
    ("disclaimer", _DISCLAIMER, 600),
    # ^ scanned only when one of _NEEDLES["disclaimer"] occurs in the line (5x faster on body text)
    ("related", _rx(r"^(?:see also|read also|also read|read more|more on this|related(?: news| articles| stories| topics)?"
                    r"\s*(?:[:：]|$)|recommended\b|you (?:may|might) (?:also )?like|more from\b|recent news|latest news|"
                    r"more news|more stories|top stories|most (?:read|popular|viewed)|trending\b|"
                    r"читайте (?:также|еще|ещё|тоже)|см\. также|смотрите также|по теме\b|ещё по теме|еще по теме|"
                    r"новости по теме|другие новости|последние новости|похожие (?:новости|материалы)|"
                    r"материалы по теме|популярное\b|самое (?:читаемое|популярное)|рекомендуем\b|лента новостей|"
                    r"相关新闻|相关阅读|相关链接|相关报道|延伸阅读|推荐阅读|热点推荐|更多新闻|更多精彩|猜你喜欢|热门新闻|"
                    r"lea (?:también|más)|lee (?:también|más)|ver también|lesen sie (?:auch|mehr)|mehr zum thema|"
                    r"(?:à )?lire aussi|voir aussi|(?:lea|mire|vea también|le puede interesar|puedes ver)\s*:|"
                    r"notas relacionadas|contenido relacionado|das könnte sie auch|czytaj (?:też|także)|"
                    r"читать (?:далее|также|полностью)|подробнее\s*(?:[:→>»]|$)|点击(?:进入|查看)|原标题\s*[:：])"),
     RULE_MAX_CHARS),
    ("share", _rx(r"^(?:share(?: this(?: article| story| page)?)?(?: on)?|tweet|print(?: this)?|email|e-mail|"
                  r"поделиться|распечатать|печать|версия для печати|отправить|分享(?:到)?|打印|收藏|"
                  r"compartir|teilen(?: mit)?|partager|copy link|копировать ссылку|扫一扫)\s*[:：]?\s*$"), 60),
    ("share", _rx(r"^(?:(?:facebook|twitter|x|telegram|vk|vkontakte|вконтакте|одноклассники|ok|whatsapp|viber|"
                  r"linkedin|reddit|email|e-mail|微信|微博|qq空间|qq|pinterest|flipboard|copy link|print)"
                  r"\s*(?:[|/,·•]\s*)?){2,}$"), 160),
    ("tags", _rx(r"^(?:tags?|теги|тэги|метки|ключевые слова|标签|关键词|keywords|topics|rubrics?|рубрик[аи]|"
                 r"categor(?:y|ies)|filed under|分类|栏目|themen)\s*[:：]"),
     RULE_MAX_CHARS),
    ("credits", _rx(r"^(?:【纠错】|\[纠错\])?\s*[\[【(（]?(?:责任编辑|编辑|责编|审核|校对|审校|监制|制作|(?:来源|出处)[:：]\s*\S+\s*(?:作者|编辑))\s*[:：]|"
                    r"^\(?(?:reporting by|writing by|editing by|edited by|compiled by|additional reporting by)\b|"
                    r"^(?:редактор|выпускающий редактор|корректор)\s*[:：]"), 160),
    ("byline", _rx(r"^(?:by|автор|авторы|作者|记者|text|текст)\s*[:：]?\s*[A-ZА-ЯЁ\u4e00-\u9fff][^.!?。]{1,80}$"), 100),
    ("copyright", _COPYRIGHT, 400),
    ("comments", _rx(r"^(?:\d+\s+)?(?:(?:view|show|read) comments|comments?|комментари[ийя]в?|评论|发表评论|leave a (?:comment|reply)|add (?:a )?comment|"
                     r"добавить комментарий|написать комментарий)\s*[:：]?\s*\(?\d*\)?$"), 60),
    ("reading_time", _rx(r"^(?:(?:estimated )?reading time|tempo de leitura|tiempo de lectura|temps de lecture|"
                         r"lesezeit|время (?:на )?чтения|читать \d+ мин|阅读时间|阅读量)\s*[:：]?\s*\d|"
                         r"^\d+\s*(?:min(?:ute)?s?|мин\.?|分钟)\s*(?:read|чтения|阅读)?\s*$"), 60),
    ("ad", _rx(r"^(?:advertisement|advertising|реклама|广告|sponsored(?: content)?|партн[её]рский материал|"
               r"на правах рекламы)\s*$"), 40),
    ("nav", _rx(r"^(?:home|main page|all news|all stories|news feed|back to top|skip to (?:main )?content|menu|search|"
                r"log ?in|sign in|register|главная(?: страница)?|все новости|вернуться|наверх|войти|поиск|меню|"
                r"首页|返回首页|返回顶部|返回|上一篇|下一篇|上一页|下一页|next|previous|next article|previous article|"
                r"следующая (?:новость|статья)|предыдущая (?:новость|статья))\s*[:：>»]?\s*$"), 60),
    ("aggregator", _rx(r"^(?:translation|machine translation|перевод|翻译)\s*\.(?:\s*region\s*:.*)?$|^region\s*:|^регион\s*:"),
     RULE_MAX_CHARS),
)

# On long lines a rule of these kinds runs only when one of the kind's needles occurs (a
# tuning, not an exact test: it also skips the anchored "subscribe" rule on long lines).
NEEDLE_MIN_CHARS = 160
_NEEDLES: dict[str, tuple[str, ...]] = {
    "disclaimer": ("disclaim", "necessarily", "raw content", "views expressed", "мнение редакции", "не несет",
                   "не несёт", "точка зрения", "本文仅代表", "不代表本", "免责声明", "translated", "trust principles",
                   "нашли ошибку", "выделите", "copyrighted", "written permission", "письменного разрешения",
                   "转载", "未经许可"),
    "subscribe": ("subscri", "follow", "download", "sign", "síguenos", "siguenos", "únete", "app", "подпис",
                  "关注", "订阅"),
    "copyright": ("rights reserved", "права защищены", "版权所有", "未经授权", "使用本网站", "материалов"),
}

# Rules not anchored at the line start scan every position: each gets the lower-case literals
# of which every match of its pattern contains one, so a line without them skips the scan
# (exact: a necessary condition, checked on any line length).
_EXACT_NEEDLES: dict[re.Pattern[str], tuple[str, ...]] = {
    _SUBSCRIBE_ANYWHERE: ("subscribe to us", "subscribe to our", "follow", "подписывайтесь на", "подпишитесь на",
                          "关注", "please subscribe", "to subscribe", "already a subscriber", "download the ",
                          "download our ", "by signing up", "sign up for", "síguenos en", "siguenos en", "únete",
                          "打开app", "下载app"),
    _PHOTO_CREDIT_ANYWHERE: ("©", "(c)", "copyright", "getty images", "afp photo", "/", "图", "摄影"),
    _DISCLAIMER: _NEEDLES["disclaimer"],
    _COPYRIGHT: _NEEDLES["copyright"],
}
# Characters that re.IGNORECASE equates with a needle's letter although str.lower() does not
# ("İ" lowers to two characters; "ı", "ſ" and the old Cyrillic letter forms fold to i, s, в ...):
# a line with one of them runs every rule (tests/test_extract_boilerplate.py derives the set).
_CASE_EXOTIC = re.compile("[\u0130\u0131\u017f\u1c80-\u1c88]")


def _literals(needles) -> re.Pattern[str]:
    """One scan for any of ``needles`` (a literal alternation: ``any(n in s for n in needles)``)."""
    return re.compile("|".join(re.escape(n) for n in needles))


@dataclass(frozen=True)
class _RuleTable:
    """The rules that apply to lines up to ``max_chars`` long (each rule's own limit at least that)."""

    max_chars: int
    anchored_any: re.Pattern[str] | None     # one anchored pattern for all anchored rules here
    any_needle: re.Pattern[str] | None        # any needle of the unanchored rules here
    # (kind, pattern, exact needles or None when anchored, long-line needles or None)
    rules: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None], ...]


def _rule_table(limit: int) -> _RuleTable:
    picked = [(kind, rx) for kind, rx, max_len in _RULES if max_len >= limit]
    anchored = [rx for _, rx in picked if rx not in _EXACT_NEEDLES]
    needles = [n for _, rx in picked for n in _EXACT_NEEDLES.get(rx, ())]
    return _RuleTable(
        limit,
        re.compile("^(?:" + "|".join(f"(?{'i' if rx.flags & re.IGNORECASE else ''}:{rx.pattern})"
                                     for rx in anchored) + ")") if anchored else None,
        _literals(needles) if needles else None,
        tuple((kind, rx, _literals(_EXACT_NEEDLES[rx]) if rx in _EXACT_NEEDLES else None,
               _literals(_NEEDLES[kind]) if kind in _NEEDLES else None) for kind, rx in picked))


# One table per distinct rule length limit, shortest first: a line takes the first that fits it.
_RULE_TABLES = tuple(_rule_table(limit) for limit in sorted({max_len for _, _, max_len in _RULES}))
_RULE_TABLE_LIMITS = [tb.max_chars for tb in _RULE_TABLES]

# Lines that credit a source ("Source: Xinhua", "Источник: ТАСС", "来源：新华网").
_SOURCE_LINE = _rx(r"^[\[【(（]?\s*(?:source|sources|news source|источник|источники|по материалам|来源|來源|稿源|"
                   r"fuente|quelle|source de l'article)\s*[:：]?\s*(?P<value>[^\n]{2,150}?)\s*[\]】)）]?$")
_SOURCE_WORD = _rx(r"^[\[【(（]?\s*(?:source|sources|news source|источник|источники|по материалам|来源|來源|稿源|fuente|quelle)"
                   r"\s*[:：]")
# "Posted 21 December 2022", "Опубликовано: ...", "发布时间：2025-12-17", "Last updated on ...".
_STAMP = _rx(r"^(?P<kw>(?:first |originally )?(?:posted|published|publication date|date published|release date|"
             r"released|issued)|(?:last )?(?:updated|modified|edited|changed|update)|date|created|"
             r"опубликовано|опубликован[ао]?|дата публикации|дата|размещено|обновлено|обновлен[ао]?|дата обновления|"
             r"изменено|последнее обновление|"
             r"发布时间|发布日期|发表时间|发表日期|发布于|更新时间|更新日期|修改时间|时间|日期|"
             r"publicado|actualizado|veröffentlicht|aktualisiert|publié|mis à jour)\b\s*(?:on|at|в|:|：)?")
# The same keywords after a separator inside a short line ("Bureau | Updated : 19 November 2019").
_STAMP_INLINE = _rx(r"(?:[|·•/]|\s[-–—]|^\W+)\s*(?P<kw>(?:first )?(?:posted|published|updated|modified|last updated)|"
                    r"опубликовано|обновлено|发布时间|更新时间|publicado|actualizado|veröffentlicht|aktualisiert|"
                    r"publié|mis à jour)\b\s*(?:on|at|в|:|：)?")
_STAMP_KIND = (
    ("modified", _rx(r"updat|modif|edit|chang|обновл|измен|更新|修改|actualiz|aktualis|mis à jour")),
    ("published", _rx(r"publi|releas|issu|опубл|размещ|发布|发表|veröff")),
    ("posted", _rx(r"posted|created")),
)


@dataclass
class Marked:
    """A boilerplate line: label = kind, attrs = what it says (date, value)."""

    line: Line
    kind: str
    attrs: dict[str, Any] = field(default_factory=dict)


def _stamp_kind(keyword: str) -> str:
    for k, rx in _STAMP_KIND:
        if rx.search(keyword):
            return k
    return "date"


def _stamp(line: Line) -> Marked | None:
    if len(line.text) > 120:
        return None
    m = _STAMP.match(line.text) or _STAMP_INLINE.search(line.text)
    if not m:
        return None
    kind = _stamp_kind(m.group("kw"))
    if not line.text[m.end():].strip(" :："):
        return Marked(line, "stamp", {"kind": kind, "label_only": True})   # "Published:" (date below)
    found = find_dates(line.text, m.end())
    if not found or found[0].start - m.end() > STAMP_MAX_GAP:
        return None
    mk = Marked(line, "stamp", _date_attrs(found[0], kind))
    src = _CJK_SOURCE.search(line.text, found[0].end) if "源" in line.text else None
    if src:                # "时间：2025-12-03 10:30:45 来源：人民日报": the stamp names its source
        mk.attrs["source"] = src.group(1).strip("。.，,")
    return mk


def _date_attrs(dm, kind: str) -> dict[str, Any]:
    attrs: dict[str, Any] = {"kind": kind, "date": dm.iso() if dm.year else f"--{dm.month:02d}-{dm.day:02d}"}
    if dm.hour is not None:
        attrs["time"] = f"{dm.hour:02d}:{dm.minute:02d}"
    return attrs


def _source_value(text: str) -> str | None:
    m = _SOURCE_LINE.match(text)
    if not m:
        return None
    value = m.group("value").strip(" \t-–—|:：.,")
    return value or None


_CREDIT_SEP = re.compile(r"\s+[|·•]\s+|\s{3,}|\u3000+")
_AUTHOR_KEY = re.compile(r"^(?:by|автор|作者)\b\s*[:：]?\s*", re.I)
CREDIT_LINE_MAX = 160
CREDIT_LINE_TOP = 15      # credit lines stand under the headline: the first lines of a page
_AGENCY_COMMA = re.compile(r"^([^,\d]{2,40}),\s+(.{6,40})$")
_DIGIT = re.compile(r"\d")


def _credit_line(line: Line) -> Marked | None:
    """"Source: Xinhua | Updated: 2025-12-03 10:30", "Reuters | December 3, 2025", "Editor: Li Ming |
    Source: CGTN | 2025-12-03": a stamp made of separated pieces, one a date, one may name the source
    (after "Source:"/"来源："/"By", or an agency the agency table knows)."""
    t = line.text
    if len(t) > CREDIT_LINE_MAX or not _DIGIT.search(t):
        return None        # every date it could carry has a digit: most lines stop here
    sep = _CREDIT_SEP.search(t)
    if sep:
        pieces = [p.strip() for p in _CREDIT_SEP.split(t) if p.strip()]
    else:                  # "РИА Новости, 03.12.2025": an agency the table knows, a comma, the date
        m = _AGENCY_COMMA.match(t)
        if not m:
            return None
        pieces = [m.group(1), m.group(2)]
    date, source, kind = None, None, "date"
    for p in pieces:
        found = find_dates(p)
        if found and date is None and len(p) - (found[0].end - found[0].start) <= 24:
            date = found[0]
            kw = _STAMP.match(p)
            kind = _stamp_kind(kw.group("kw")) if kw else "date"      # "Updated: …" is a modification date
            continue
        key = _SOURCE_WORD.match(p) or _AUTHOR_KEY.match(p)
        name = p[key.end():].strip(" :：") if key else p
        # "Source: CGTN" names it; "By Xinhua" only when an agency writes (an author is no source)
        if source is None and (key is not None and key.re is _SOURCE_WORD or is_known_agency(name)):
            source = name
    if date is None or not sep and source is None:
        return None        # the comma form is a credit only with an agency and a date
    mk = Marked(line, "stamp", _date_attrs(date, kind))
    if source:
        mk.attrs["source"] = source
    return mk


def classify_line(line: Line) -> Marked | None:
    """What a line's own words say it is; None for a line that may be body."""
    t = line.text
    if not t or len(t) > 600:
        return None
    credit = _credit_line(line) if line.index < CREDIT_LINE_TOP else None
    if credit is not None:
        return credit
    stamp = _stamp(line)
    if stamp is not None:
        return stamp
    if _SOURCE_WORD.match(t) and len(t) <= 160:
        # "Source: Xinhua | 2025-12-17 10:30:45 | Editor: huaxia": a stamp that names its source.
        dated = find_dates(t)
        if dated:
            head = _SOURCE_WORD.sub("", t[:dated[0].start], count=1)
            value = re.split(r"\s[|·•]\s|\s{2,}", head.strip())[0].strip(" \t-–—|:：.,")
            mk = Marked(line, "stamp", _date_attrs(dated[0], "date"))
            if value:
                mk.attrs["source"] = value
            return mk
        value = _source_value(t)
        # A header line "2025-12-17 10:30 来源：新华网" is handled with the dates; here: a credit line.
        return Marked(line, "source_line", {"value": value} if value else {})
    kind = _rule_kind(t)
    if kind is not None:
        return Marked(line, kind)
    if _is_breadcrumb(t) or _is_menu(t):
        return Marked(line, "nav")
    return None


def _rule_kind(t: str) -> str | None:
    """The kind of the first rule of _RULES that ``t`` matches (None: no rule matches).

    Rules that cannot match are skipped without running them: those whose length limit the
    line exceeds, anchored ones when the table's combined anchored pattern fails, the others
    when none of their needles occurs.
    """
    n = len(t)
    i = bisect_left(_RULE_TABLE_LIMITS, n)
    if i == len(_RULE_TABLES):
        return None
    table = _RULE_TABLES[i]
    anchored = table.anchored_any is not None and table.anchored_any.match(t) is not None
    low = t.lower()
    exotic = _CASE_EXOTIC.search(t) is not None
    if not anchored and not exotic and (table.any_needle is None or table.any_needle.search(low) is None):
        return None
    long_line = n > NEEDLE_MIN_CHARS
    for kind, rx, exact, long_needles in table.rules:
        if long_line and long_needles is not None and long_needles.search(low) is None:
            continue
        if exact is None:
            if not anchored:
                continue
        elif not exotic and exact.search(low) is None:
            continue
        if rx.search(t):
            return kind
    return None


_MENU_SEP = re.compile(r"\s+[|•·]\s+|\s*\|\s*")
MENU_MIN_ITEMS = 3           # "Politics | Society | Economy": a section menu
MENU_MAX_ITEM_WORDS = 3


def _is_menu(t: str) -> bool:
    """A row of short section names between separators."""
    if len(t) > 200 or not ("|" in t or " • " in t or " · " in t):
        return False
    items = [x for x in _MENU_SEP.split(t) if x]
    return (len(items) >= MENU_MIN_ITEMS and len(items) > t.count(".")
            and all(len(x.split()) <= MENU_MAX_ITEM_WORDS and not _CRUMB_BAD.search(x) for x in items))


_CRUMB_SEP = re.compile(r"\s*[>»›→/]+\s*")
_CRUMB_CHAR = re.compile(r"[>»›→/]")
_CRUMB_BAD = re.compile(r"[.!?。，,;:]\s|[.!?。]$")
_CRUMB_ARROW = re.compile(r"\s[›→]\s")                   # arrows no sentence uses between words
_CRUMB_NAME_STOP = re.compile(r"(?<=\w\w)\.\s+(?=\w)")
_CRUMB_HOME = _rx(r"^(?:home|news|main|главная|новости|首页|主页|新闻|startseite|accueil|inicio|portada)$")


def _is_breadcrumb(t: str) -> bool:
    """"Home > News > World", "Главная / Политика", "首页 > 新闻": short parts between separators."""
    if len(t) > 200 or not _CRUMB_CHAR.search(t):
        return False
    if "/" in t and not re.search(r"[>»›→]", t) and " / " not in t:
        return False  # "Putin/Xi", "and/or", URLs
    parts = _CRUMB_SEP.split(t)
    if _CRUMB_ARROW.search(t):
        # An outlet's name and its edition before the arrows: "Аргументы Недели. Санкт-Петербург → Общество".
        parts = [q for p in parts for q in _CRUMB_NAME_STOP.split(p)]
    if len(parts) < 2 or any(not p or len(p) > 40 or _CRUMB_BAD.search(p) for p in parts):
        return False
    if len(parts) == 2 and not _CRUMB_HOME.match(parts[0]) and not re.search(r"[>»›→]{2}|[›→]", t):
        return False  # two parts need a home word, or an unmistakable crumb arrow ("人民网 >> 国际")
    return all(word_count(p) <= 4 for p in parts)


def _is_long(line: Line) -> bool:
    t = line.text
    if is_cjk(t):
        return len(t) >= LONG_PARAGRAPH // 3 or t.count("。") >= 2
    return len(t) >= LONG_PARAGRAPH or (len(t) >= 80 and sentence_breaks(t, stop_at=1) >= 1)


_ENDS_PUNCTUATED = re.compile(r"[.!?。！？:;…\"»”]$")
_ENDS_SENTENCE = re.compile(r"[.!?。！？:;…\"»”)]$")      # a line that a wrapped line cannot continue


def _short_unpunctuated(t: str, max_words: int) -> bool:
    return len(t) <= 80 and word_count(t) <= max_words and not _ENDS_PUNCTUATED.search(t)


_CJK_SOURCE = re.compile(r"(?:来源|來源|稿源)\s*[:：]\s*(\S{2,30})")


def _date_line_stamp(line: Line, cjk_source: bool = True) -> Marked | None:
    """A line that is a date standing alone (optionally with a Chinese '来源：' credit)."""
    t = line.text
    if len(t) > 120:
        return None
    src = None
    if cjk_source and ("源" in t):
        m = _CJK_SOURCE.search(t)
        if m:
            src = m.group(1)
            t = t[:m.start()] + t[m.end():]
            t = re.sub(r"(?:作者|编辑|责任编辑)\s*[:：]\s*\S+", " ", t)
    if not is_date_line(t):
        return None
    found = find_dates(t)
    mk = Marked(line, "stamp", _date_attrs(found[0], "date"))
    if found[0].weekday:
        mk.attrs["weekday"] = True
    if src:
        mk.attrs["source"] = src.strip("。.，,")
    return mk


def mark_boilerplate(text: str) -> tuple[list[Marked], list[Line], Line | None]:
    """The boilerplate lines of ``text``, all its lines, and the headline line (or None)."""
    lines = split_lines(text)
    marked: dict[int, Marked] = {}
    for line in lines:
        mk = classify_line(line)
        # Date lines anywhere in the text are stamps of some kind (context decides which below).
        if mk is None and line.text:
            mk = _date_line_stamp(line)
        if mk is not None:
            marked[line.index] = mk

    # "Published:" alone on its line names the kind of the date standing on the next line.
    for idx, mk in list(marked.items()):
        if mk.kind == "stamp" and mk.attrs.get("label_only"):
            nxt = next((ln for ln in lines[idx + 1:idx + 3] if ln.text), None)
            below = marked.get(nxt.index) if nxt is not None else None
            if below is not None and below.kind == "stamp" and below.attrs.get("kind") == "date":
                below.attrs["kind"] = mk.attrs["kind"]

    # A "Read also" / "See also" heading alone on its line takes the short link lines below it.
    for idx, mk in list(marked.items()):
        if mk.kind == "related" and _short_unpunctuated(mk.line.text, 4):
            j = idx + 1
            while j < len(lines):
                ln = lines[j]
                if ln.text:
                    if j in marked or _is_long(ln) or not _short_unpunctuated(ln.text, 20):
                        break
                    marked[j] = Marked(ln, "related")
                j += 1

    body_start = next((ln.index for ln in lines if ln.text and ln.index not in marked
                       and (_is_long(ln) or starts_with_dateline(ln.text))), len(lines))
    headline = find_headline(lines, set(marked), body_start,
                             nav={i for i, mk in marked.items() if mk.kind == "nav"})
    head_idx = headline.index if headline else body_start

    # Header: short lines before the headline are navigation.
    for ln in lines[:head_idx]:
        if ln.text and ln.index not in marked and _short_unpunctuated(ln.text, NAV_MAX_WORDS) \
                and len(ln.text) <= NAV_MAX_CHARS:
            marked[ln.index] = Marked(ln, "nav")

    _decide_header_dates(lines, marked, head_idx, body_start)

    # Repeats: the second copy of the headline or of any short line.
    seen: dict[str, int] = {}
    for ln in lines:
        if not ln.text or len(ln.text) > REPEAT_MAX_CHARS:
            continue
        key = " ".join(ln.text.casefold().split())
        if key in seen and ln.index not in marked:
            first = seen[key]
            kind = "repeated_title" if headline is not None and first == headline.index else "repeated"
            marked[ln.index] = Marked(ln, kind)
        seen.setdefault(key, ln.index)

    # Footer: short unpunctuated lines after the last long paragraph.
    last_long = next((ln.index for ln in reversed(lines) if ln.text and ln.index not in marked and _is_long(ln)), -1)
    if last_long >= 0:
        tail = [ln for ln in lines[last_long + 1:] if ln.text and ln.index not in marked]
        if tail and all(_short_unpunctuated(ln.text, FOOTER_MAX_WORDS) for ln in tail) and len(tail) <= 12:
            for ln in tail:
                marked[ln.index] = Marked(ln, "footer")
    return [marked[i] for i in sorted(marked)], lines, headline


def _decide_header_dates(lines: list[Line], marked: dict[int, Marked], head_idx: int, body_start: int) -> None:
    """Of the dates standing alone around the headline, the nearest (with a time of day) is the
    article's stamp; the others, and weekday dates far up in the site header, are site dates."""
    dates = [mk for mk in marked.values() if mk.kind == "stamp" and mk.attrs.get("kind") == "date"]
    if not dates:
        return
    zone_end = max(body_start, head_idx) + 3
    header = [mk for mk in dates if mk.line.index <= zone_end]

    def distance(mk: Marked) -> int:
        lo, hi = sorted((mk.line.index, head_idx))
        return sum(1 for ln in lines[lo:hi] if ln.text)

    best = min(header, key=lambda mk: (0 if "time" in mk.attrs else 1, distance(mk)), default=None)
    for mk in header:
        far = distance(mk) > 3 and mk.attrs.get("weekday") and "time" not in mk.attrs
        if mk is not best or far:
            mk.kind = "site_date"
    for mk in dates:
        if mk.line.index > zone_end:
            mk.attrs["kind"] = "date_in_text"


def paragraph_spans(lines: list[Line], boiler: set[int]) -> list[tuple[int, int]]:
    """Body paragraphs: runs of non-boilerplate lines; hard-wrapped lines are joined."""
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    prev: Line | None = None
    for ln in lines:
        if not ln.text or ln.index in boiler:
            if cur:
                out.append(cur)
            cur, prev = None, None
            continue
        if cur and prev is not None and (ln.text[0].islower() or ln.text[0] in ",;") \
                and not _ENDS_SENTENCE.search(prev.text):     # a hard-wrapped line
            cur = (cur[0], ln.end)
        else:
            if cur:
                out.append(cur)
            cur = (ln.start, ln.end)
        prev = ln
    if cur:
        out.append(cur)
    return out
