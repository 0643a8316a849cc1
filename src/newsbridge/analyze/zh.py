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
from .common.participants import without_place
from .common.counts import parse_chinese_number
from .common import event_years, find_dates, merge_continuations, reference_date, resolve, scan_quotes, split_sentences
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
主管 经理 总监 董事 律师 顾问 专员 监察专员 秘书 大臣 领袖 助理 会计师 总会计师 联合创始人 合伙人 总检察长 副总裁
众议员 参议员 国会议员 众议院议长 演员 导演 作家 歌手 教练 球员 运动员 医生 警官 检察官 活动家 组织者 政治家 评论员
媒体代表 外交官 执行官 首席财务官 首席运营官 常务副主席 政委 酋长 亲王 公主 王子 部长助理 总干事 副总干事
""".split(), key=len, reverse=True)
# a word ending in one of these is a job title too (外交部发言人, 卫生部长, 股票分析师, 语言监察专员)
TITLE_ENDS = ("部长", "大臣", "主席", "总统", "总理", "发言人", "大使", "议员", "主任", "经理", "专员", "秘书", "顾问",
              "律师", "议长", "领袖", "主管", "分析师", "会计师", "代表", "书记", "总监", "董事", "教授", "院长", "局长",
              "社长", "台长", "会长", "所长", "校长", "行长", "省长", "市长", "州长", "总裁", "执行官", "创始人", "负责人",
              "主编", "秘书长", "司令", "参谋长", "检察长", "法官", "专家", "学者", "记者", "团长", "处长", "司长", "厅长")
TITLE_SET = set(TITLES)
SPEECH = ("表示", "说道", "说", "指出", "强调", "称", "认为", "介绍", "坦言", "透露", "表态", "回应", "宣布",
          "告诉", "谈到", "提到", "呼吁", "补充", "写道", "回答", "解释", "警告", "重申", "声称", "宣称", "提醒",
          "承认", "证实", "质疑", "直言", "坦承", "感叹", "批评", "称赞", "抱怨", "主张", "建议", "说明", "发文")
_SPEECH_RE = re.compile("|".join(sorted(SPEECH, key=len, reverse=True)))
ORG_SUFFIXES = ("委员会", "通讯社", "电视台", "广播电台", "研究院", "研究所", "研究中心", "基金会", "联合会", "理事会",
                "办公室", "办公厅", "集团", "大学", "学院", "公司", "银行", "协会", "组织", "联盟", "政府", "议会",
                "法院", "检察院", "中心", "总台", "日报", "时报", "新闻社", "外交部", "国防部", "商务部", "财政部",
                "工会", "基金", "画廊", "博物馆", "图书馆", "医院", "仲裁庭", "法庭", "党团", "航空公司", "证监会",
                "监管局", "管理局", "新闻台", "周刊", "图片社", "工作组",
                "部", "局", "署", "社", "党", "军", "司", "厅", "院", "台", "报", "科", "处")
# single-character suffixes make an organization only after a proper first word (俄罗斯外交部, not 阳台/出院)
WEAK_SUFFIXES = set("部局署社党军司厅院台报科处")
# sub-units: an organization name may carry its parent before it (美国司法部刑事司, 国务院新闻办公室)
SUB_UNITS = ("办公室", "办公厅", "委员会", "研究所", "研究院", "研究中心", "部", "局", "司", "处", "科", "厅", "署", "中心")
# first words that make an organization name proper (besides places, other names and Latin words)
ORG_HEADS = {"国家", "中央", "中共", "全国", "联邦", "国际", "世界", "皇家", "联合", "亚洲", "欧洲", "非洲", "美洲",
             "全球", "中华", "人民", "共和国", "国务院", "最高", "王室"}
MEDIA_ENDS = ("报", "日报", "时报", "周刊", "杂志", "新闻", "电视台", "通讯社", "晚报", "邮报", "画报", "新闻网", "新闻社",
              "电台", "网")
MEDIA_CONTEXT = re.compile(r"(?:等媒体|报道|采访|网站|记者|援引|刊文|刊登|发表|撰文|社论|评论|专访|消息)")
_ORG_SUFFIX_RE = re.compile("(?:" + "|".join(sorted(ORG_SUFFIXES, key=len, reverse=True)) + ")$")
# characters used to write foreign names (transliteration syllables)
TRANSLIT = set("阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴丹道德迪蒂丁东杜顿多厄恩尔法凡菲费芬丰"
               "弗福夫盖甘冈戈格根古哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳"
               "勒雷蕾里利莉连列林琳卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米密明莫姆穆纳奈南内尼涅宁纽努诺帕潘"
               "庞佩彭皮珀普奇齐契恰乔切钦琼丘萨塞桑森沙莎舍什施斯松苏索塔泰坦汤特滕提托图土瓦万威韦维"
               "温文沃乌西希谢辛休雅亚扬耶伊因英尤于约扎泽詹佐兹茨廖季热茹娃娜丽黛琪薇妮丝珊芙瑟楚舒赞卓迦嘉佳柳京"
               "坚别帖木卜儿什戈捷霍莱罗蒂鲍洛缅涅科娃娅"
               # more syllables of the standard transliteration tables (翰逊 in 约翰逊, 锡 in 麦卡锡, ...)
               "翰逊代锡默登汀撒廉摩罕勃陀欧鄂耳策措范伏贡瓜圭侯怀惠简捷君孔黎隆吕毛茂敏乃嫩琴屈让荣瑞若赛"
               "尚绍申圣宋唐陶旺魏翁伍夏欣许尹昭哲朱宗延朔思曼史")
ROLE_CHARS_AFTER_NAME = set("在表说指会与和的等强出称日就对向今也还是将已同、，。：；“”了时为从于则并又")
_T = "".join(sorted(TRANSLIT))
# 德米特里·基谢廖夫, 伊格纳西奥·桑切斯·雷卡特, 丹尼斯 ·M· 凯莱赫 (a Latin middle initial)
_DOTTED_NAME = re.compile(f"[{_T}]{{1,8}}(?:\\s?[·•・]\\s?(?:[A-Z]\\.?\\s?[·•・]\\s?)?[{_T}]{{1,10}})+")
# characters that end a name part rather than belong to it (布鲁斯特于2017年, 扎哈罗娃在二月)
_NAME_TAIL_STOP = set("于在和与等也将已对向从为是称说曾就则并又及同今还均都")
# Latin-script names and titles inside Chinese text: "Oluwatoyin Madein", "Better Markets", "IW Köln"
_LATIN_RUN = re.compile(r"[A-Z][A-Za-z0-9À-ÿ'’.&-]*(?: (?:[A-Za-z0-9À-ÿ][A-Za-z0-9À-ÿ'’.&-]*|&))*")
KINSHIP = ("父亲", "母亲", "妻子", "丈夫", "儿子", "女儿", "哥哥", "姐姐", "弟弟", "妹妹", "兄弟", "祖父", "祖母")
PLANNED = re.compile(r"将于|将在|将要|即将|计划|拟于|拟|预计|下周|下个月|明年|准备|定于|将")
EVENT_TRIGGERS = [
    ("video_conference", re.compile(r"视频会议|视频会晤|视频连线|视频通话|云会议")),
    ("forum", re.compile(r"[\u4e00-\u9fff]{0,8}?(?:论坛|峰会|博览会|研讨会|座谈会|交流会|对话会|圆桌会|大会(?!堂)|年会|高峰会|"
                         r"代表大会|会议(?!员))")),
    ("meeting", re.compile(r"会见|会谈|会晤|举行会谈|接见|磋商|见面")),
    ("visit", re.compile(r"(?:国事访问|正式访问|访问|到访|出访|访华|访俄|访美)(?![A-Za-z0-9]|网|我们的|官网|链接)")),
    ("agreement", re.compile(r"签署|签订|签约|缔结")),
    ("launch", re.compile(r"启动|开通|上线|发射|揭牌|启用|投入使用|(?<!所)(?:推出|发布)(?![的时会])(?=[^，。；]{0,8}?"
                          r"(?:新|产品|平台|计划|项目|系统|倡议|战略|行动|机制|品牌|服务|版本|应用|模型|系列|卫星|列车|航线))")),
]
# a forum, conference or summit is an event only where the sentence says it took place (not "世界经济论坛预测")
FORUM_CONTEXT = re.compile(r"举行|举办|召开|开幕|闭幕|出席|参加|参与|主办|承办|期间|会上|上发言|上表示|致辞|落幕|第[一二三四五六七八九十\d]+届|"
                           r"主题|与会|峰会上|论坛上|大会上|会议上|开幕式|闭幕式")
COUNT_PATTERNS = [
    (re.compile(r"(?P<num>\d+|[一二两三四五六七八九十百千]+)(?:多|余)?(?:名|位|个)?(?:代表|嘉宾|与会者|人|专家|记者|学者)(?:参加|出席|与会)"), "attendees"),
    (re.compile(r"(?:约|近|超过|逾)?(?P<num>\d+|[一二两三四五六七八九十百千]+)(?:多|余)?(?:名|位)[\u4e00-\u9fff]{0,6}?"
                r"(?:代表|嘉宾|专家|记者|学者|人士)"), "attendees"),      # 约80名两国媒体代表出席
    (re.compile(r"签署(?:了)?(?P<num>\d+|[一二两三四五六七八九十百千]+)(?:项|份|个)"), "documents_signed"),
    (re.compile(r"(?P<num>\d+|[一二两三四五六七八九十百千]+)(?:项|份|个)(?:[\u4e00-\u9fff]{0,6})(?:协议|文件|协定|备忘录|合同)(?:签署|签订)"), "documents_signed"),
    (re.compile(r"来自(?P<num>\d+|[一二两三四五六七八九十百千]+)个(?:国家|地区)"), "participants"),
]
COMMON_NRT_FREQ = 2000  # ... and for words the dictionary calls foreign names
COMMON_WORD_FREQ = 500  # jieba dictionary frequency above which a word is a common word
COMMON_NR_FREQ = 1000   # ... and for words the dictionary calls Chinese names (顾客 1365; real names rarely pass)
SPLIT_GAP = 16         # characters between the pieces of a split quote ("，”他说，“")
SPLIT_GAP_COLON = 45   # ... when the attribution ends with a colon ("。”X在接受《新闻周刊》采访时表示：“")
NOT_SURNAMES_IN_RUNNING_TEXT = {"和", "那", "于", "向", "时", "成", "明", "全", "商", "文", "关", "应", "单", "解",
                                "常", "安", "万", "司", "古", "路", "车", "连", "党", "宫", "景", "和", "师", "查", "麻"}
GENERIC_ORGS = {"政府", "公司", "政党", "协会", "议会", "银行", "大学", "集团", "组织", "联盟", "中心", "委员会", "法院",
                "行业协会", "当局", "部门", "机构", "企业", "国会", "媒体", "电视台", "军", "党", "联邦政府", "地方政府",
                "中央政府", "商业银行", "航空公司", "交易所", "金融公司", "科技公司", "律师事务所", "工会", "基金会", "商业中心",
                "市中心", "购物中心", "新闻中心", "数据中心"}
VERB_IN_ORG_MAX_FREQ = 12000  # a verb inside an organization name is a rare one (急诊 in 皇家急诊医学院), not 作为/处理
PLACE_SUFFIXES = ("省", "市", "州", "县", "区", "郡", "岛", "山", "河", "湖", "海", "湾", "街", "镇", "村", "港", "半岛", "大街",
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


@lru_cache(maxsize=4)
def _word_list(name: str) -> tuple[str, ...]:
    words = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words += line.split()
    return tuple(dict.fromkeys(words))


def known_names() -> tuple[str, ...]:
    """People jieba does not know as names (data/zh_names.txt)."""
    return _word_list("zh_names.txt")


def known_orgs() -> tuple[str, ...]:
    """Organizations named often in Chinese news (data/zh_orgs.txt)."""
    return _word_list("zh_orgs.txt")


@lru_cache(maxsize=1)
def segmenter():
    """jieba with a user dictionary: titles, gazetteer place names, known names and organizations.
    Built in memory once (no files written)."""
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
        for w in known_names():
            tk.add_word(w, 30000, "nr")
        for w in known_orgs():
            tk.add_word(w, 30000, "nt")
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


def _is_title(w: str, flag: str = "n") -> bool:
    return w in TITLE_SET or (flag.startswith("n") and len(w) >= 3 and w.endswith(TITLE_ENDS))


def _not_a_name(w: str) -> bool:
    """Places, peoples and things jieba tags as names: 苏格兰人, 唐宁街, 仲裁庭, 阿拉斯加."""
    core = w.replace("·", "").replace("•", "")
    if gz.lookup(core, "zh") is not None or core in known_orgs():
        return True
    if core.endswith("人") and len(core) >= 3:
        return True
    if len(core) == 3 and core not in known_names() and _common_word(core[1:], 5000):
        return True  # 高水平: a surname character before a common word
    if len(core) >= 3 and (core.endswith(PLACE_SUFFIXES) or _ORG_SUFFIX_RE.search(core)) and "·" not in w \
            and core not in known_names() and not all(c in TRANSLIT for c in core):
        return True   # 环境犯罪科 is a section; 卢卡申科, 格里戈连科 (all sounds) are names
    return False


def _tokens(text: str, segments) -> list[tuple[int, int, str, str]]:
    """jieba words (start, end, word, flag); dotted foreign names and Latin runs are one word each."""
    seg = segmenter()
    words: list[tuple[int, int, str, str]] = []
    for a, b in segments:
        pos = a
        for w, flag in seg.cut(text[a:b], HMM=True):
            words.append((pos, pos + len(w), w, flag))
            pos += len(w)
    fixed: list[tuple[int, int, str]] = []
    for a, b in segments:
        for m in _DOTTED_NAME.finditer(text, a, b):
            s, e = m.start(), m.end()
            while e - s > 3 and text[e - 1] in _NAME_TAIL_STOP:
                e -= 1
            if e - s > 4 and text[e - 2] not in "·•・ " and _common_word(text[e - 1:e + 1]):
                e -= 1  # 凯文·麦卡锡达成: 达成 is a word
            fixed.append((s, e, "nr"))
        for m in _LATIN_RUN.finditer(text, a, b):
            if m.end() - m.start() >= 2 and not any(x[0] <= m.start() < x[1] for x in fixed):
                fixed.append((m.start(), m.end(), "eng"))
    split: list[tuple[int, int, str, str]] = []
    for s, e, w, flag in words:  # 工会主席 -> 工会 + 主席, 外交部发言人 -> 外交部 + 发言人
        t = next((t for t in TITLE_ENDS if w.endswith(t) and len(w) - len(t) >= 2), None) if flag.startswith("n") else None
        head = w[:len(w) - len(t)] if t else ""
        if t and (_ORG_SUFFIX_RE.search(head) and head[-1] not in WEAK_SUFFIXES or head in known_orgs()
                  or head[-1] in "部局署社" and len(head) >= 3):
            split += [(s, s + len(head), head, "nt" if head in known_orgs() else "n"), (s + len(head), e, t, "n")]
        else:
            split.append((s, e, w, flag))
    words = _title_split_by_a_place(text, split)
    if not fixed:
        return words
    out: list[tuple[int, int, str, str]] = []
    fi = 0
    fixed.sort()
    for s, e, w, flag in words:
        while fi < len(fixed) and fixed[fi][1] <= s:
            fi += 1
        f = fixed[fi] if fi < len(fixed) else None
        if f is None or e <= f[0]:
            out.append((s, e, w, flag))
            continue
        if s < f[0]:   # the word starts before the fixed span: keep its head
            out.append((s, f[0], text[s:f[0]], "x"))
        if not out or out[-1][:2] != (f[0], f[1]):
            out.append((f[0], f[1], text[f[0]:f[1]], f[2]))
        if e > f[1]:   # the word runs on after it: keep its tail
            tail = text[f[1]:e]
            out.append((f[1], e, tail, segmenter().word_tag_tab.get(tail, "x")))
    return out


def _title_split_by_a_place(text: str, words):
    """发展部|长沙|达耶|夫 -> 发展|部长|沙达耶夫: a two-character title cut by a place word the
    segmenter liked better (长沙), when a transliterated name follows the title."""
    out = []
    i = 0
    while i < len(words):
        s, e, w, flag = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and nxt[0] == e and len(w) >= 3 and nxt[3] == "ns" and len(nxt[2]) >= 2 \
                and w[-1] + nxt[2][0] in TITLES and _translit_run(text, nxt[0] + 1) - (nxt[0] + 1) >= 3:
            name_end = _translit_run(text, nxt[0] + 1)
            out += [(s, e - 1, w[:-1], flag), (e - 1, nxt[0] + 1, w[-1] + nxt[2][0], "n"),
                    (nxt[0] + 1, name_end, text[nxt[0] + 1:name_end], "nrt")]
            i += 2
            while i < len(words) and words[i][1] <= name_end:
                i += 1
            if i < len(words) and words[i][0] < name_end:       # a word that ran past the name keeps its tail
                ts, te, _tw, tf = words[i]
                out.append((name_end, te, text[name_end:te], tf))
                i += 1
            continue
        out.append(words[i])
        i += 1
    return out


_OTHER_DOTS = re.compile("[•・‧∙]")


def _name_core(name: str) -> str:
    """A name without spaces, its parts joined by one kind of dot: 里希•苏纳克 = 里希·苏纳克."""
    return _OTHER_DOTS.sub("·", name.replace(" ", ""))


def analyze_zh(doc: Document) -> None:
    text = doc.text
    segments = [(a, b) for a, b in doc.body_segments() if text[a:b].strip()]
    if not segments:
        return
    words = _tokens(text, segments)

    per_spans = _person_spans(text, words)
    org_spans = _org_spans(text, words, per_spans)
    per_spans = _appositive_roles(text, words, per_spans)
    loc_spans = _loc_spans(text, segments, words, per_spans + [(s, e, None, None) for s, e in org_spans])

    # persons: group by name (a surname alone or the given name alone joins the full name)
    persons: list[_Person] = []
    by_name: dict[str, _Person] = {}

    def fuller(name: str):
        core = _name_core(name)
        if len(core) < 2:
            return None
        for q in persons:
            known = _name_core(q.name)
            if core == known or len(core) < len(known) and (known.startswith(core) or known.endswith(core)):
                return q
        return None
    # longest first; equal lengths in a fixed order (a set's order varies with the hash seed)
    for name in sorted({text[s:e] for s, e, _, _ in per_spans}, key=lambda n: (-len(n.replace(" ", "")), n)):
        if name in by_name:
            continue
        p = fuller(name)
        if p is None:
            p = _Person(name, -1, -1)
            persons.append(p)
        elif name not in p.aliases:
            p.aliases.append(name)
        by_name[name] = p
    for s, e, role, role_span in sorted(per_spans):
        name = text[s:e]
        p = by_name[name]
        if p.start < 0 or (text[s:e] == p.name and text[p.start:p.end] != p.name):
            p.start, p.end = s, e
        p.mentions.append((s, e))
        doc.add(MENTIONS, s, e, "PER", normal=p.name, surface=name)
        if role:
            org, role_span = _role_org(text, org_spans, role_span)
            title = _bare_title(text[role_span[0]:role_span[1]], org)
            if title not in p.roles:
                p.roles.append(title)
            if org and not p.org:
                p.org = org
            doc.add(ROLES_LAYER, role_span[0], role_span[1], title, person=p.name, org=org)
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
    _events(doc, segments, org_spans, loc_spans, words)


_APPOSITION = re.compile(r"(?:是|为|系|担任|现任|曾任|出任)(?:一位|一名|一个|该|这位)?")


def _appositive_roles(text: str, words, per_spans):
    """'乌尔曼是美国环保局负责执法的助理部长', '伊桑·弗伦奇曼是华盛顿残疾人权利组织的一名律师': the title in
    the clause after 是/担任 belongs to the person named before it."""
    out = []
    starts = {w[0]: k for k, w in enumerate(words)}
    for s, e, role, role_span in per_spans:
        m = _APPOSITION.match(text, e) if role is None else None
        if m:
            stop = min([k for k in (text.find(c, m.end()) for c in "，。；：！？,\n（") if k != -1] or [len(text)])
            k = starts.get(m.end())
            while k is not None and k < len(words) and words[k][1] <= min(stop, m.end() + 30):
                w = words[k]
                if _is_title(w[2], w[3]) and w[1] < len(text):
                    rs = _role_start(text, words, k)
                    role, role_span = text[rs:w[1]], (rs, w[1])
                    break
                k += 1
        out.append((s, e, role, role_span))
    return out


def _role_org(text: str, org_spans, role_span):
    """The organization a title belongs to: inside the role phrase, or just before it (with or
    without 的: 'Hargreaves Lansdown的股票分析师'); the role span then starts at the organization."""
    rs, re_ = role_span
    best = None
    for s, e in org_spans:
        if s < re_ and (rs < e or e == rs or (e + 1 == rs and text[e] == "的")) and e <= re_:
            if best is None or e > best[1]:
                best = (s, e)
    if best is None:
        m = re.search(r"[\u4e00-\u9fff]{2,}(?:部|委员会)(?=[\u4e00-\u9fff])", text[rs:re_])
        return (m.group() if m else None), role_span
    return text[best[0]:best[1]], (min(rs, best[0]), re_)


def _bare_title(role: str, org: str | None) -> str:
    """'俄罗斯外交部发言人' with org '俄罗斯外交部' -> '发言人'; a country before a title stays ('卢旺达总统')."""
    if org and org in role and _is_title(role[role.index(org) + len(org):].lstrip("的")):
        return role[role.index(org) + len(org):].lstrip("的")
    return role


# -- mentions ----------------------------------------------------------------------------------
_PLACE_SUFFIX_WORDS = {"大道", "大街", "街", "路", "广场", "公园", "机场", "车站", "港", "湾", "岛", "半岛", "山", "河", "湖",
                       "州", "县", "镇", "村", "区", "市", "省"}


def _person_spans(text: str, words):
    """(start, end, role, role_span) for each person mention."""
    out = []
    taken: set[int] = set()
    n = len(words)
    for i, (s, e, w, flag) in enumerate(words):
        if s in taken:
            continue
        prev = words[i - 1] if i > 0 else None
        nxt = words[i + 1] if i + 1 < n else None
        role = role_span = None
        if prev is not None and prev[1] == s and _is_title(prev[2], prev[3]):
            rs = _role_start(text, words, i - 1)
            role, role_span = text[rs:prev[1]], (rs, prev[1])
        # "德米特里·基谢廖夫": transliterated names joined by a middle dot are names wherever they stand
        if flag == "nr" and re.search("[·•・]", w) and not _not_a_name(w):
            out.append((s, e, role, role_span))
            taken.add(s)
            continue
        # a Latin-script name right after a title: 总会计师Oluwatoyin Madein
        if flag == "eng" and role and 2 <= len(w.split()) <= 3 and all(t[:1].isupper() for t in w.split()):
            out.append((s, e, role, role_span))
            taken.add(s)
            continue
        # 职务 + 姓名: the title, then the name right after it
        if _is_title(w, flag) and nxt is not None and nxt[0] == e and nxt[3] not in ("eng", "x") \
                and not (nxt[3] == "nr" and "·" in nxt[2]):
            name_end = _name_after(text, nxt[0], words, i + 1)
            if name_end and not _not_a_name(text[nxt[0]:name_end]):
                rs = _role_start(text, words, i)
                out.append((nxt[0], name_end, text[rs:e], (rs, e)))
                taken.update(x[0] for x in words if nxt[0] <= x[0] < name_end)
                continue
        # 父亲亚历克斯: a name after a word of kinship
        if prev is not None and prev[2] in KINSHIP and flag in ("nr", "nrt", "ns", "nrfg") and len(w) >= 2 \
                and gz.lookup(w, "zh") is None and not _common_word(w):
            out.append((s, e, None, None))
            taken.add(s)
            continue
        if w in known_names() and flag == "nr":
            out.append((s, e, role, role_span))
            taken.add(s)
            continue
        followed = nxt is None or nxt[3].startswith(("v", "p", "c", "x", "uj")) or nxt[2] in ("等", "说", "政府")
        if nxt is not None and nxt[0] == e and nxt[2] in _PLACE_SUFFIX_WORDS:
            continue       # 圣莫尼卡大道: a name before 大道, 街, 广场 names a street or a square
        if flag in ("nr", "nrfg") and followed and not _common_word(w) and not _not_a_name(w) and (
                (_is_chinese_name(w) and (len(w) == 3 or flag == "nrfg" or nxt is None or nxt[3].startswith("v")))
                or (len(w) >= 3 and _is_foreign_name(w) and not _inside_translit(text, s, e))):
            out.append((s, e, None, None))
            taken.add(s)
        elif flag == "nrt" and (len(w) >= 3 or (followed and nxt is not None and (nxt[3].startswith("v") or nxt[2] == "政府"))) \
                and not _not_a_name(w) and not _common_word(w) and not _inside_translit(text, s, e) \
                and not (nxt is not None and nxt[0] == e and _ORG_SUFFIX_RE.search(nxt[2]) and nxt[2] != "政府"):
            out.append((s, e, None, None))
            taken.add(s)
    # names seen once are names everywhere: find their other occurrences
    known = {text[s:e] for s, e, _, _ in out}
    # a foreign name is later written by its last part alone: 安东·韦尔比茨基 -> 韦尔比茨基
    known |= {re.split(r"\s?[·•・]\s?", n)[-1] for n in known if re.search("[·•・]", n)}
    known = {n for n in known if len(n) >= 2 and not _not_a_name(n)}
    spans = sorted((s, e) for s, e, _, _ in out)
    for name in sorted(known, key=lambda n: (-len(n), n)):      # a fixed order for names of one length
        for m in re.finditer(re.escape(name), text):
            if not any(a < m.end() and m.start() < b for a, b in spans) and not _inside_translit(text, m.start(), m.end()):
                out.append((m.start(), m.end(), None, None))
                spans.append((m.start(), m.end()))
    return out


def _translit_run(text: str, start: int) -> int:
    end = start
    while end < len(text) and (text[end] in TRANSLIT or (text[end] in "·•" and end > start)):
        end += 1
    while end > start and text[end - 1] in "·•":
        end -= 1
    while end - start > 2 and text[end - 1] in _NAME_TAIL_STOP:
        end -= 1
    return end


def _inside_translit(text: str, s: int, e: int) -> bool:
    """A piece of a longer transliterated name ('诺夫' of '...诺夫'): not a name of its own."""
    before = text[s - 1] if s > 0 else ""
    after = text[e] if e < len(text) else ""
    return before in "·•・" or after in "·•・" or (before in TRANSLIT and before not in _NAME_TAIL_STOP) \
        or (after in TRANSLIT and after not in _NAME_TAIL_STOP and after not in "表")


def _name_after(text: str, start: int, words, k: int) -> int | None:
    """End of the name starting at ``start`` (right after a title), or None."""
    s, e, w, flag = words[k]
    if flag in ("nr", "nrfg") and (_is_chinese_name(w) or w in known_names()):
        return e
    if flag == "nr" and len(w) == 3 and not _common_word(w):
        return e     # 台长慎海雄: a rare surname, but a three-character name the segmenter knows, after a title
    run = _translit_run(text, start)
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


def _common_word(w: str, min_freq: int = COMMON_WORD_FREQ) -> bool:
    """A frequent dictionary word that is not a name ('欧洲', '政府'): not the start of a name."""
    if w in known_names():
        return False
    seg = segmenter()
    freq = seg.tokenizer.FREQ.get(w, 0)
    tag = seg.word_tag_tab.get(w, "")
    if tag == "nrt":  # the dictionary tags some common words as foreign names (令人)
        return freq >= COMMON_NRT_FREQ
    if tag.startswith("nr"):  # ... and some as Chinese names (顾客)
        return freq >= COMMON_NR_FREQ
    return freq >= min_freq


_HEAD_OF_BODY = {"部长", "局长", "署长", "厅长"}      # "X部长": the minister of X, the words before name X


def _role_start(text: str, words, i: int) -> int:
    """The title may carry its organization or country before it: 外交部长, 俄罗斯总统, 中国外交部发言人."""
    k = i
    if k > 0 and words[k - 1][2] in ("副", "前", "代理", "常务", "首席") and words[k - 1][1] == words[k][0]:
        k -= 1  # 副台长, 前总统
    while k > 0 and i - k < 5:
        ps, pe, pw, pflag = words[k - 1]
        right = words[k]
        if pe != right[0]:
            break
        if pflag in ("ns", "nt", "nz", "j", "eng") or _ORG_SUFFIX_RE.search(pw) or pw in ORG_HEADS or pw in ("中国", "外交部", "国务院"):
            k -= 1
            continue
        if pflag in ("n", "nr", "vn") and len(pw) >= 2 and (right[3] in ("nt", "n") and _ORG_SUFFIX_RE.search(right[2])
                                                            or right[2] in TITLE_SET) and k != i and pw not in TITLE_SET:
            k -= 1  # 俄罗斯[卫星]通讯社社长, 美国[国家]安全委员会
            continue
        if words[i][2] in _HEAD_OF_BODY and k == i:
            # 俄罗斯[数字][发展]部长: what the ministry is of, when a country or a body names it first
            j = k
            while j > 0 and k - j < 2 and words[j - 1][3] in ("n", "vn") and len(words[j - 1][2]) == 2 \
                    and words[j - 1][1] == words[j][0] and words[j - 1][2] not in TITLE_SET:
                j -= 1
            if j < k and j > 0 and words[j - 1][3] in ("ns", "nt", "j") and words[j - 1][1] == words[j][0]:
                k = j
                continue
        break
    return words[k][0]


def _proper_head(w: str, flag: str) -> bool:
    return flag in ("ns", "nt", "nz", "nrt", "nr", "j", "eng") or w in ORG_HEADS or gz.lookup(w, "zh") is not None


_ORG_BODY_FLAGS = ("n", "nz", "nt", "ns", "nr", "nrt", "j", "eng", "vn", "an", "b", "v", "a", "l", "i")


def _org_spans(text: str, words, per_spans) -> list[tuple[int, int]]:
    per = [(s, e) for s, e, _, _ in per_spans]
    cands: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in per)
    known = set(known_orgs())
    n = len(words)
    for i, (s, e, w, flag) in enumerate(words):
        if not free(s, e):
            continue
        # 《每日镜报》, 《新闻周刊》: media in title marks
        if w == "《":
            close = text.find("》", e, e + 20)
            if close != -1:
                inner = text[e:close]
                if (inner.endswith(MEDIA_ENDS) or MEDIA_CONTEXT.match(text, close + 1)) \
                        and 2 <= len(inner) <= 12 and not re.search(r"[，。、（）]", inner):
                    cands.append((e, close))
            continue
        # Latin names of companies: "Better Markets联合创始人", "Hargreaves Lansdown的股票分析师", "IW Köln的托马斯·普尔斯"
        if flag == "eng":
            after = [x for x in words[i + 1:i + 4]]
            if after and after[0][0] == e and (
                    any(_is_title(x[2], x[3]) for x in after[:2]) or _ORG_SUFFIX_RE.match(after[0][2])
                    or (after[0][2] == "的" and any(_is_title(x[2], x[3]) or x[3] == "nr" for x in after[1:3]))):
                cands.append((s, e + (len(after[0][2]) if _ORG_SUFFIX_RE.fullmatch(after[0][2]) else 0)))
            elif re.search(r"(?:接受|告诉|在|向|据)$", text[max(0, s - 2):s]) and re.match(r"采访|表示|上|透露|报道|[，。]", text[e:e + 2]):
                cands.append((s, e))
            continue
        m = _ORG_SUFFIX_RE.search(w)
        is_known = w in known and flag == "nt"
        if not is_known and (not m or flag not in ("n", "nt", "nz", "ns", "j", "vn") or _is_title(w, flag)):
            continue
        # walk back over the modifiers; the name starts at the furthest proper word
        start = s if (is_known or flag in ("nt", "nz") or (len(w) > len(m.group()) and flag in ("ns", "j"))) else None
        k = i
        while k > 0 and i - k < 6:
            ps, pe, pw, pflag = words[k - 1]
            if pe != words[k][0] or pw in TITLE_SET or not free(ps, pe):
                break
            if is_known and not (pflag == "ns" or gz.lookup(pw, "zh")):
                break  # 俄罗斯外交部, 美国国会: only a place before a known name
            if pw == "和" and k - 2 >= 0 and any(_proper_head(x[2], x[3]) for x in words[max(0, k - 4):k - 1]) \
                    and w.endswith(("委员会", "部", "委", "局", "署")):
                k -= 1  # 乌克兰国家安全和国防委员会
                continue
            if not pflag.startswith(_ORG_BODY_FLAGS):
                break
            if pw in known or (_ORG_SUFFIX_RE.search(pw) and len(pw) >= 2 and pflag not in ("ns", "vn", "v")):
                if not (m and m.group() in SUB_UNITS):
                    break  # 众议院|共和党: two organizations
            if pflag.startswith("v") and pflag != "vn" and segmenter().tokenizer.FREQ.get(pw, 0) > VERB_IN_ORG_MAX_FREQ:
                break
            k -= 1
            if _proper_head(pw, pflag):
                start = ps
        if start is None:
            continue
        if m and m.group() in WEAK_SUFFIXES and e - start <= 2 and not is_known:
            continue
        if len(w) == 2 and w.endswith("台") and w not in ("电台", "总台") and not is_known:
            continue   # 那英站台, 北京同台, 港台: a word of its own (a stage, to appear together), no station
        cands.append((start, e))
    cands.sort(key=lambda x: (x[0], -x[1]))
    merged: list[tuple[int, int]] = []
    for a, b in cands:
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            continue
        merged.append((a, b))
    out = []
    single = {ws for ws, we, w, _ in words if we - ws == 1 and w in WEAK_SUFFIXES}
    for s, e in merged:
        name = text[s:e]
        if s in single:
            continue   # "环境和自然资源司|环境犯罪科": a name does not open with the suffix that closed the one before
        if e - s < 2 or (name in GENERIC_ORGS and name not in known) or name.endswith(("当局", "人民")) \
                or name.startswith(("该", "这", "此", "其", "本", "一")):
            continue
        if gz.lookup(name, "zh") is not None or (_common_word(name) and name not in known):
            continue
        if text[s - 1:s] == "“" and text[e:e + 1] == "”":
            continue  # a nickname in quotation marks
        out.append((s, e))
    return out


def words_start(words, pos: int) -> bool:
    return any(w[0] == pos for w in words)


_LANG_OR_PEOPLE = re.compile(r"[语文人]")
_ADMIN_SUFFIX = "县州市省郡区"


def _loc_spans(text: str, segments, words, taken_spans):
    taken = [(x[0], x[1]) for x in taken_spans]
    out = []
    seen = set()
    for a, b in segments:
        for pm in gz.find_places(text, "zh", a, b):
            if any(s <= pm.start and pm.end <= e and (s, e) != (pm.start, pm.end) for s, e in taken):
                continue  # part of an organization name (中国外交部) or a person's title
            if any(s <= pm.start < e for s, e in taken):
                continue
            if any(pm.start < s < pm.end < e for s, e in taken):
                continue  # 部长沙达耶夫: the place word's tail is where a name begins
            end = pm.end
            if _LANG_OR_PEOPLE.match(text, end) and not text.startswith("人民", end):
                continue  # 西班牙语, 美国人: a language or a people, not the place
            if end < len(text) and text[end] in _ADMIN_SUFFIX and pm.surface[-1] not in _ADMIN_SUFFIX \
                    and not any(s <= end < e for s, e in taken):
                end += 1  # 洛杉矶县, 纽约州: the administrative unit
            out.append((pm.start, end, pm.place if end == pm.end else gz.lookup(text[pm.start:end], "zh")))
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
    seg = segmenter()
    last: tuple | None = None  # (speaker, sspan, paragraph end, sentence end) of the previous attributed quote
    for a, b in segments:
        groups = merge_continuations(scan_quotes(text, a, b))
        merged = []
        for g in groups:  # “…，”他说，“…” / “…。”王毅表示：“…”: one quote split by its attribution
            if merged:
                gap = text[merged[-1][2]:g.open_at]
                colon = gap.strip().endswith(("：", ":"))
                spoken = text[merged[-1][1] - 1:merged[-1][1]] in "，,。！？!?…"  # “…，” / “…。”, not “和平”电视台
                restarted = gap.strip() in ("，", ",") and min(len(text[merged[-1][0]:merged[-1][1]]), len(text[g.start:g.end])) >= 6
                if restarted or spoken and (g.open_at - merged[-1][2] <= (SPLIT_GAP_COLON if colon else SPLIT_GAP)
                                 and _SPEECH_RE.search(gap) and "\n" not in gap
                                 and gap.strip().endswith(("：", ":", "，", ",")) and not re.search("[。！？“”]", gap)):
                    prev = merged[-1]
                    merged[-1] = (prev[0], g.end, g.after, prev[3], prev[4] + [(g.start, g.end)])
                    continue
            merged.append((g.start, g.end, g.after, g.open_at, [(g.start, g.end)]))
        for qs, qe, after, open_at, parts in merged:
            content = text[qs:qe].strip()
            if not content:
                continue
            attr = _attribute(text, open_at, parts[0][1] + 1 if len(parts) > 1 else after, per_mentions)
            sent_start = max(text.rfind(c, 0, open_at) for c in "。！？\n") + 1
            if attr is None and last is not None:
                # a later quote of the same sentence, or a paragraph that is one quote right after a
                # paragraph that ended with a quote: the same speaker goes on
                same_sentence = last[3] >= sent_start and last[2] > open_at - 200
                para_start = text.rfind("\n", 0, open_at) + 1
                continuation = text[para_start:open_at].strip() == "" and last[2] == _prev_paragraph_end(text, para_start) \
                    and not text[after:text.find("\n", after) if "\n" in text[after:] else len(text)].strip(" 。”")
                if same_sentence or continuation:
                    attr = (last[0], last[1], None, "continued")
            speechy = bool(re.search(r"[，。！？,.!?；]", content)) or len(content) > MAX_QUOTE_TERM
            if not speechy and not (attr and (attr[3] == "before-colon" or _fragment(seg, content)
                                              and not _names_a_thing(seg, text, after))):
                continue  # a term, title or slogan in quotation marks
            speaker, sspan, aspan, how = attr if attr else (None, None, None, None)
            doc.add(QUOTES, qs, qe, "quote", speaker=speaker, speaker_span=list(sspan) if sspan else None,
                    attribution_span=list(aspan) if aspan else None, how=how, parts=[list(p) for p in parts])
            if speaker:
                end_sent = min([k for k in (text.find(c, after) for c in "。！？\n") if k != -1] or [len(text)])
                para_end = text.find("\n", after)
                last = (speaker, sspan, para_end if para_end != -1 else len(text), end_sent)


def _prev_paragraph_end(text: str, para_start: int) -> int:
    k = para_start - 1
    while k > 0 and text[k - 1] == "\n":
        k -= 1
    return k


def _names_a_thing(seg, text: str, after: int) -> bool:
    """“一带一路”倡议: a quoted phrase right before a noun is the name of that thing."""
    nxt = next(iter(seg.cut(text[after:after + 6], HMM=False)), None)
    return nxt is not None and nxt.flag.startswith(("n", "vn")) and not nxt.flag.startswith("nr") and len(nxt.word) >= 2


def _fragment(seg, content: str) -> bool:
    """A quoted phrase that is part of what someone said ('摆脱了无知', '令人愤慨'), not a name or a
    term ('一带一路'): at least four characters, and more than one word or not a noun."""
    if len(content) < 4 or re.search(r"[A-Za-z0-9]", content) and len(content) < 6:
        return False
    toks = [(w, f) for w, f in seg.cut(content, HMM=True)]
    if len(toks) == 1:
        return not toks[0][1].startswith(("n", "j", "i", "l"))
    return not all(f.startswith(("n", "j")) for _, f in toks[-1:]) or len(toks) >= 3


def _attribute(text: str, open_at: int, after: int, per_mentions):
    # before: "王毅表示：“…”" / "他说，“…”" in the same sentence
    ls = max(text.rfind(c, 0, open_at) for c in "。！？\n”」") + 1
    before = text[ls:open_at]
    m = None
    for m in _SPEECH_RE.finditer(before):
        pass
    if m is None:  # "王毅表示，中方支持“一带一路”倡议，美方的做法“完全站不住脚”": the sentence's verb
        ls2 = max(text.rfind(c, 0, open_at) for c in "。！？\n") + 1
        for m in _SPEECH_RE.finditer(text, ls2, open_at):
            if not any(text.rfind(q, ls2, m.start()) > text.rfind(c, ls2, m.start()) for q in "“「" for c in "”」"):
                ls, before = ls2, text[ls2:open_at]
                break
        else:
            m = None
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
    seg = text[a:verb_at]
    k = max(seg.rfind("他"), seg.rfind("她"))
    if cands and (k == -1 or a + k < cands[-1][1]):
        s, e, p = cands[-1]
        return p.name, (s, e), "name"
    if k != -1:
        pos = a + k
        prev = [(s, e, p) for s, e, p in per_mentions if e <= pos and pos - e < PRONOUN_WINDOW]
        if prev:
            # the subject of the sentence the pronoun stands in (its first person), else the nearest one
            sent_start = max(text.rfind(c, 0, pos) for c in "。！？\n") + 1
            in_sentence = [x for x in prev if x[0] >= sent_start]
            return (in_sentence[0] if in_sentence else prev[-1])[2].name, (pos, pos + 1), "pronoun"
    for r in TITLES:  # "发言人说": the person who holds that title
        j = seg.rfind(r)
        if j != -1:
            holders = [(s, e, p) for s, e, p in per_mentions if any(x.endswith(r) for x in p.roles) and s < a + j]
            if holders:
                return holders[-1][2].name, (a + j, a + j + len(r)), "title"
    return None


# -- events ------------------------------------------------------------------------------------
def _events(doc: Document, segments, org_spans, loc_spans, words=()) -> None:
    text = doc.text
    ref = reference_date(doc.body, doc.published, "zh")
    years = event_years(doc.body, "zh")
    if ref is None and len(years) > 1:
        years = []  # "12月18日" in a text that names 2029, 2030 and 2040: the year is not known
    quoted = [(q.start, q.end) for q in doc.layer(QUOTES)]
    after_zai = {w[0]: w for w in words if w[3] in ("ns", "nt", "nz")}
    seen: list[dict] = []
    headline = next(iter(doc.layer("title")), None)
    first = headline.start if headline is not None else (segments[0][0] if segments else 0)
    for a, b in segments:
        for ss, se in split_sentences(text, a, b):
            dl = _DATELINE.match(text, ss, se)
            if dl:
                ss = dl.end()
            sent = text[ss:se]
            counts = {}
            for crx, kind in COUNT_PATTERNS:
                cm = crx.search(sent)
                if cm and kind not in counts:
                    v = _zh_number(cm.group("num"))
                    if v:
                        counts[kind] = v
            sent_orgs = [text[s:e] for s, e in org_spans if ss <= s < se]
            used: list[tuple[int, int]] = []
            found = False
            for etype, rx in EVENT_TRIGGERS:
                m = rx.search(sent)
                if not m:
                    continue
                ts, te = ss + m.start(), ss + m.end()
                if any(x < te and ts < y for x, y in used) or any(x <= ts < y for x, y in quoted):
                    continue  # part of another trigger (视频会晤), or what someone said
                forum = next((e for e in reversed(seen) if e["type"] == "forum"), None)
                bare = (len(_forum_name(m.group())) <= 2 or _forum_name(m.group()) in _GENERIC_FORUMS) \
                    and (m.group().endswith("会议") or not _HELD.search(sent)
                                                             or forum is not None and not PLANNED.search(sent))
                if etype == "forum" and (bare or not FORUM_CONTEXT.search(sent)):
                    if forum is not None and FORUM_CONTEXT.search(sent):  # "论坛由…主办，…约140名代表出席"
                        _attach(forum, counts, sent_orgs)
                        found = True
                    continue  # a bare "会议", or an organization called a forum ("世界经济论坛预测")
                if etype == "agreement" and forum is not None and _DURING.search(sent):
                    _attach(forum, counts, sent_orgs)  # documents signed during the forum count for it
                    found = True
                    continue
                used.append((ts, te))
                found = True
                planned = bool(PLANNED.search(sent[:m.start() + 1]))
                date = None
                for dm in find_dates(text, ss, se, lang="zh"):
                    date = resolve(dm, ref, years, future=planned)
                    if date:
                        break
                if date is None:
                    date = _day_only(sent, ref)
                if date is None and _SAME_DAY.search(sent):  # 当天: the day of the event told before
                    date = next((e["date"] for e in reversed(seen) if e["date"] and len(e["date"]) == 10), None)
                place = None
                parts: list[str] = []
                for s, e, pl in loc_spans:
                    if ss <= s < se:
                        if place is None and text[max(ss, s - 1):s] in ("在", "于", "赴", "抵"):
                            place = text[s:e]
                        if pl is not None and pl.kind == "country" and pl.native("zh") not in parts:
                            parts.append(pl.native("zh"))
                if _TO_CHINA.search(sent) and "中国" not in parts:
                    parts.append("中国")   # 来华进行国事访问: China, without its name
                if place is None:  # 在人民大会堂会见
                    k = sent.rfind("在", 0, m.start())
                    w = after_zai.get(ss + k + 1) if k != -1 else None
                    if w is not None and w[1] <= ts:
                        place = w[2]
                for o in sent_orgs:
                    if o not in parts:
                        parts.append(o)
                name = _forum_name(m.group()) if etype == "forum" else _clause(sent, m.start(), m.end())
                for abbr in re.findall(r"[中俄美日韩印法德英朝越蒙哈巴]{2,4}(?=[\u4e00-\u9fff])", m.group() if etype == "forum" else sent):
                    for ch in abbr:
                        c = gz.country_of_adjective(ch, "zh")
                        if c is not None and c.native("zh") not in parts:
                            parts.append(c.native("zh"))
                dup = next((e for e in seen if e["type"] == etype and (e["name"] == name or (date and e["date"] == date)
                            # the headline's event told again, dated, in the lead: 普京会见王毅 … 普京2日会见了王毅
                            or (e["span"][0] == first and not e["date"] and (len(set(e["participants"]) & set(parts)) >= 2
                                                                            or _same_forum(e["name"], name, etype))))),
                           None)
                if dup:
                    dup["date"] = dup["date"] or date
                    dup["place"] = dup["place"] or place
                    _attach(dup, counts, [])
                    continue
                seen.append({"type": etype, "name": name, "date": date, "place": place, "participants": parts,
                             "counts": dict(counts), "planned": planned, "span": (ss, se), "trigger": (ts, te)})
            if not found and counts.get("attendees") and seen and _ATTEND.search(sent):
                _attach(seen[-1], {"attendees": counts["attendees"]}, [])  # "中俄两国约140名代表出席。"
    for ev in seen:
        doc.add(EVENTS, ev["span"][0], ev["span"][1], ev["type"], name=ev["name"], date=ev["date"],
                place=ev["place"], participants=without_place(ev["participants"], ev["place"], ev["type"]), counts=ev["counts"],
                planned=ev["planned"], trigger_span=list(ev["trigger"]))


_HELD = re.compile(r"举行|举办|召开")
_TO_CHINA = re.compile(r"来华|访华|赴华")
_SAME_DAY = re.compile(r"当天|当日|同日|同一天")
_DURING = re.compile(r"期间|会上|论坛上|峰会上|会议上|大会上|会晤后|会谈后|见证下")
_ATTEND = re.compile(r"出席|参加|与会|参会")


def _attach(event: dict, counts: dict, orgs: list[str]) -> None:
    for k, v in counts.items():
        event["counts"].setdefault(k, v)
    for o in orgs:
        if o not in event["participants"]:
            event["participants"].append(o)


_DATELINE = re.compile(r"(?:[^。\n，]{0,20}?\d{1,2}日电|[^。\n，]{0,12}?电讯)(?:（[^）]*）)?\s*")


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


_GENERIC_FORUMS = {"座谈会", "研讨会", "交流会", "对话会", "圆桌会", "论坛", "峰会", "大会", "年会", "会议", "博览会"}


def _same_forum(a: str, b: str, etype: str) -> bool:
    """'中白媒体合作座谈会' (headline) and '白俄罗斯媒体合作座谈会' (lead): one forum named twice."""
    if etype != "forum" or not a or not b:
        return False
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    return k >= 5          # the same name's tail: 媒体合作座谈会


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
    return int(s) if s.isdigit() else (parse_chinese_number(s) or None)


register_analyzer("zh", version="9")(analyze_zh)   # 2: event years by weekday fit; 3: names after titles (部长沙达耶夫), 卢卡申科 a name, headline events merged; 4: gazetteer with US states and more demonyms; 5: one person across kinds of name dots; 6: the place a visit went to, or named alone, is no participant; 7: a name before a street or square word is no person; 8: a two-character word ending in 台 is no station; 9: no organisation opens with the suffix that closed the one before
