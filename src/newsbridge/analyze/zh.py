"""The Chinese analyzer: jieba word segmentation with a user dictionary, plus rules.

- Persons: "职务+姓名" ("外交部长王毅", "国家主席习近平"), jieba's name tags checked against a
  list of family names, and transliterated foreign names (runs of transliteration characters,
  "·"-joined names) next to a title or a speech verb.
- Organizations by suffix (部, 委员会, 集团, 大学, 通讯社, 电视台, 公司, ...) with the place or noun
  words before them; places from the gazetteer and jieba's place tags.
- Quotes in “ ” 「 」 『 』 with attribution before ("王毅表示，“…”") or after ("“…”，他说。"),
  pronouns 他/她 resolved to the nearest person before the quote.
- Events from trigger words (会见/会谈, 论坛/峰会, 访问, 签署, 视频会议, 启动/发布) with dates,
  places, participants, counts; future markers (将, 即将, 计划) make them planned.
"""
from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import EVENTS, LOCATIONS, MENTIONS, ORGANIZATIONS, PERSONS, QUOTES, Document
from ..model import ROLES as ROLES_LAYER
from . import gazetteer as gz
from .common import find_dates, merge_continuations, reference_date, resolve, scan_quotes, split_sentences, years_in
from .registry import register_analyzer

log = logging.getLogger(__name__)
DATA = Path(__file__).with_name("data")
_LOCK = threading.Lock()

# titles, longest first when matched (职务)
TITLES = sorted("""
国家主席 国家副主席 总书记 国务院总理 国务院副总理 国务委员 总理 副总理 总统 副总统 主席 副主席 委员长 副委员长
外交部长 外长 外交部副部长 国防部长 防长 部长 副部长 发言人 外交部发言人 新闻发言人 大使 驻华大使 特使 特别代表
秘书长 副秘书长 书记 省长 副省长 市长 副市长 州长 区长 县长 首相 副首相 国务卿 议长 参议员 众议员 议员 总督
董事长 总裁 首席执行官 总经理 副总经理 主任 副主任 院长 副院长 局长 副局长 司长 处长 会长 副会长 社长 台长 校长
主编 总编辑 教授 副教授 研究员 专家 学者 记者 分析师 经济学家 代表 领导人 总司令 司令 司令员 参谋长 将军 大法官
国王 女王 王储 首席部长 执行主任 执行董事 理事长 创始人 负责人 团长 主持人 法官 检察长 州长 教皇 教宗
""".split(), key=len, reverse=True)
TITLE_SET = set(TITLES)
SPEECH = ("表示", "说道", "说", "指出", "强调", "称", "认为", "介绍", "坦言", "透露", "表态", "回应", "宣布",
          "告诉", "谈到", "提到", "呼吁", "补充", "写道", "回答", "解释", "警告", "重申", "声称", "宣称")
_SPEECH_RE = re.compile("|".join(sorted(SPEECH, key=len, reverse=True)))
ORG_SUFFIXES = ("委员会", "通讯社", "电视台", "广播电台", "研究院", "研究所", "研究中心", "基金会", "联合会", "理事会",
                "办公室", "办公厅", "集团", "大学", "学院", "公司", "银行", "协会", "组织", "联盟", "政府", "议会",
                "法院", "检察院", "中心", "总台", "日报", "时报", "新闻社", "外交部", "国防部", "商务部", "财政部",
                "部", "局", "署", "社", "党", "军", "司", "厅", "院", "台", "报")
_ORG_SUFFIX_RE = re.compile("(?:" + "|".join(sorted(ORG_SUFFIXES, key=len, reverse=True)) + ")$")
# characters used to write foreign names (transliteration syllables)
TRANSLIT = set("阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴丹道德迪蒂丁东杜顿多厄恩尔法凡菲费芬丰"
               "弗福夫盖甘冈戈格根古哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳"
               "勒雷蕾里利莉连列林琳卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米密明莫姆穆纳奈南内尼涅宁纽努诺帕潘"
               "庞佩彭皮珀普奇齐契恰乔切钦琼丘萨塞桑森沙莎舍什施斯松苏索塔泰坦汤特滕提托图土瓦万威韦维"
               "温文沃乌西希谢辛休雅亚扬耶伊因英尤于约扎泽詹佐兹茨廖季热茹娃娜丽黛琪薇妮丝珊芙瑟楚舒赞卓迦嘉佳柳京"
               "坚别帖木卜儿什戈捷霍莱罗蒂鲍洛缅涅科娃娅")
ROLE_CHARS_AFTER_NAME = set("在表说指会与和的等强出称日就对向今也还是将已同、，。：；“”了时为从于则并又")
_DOTTED_NAME = re.compile("[" + "".join(sorted(TRANSLIT)) + "]{1,8}(?:[·•][" + "".join(sorted(TRANSLIT)) + "]{1,8})+")
PLANNED = re.compile(r"将于|将在|将要|即将|计划|拟于|拟|预计|下周|下个月|明年|准备|定于|将")
EVENT_TRIGGERS = [
    ("video_conference", re.compile(r"视频会议|视频会晤|视频连线|视频通话|云会议")),
    ("forum", re.compile(r"[\u4e00-\u9fff]{0,8}?(?:论坛|峰会|博览会|研讨会|大会(?!堂)|年会|高峰会|代表大会|会议(?!员))")),
    ("meeting", re.compile(r"会见|会谈|会晤|举行会谈|接见|磋商|见面")),
    ("visit", re.compile(r"(?:国事访问|正式访问|访问|到访|出访|访华|访俄|访美)(?![A-Za-z0-9]|网|我们的|官网|链接)")),
    ("agreement", re.compile(r"签署|签订|签约|缔结")),
    ("launch", re.compile(r"启动|发布|开通|上线|发射|揭牌|启用|投入使用")),
]
COUNT_PATTERNS = [
    (re.compile(r"(?P<num>\d+|[一二两三四五六七八九十百千]+)(?:多|余)?(?:名|位|个)?(?:代表|嘉宾|与会者|人|专家|记者|学者)(?:参加|出席|与会)"), "attendees"),
    (re.compile(r"(?:约|近|超过|逾)?(?P<num>\d+|[一二两三四五六七八九十百千]+)(?:多|余)?(?:名|位)(?:代表|嘉宾|专家|记者|学者|人士)"), "attendees"),
    (re.compile(r"签署(?:了)?(?P<num>\d+|[一二两三四五六七八九十百千]+)(?:项|份|个)"), "documents_signed"),
    (re.compile(r"(?P<num>\d+|[一二两三四五六七八九十百千]+)(?:项|份|个)(?:[\u4e00-\u9fff]{0,6})(?:协议|文件|协定|备忘录|合同)(?:签署|签订)"), "documents_signed"),
    (re.compile(r"来自(?P<num>\d+|[一二两三四五六七八九十百千]+)个(?:国家|地区)"), "participants"),
]
_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
COMMON_NRT_FREQ = 2000  # ... and for words the dictionary calls foreign names
COMMON_WORD_FREQ = 500  # jieba dictionary frequency above which a word is a common word
SPLIT_GAP = 16         # characters between the pieces of a split quote ("，”他说，“")
NOT_SURNAMES_IN_RUNNING_TEXT = {"和", "那", "于", "向", "时", "成", "明", "全", "商", "文", "关", "应", "单", "解",
                                "常", "安", "万", "司", "古", "路", "车", "连", "党", "宫", "景", "和", "师", "查", "麻"}
GENERIC_ORGS = {"政府", "公司", "政党", "协会", "议会", "银行", "大学", "集团", "组织", "联盟", "中心", "委员会", "法院",
                "行业协会", "当局", "部门", "机构", "企业", "国会", "媒体", "电视台", "军", "党"}
PLACE_SUFFIXES = ("省", "市", "州", "县", "区", "岛", "山", "河", "湖", "海", "湾", "街", "镇", "村", "港", "半岛", "大街",
                  "广场", "自治区", "特区", "峡", "江", "群岛")
MAX_QUOTE_TERM = 8    # a quoted run this short without punctuation is a term or slogan, not speech
PRONOUN_WINDOW = 600  # characters back to look for a pronoun's person


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset, frozenset]:
    single, double = set(), set()
    for line in (DATA / "zh_surnames.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for w in line.split():
            (double if len(w) == 2 else single).add(w)
    single -= NOT_SURNAMES_IN_RUNNING_TEXT
    return frozenset(single), frozenset(double)


@lru_cache(maxsize=1)
def segmenter():
    """jieba with a user dictionary: titles, gazetteer place names, common transliterated
    name endings. Built in memory once (no files written)."""
    with _LOCK:
        import jieba
        import jieba.posseg as pseg

        jieba.setLogLevel(logging.WARNING)
        tk = jieba.Tokenizer()
        tk.initialize()
        for r in TITLES:
            tk.add_word(r, 20000, "n")
        g = gz.gazetteer()
        for p in g.places:
            for name in (p.names.get("zh"),) + tuple(p.aliases.get("zh", ())):
                if name and len(name) >= 2:
                    tk.add_word(name, 5000, "ns")
        for w in ("表示", "指出", "强调", "会见", "会谈", "签署"):
            tk.add_word(w, 50000, "v")
        return pseg.POSTokenizer(tk)


@dataclass
class _Person:
    name: str
    start: int
    end: int
    mentions: list[tuple[int, int]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    org: str | None = None
    aliases: list[str] = field(default_factory=list)


def _is_chinese_name(w: str) -> bool:
    single, double = surnames()
    if 2 <= len(w) <= 3 and w[0] in single:
        return True
    return 3 <= len(w) <= 4 and w[:2] in double


def _is_foreign_name(w: str) -> bool:
    core = w.replace("·", "").replace("•", "")
    return len(core) >= 2 and all(c in TRANSLIT for c in core) and gz.lookup(w, "zh") is None


def analyze_zh(doc: Document) -> None:
    text = doc.text
    segments = [(a, b) for a, b in doc.body_segments() if text[a:b].strip()]
    if not segments:
        return
    seg = segmenter()
    words: list[tuple[int, int, str, str]] = []   # start, end, word, flag
    for a, b in segments:
        pos = a
        for w, flag in seg.cut(text[a:b], HMM=True):
            words.append((pos, pos + len(w), w, flag))
            pos += len(w)

    per_spans = _person_spans(text, words)
    org_spans = _org_spans(text, words, per_spans)
    loc_spans = _loc_spans(text, segments, words, per_spans + org_spans)

    # persons: group by name (a surname alone or the given name alone joins the full name)
    persons: list[_Person] = []
    by_name: dict[str, _Person] = {}
    for name in sorted({text[s:e] for s, e, _, _ in per_spans}, key=len, reverse=True):
        if name in by_name:
            continue
        p = next((q for q in persons if len(name) < len(q.name) and (q.name.startswith(name) or q.name.endswith(name))
                  and len(name) >= 2), None)
        if p is None:
            p = _Person(name, -1, -1)
            persons.append(p)
        elif name not in p.aliases:
            p.aliases.append(name)
        by_name[name] = p
    for s, e, role, role_span in sorted(per_spans):
        name = text[s:e]
        p = by_name.get(name)
        if p is None:
            p = next((q for q in persons if len(name) < len(q.name) and (q.name.startswith(name) or q.name.endswith(name))
                      and len(name) >= 2), None)
            if p is not None and name not in p.aliases:
                p.aliases.append(name)
        if p is None:
            p = _Person(name, s, e)
            persons.append(p)
        by_name[name] = p
        if p.start < 0 or (len(name) == len(p.name) and s < p.start and text[p.start:p.end] == p.name) or \
                (text[s:e] == p.name and text[p.start:p.end] != p.name):
            p.start, p.end = s, e
        p.mentions.append((s, e))
        doc.add(MENTIONS, s, e, "PER", normal=p.name, surface=name)
        if role and role not in p.roles:
            p.roles.append(role)
            org = _org_in(text, org_spans, role_span) if role_span else None
            if org and not p.org:
                p.org = org
            doc.add(ROLES_LAYER, role_span[0], role_span[1], role, person=p.name, org=org)
    persons = [p for p in persons if p.mentions]
    persons.sort(key=lambda p: p.start)
    for p in persons:
        doc.add(PERSONS, p.start, p.end, p.name, name=p.name, aliases=p.aliases, roles=p.roles, org=p.org,
                key=_pinyin_key(p.name), mentions=[list(m) for m in p.mentions])

    orgs: dict[str, list] = {}
    for s, e in org_spans:
        name = text[s:e]
        doc.add(MENTIONS, s, e, "ORG", normal=name, surface=name)
        orgs.setdefault(name, []).append([s, e])
    for name, ms in orgs.items():
        doc.add(ORGANIZATIONS, ms[0][0], ms[0][1], name, name=name, aliases=[], mentions=ms)

    locs: dict[str, dict] = {}
    for s, e, place in loc_spans:
        surface = text[s:e]
        key = place.key if place else surface
        doc.add(MENTIONS, s, e, "LOC", normal=place.native("zh") if place else surface, surface=surface,
                code=place.code if place else None)
        g = locs.setdefault(key, {"span": (s, e), "place": place, "forms": [], "mentions": []})
        if surface not in g["forms"]:
            g["forms"].append(surface)
        g["mentions"].append([s, e])
    for g in locs.values():
        place = g["place"]
        name = g["forms"][0]
        aliases = g["forms"][1:]
        if place and place.native("zh") not in g["forms"]:
            aliases.append(place.native("zh"))
        doc.add(LOCATIONS, g["span"][0], g["span"][1], name, name=name, aliases=aliases,
                code=place.code if place else None, country=place.country if place else None,
                canonical=place.name if place else None, mentions=g["mentions"])

    per_mentions = sorted((s, e, p) for p in persons for s, e in p.mentions)
    _quotes(doc, segments, per_mentions)
    _events(doc, segments, org_spans, loc_spans)


# -- mentions ----------------------------------------------------------------------------------
def _person_spans(text: str, words):
    """(start, end, role, role_span) for each person mention."""
    out = []
    taken: set[int] = set()
    n = len(words)
    # "德米特里·基谢廖夫": transliterated names joined by a middle dot are names wherever they stand
    dotted = [(m.start(), m.end()) for m in _DOTTED_NAME.finditer(text)]
    for i, (s, e, w, flag) in enumerate(words):
        if s in taken:
            continue
        d = next(((a, b) for a, b in dotted if a <= s < b), None)
        if d is not None:
            rs = _role_start(text, words, i - 1) if i > 0 and (words[i - 1][2] in TITLE_SET) else None
            role = text[rs:words[i - 1][1]] if rs is not None else None
            out.append((d[0], d[1], role, (rs, words[i - 1][1]) if rs is not None else None))
            taken.update(x[0] for x in words if d[0] <= x[0] < d[1])
            continue
        # 职务 + 姓名: the title, then the name right after it
        role_i = None
        if w in TITLE_SET or (flag.startswith("n") and any(w.endswith(r) for r in ("部长", "主席", "总统", "总理", "发言人", "大使"))):
            role_i = i
        if role_i is not None and i + 1 < n:
            ns_, ne_, nw, nflag = words[i + 1]
            name_end = _name_after(text, ns_, words, i + 1)
            if name_end:
                rs = _role_start(text, words, i)
                out.append((ns_, name_end, text[rs:e] if rs < s else w, (rs, e)))
                taken.update(x[0] for x in words if ns_ <= x[0] < name_end)
                continue
        nxt = words[i + 1] if i + 1 < n else None
        followed = nxt is None or nxt[3].startswith(("v", "p", "c", "x")) or nxt[2] in ("等", "说")
        if flag in ("nr", "nrfg") and s not in taken and followed and not _common_word(w) and (
                (_is_chinese_name(w) and (len(w) == 3 or flag == "nrfg" or nxt is None or nxt[3].startswith("v")))
                or (len(w) >= 3 and _is_foreign_name(w) and not _inside_translit(text, s, e))):
            out.append((s, e, None, None))
            taken.add(s)
        elif flag == "nrt" and len(w) >= 3 and gz.lookup(w, "zh") is None and not _common_word(w) \
                and not _inside_translit(text, s, e):
            out.append((s, e, None, None))
            taken.add(s)
    # names seen once with a title are names everywhere: find their other occurrences
    known = {text[s:e] for s, e, _, _ in out}
    # a foreign name is later written by its last part alone: 安东·韦尔比茨基 -> 韦尔比茨基
    known |= {n.replace("•", "·").split("·")[-1] for n in known if "·" in n or "•" in n}
    known = {n for n in known if len(n) >= 2}
    spans = {(s, e) for s, e, _, _ in out}
    for name in known:
        for m in re.finditer(re.escape(name), text):
            if (m.start(), m.end()) not in spans and not any(a <= m.start() < b for a, b in spans):
                out.append((m.start(), m.end(), None, None))
                spans.add((m.start(), m.end()))
    return out


def _translit_run(text: str, start: int) -> int:
    end = start
    while end < len(text) and (text[end] in TRANSLIT or (text[end] in "·•" and end > start)):
        end += 1
    while end > start and text[end - 1] in "·•":
        end -= 1
    return end


def _inside_translit(text: str, s: int, e: int) -> bool:
    """A piece of a longer transliterated name ('诺夫' of '...诺夫'): not a name of its own."""
    before = text[s - 1] if s > 0 else ""
    after = text[e] if e < len(text) else ""
    return before in TRANSLIT or before in "·•" or after in "·•" or (after in TRANSLIT and after not in "在说表和与")


def _name_after(text: str, start: int, words, k: int) -> int | None:
    """End of the name starting at ``start`` (right after a title), or None."""
    s, e, w, flag = words[k]
    run = _translit_run(text, start)
    if "·" in text[start:run] or "•" in text[start:run]:
        return run
    if flag in ("nr", "nrfg") and _is_chinese_name(w):
        return e
    if run - start >= 2 and gz.lookup(text[start:run], "zh") is None:
        return max(run, e) if flag in ("nrt",) and e > run else run
    if flag == "nrt":
        return e
    # a Chinese name split by jieba: surname + 1-2 given-name characters
    single, double = surnames()
    sn = 2 if text[start:start + 2] in double else (1 if text[start] in single else 0)
    if sn and not _common_word(text[start:start + sn + 1]):
        end = start + sn
        given = 0
        while end < len(text) and given < 2 and "\u4e00" <= text[end] <= "\u9fff" and text[end] not in ROLE_CHARS_AFTER_NAME:
            end += 1
            given += 1
        if given:
            return end
    return None


def _common_word(w: str) -> bool:
    """A frequent dictionary word that is not a name ('欧洲', '政府'): not the start of a name."""
    seg = segmenter()
    freq = seg.tokenizer.FREQ.get(w, 0)
    tag = seg.word_tag_tab.get(w, "")
    if tag == "nrt":  # the dictionary tags some common words as foreign names (令人)
        return freq >= COMMON_NRT_FREQ
    return freq >= COMMON_WORD_FREQ and not tag.startswith("nr")


def _role_start(text: str, words, i: int) -> int:
    """The title may carry its organization or country before it: 外交部长, 俄罗斯总统, 中国外交部发言人."""
    k = i
    while k > 0 and i - k < 4:
        ps, pe, pw, pflag = words[k - 1]
        right = words[k]
        if pflag in ("ns", "nt", "nz", "j") or _ORG_SUFFIX_RE.search(pw) or pw in ("国家", "中国", "外交部", "国务院"):
            k -= 1
            continue
        if pflag in ("n", "nr") and len(pw) >= 2 and (right[3] == "nt" or _ORG_SUFFIX_RE.search(right[2])) and k != i:
            k -= 1  # 俄罗斯[卫星]通讯社社长
            continue
        break
    return words[k][0]


def _org_spans(text: str, words, per_spans) -> list[tuple[int, int]]:
    per = [(s, e) for s, e, _, _ in per_spans]
    out = []
    for i, (s, e, w, flag) in enumerate(words):
        if any(a < e and s < b for a, b in per):
            continue
        if len(w) >= 2 and _ORG_SUFFIX_RE.search(w) and flag in ("n", "nt", "nz", "ns", "j"):
            if w in TITLE_SET or len(w) < 2:
                continue
            k = i
            while k > 0 and i - k < 3:
                ps, pe, pw, pflag = words[k - 1]
                if pflag in ("ns", "nt", "nz", "j") or (pflag in ("n", "nr") and len(pw) >= 2 and pw not in TITLE_SET
                                                         and not any(a <= ps < b for a, b in per)):
                    k -= 1
                    continue
                break
            start = words[k][0]
            if out and out[-1][1] >= start:
                out[-1] = (out[-1][0], e)
            else:
                out.append((start, e))
    # an organization is not a bare place name ("中国") nor a bare suffix ("部")
    return [(s, e) for s, e in out if e - s >= 2 and gz.lookup(text[s:e], "zh") is None
            and not _common_word(text[s:e]) and text[s:e] not in GENERIC_ORGS]


def _loc_spans(text: str, segments, words, taken_spans):
    taken = [(x[0], x[1]) for x in taken_spans]
    out = []
    seen = set()
    for a, b in segments:
        for pm in gz.find_places(text, "zh", a, b):
            if any(s <= pm.start and pm.end <= e and (s, e) != (pm.start, pm.end) for s, e in taken):
                continue  # part of an organization name (中国外交部) or a person's title
            out.append((pm.start, pm.end, pm.place))
            seen.add(pm.start)
    for s, e, w, flag in words:
        if flag == "ns" and len(w) >= 2 and s not in seen and not any(a <= s < b for a, b in taken) \
                and not any(x[0] <= s < x[1] for x in out) \
                and w.endswith(PLACE_SUFFIXES) and len(w) >= 3:
            out.append((s, e, gz.lookup(w, "zh")))
    out.sort(key=lambda x: x[0])
    return out


def _org_in(text: str, org_spans, span) -> str | None:
    for s, e in org_spans:
        if span[0] <= s and e <= span[1]:
            return text[s:e]
    m = re.search(r"[\u4e00-\u9fff]+(?:部|委员会|政府)", text[span[0]:span[1]])
    return m.group() if m and len(m.group()) >= 2 else None


def _pinyin_key(name: str) -> str:
    try:
        from pypinyin import lazy_pinyin
        return " ".join(lazy_pinyin(name.replace("·", " ")))
    except ImportError:  # pragma: no cover
        return ""


# -- quotes ------------------------------------------------------------------------------------
def _quotes(doc: Document, segments, per_mentions) -> None:
    text = doc.text
    for a, b in segments:
        groups = merge_continuations(scan_quotes(text, a, b))
        merged = []
        for g in groups:  # “…，”他说，“…”: one quote split by its attribution
            if merged and g.open_at - merged[-1][2] <= SPLIT_GAP and _SPEECH_RE.search(text[merged[-1][2]:g.open_at]) \
                    and "\n" not in text[merged[-1][2]:g.open_at] and text[merged[-1][2] - 2:merged[-1][2]].strip("”」』")[-1:] in "，,":
                prev = merged[-1]
                merged[-1] = (prev[0], g.end, g.after, prev[3], prev[4] + [(g.start, g.end)])
                continue
            merged.append((g.start, g.end, g.after, g.open_at, [(g.start, g.end)]))
        for qs, qe, after, open_at, parts in merged:
            content = text[qs:qe].strip()
            if not content:
                continue
            speechy = bool(re.search(r"[，。！？,.!?；]", content)) or len(content) > MAX_QUOTE_TERM
            attr = _attribute(text, open_at, parts[0][1] + 1 if len(parts) > 1 else after, per_mentions)
            if not speechy and (attr is None or attr[3] != "before-colon"):
                continue  # a term, title or slogan in quotation marks
            speaker, sspan, aspan, how = attr if attr else (None, None, None, None)
            doc.add(QUOTES, qs, qe, "quote", speaker=speaker, speaker_span=list(sspan) if sspan else None,
                    attribution_span=list(aspan) if aspan else None, how=how, parts=[list(p) for p in parts])


def _attribute(text: str, open_at: int, after: int, per_mentions):
    # before: "王毅表示：“…”" / "他说，“…”" in the same sentence
    ls = max(text.rfind(c, 0, open_at) for c in "。！？\n”」") + 1
    before = text[ls:open_at]
    m = None
    for m in _SPEECH_RE.finditer(before):
        pass
    if m is not None:
        r = _speaker_near(text, ls, ls + m.start(), per_mentions, open_at)
        if r:
            how = "before-colon" if before.rstrip().endswith(("：", ":")) else "before"
            return r[0], r[1], (ls, open_at), how if r[2] == "name" else r[2]
    # after: "“…”，他说。" / "“…”王毅表示。"
    rest_end = len(text)
    for c in "。！？\n“「":
        k = text.find(c, after)
        if k != -1:
            rest_end = min(rest_end, k)
    after_txt = text[after:rest_end]
    m = _SPEECH_RE.search(after_txt)
    if m is not None and m.start() <= 30:
        r = _speaker_near(text, after, after + m.start(), per_mentions, open_at)
        if r:
            return r[0], r[1], (after, rest_end), "after" if r[2] == "name" else r[2]
    return None


def _speaker_near(text: str, a: int, verb_at: int, per_mentions, anchor: int):
    """The person named before the speech verb (closest to it), or a pronoun resolved back."""
    cands = [(s, e, p) for s, e, p in per_mentions if a <= s and e <= verb_at]
    if cands:
        s, e, p = cands[-1]
        return p.name, (s, e), "name"
    seg = text[a:verb_at]
    k = max(seg.rfind("他"), seg.rfind("她"))
    if k != -1:
        pos = a + k
        prev = [(s, e, p) for s, e, p in per_mentions if e <= pos and pos - e < PRONOUN_WINDOW]
        if prev:
            return prev[-1][2].name, (pos, pos + 1), "pronoun"
    for r in TITLES:  # "发言人说": the person who holds that title
        j = seg.rfind(r)
        if j != -1:
            holders = [(s, e, p) for s, e, p in per_mentions if r in p.roles and s < a + j]
            if holders:
                return holders[-1][2].name, (a + j, a + j + len(r)), "title"
    return None


# -- events ------------------------------------------------------------------------------------
def _events(doc: Document, segments, org_spans, loc_spans) -> None:
    text = doc.text
    ref = reference_date(doc.body, doc.published, "zh")
    years = years_in(doc.body)
    seen: list[dict] = []
    for a, b in segments:
        for ss, se in split_sentences(text, a, b):
            dl = _DATELINE.match(text, ss, se)
            if dl:
                ss = dl.end()
            sent = text[ss:se]
            for etype, rx in EVENT_TRIGGERS:
                m = rx.search(sent)
                if not m:
                    continue
                if etype == "forum" and m.group().endswith("会议") and len(m.group()) <= 3:
                    continue  # a bare "会议" is too vague
                ts, te = ss + m.start(), ss + m.end()
                planned = bool(PLANNED.search(sent[:m.start() + 1]))
                date = None
                for dm in find_dates(text, ss, se, lang="zh"):
                    date = resolve(dm, ref, years, future=planned)
                    if date:
                        break
                if date is None:
                    date = _day_only(sent, ref)
                place = None
                parts: list[str] = []
                for s, e, pl in loc_spans:
                    if ss <= s < se:
                        if place is None and text[max(ss, s - 1):s] in ("在", "于", "赴", "抵"):
                            place = text[s:e]
                        if pl is not None and pl.kind == "country" and pl.native("zh") not in parts:
                            parts.append(pl.native("zh"))
                for s, e in org_spans:
                    if ss <= s < se and text[s:e] not in parts:
                        parts.append(text[s:e])
                counts = {}
                for crx, kind in COUNT_PATTERNS:
                    cm = crx.search(sent)
                    if cm and kind not in counts:
                        v = _zh_number(cm.group("num"))
                        if v:
                            counts[kind] = v
                name = _forum_name(m.group()) if etype == "forum" else _clause(sent, m.start(), m.end())
                for abbr in re.findall(r"[中俄美日韩印法德英朝越蒙哈巴]{2,4}(?=[\u4e00-\u9fff])", m.group() if etype == "forum" else sent):
                    for ch in abbr:
                        c = gz.country_of_adjective(ch, "zh")
                        if c is not None and c.native("zh") not in parts:
                            parts.append(c.native("zh"))
                dup = next((e for e in seen if e["type"] == etype and (e["name"] == name or (date and e["date"] == date))), None)
                if dup:
                    dup["date"] = dup["date"] or date
                    dup["place"] = dup["place"] or place
                    continue
                seen.append({"type": etype, "name": name, "date": date, "place": place, "participants": parts,
                             "counts": counts, "planned": planned, "span": (ss, se), "trigger": (ts, te)})
    for ev in seen:
        doc.add(EVENTS, ev["span"][0], ev["span"][1], ev["type"], name=ev["name"], date=ev["date"],
                place=ev["place"], participants=ev["participants"], counts=ev["counts"],
                planned=ev["planned"], trigger_span=list(ev["trigger"]))


_DATELINE = re.compile(r"[^。\n]{0,25}?电(?:（记者[^）]*）)?\s*")


_DAY_ONLY = re.compile(r"(?<![\d月])(\d{1,2})日")


def _day_only(sent: str, ref: str | None) -> str | None:
    """'16日' (a day of the current month, as datelined news writes it), against the reference date."""
    m = _DAY_ONLY.search(sent)
    if not m or not ref:
        return None
    import datetime as dt
    try:
        r = dt.date.fromisoformat(ref[:10])
        d = int(m.group(1))
        if d <= r.day:
            return r.replace(day=d).isoformat()
        prev = (r.replace(day=1) - dt.timedelta(days=1))
        return prev.replace(day=d).isoformat()
    except ValueError:
        return None


_NAME_STOP = re.compile(r".*(?:召开|举行|举办|出席|参加|主持|在|于|的|了|和|与|、|，|日)")


def _forum_name(match: str) -> str:
    """'日召开部长级峰会' -> '部长级峰会': the name starts after the last verb or particle."""
    m = _NAME_STOP.match(match[:-2])
    return match[m.end():] if m else match


def _clause(sent: str, a: int, b: int) -> str:
    """The clause around a trigger (between Chinese punctuation), at most ~30 characters."""
    lo = max(sent.rfind(c, 0, a) for c in "，。；：！？、“”") + 1
    hi = min([k for k in (sent.find(c, b) for c in "，。；：！？“”") if k != -1] or [len(sent)])
    lo = max(lo, a - 20)
    hi = min(hi, b + 12)
    return sent[lo:hi].strip()


def _zh_number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch in _ZH_DIGITS:
            cur = _ZH_DIGITS[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        elif ch == "千":
            total += (cur or 1) * 1000
            cur = 0
    return (total + cur) or None


register_analyzer("zh", version="1")(analyze_zh)
