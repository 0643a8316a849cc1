"""Synthetic multilingual news corpus: realistic sentences, names with titles, quotes, events.

Deterministic by seed and streaming: article ``i`` depends only on ``(seed, i)``, so a
million articles cost no memory and any slice can be generated on its own (``start=``).

    from bench.synth import generate, jsonl_line, to_document
    for rec in generate(1000, seed=0, reprint_rate=0.1):
        rec["url"], rec["title"], rec["text"], rec["published"], rec["source"], rec["labels"]

Ground truth in ``rec["labels"]``: synthetic id, language, story (one event rendered by
several articles), reprint_of / reprint_kinds (chrome swap, truncated tail, typos),
translation_of, persons / orgs / places (canonical English keys and the rendered forms),
event type, and the character spans of site chrome (boilerplate) inside ``text``.

Command line: ``python bench/synth.py N [--seed S] [--reprint-rate R] > corpus.jsonl``.
All vocabulary below is written for this file; the names are common name parts combined at
random, not real people.
"""
from __future__ import annotations

import hashlib
import json
import random
import sys
from datetime import date, timedelta
from typing import Any, Iterator

# -- vocabulary: (en, ru, zh) ------------------------------------------------------------------
# Given names and surnames that combine into many people; each person has one form per script.
_FIRST_SLAVIC = [("Ivan", "Иван", "伊万"), ("Sergei", "Сергей", "谢尔盖"), ("Dmitry", "Дмитрий", "德米特里"),
                 ("Alexei", "Алексей", "阿列克谢"), ("Nikolai", "Николай", "尼古拉"), ("Andrei", "Андрей", "安德烈"),
                 ("Mikhail", "Михаил", "米哈伊尔"), ("Pavel", "Павел", "帕维尔"), ("Oleg", "Олег", "奥列格"),
                 ("Yuri", "Юрий", "尤里"), ("Boris", "Борис", "鲍里斯"), ("Viktor", "Виктор", "维克托"),
                 ("Konstantin", "Константин", "康斯坦丁"), ("Vladimir", "Владимир", "弗拉基米尔"),
                 ("Anna", "Анна", "安娜"), ("Irina", "Ирина", "伊琳娜"), ("Elena", "Елена", "叶莲娜"),
                 ("Olga", "Ольга", "奥尔加"), ("Tatiana", "Татьяна", "塔蒂亚娜"), ("Maria", "Мария", "玛丽亚"),
                 ("Natalia", "Наталья", "娜塔莉亚"), ("Svetlana", "Светлана", "斯韦特兰娜")]
_FEMALE = {"Anna", "Irina", "Elena", "Olga", "Tatiana", "Maria", "Natalia", "Svetlana", "Emma", "Laura",
           "Sarah", "Claire"}
_LAST_SLAVIC = [("Petrov", "Петров", "彼得罗夫"), ("Sokolov", "Соколов", "索科洛夫"), ("Volkov", "Волков", "沃尔科夫"),
                ("Morozov", "Морозов", "莫罗佐夫"), ("Lebedev", "Лебедев", "列別杰夫"), ("Kozlov", "Козлов", "科兹洛夫"),
                ("Novikov", "Новиков", "诺维科夫"), ("Orlov", "Орлов", "奥尔洛夫"), ("Belov", "Белов", "别洛夫"),
                ("Zaitsev", "Зайцев", "扎伊采夫"), ("Pavlov", "Павлов", "帕夫洛夫"), ("Semenov", "Семенов", "谢苗诺夫"),
                ("Golubev", "Голубев", "戈卢别夫"), ("Vinogradov", "Виноградов", "维诺格拉多夫"),
                ("Bogdanov", "Богданов", "博格达诺夫"), ("Vorobyov", "Воробьев", "沃罗比约夫"),
                ("Fedorov", "Федоров", "费奥多罗夫"), ("Mikhailov", "Михайлов", "米哈伊洛夫"),
                ("Tarasov", "Тарасов", "塔拉索夫"), ("Kiselev", "Киселев", "基谢廖夫"), ("Gromov", "Громов", "格罗莫夫"),
                ("Krylov", "Крылов", "克雷洛夫"), ("Makarov", "Макаров", "马卡罗夫"), ("Zhukov", "Жуков", "朱可夫")]
_FIRST_WEST = [("John", "Джон", "约翰"), ("Peter", "Питер", "彼得"), ("David", "Дэвид", "戴维"),
               ("Thomas", "Томас", "托马斯"), ("Mark", "Марк", "马克"), ("Paul", "Пол", "保罗"),
               ("Emma", "Эмма", "埃玛"), ("Laura", "Лора", "劳拉"), ("Sarah", "Сара", "萨拉"), ("Claire", "Клэр", "克莱尔"),
               ("Daniel", "Дэниел", "丹尼尔"), ("Henrik", "Хенрик", "亨里克")]
_LAST_WEST = [("Miller", "Миллер", "米勒"), ("Walker", "Уокер", "沃克"), ("Bennett", "Беннетт", "贝内特"),
              ("Fischer", "Фишер", "菲舍尔"), ("Larsen", "Ларсен", "拉森"), ("Dubois", "Дюбуа", "杜布瓦"),
              ("Moreau", "Моро", "莫罗"), ("Keller", "Келлер", "凯勒"), ("Hughes", "Хьюз", "休斯"),
              ("Novak", "Новак", "诺瓦克"), ("Rossi", "Росси", "罗西"), ("Jensen", "Йенсен", "延森")]
_SUR_ZH = [("Wang", "Ван", "王"), ("Li", "Ли", "李"), ("Zhang", "Чжан", "张"), ("Liu", "Лю", "刘"),
           ("Chen", "Чэнь", "陈"), ("Yang", "Ян", "杨"), ("Zhao", "Чжао", "赵"), ("Huang", "Хуан", "黄"),
           ("Zhou", "Чжоу", "周"), ("Wu", "У", "吴"), ("Xu", "Сюй", "徐"), ("Sun", "Сунь", "孙"),
           ("Ma", "Ма", "马"), ("Zhu", "Чжу", "朱"), ("Hu", "Ху", "胡"), ("Guo", "Го", "郭"), ("He", "Хэ", "何"),
           ("Gao", "Гао", "高"), ("Lin", "Линь", "林"), ("Luo", "Ло", "罗")]
_GIVEN_ZH = [("Wei", "Вэй", "伟"), ("Ming", "Мин", "明"), ("Jun", "Цзюнь", "军"), ("Hua", "Хуа", "华"),
             ("Lei", "Лэй", "磊"), ("Jing", "Цзин", "静"), ("Tao", "Тао", "涛"), ("Yan", "Янь", "燕"),
             ("Hong", "Хун", "红"), ("Bo", "Бо", "波"), ("Qiang", "Цян", "强"), ("Xiaoming", "Сяомин", "晓明"),
             ("Jianguo", "Цзяньго", "建国"), ("Haiyan", "Хайянь", "海燕"), ("Zhiwei", "Чживэй", "志伟"),
             ("Guoqiang", "Гоцян", "国强"), ("Lihua", "Лихуа", "丽华"), ("Dongmei", "Дунмэй", "冬梅")]

# Titles: (en, ru nominative, zh) with an organisation slot where the title names one.
_TITLES = [("Minister of Foreign Affairs", "министр иностранных дел", "外交部长"),
           ("Deputy Minister of Economic Development", "заместитель министра экономического развития", "经济发展部副部长"),
           ("Deputy Chairman of the Federation Council", "заместитель председателя Совета Федерации", "联邦委员会副主席"),
           ("Vice Chairman of the Standing Committee", "заместитель председателя Постоянного комитета", "常委会副委员长"),
           ("Governor of the region", "губернатор области", "州长"),
           ("Ambassador", "посол", "大使"), ("Chairman of the Board", "председатель правления", "董事会主席"),
           ("Director General", "генеральный директор", "总经理"), ("Head of the delegation", "глава делегации", "代表团团长"),
           ("Secretary General", "генеральный секретарь", "秘书长"), ("Mayor", "мэр", "市长"),
           ("Chief Executive", "исполнительный директор", "首席执行官"), ("Rector of the university", "ректор университета", "大学校长"),
           ("Spokesperson of the ministry", "официальный представитель министерства", "部发言人"),
           ("Deputy Prime Minister", "вице-премьер", "副总理"), ("President of the association", "президент ассоциации", "协会会长")]

# Organisations: (en, ru nominative, ru genitive, zh)
_ORGS = [("Ministry of Foreign Affairs", "Министерство иностранных дел", "Министерства иностранных дел", "外交部"),
         ("Ministry of Economic Development", "Министерство экономического развития", "Министерства экономического развития", "经济发展部"),
         ("Federation Council", "Совет Федерации", "Совета Федерации", "联邦委员会"),
         ("National People's Congress", "Всекитайское собрание народных представителей", "Всекитайского собрания народных представителей", "全国人民代表大会"),
         ("Union of Journalists", "Союз журналистов", "Союза журналистов", "记者协会"),
         ("Chamber of Commerce", "Торгово-промышленная палата", "Торгово-промышленной палаты", "工商会"),
         ("Academy of Sciences", "Академия наук", "Академии наук", "科学院"),
         ("State Grid Corporation", "Государственная электросетевая корпорация", "Государственной электросетевой корпорации", "国家电网公司"),
         ("Eurasian Development Bank", "Евразийский банк развития", "Евразийского банка развития", "欧亚开发银行"),
         ("Shanghai Cooperation Organisation", "Шанхайская организация сотрудничества", "Шанхайской организации сотрудничества", "上海合作组织"),
         ("Northern Railway Company", "Северная железнодорожная компания", "Северной железнодорожной компании", "北方铁路公司"),
         ("Silk Road Fund", "Фонд Шелкового пути", "Фонда Шелкового пути", "丝路基金"),
         ("Association of Regional Media", "Ассоциация региональных СМИ", "Ассоциации региональных СМИ", "地方媒体协会"),
         ("State University of Economics", "Государственный экономический университет", "Государственного экономического университета", "国立经济大学"),
         ("Youth Exchange Centre", "Центр молодежных обменов", "Центра молодежных обменов", "青年交流中心"),
         ("Agricultural Export Agency", "Агентство по экспорту сельхозпродукции", "Агентства по экспорту сельхозпродукции", "农产品出口署")]

# Places: (en, ru nominative, ru prepositional, ru genitive, zh)
_PLACES = [("Beijing", "Пекин", "Пекине", "Пекина", "北京"), ("Moscow", "Москва", "Москве", "Москвы", "莫斯科"),
           ("Minsk", "Минск", "Минске", "Минска", "明斯克"), ("Astana", "Астана", "Астане", "Астаны", "阿斯塔纳"),
           ("Shanghai", "Шанхай", "Шанхае", "Шанхая", "上海"), ("Harbin", "Харбин", "Харбине", "Харбина", "哈尔滨"),
           ("Vladivostok", "Владивосток", "Владивостоке", "Владивостока", "符拉迪沃斯托克"),
           ("Kazan", "Казань", "Казани", "Казани", "喀山"), ("Novosibirsk", "Новосибирск", "Новосибирске", "Новосибирска", "新西伯利亚"),
           ("Urumqi", "Урумчи", "Урумчи", "Урумчи", "乌鲁木齐"), ("Tashkent", "Ташкент", "Ташкенте", "Ташкента", "塔什干"),
           ("Bishkek", "Бишкек", "Бишкеке", "Бишкека", "比什凯克"), ("Irkutsk", "Иркутск", "Иркутске", "Иркутска", "伊尔库茨克"),
           ("Guangzhou", "Гуанчжоу", "Гуанчжоу", "Гуанчжоу", "广州"), ("Khabarovsk", "Хабаровск", "Хабаровске", "Хабаровска", "哈巴罗夫斯克"),
           ("Saint Petersburg", "Санкт-Петербург", "Санкт-Петербурге", "Санкт-Петербурга", "圣彼得堡"),
           ("Chengdu", "Чэнду", "Чэнду", "Чэнду", "成都"), ("Yekaterinburg", "Екатеринбург", "Екатеринбурге", "Екатеринбурга", "叶卡捷琳堡"),
           ("Geneva", "Женева", "Женеве", "Женевы", "日内瓦"), ("Berlin", "Берлин", "Берлине", "Берлина", "柏林")]

# Topics: (en, ru nominative, ru genitive, zh)
_TOPICS = [("trade", "торговля", "торговли", "贸易"), ("energy", "энергетика", "энергетики", "能源"),
           ("education", "образование", "образования", "教育"), ("media", "СМИ", "СМИ", "媒体"),
           ("tourism", "туризм", "туризма", "旅游"), ("agriculture", "сельское хозяйство", "сельского хозяйства", "农业"),
           ("transport", "транспорт", "транспорта", "交通"), ("healthcare", "здравоохранение", "здравоохранения", "卫生"),
           ("science", "наука", "науки", "科学"), ("culture", "культура", "культуры", "文化"),
           ("digital economy", "цифровая экономика", "цифровой экономики", "数字经济"),
           ("logistics", "логистика", "логистики", "物流"), ("investment", "инвестиции", "инвестиций", "投资"),
           ("security", "безопасность", "безопасности", "安全"), ("sport", "спорт", "спорта", "体育"),
           ("youth exchanges", "молодежные обмены", "молодежных обменов", "青年交流"),
           ("border cooperation", "приграничное сотрудничество", "приграничного сотрудничества", "边境合作"),
           ("artificial intelligence", "искусственный интеллект", "искусственного интеллекта", "人工智能")]

# Event types with their names: (type, en, ru nominative, ru prepositional, ru genitive, zh)
_EVENTS = [("forum", "media forum", "медиафорум", "медиафоруме", "медиафорума", "媒体论坛"),
           ("forum", "investment forum", "инвестиционный форум", "инвестиционном форуме", "инвестиционного форума", "投资论坛"),
           ("forum", "youth forum", "молодежный форум", "молодежном форуме", "молодежного форума", "青年论坛"),
           ("meeting", "meeting", "встреча", "встрече", "встречи", "会晤"),
           ("meeting", "round table", "круглый стол", "круглом столе", "круглого стола", "圆桌会议"),
           ("visit", "official visit", "официальный визит", "официальном визите", "официального визита", "正式访问"),
           ("agreement", "signing ceremony", "церемония подписания", "церемонии подписания", "церемонии подписания", "签字仪式"),
           ("video_conference", "video conference", "видеоконференция", "видеоконференции", "видеоконференции", "视频会议"),
           ("launch", "launch ceremony", "церемония запуска", "церемонии запуска", "церемонии запуска", "启动仪式")]

# Outlets: name, domain, dateline style, site chrome lines (header, footer).
_SOURCES = [
    ("Xinhua", "news.example-xinhua.cn", "slash",
     ["Home | World | China | Business", "Editor: Li Na", "Share:"], ["Copyright © Xinhua. All rights reserved.", "Related: more news from the region"]),
    ("BelTA", "belta.example.by", "paren",
     ["Government Bodies", "All news", "Flag"], ["Subscribe to our channel!", "When using BelTA materials a hyperlink is required"]),
    ("TASS", "tass.example.ru", "dash",
     ["Лента новостей", "Все новости", "Читать также"], ["Подписывайтесь на наш канал", "Фото: ТАСС"]),
    ("Eurasia Daily Wire", "edw.example.com", "dash",
     ["Breaking | Politics | Economy", "Posted by staff writer"], ["See also: Top stories this week", "Share on social media"]),
    ("Northern Courier", "courier.example.org", "none",
     ["Northern Courier — regional news", "Updated 2 hours ago"], ["An important disclaimer is at the bottom of this article.", "Advertisement"]),
    ("Regional Herald", "herald.example.net", "paren",
     ["Region: Far East", "Source: Regional Herald"], ["Photo credit: press service", "Read more: related articles"]),
]
_SOURCE_NAMES = {"en": None, "ru": {"TASS": "ТАСС", "BelTA": "БелТА", "Xinhua": "Синьхуа"},
                 "zh": {"Xinhua": "新华社", "TASS": "塔斯社", "BelTA": "白俄通讯社"}}

_RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
              "октября", "ноября", "декабря"]
_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]

# -- sentence templates --------------------------------------------------------------------------
# Slots: {P} person with title, {p} surname, {O} org, {Og} org genitive (ru), {L} place,
# {Lp} place prepositional (ru), {Lg} place genitive (ru), {T}/{T2} topics, {Tg} topic genitive,
# {E} event name, {Ep} event prepositional, {Eg} event genitive, {N} count, {D} date, {Q} quote,
# {a} Russian feminine verb ending ("" or "а"), {ORG2} another organisation.
_EN = {
    "lead": ["{P} and {P2} held a {E} in {L} on {D}, discussing cooperation in {T} and {T2}.",
             "A {E} on {T} opened in {L} on {D}, bringing together more than {N} participants from {N2} countries.",
             "{P} arrived in {L} on {D} for a {E} focused on {T}, the {O} said in a statement.",
             "Representatives of the {O} and the {ORG2} met in {L} on {D} at a {E} devoted to {T}."],
    "body": ["The sides discussed joint projects in {T}, {T2} and {T3}.",
             "According to the {O}, trade between the regions grew by {N} percent last year.",
             "More than {N} companies took part in the exhibition held alongside the {E}.",
             "The delegation also visited local enterprises and research centres in {L}.",
             "Participants agreed to hold the next {E} in {L2} next year.",
             "{P} noted that cooperation in {T} had reached a new level.",
             "The programme included {N} panel sessions and a round table on {T}.",
             "Officials said {N} agreements worth {N2} million dollars were prepared for signing.",
             "The {O} plans to open a representative office in {L} by the end of the year.",
             "Experts from the {ORG2} presented a report on the development of {T}.",
             "Special attention was paid to {T} and the training of young specialists.",
             "The meeting was attended by heads of government agencies, media and expert circles.",
             "Last year the two sides exchanged {N} delegations and launched {N2} joint programmes.",
             "The road map adopted at the {E} covers {T}, {T2} and cultural exchanges until {Y}.",
             "Journalists from {N} outlets covered the event, which was broadcast online.",
             "A memorandum between the {O} and the {ORG2} was signed on the sidelines.",
             "The organisers said that {N} volunteers helped to run the {E} in {L}."],
    "quote": ['"{Q}," said {P}.', '"{Q}," {p} told reporters in {L}.', '{P} said: "{Q}."',
              '"{Q}," {p} stressed, adding that the work would continue.',
              'Speaking at the {E}, {P} said that "{Q}."'],
    "q": ["We always find common ground on issues of mutually beneficial partnership",
          "cooperation in {T} is a priority for both our countries",
          "our task is to turn agreements on {T} into concrete projects",
          "the {E} has shown that there is great interest in {T}",
          "we are neighbours, and neighbours should help each other",
          "the number of joint projects in {T} will double within {n} years",
          "the exchange of experience in {T} benefits the people of both countries"],
    "close": ["The {E} will continue until {D2}.", "The next round of talks is scheduled for {Y}.",
              "The parties agreed to meet again in {L2}.", "The {O} will publish the results of the {E} later."],
    "headline": ["{p} calls for closer cooperation in {T}", "{E} on {T} opens in {L}",
                 "{O} and {ORG2} agree to expand cooperation in {T}", "{L} hosts {E} with {N} participants",
                 "{p}: {T} is a priority"],
}
_RU = {
    "lead": ["{P} и {P2} приняли участие в {Ep} в {Lp} {D}, обсудив сотрудничество в сфере {Tg} и {T2g}.",
             "{D} в {Lp} начал работу {E}, посвященный вопросам {Tg}: в нем участвуют более {N} человек из {N2} стран.",
             "{P} прибыл{a} в {L_acc} {D} для участия в {Ep}, сообщили в пресс-службе {Og}.",
             "Представители {Og} и {ORG2g} встретились в {Lp} {D} на {Ep}, посвященном развитию {Tg}."],
    "body": ["Стороны обсудили совместные проекты в области {Tg}, {T2g} и {T3g}.",
             "По данным {Og}, товарооборот между регионами вырос на {N} процентов за прошлый год.",
             "Более {N} компаний приняли участие в выставке, прошедшей в рамках {Eg}.",
             "Делегация также посетила местные предприятия и научные центры {Lg}.",
             "Участники договорились провести следующий форум в {L2p} в будущем году.",
             "{P} отметил{a}, что сотрудничество в сфере {Tg} вышло на новый уровень.",
             "Программа включала {N} панельных сессий и круглый стол по вопросам {Tg}.",
             "Как сообщили официальные лица, к подписанию подготовлено {N} соглашений на сумму {N2} млн долларов.",
             "До конца года {O} планирует открыть представительство в {Lp}.",
             "Эксперты {ORG2g} представили доклад о развитии {Tg}.",
             "Особое внимание было уделено вопросам {Tg} и подготовке молодых специалистов.",
             "В мероприятии приняли участие руководители государственных органов, СМИ и экспертного сообщества.",
             "В прошлом году стороны обменялись {N} делегациями и запустили {N2} совместных программ.",
             "Дорожная карта, принятая на {Ep}, охватывает вопросы {Tg}, {T2g} и культурных обменов до {Y} года.",
             "Журналисты {N} изданий освещали мероприятие, которое транслировалось в интернете.",
             "На полях форума {O} и {ORG2} подписали меморандум о сотрудничестве.",
             "По словам организаторов, в проведении {Eg} в {Lp} помогали {N} волонтеров."],
    "quote": ["«{Q}», — заявил{a} {P}.", "«{Q}», — сказал{a} {p} журналистам в {Lp}.", "{P} заявил{a}: «{Q}».",
              "«{Q}», — подчеркнул{a} {p}, добавив, что работа будет продолжена.",
              "Выступая на {Ep}, {P} отметил{a}, что «{Q}»."],
    "q": ["Мы всегда находим точки соприкосновения по вопросам взаимовыгодного партнерства",
          "сотрудничество в сфере {Tg} является приоритетом для обеих стран",
          "наша задача — превратить договоренности в области {Tg} в конкретные проекты",
          "форум показал, что интерес к вопросам {Tg} очень велик",
          "мы соседи, а соседи должны помогать друг другу",
          "число совместных проектов в сфере {Tg} удвоится в ближайшие {n} лет",
          "обмен опытом в области {Tg} приносит пользу жителям обеих стран"],
    "close": ["Работа форума продолжится до {D2}.", "Следующий раунд переговоров запланирован на {Y} год.",
              "Стороны договорились встретиться вновь в {L2p}.", "Итоги мероприятия {O} опубликует позднее."],
    "headline": ["{p} призвал{a} к более тесному сотрудничеству в сфере {Tg}", "В {Lp} открылся {E}",
                 "{O} и {ORG2} договорились расширить сотрудничество в области {Tg}",
                 "{p}: развитие {Tg} — приоритет"],
}
_ZH = {
    "lead": ["{D}，{P}与{P2}在{L}举行{E}，就{T}和{T2}领域合作交换意见。",
             "{D}，以{T}为主题的{E}在{L}开幕，来自{N2}个国家的{N}余名代表出席。",
             "{D}，{P}抵达{L}出席{E}，{O}在声明中表示。",
             "{D}，{O}和{ORG2}代表在{L}举行{E}，重点讨论{T}发展问题。"],
    "body": ["双方讨论了在{T}、{T2}和{T3}领域的合作项目。",
             "据{O}介绍，去年两地贸易额增长了{N}%。",
             "{N}多家企业参加了同期举办的展览会。",
             "代表团还参观了{L}的当地企业和科研机构。",
             "与会各方商定明年在{L2}举办下一届{E}。",
             "{P}指出，双方在{T}领域的合作已迈上新台阶。",
             "本次活动共设{N}场分论坛，并就{T}举行圆桌讨论。",
             "据悉，双方已准备签署{N}项协议，总金额达{N2}百万美元。",
             "{O}计划年底前在{L}设立代表处。",
             "{ORG2}的专家发布了关于{T}发展的报告。",
             "会议特别关注{T}以及青年人才培养问题。",
             "政府部门、媒体和专家学者代表出席了会议。",
             "去年双方互派代表团{N}个，启动联合项目{N2}个。",
             "会上通过的路线图涵盖{T}、{T2}和人文交流等领域，有效期至{Y}年。",
             "来自{N}家媒体的记者报道了此次活动，活动全程网络直播。",
             "会议期间，{O}与{ORG2}签署了合作备忘录。",
             "据主办方介绍，共有{N}名志愿者参与了{L}{E}的服务工作。"],
    "quote": ["{P}表示：“{Q}。”", "{p}在{L}对记者说：“{Q}。”", "“{Q}。”{P}强调。",
              "{p}在{E}上指出，{Q}。"],
    "q": ["我们在互利合作问题上总能找到共同点", "{T}领域合作是两国的优先方向",
          "我们的任务是把{T}领域的共识转化为具体项目", "{E}表明各方对{T}有浓厚兴趣",
          "我们是邻居，邻居之间应该互相帮助", "{T}领域的合作项目将在{n}年内翻一番",
          "{T}领域的经验交流造福两国人民"],
    "close": ["{E}将持续至{D2}。", "下一轮会谈定于{Y}年举行。", "双方商定下次在{L2}再次会面。",
              "{O}将于近期公布{E}成果。"],
    "headline": ["{p}呼吁加强{T}领域合作", "{L}{E}开幕", "{O}与{ORG2}同意扩大{T}合作", "{p}：{T}是优先方向"],
}
_TEMPLATES = {"en": _EN, "ru": _RU, "zh": _ZH}
_RU_ACC = {"Москва": "Москву", "Астана": "Астану", "Женева": "Женеву", "Казань": "Казань"}


def _person(rng: random.Random) -> dict[str, str]:
    kind = rng.random()
    if kind < 0.45:
        f, l = rng.choice(_FIRST_SLAVIC), rng.choice(_LAST_SLAVIC)
        female = f[0] in _FEMALE
        ru_last = l[1] + ("а" if female and l[1].endswith(("ов", "ев", "ин")) else "")
        en_last = l[0] + ("a" if female and l[0].endswith(("ov", "ev", "in")) else "")
        zh_last = l[2] + ("娃" if female and l[1].endswith(("ов", "ев", "ин")) else "")
        return {"key": f"{f[0]} {en_last}", "en": f"{f[0]} {en_last}", "ru": f"{f[1]} {ru_last}",
                "zh": f"{f[2]}·{zh_last}", "en_s": en_last, "ru_s": ru_last, "zh_s": zh_last, "f": female}
    if kind < 0.8:
        s, g = rng.choice(_SUR_ZH), rng.choice(_GIVEN_ZH)
        return {"key": f"{s[0]} {g[0]}", "en": f"{s[0]} {g[0]}", "ru": f"{s[1]} {g[1]}", "zh": s[2] + g[2],
                "en_s": f"{s[0]} {g[0]}", "ru_s": f"{s[1]} {g[1]}", "zh_s": s[2] + g[2], "f": False}
    f, l = rng.choice(_FIRST_WEST), rng.choice(_LAST_WEST)
    return {"key": f"{f[0]} {l[0]}", "en": f"{f[0]} {l[0]}", "ru": f"{f[1]} {l[1]}", "zh": f"{f[2]}·{l[2]}",
            "en_s": l[0], "ru_s": l[1], "zh_s": l[2], "f": f[0] in _FEMALE}


def _story(seed: int, k: int) -> dict[str, Any]:
    """The facts of one event, independent of the language it is reported in."""
    rng = random.Random(f"story:{seed}:{k}")
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(0, 11 * 365))
    people = [(_person(rng), rng.choice(_TITLES), rng.choice(_ORGS)) for _ in range(rng.randint(2, 4))]
    return {"k": k, "day": day, "people": people, "orgs": rng.sample(_ORGS, 3),
            "places": rng.sample(_PLACES, 3), "topics": rng.sample(_TOPICS, 4), "event": rng.choice(_EVENTS),
            "rng_seed": rng.random()}


def _fmt_date(lang: str, d: date) -> str:
    if lang == "en":
        return f"{_EN_MONTHS[d.month - 1]} {d.day}"
    if lang == "ru":
        return f"{d.day} {_RU_MONTHS[d.month - 1]}"
    return f"{d.month}月{d.day}日"


def _fill(tpl: str, lang: str, st: dict[str, Any], rng: random.Random, used: dict[str, set]) -> str:
    people, orgs, places, topics, ev = st["people"], st["orgs"], st["places"], st["topics"], st["event"]
    li = {"en": 0, "ru": 1, "zh": 2}[lang]

    def person(i: int, with_title: bool = True) -> str:
        p, title, org = people[i % len(people)]
        used["persons"].add(p["key"])
        name = p[lang]
        if not with_title:
            return p[lang + "_s"]
        t = title[li]
        if lang == "en":
            return f"{t} {name}"
        if lang == "ru":
            return f"{t} {name}"
        return f"{t}{name}"

    def org(i: int, form: int = 0) -> str:
        o = orgs[i % len(orgs)]
        used["orgs"].add(o[0])
        return {"en": o[0], "ru": o[1 + form] if form < 2 else o[2], "zh": o[3]}[lang]

    def place(i: int, form: int = 0) -> str:
        pl = places[i % len(places)]
        used["places"].add(pl[0])
        if lang == "en":
            return pl[0]
        if lang == "zh":
            return pl[4]
        return [pl[1], pl[2], pl[3], _RU_ACC.get(pl[1], pl[1])][form]

    def topic(i: int, form: int = 0) -> str:
        t = topics[i % len(topics)]
        return {"en": t[0], "ru": t[1 + form], "zh": t[3]}[lang]

    def event(form: int = 0) -> str:
        return {"en": ev[1], "ru": ev[2 + form], "zh": ev[5]}[lang]

    day = st["day"]
    female = people[0][0]["f"]
    vals = {
        "P": lambda: person(0), "P2": lambda: person(1), "p": lambda: person(rng.randrange(len(people)), False),
        "O": lambda: org(0), "Og": lambda: org(0, 1), "ORG2": lambda: org(1),
        "ORG2g": lambda: org(1, 1),
        "L": lambda: place(0), "Lp": lambda: place(0, 1), "Lg": lambda: place(0, 2), "L_acc": lambda: place(0, 3),
        "L2": lambda: place(1), "L2p": lambda: place(1, 1),
        "T": lambda: topic(rng.randrange(4)), "T2": lambda: topic(1), "T3": lambda: topic(2),
        "Tg": lambda: topic(rng.randrange(4), 1), "T2g": lambda: topic(1, 1), "T3g": lambda: topic(2, 1),
        "E": lambda: event(), "Ep": lambda: event(1), "Eg": lambda: event(2),
        "N": lambda: str(rng.choice([3, 5, 7, 12, 15, 20, 25, 30, 40, 50, 120, 150, 200, 300, 500, 1200])),
        "N2": lambda: str(rng.choice([2, 4, 6, 8, 10, 14, 18, 35, 60, 80])),
        "n": lambda: str(rng.choice([5, 6, 7, 8, 10])),
        "D": lambda: _fmt_date(lang, day), "D2": lambda: _fmt_date(lang, day + timedelta(days=rng.randint(1, 4))),
        "Y": lambda: str(day.year + rng.randint(1, 5)), "a": lambda: "а" if female else "",
        "Q": lambda: _fill(rng.choice(_TEMPLATES[lang]["q"]), lang, st, rng, used),
    }
    out, i = [], 0
    while True:
        j = tpl.find("{", i)
        if j < 0:
            out.append(tpl[i:])
            break
        k = tpl.index("}", j)
        out.append(tpl[i:j])
        out.append(vals[tpl[j + 1:k]]())
        i = k + 1
    s = "".join(out)
    return s[0].upper() + s[1:] if s and lang != "zh" else s


def _dateline(lang: str, src: tuple, st: dict[str, Any]) -> str:
    name, _dom, style = src[0], src[1], src[2]
    local = (_SOURCE_NAMES.get(lang) or {}).get(name, name)
    place = {"en": st["places"][0][0].upper(), "ru": st["places"][0][1].upper(), "zh": st["places"][0][4]}[lang]
    d = _fmt_date(lang, st["day"])
    if lang == "zh":
        return f"{local}{place}{d}电 " if style != "none" else ""
    if style == "slash":
        return f"{place}, {d} /{local}/ — "
    if style == "paren":
        return f"{place}, {d} ({local}) - "
    if style == "dash":
        return f"{place}, {d} - {local}. "
    return ""


def _article_body(lang: str, st: dict[str, Any], rng: random.Random, used: dict[str, set], src: tuple,
                  target_bytes: int) -> tuple[str, str]:
    T = _TEMPLATES[lang]
    title = _fill(rng.choice(T["headline"]), lang, st, rng, used)
    paras = [_dateline(lang, src, st) + _fill(rng.choice(T["lead"]), lang, st, rng, used)]
    sep = "" if lang == "zh" else " "
    size = len(paras[0].encode())
    deck: list[str] = []
    while size < target_bytes:
        n = rng.randint(2, 4)
        sents = []
        for _ in range(n):
            if not deck:                  # every template once before any repeats
                deck = T["body"] + T["quote"][:3]
                rng.shuffle(deck)
            sents.append(_fill(deck.pop(), lang, st, rng, used))
        para = sep.join(sents)
        paras.append(para)
        size += len(para.encode()) + 2
    paras.append(_fill(rng.choice(T["close"]), lang, st, rng, used))
    return title, "\n\n".join(paras)


def _with_chrome(src: tuple, title: str, body: str, published: str, rng: random.Random) -> tuple[str, list[list[int]]]:
    """Site chrome around the article; returns text and the chrome lines' spans."""
    header, footer = src[3], src[4]
    parts: list[tuple[str, bool]] = [(h, True) for h in rng.sample(header, rng.randint(1, len(header)))]
    parts.append((published, True))
    parts.append((title, False))
    parts.append((body, False))
    parts += [(f, True) for f in rng.sample(footer, rng.randint(1, len(footer)))]
    text, spans, pos = [], [], 0
    for chunk, chrome in parts:
        if chrome:
            spans.append([pos, pos + len(chunk)])
        text.append(chunk)
        pos += len(chunk) + 2
    return "\n\n".join(text), spans


def _typos(text: str, rng: random.Random, rate: float = 0.01) -> str:
    words = text.split(" ")
    for i, w in enumerate(words):
        if len(w) > 4 and rng.random() < rate:
            j = rng.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(words)


def _slug(title: str, i: int) -> str:
    h = hashlib.blake2b(title.encode(), digest_size=4).hexdigest()
    return f"{h}-{i}"


def article(i: int, seed: int = 0, langs: tuple[str, ...] = ("en", "ru", "zh"), reprint_rate: float = 0.0,
            translation_rate: float = 0.0) -> dict[str, Any]:
    """Article number ``i`` of the corpus ``seed`` (a pure function of its arguments)."""
    rng = random.Random(f"art:{seed}:{i}")
    roll = rng.random()
    if i > 0 and roll < reprint_rate:            # a copy of an earlier article (maybe itself a copy)
        j = rng.randrange(max(0, i - 5000), i)
        orig = article(j, seed, langs, reprint_rate, translation_rate)
        return _reprint(i, orig, seed, rng)
    lang = langs[rng.randrange(len(langs))]
    story_k = i
    translation_of = None
    if i > 0 and roll < reprint_rate + translation_rate and len(langs) > 1:
        j = rng.randrange(max(0, i - 5000), i)
        orig = article(j, seed, langs, reprint_rate, translation_rate)
        story_k = orig["labels"]["story"]
        lang = rng.choice([x for x in langs if x != orig["labels"]["lang"]])
        translation_of = orig["labels"]["id"]
    st = _story(seed, story_k)
    src = _SOURCES[rng.randrange(len(_SOURCES))]
    used: dict[str, set] = {"persons": set(), "orgs": set(), "places": set()}
    title, body = _article_body(lang, st, rng, used, src, rng.randint(3000, 5000))
    published = st["day"] + timedelta(days=rng.choice([0, 0, 0, 1]))
    text, chrome = _with_chrome(src, title, body, published.isoformat(), rng)
    source = (_SOURCE_NAMES.get(lang) or {}).get(src[0], src[0])
    return {
        "url": f"https://{src[1]}/{lang}/{published:%Y/%m/%d}/{_slug(title, i)}",
        "title": title, "text": text, "published": published.isoformat(), "source": source, "language": lang,
        "labels": {"id": f"s{seed}-{i}", "lang": lang, "story": story_k, "reprint_of": None, "reprint_kinds": [],
                   "translation_of": translation_of, "event_type": st["event"][0],
                   "persons": sorted(used["persons"]), "orgs": sorted(used["orgs"]), "places": sorted(used["places"]),
                   "boilerplate": chrome},
    }


def _reprint(i: int, orig: dict[str, Any], seed: int, rng: random.Random) -> dict[str, Any]:
    lab = orig["labels"]
    kinds = ["chrome_swap"]
    title = orig["title"]
    body_start = orig["text"].index(title) + len(title) + 2
    footers = [a for a, _ in lab["boilerplate"] if a > body_start]
    body_end = footers[0] - 2 if footers else len(orig["text"])
    body = orig["text"][body_start:body_end]
    if rng.random() < 0.5:
        cut = int(len(body) * rng.uniform(0.6, 0.9))
        if rng.random() < 0.5:          # at a paragraph end, or mid-sentence
            cut = body.rfind("\n\n", 0, cut) if body.rfind("\n\n", 0, cut) > 0 else cut
        body, kinds = body[:cut].rstrip(), kinds + ["truncated"]
    if rng.random() < 0.4:
        body, kinds = _typos(body, rng), kinds + ["typos"]
    src = _SOURCES[rng.randrange(len(_SOURCES))]
    published = date.fromisoformat(orig["published"]) + timedelta(days=rng.choice([0, 0, 1, 2]))
    text, chrome = _with_chrome(src, title, body, published.isoformat(), rng)
    lang = lab["lang"]
    source = (_SOURCE_NAMES.get(lang) or {}).get(src[0], src[0])
    labels = dict(lab, id=f"s{seed}-{i}", reprint_of=lab["id"], reprint_kinds=kinds, boilerplate=chrome)
    return {"url": f"https://{src[1]}/{lang}/{published:%Y/%m/%d}/{_slug(title, i)}", "title": title,
            "text": text, "published": published.isoformat(), "source": source, "language": lang, "labels": labels}


def generate(n: int, seed: int = 0, langs: tuple[str, ...] = ("en", "ru", "zh"), reprint_rate: float = 0.0,
             *, translation_rate: float = 0.0, start: int = 0) -> Iterator[dict[str, Any]]:
    """Articles ``start .. start+n-1`` of the corpus ``seed``, one dict at a time.

    Each dict has url, title, text, published, source, language and ``labels`` (ground truth).
    ``reprint_rate``: share of articles that copy an earlier one (new chrome, maybe a cut tail
    or typos); ``translation_rate``: share that report an earlier article's event in another
    language.
    """
    for i in range(start, start + n):
        yield article(i, seed, tuple(langs), reprint_rate, translation_rate)


def jsonl_line(rec: dict[str, Any], *, labels: bool = False) -> str:
    """One JSONL line in newsbridge's input format (url, title, text, published, source)."""
    keys = ("url", "title", "text", "published", "source") + (("language", "labels") if labels else ())
    return json.dumps({k: rec[k] for k in keys}, ensure_ascii=False)


def to_document(rec: dict[str, Any], *, boilerplate: bool = True, facts: bool = False):
    """A newsbridge Document, with the chrome lines marked as boilerplate when asked, and with
    ``facts`` the persons, organisations, places and event type an analysis would give it (from
    the generator's labels; a span on the name where the text has it), so that facets and
    filters have the values a real store has."""
    from newsbridge.model import BOILERPLATE, EVENTS, LOCATIONS, ORGANIZATIONS, PERSONS, Document, document_id

    raw = jsonl_line(rec).encode("utf-8")
    doc = Document(id=document_id(raw), text=rec["text"], origin=rec["url"], url=rec["url"],
                   raw_sha256=hashlib.sha256(raw).hexdigest(), media_type="application/jsonl",
                   title=rec["title"], language=rec["language"], published=rec["published"],
                   source=rec["source"], meta={"synthetic": rec["labels"]["id"]})
    if boilerplate:
        for a, b in rec["labels"]["boilerplate"]:
            doc.add(BOILERPLATE, a, b, "chrome")
    if facts:
        labels = rec["labels"]
        for key, layer in (("persons", PERSONS), ("orgs", ORGANIZATIONS), ("places", LOCATIONS)):
            for name in labels[key]:
                i = doc.text.find(name)
                doc.add(layer, max(i, 0), i + len(name) if i >= 0 else 0, "", name=name)
        doc.add(EVENTS, 0, 0, labels["event_type"])
    return doc


def main(argv: list[str] | None = None) -> int:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--langs", default="en,ru,zh")
    ap.add_argument("--reprint-rate", type=float, default=0.0)
    ap.add_argument("--translation-rate", type=float, default=0.0)
    ap.add_argument("--labels", action="store_true", help="include ground-truth labels in each line")
    a = ap.parse_args(argv)
    out = sys.stdout
    for rec in generate(a.n, a.seed, tuple(a.langs.split(",")), a.reprint_rate, translation_rate=a.translation_rate):
        out.write(jsonl_line(rec, labels=a.labels) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
