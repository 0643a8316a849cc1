"""One key per news agency across spellings and scripts: TASS = ТАСС = ИТАР-ТАСС = 塔斯社.

The linker and the story builder compare agency credits by key; search filters, facets and
actor pages name an agency the table knows by its first (English) name (newsbridge.crossscript).
Agencies written differently in each script (Xinhua / Синьхуа / 新华社, Reuters / Рейтер /
路透社) are listed; any other Latin or Cyrillic name is folded, romanized and reduced to
sound classes word by word (the name matcher's), which equates most transliterated names
(Kazinform = Казинформ, Amur News = Амур Ньюс, Vecherny Minsk = Вечерний Минск) while different
agencies keep different keys. A Chinese name is compared as written.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import lru_cache

from .names import phonetic, romanize

# canonical key -> how the agency is written (en, ru, be, kk, zh; site names the agency runs)
AGENCIES: dict[str, tuple[str, ...]] = {
    "tass": ("TASS", "ТАСС", "ITAR-TASS", "ИТАР-ТАСС", "塔斯社", "俄塔社", "塔斯通讯社"),
    "ria": ("RIA Novosti", "РИА Новости", "RIA", "РИА", "俄新社", "俄罗斯新闻社"),
    "interfax": ("Interfax", "Интерфакс", "国际文传电讯社"),
    "sputnik": ("Sputnik", "Спутник", "卫星通讯社", "卫星社"),
    "belta": ("BelTA", "БелТА", "Belarusian Telegraph Agency", "Белорусское телеграфное агентство", "白通社"),
    "kazinform": ("Kazinform", "Казинформ", "Qazinform", "哈通社", "哈萨克国际通讯社"),
    "kabar": ("Kabar", "Кабар", "吉尔吉斯卡巴尔通讯社"),
    "akipress": ("AKIpress", "АКИpress", "АКИпресс"),
    "khovar": ("Khovar", "Ховар", "霍瓦尔"),
    "uza": ("UzA", "УзА", "乌兹别克斯坦国家通讯社"),
    "xinhua": ("Xinhua", "Xinhua News Agency", "Xinhuanet", "Синьхуа", "Синьхуа Новости", "新华社", "新华网",
               "新华通讯社"),
    "chinanews": ("China News Service", "Chinanews", "ChinaNews", "Чжунго синьвэнь", "中新社", "中新网",
                  "中国新闻社", "中国新闻网"),
    "peoplesdaily": ("People's Daily", "People’s Daily", "People's Daily Online", "Жэньминь жибао", "人民日报",
                     "人民网"),
    "chinadaily": ("China Daily", "Чайна дейли", "中国日报", "中国日报网"),
    "globaltimes": ("Global Times", "Хуаньцю шибао", "Global Times (China)", "环球时报", "环球网"),
    "cgtn": ("CGTN", "CGTN Russian", "CGTN на русском", "中国国际电视台"),
    "cctv": ("CCTV", "China Central Television", "ЦТВ", "Центральное телевидение Китая", "央视", "央视网", "央视新闻",
             "中央电视台"),
    "reuters": ("Reuters", "Рейтер", "Рейтерс", "Thomson Reuters", "路透社", "路透"),
    "afp": ("AFP", "Agence France-Presse", "France-Presse", "Франс Пресс", "Франс-Пресс", "法新社"),
    "ap": ("AP", "Associated Press", "Ассошиэйтед Пресс", "美联社"),
    "bloomberg": ("Bloomberg", "Блумберг", "彭博社", "彭博"),
    "kyodo": ("Kyodo", "Kyodo News", "Киодо", "Киодо Цусин", "共同社"),
    "yonhap": ("Yonhap", "Ёнхап", "Йонхап", "韩联社"),
    "anadolu": ("Anadolu", "Anadolu Agency", "Анадолу", "阿纳多卢通讯社"),
    "efe": ("EFE", "ЭФЭ", "埃菲社"),
    "dpa": ("DPA", "dpa", "ДПА", "德新社"),
    "ansa": ("ANSA", "АНСА", "安莎社"),
    "irna": ("IRNA", "ИРНА", "伊朗伊斯兰共和国通讯社"),
    "bernama": ("Bernama", "Бернама", "马新社"),
    "pti": ("PTI", "Press Trust of India", "印度报业托拉斯"),
    "izvestia": ("Izvestia", "Известия", "消息报"),
    "kommersant": ("Kommersant", "Коммерсантъ", "Коммерсант", "生意人报"),
    "vedomosti": ("Vedomosti", "Ведомости"),
    "rbc": ("RBC", "РБК", "俄罗斯商业咨询"),
    "regnum": ("REGNUM", "Регнум", "ИА Регнум"),
    "rossiyskayagazeta": ("Rossiyskaya Gazeta", "Российская газета", "РГ", "俄罗斯报"),
    # regional agencies and broadcasters of the region's news, as the neighbours write them
    "armenpress": ("Armenpress", "Арменпресс", "亚美尼亚通讯社"),
    "azertac": ("AZERTAC", "Azertac", "АзерТАдж", "Азертадж", "阿塞拜疆国家通讯社"),
    "ukrinform": ("Ukrinform", "Укринформ", "乌克兰国家通讯社"),
    "tengrinews": ("Tengrinews", "Тенгриньюс"),
    "moldpres": ("Moldpres", "Молдпрес"),
    "mir24": ("MIR 24", "Mir 24", "МИР 24", "Мир 24", "МИР24"),
    "euronews": ("Euronews", "Евроньюс"),
    "bbc": ("BBC", "Би-би-си", "Би-Би-Си", "英国广播公司"),
    "cnn": ("CNN", "Си-эн-эн", "美国有线电视新闻网"),
    "dw": ("Deutsche Welle", "DW", "Немецкая волна", "德国之声"),
    "nhk": ("NHK", "Эн-эйч-кей", "日本广播协会"),
    "aljazeera": ("Al Jazeera", "Аль-Джазира", "半岛电视台"),
    "voa": ("Voice of America", "VOA", "Голос Америки", "美国之音"),
    "rferl": ("Radio Liberty", "Radio Free Europe/Radio Liberty", "RFE/RL", "Радио Свобода", "自由亚洲电台"),
    # newspapers and broadcasters the region's news quotes most, as the three languages write them
    # (no name that is also a surname, a common word or a stock index alone: Fox, Sky, Forbes, Spiegel,
    # Economist, Nikkei; nor 世界报, which is both Die Welt and Le Monde in Chinese)
    "guardian": ("The Guardian", "Guardian", "Гардиан", "卫报"),
    "nytimes": ("The New York Times", "New York Times", "Нью-Йорк таймс", "Нью-Йорк Таймс", "纽约时报"),
    "washingtonpost": ("The Washington Post", "Washington Post", "Вашингтон пост", "Вашингтон Пост", "华盛顿邮报"),
    "wsj": ("The Wall Street Journal", "Wall Street Journal", "WSJ", "Уолл-стрит джорнэл", "Уолл-стрит джорнал",
            "华尔街日报"),
    "ft": ("Financial Times", "Файнэншл таймс", "Файненшл таймс", "Файнэншл Таймс", "金融时报"),
    "economist": ("The Economist", "经济学人"),
    "telegraph": ("The Daily Telegraph", "Daily Telegraph", "The Telegraph", "Дейли телеграф", "每日电讯报"),
    "dailymail": ("Daily Mail", "Дейли мейл", "每日邮报"),
    "spiegel": ("Der Spiegel", "明镜周刊"),
    "bild": ("Bild", "Бильд", "图片报"),
    "welt": ("Die Welt", "Ди Вельт"),
    "tagesspiegel": ("Tagesspiegel", "Der Tagesspiegel", "Тагесшпигель"),
    "faz": ("Frankfurter Allgemeine Zeitung", "FAZ", "Франкфуртер альгемайне цайтунг"),
    "sz": ("Süddeutsche Zeitung", "Зюддойче цайтунг", "南德意志报"),
    "lemonde": ("Le Monde", "Монд", "Ле Монд"),
    "lefigaro": ("Le Figaro", "Фигаро", "Ле Фигаро", "费加罗报"),
    "politico": ("Politico", "Политико", "政客新闻网"),
    "axios": ("Axios", "Аксиос"),
    "cnbc": ("CNBC", "Си-эн-би-си"),
    "nbcnews": ("NBC News", "NBC", "Эн-би-си"),
    "newsweek": ("Newsweek", "Ньюсуик", "新闻周刊"),
    "scmp": ("South China Morning Post", "SCMP", "Саут Чайна Морнинг Пост", "南华早报"),
    "nikkei": ("Nikkei Asia", "日经新闻"),
    "alarabiya": ("Al Arabiya", "Аль-Арабия", "阿拉伯卫星电视台"),
    "haaretz": ("Haaretz", "Гаарец", "国土报"),
    # Russian papers and channels the region's news cites by name
    "sportexpress": ("Sport-Express", "Sport Express", "Спорт-Экспресс", "Спорт Экспресс"),
    "sovsport": ("Sovetsky Sport", "Советский спорт"),
    "kp": ("Komsomolskaya Pravda", "Комсомольская правда", "共青团真理报"),
    "mk": ("Moskovsky Komsomolets", "Московский комсомолец", "莫斯科共青团员报"),
    "aif": ("Argumenty i Fakty", "Аргументы и факты", "АиФ", "论据与事实"),
    "novayagazeta": ("Novaya Gazeta", "Новая газета", "新报"),
    "ng": ("Nezavisimaya Gazeta", "Независимая газета", "独立报"),
    "lenta": ("Lenta.ru", "Лента.ру", "Lenta.Ru"),
    "gazetaru": ("Gazeta.Ru", "Газета.Ru", "Газета.ру"),
    "ntv": ("NTV", "НТВ"),
    "channelone": ("Channel One", "Первый канал", "俄罗斯第一频道"),
    "rossiya1": ("Russia 1", "Rossiya 1", "Россия 1", "Россия-1"),
}

# Words that name the kind of outlet rather than the outlet ("Xinhua News Agency", "ИА Регнум").
_GENERIC = re.compile(r"\b(?:news agency|information agency|agency|news|информационное агентство|информагентство|"
                      r"агентство|ньюс|иа)\b")


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _fold(name: str) -> str:
    """Case, width, script and decoration folded: the form two spellings must share."""
    s = unicodedata.normalize("NFKC", name).casefold().replace("’", "'")
    s = _GENERIC.sub(" ", s)
    if _HAN.search(s):
        # Chinese writes an agency one way (the table lists each: 新华社, 新华通讯社): compared as
        # written, without pinyin, whose dictionaries cost ~70 MB in every process that ingests or serves
        return "".join(re.findall(r"[^\W_]+", s))
    s = romanize(s).replace("x", "ks")      # Interfax ~ Интерфакс (interfaks)
    # each word by its sound classes: Vecherny ~ Вечерний (vecherniy), Kazinform ~ Казинформ;
    # acronyms as spelled (RIA is not Rio)
    return "".join(w if len(w) <= 3 else phonetic(w) for w in re.findall(r"[^\W_]+", s))


_BY_FOLD: dict[str, str] = {}
for _key, _names in AGENCIES.items():
    for _n in _names:
        _f = _fold(_n)
        if _f:
            # a folded spelling names one agency only (else the table would merge two)
            assert _BY_FOLD.setdefault(_f, _key) == _key, (_n, _key, _BY_FOLD[_f])


@lru_cache(maxsize=4096)
def agency_key(name: str) -> str:
    """The key two credits of one agency share ('' for a name with nothing left to compare)."""
    folded = _fold(name)
    return _BY_FOLD.get(folded, folded)


def agency_spellings(name: str) -> list[str]:
    """Every way the table writes the agency ``name`` names (TASS: ТАСС, ИТАР-ТАСС, 塔斯社, ...),
    ``name`` first; just ``name`` for an agency the table does not know."""
    names = AGENCIES.get(agency_key(name), ())
    return [name, *(n for n in names if n != name)]


@lru_cache(maxsize=1)
def agency_table_digest() -> str:
    """A short fingerprint of the table: an index built with another table counts and finds
    agencies under other names, so the index records it and is rebuilt when it differs."""
    return hashlib.sha1(json.dumps(AGENCIES, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()[:12]


def known_agency(name: str) -> str | None:
    """The table's first (English) name for an agency it knows (ТАСС -> TASS), else None."""
    names = AGENCIES.get(agency_key(name)) if name else None
    return names[0] if names else None
