"""English word lists for news grammar: roles, organisation heads, speech verbs, pronouns."""
from __future__ import annotations

# Head nouns of job titles (lower case). Plural forms map to the singular.
ROLE_HEADS = {
    "cardinal", "archbishop", "mufti", "ayatollah", "abbot", "reverend",      # clergy titles before a name
    "president", "vice-president", "president-elect", "premier", "minister", "chancellor", "secretary",
    "secretary-general", "chairman", "chairwoman", "chairperson", "chair", "head", "director",
    "director-general", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor",
    "ambassador", "senator", "speaker", "counselor", "counsellor", "adviser", "advisor", "editor",
    "editor-in-chief", "chief", "commander", "commander-in-chief", "king", "queen", "prince",
    "princess", "emperor", "pope", "pontiff", "patriarch", "leader", "founder", "co-founder",
    "ceo", "cfo", "coo", "executive", "officer", "manager", "professor", "rector", "dean",
    "justice", "judge", "prosecutor", "attorney", "lawyer", "barrister", "solicitor", "analyst", "expert", "researcher",
    "scientist", "specialist", "economist", "coach", "captain", "forward", "midfielder", "defender",
    "goalkeeper", "striker", "player", "halfback", "winger", "goalie", "defenseman", "defenceman", "playmaker",
    "left-back", "right-back", "full-back", "fullback", "centre-back", "center-back", "singer", "actor", "actress", "journalist", "correspondent",
    "reporter", "blogger", "musician", "writer", "author", "member", "representative", "envoy",
    "consul", "diplomat", "official", "lawmaker", "legislator", "deputy", "commissioner",
    "administrator", "bishop", "metropolitan", "rabbi", "imam", "general", "colonel", "admiral",
    "marshal", "lieutenant", "major", "sergeant", "mp", "mep", "chairman-elect", "performer",
    "businessman", "businesswoman", "entrepreneur", "artist", "producer", "composer", "poet",
    "presenter", "host", "anchor", "commentator", "architect", "engineer", "doctor", "physician",
    "ombudsman", "auditor", "treasurer", "inspector", "superintendent", "principal", "sheriff", "chef",
    "supervisor", "taoiseach", "tanaiste", "tánaiste",
    "monarch", "sultan", "emir", "sheikh", "crown", "chieftain", "premier", "first lady",
    "counsel", "aide", "negotiator", "coordinator", "organizer", "organiser", "curator", "owner",
    "partner", "investor", "counterpart", "activist", "politician", "candidate", "nominee", "pastor", "priest",
    "cosmonaut", "astronaut", "pilot",
    # professions news copy quotes experts by ("epidemiologist Anna Lee said")
    "surgeon", "cardiologist", "oncologist", "psychologist", "psychiatrist", "sociologist", "epidemiologist",
    "immunologist", "virologist", "pulmonologist", "biologist", "geneticist", "historian", "philosopher",
    "nutritionist", "pediatrician", "paediatrician", "neurologist", "dentist", "endocrinologist", "allergist",
    "dermatologist", "gynecologist", "urologist", "ophthalmologist", "veterinarian", "ecologist",
    "meteorologist", "climatologist", "astronomer", "physicist", "chemist", "mathematician", "therapist",
    "psychotherapist", "demographer", "sinologist", "orientalist", "political scientist",
}
ROLE_PLURALS = {
    "presidents": "president", "ministers": "minister", "senators": "senator", "governors": "governor",
    "deputies": "deputy", "ambassadors": "ambassador", "members": "member", "mayors": "mayor",
    "directors": "director", "chairmen": "chairman", "heads": "head", "leaders": "leader",
    "officials": "official", "lawmakers": "lawmaker", "representatives": "representative",
    "journalists": "journalist", "experts": "expert", "analysts": "analyst", "players": "player",
    "speakers": "speaker", "envoys": "envoy", "diplomats": "diplomat", "commanders": "commander",
    "legislators": "legislator", "mps": "MP", "judges": "judge", "activists": "activist",
}


def role_plural(word: str) -> bool:
    """A title in the plural ("Ministers", "Cosmonauts Sergey Prokopyev and Dmitry Petelin")."""
    w = word.lower()
    return w in ROLE_PLURALS or (len(w) > 4 and w.endswith("s") and w[:-1] in ROLE_HEADS)


# Words that may precede a head inside a title ("First Deputy", "acting governor").
ROLE_MODIFIERS = {
    "deputy", "vice", "first", "second", "third", "acting", "former", "ex", "ex-", "assistant", "senior",
    "chief", "executive", "general", "state", "prime", "foreign", "permanent", "special", "interim",
    "associate", "honorary", "principal", "managing", "lead", "co", "grand", "supreme", "regional",
    "national", "federal", "defence", "defense", "finance", "interior", "education", "health",
    "culture", "trade", "economy", "energy", "justice", "labour", "labor", "transport", "agriculture",
    "naval", "military", "army", "air", "police", "political", "press", "art", "artistic", "creative",
    "technical", "financial", "commercial", "medical", "scientific", "sports", "team", "club",
    "party", "opposition", "parliamentary", "presidential", "royal", "solo", "new", "incoming", "research",
    "consulting", "founding", "leading",
    "outgoing", "late", "current", "top", "head", "chairman", "board", "local", "city", "district",
    "provincial", "county", "municipal", "ruling", "junior", "high", "supreme", "lord", "retired",
    "then", "active", "independent", "longtime", "long-time", "veteran", "famous",
    "well-known", "renowned", "leading", "popular", "young", "elderly", "us", "u.s.", "uk", "eu", "un",
}
# what a minister or a committee is of ("Information Minister", "Minister of Foreign Affairs",
# "Head of State"): part of the title, never a name
PORTFOLIO_WORDS = {"affairs", "defence", "defense", "finance", "finances", "justice", "health", "culture",
                   "labour", "labor", "energy", "trade", "industry", "agriculture", "transport", "security",
                   "sport", "sports", "tourism", "science", "emergencies", "state", "economy", "interior",
                   "information", "digital", "communications", "media", "ecology", "education"}
ROLE_MODIFIERS |= PORTFOLIO_WORDS - {"state"}      # "State" alone opens names ("State Department")
# "of the Board", "of State": generic bodies that belong to the title, not an organisation.
ROLE_OF_GENERIC = {"board", "state", "staff", "government", "directors", "board of directors",
                   "the board", "the government", "trustees", "the region", "region", "the city",
                   "the republic", "the country", "the club", "the team", "the party", "the company",
                   "the committee", "the council", "the department", "the ministry", "the house",
                   "the senate", "the assembly", "the group", "the agency", "the service", "the office",
                   "the organization", "the organisation", "the board of directors"}

# what a company can be as well as a person ("Baltic Shipping, owner of the port")
BODY_TITLES = {"owner", "operator", "producer", "maker", "publisher", "manufacturer", "developer", "sponsor",
               "supplier", "provider", "distributor", "organizer", "organiser", "member", "partner", "leader",
               "shareholder", "investor", "creator", "host", "winner", "holder", "parent", "founder", "buyer",
               "seller", "contractor", "client", "customer", "champion", "sponsors", "broadcaster"}

# A kind of organisation named before its name: "the group Ruki Vverkh", "the company Northern
# Stream" (the name that follows is the organisation; the kind noun is not part of a title).
ORG_KIND_NOUNS = {
    "company", "firm", "group", "band", "club", "team", "bank", "party", "agency", "newspaper",
    "magazine", "channel", "broadcaster", "network", "publisher", "studio", "label", "fund",
    "foundation", "university", "institute", "association", "federation", "union", "corporation",
    "holding", "airline", "carrier", "operator", "organization", "organisation", "outlet", "portal",
    "website", "publication", "orchestra", "theatre", "theater", "museum", "charity",
}

# Last words of organisation names.
ORG_HEADS = {
    "council", "committee", "commission", "ministry", "department", "office", "agency", "service",
    "union", "association", "federation", "confederation", "organization", "organisation", "party",
    "company", "corporation", "corp", "inc", "ltd", "llc", "plc", "group", "holding", "holdings",
    "bank", "fund", "foundation", "institute", "institution", "university", "academy", "college",
    "school", "center", "centre", "court", "parliament", "assembly", "congress", "senate", "duma",
    "government", "administration", "authority", "board", "bureau", "directorate", "inspectorate",
    "police", "army", "navy", "forces", "guard", "team", "club", "league", "network", "channel",
    "news", "times", "post", "press", "tv", "radio", "television", "broadcasting", "media",
    "agency", "airlines", "airways", "railways", "exchange", "society", "alliance", "coalition",
    "movement", "front", "cabinet", "chamber", "secretariat", "mission", "embassy", "consulate",
    "museum", "library", "theatre", "theater", "hospital", "clinic", "laboratory", "lab", "observatory",
    "partnership", "consortium", "cooperative", "trust", "enterprises", "industries", "motors",
    "systems", "technologies", "energy", "oil", "gas", "petroleum", "telecom", "communications",
    "publishing", "publications", "review", "journal", "gazette", "herald", "tribune", "daily",
    "observer", "monitor", "magazine", "newspaper", "studio", "studios", "records", "entertainment",
    "organisation", "kremlin", "pentagon", "brotherhood", "nato", "secretariat", "commissariat", "prosecutor's office",
}
# Nouns that introduce a title or a name in quotation marks ("the project "X"").
NAMING_NOUNS = {
    "project", "projects", "program", "programme", "programs", "programmes", "initiative", "film",
    "movie", "book", "song", "album", "show", "series", "channel", "publication", "newspaper",
    "magazine", "operation", "festival", "forum", "campaign", "slogan", "motto", "title", "titled",
    "entitled", "named", "dubbed", "nicknamed", "called", "brand", "company", "agency", "portal",
    "website", "site", "app", "platform", "contest", "competition", "award", "prize", "category",
    "exhibition", "conference", "theme", "motto", "column", "section", "rubric", "hashtag", "term",
    "word", "words", "phrase", "concept", "doctrine", "strategy", "plan", "law", "bill", "act",
    "play", "opera", "ballet", "novel", "poem", "game", "team", "club", "party", "movement",
    "organization", "organisation", "group", "ship", "vessel", "station", "hotel", "restaurant",
    "label", "headline", "status", "mark", "version", "edition", "episode", "documentary", "report",
    "study", "article", "editorial", "programme", "network", "brand", "product", "model", "series",
}

SPEECH_VERBS = {
    "said", "says", "say", "saying", "told", "tells", "added", "adds", "noted", "notes", "stressed",
    "stresses", "emphasized", "emphasised", "emphasizes", "emphasises", "stated", "states",
    "explained", "explains", "remarked", "shared", "announced", "announces", "declared",
    "declares", "recalled", "recalls", "asserted", "insisted", "insists", "continued", "continues",
    "wrote", "writes", "commented", "comments", "observed", "argued", "argues", "warned", "warns",
    "acknowledged", "admitted", "concluded", "replied", "responded", "answered", "asked", "urged",
    "called", "calls", "described", "claimed", "claims", "assured", "underlined", "underscored",
    "highlighted", "affirmed", "confirmed", "mentioned", "suggested", "reiterated", "promised",
    "vowed", "complained", "lamented", "joked", "predicted", "proposed", "pointed", "believes",
    "believed", "thinks", "thought", "quoted", "quotes", "cited", "summed", "spoke", "speaks",
    "stresses", "assessed", "characterized", "characterised", "praised", "expressed", "recounted",
    "revealed", "disclosed", "posted", "tweeted", "exclaimed", "whispered", "shouted", "opined",
    "conceded", "agreed", "denied", "maintained", "indicated", "specified", "clarified",
    "elaborated", "reported", "reports", "informed", "assured", "added", "recited", "read",
}
ATTRIBUTION_PHRASES = ("according to", "in the words of", "as quoted by", "in his words", "in her words")

MALE_PRONOUNS = {"he", "him", "his"}
FEMALE_PRONOUNS = {"she", "her", "hers"}

# English female first names that do not end in -a (the -a rule covers most Slavic/Romance names).
FEMALE_NAMES = {
    "mary", "elizabeth", "margaret", "susan", "karen", "nancy", "betty", "helen", "sandra", "carol",
    "ruth", "sharon", "michelle", "laura", "sarah", "kimberly", "deborah", "jessica", "shirley",
    "cynthia", "kathleen", "amy", "ann", "anne", "joyce", "frances", "alice", "jean", "doris",
    "catherine", "christine", "rachel", "janet", "megan", "jennifer", "elena", "ellen", "kate",
    "caroline", "charlotte", "claire", "emily", "grace", "hillary", "isabel", "jane", "janet",
    "jill", "judith", "judy", "julie", "kristin", "lynn", "madeleine", "marie", "meghan", "nicole",
    "rebecca", "rose", "sophie", "theresa", "ursula", "yvonne", "liz", "beth", "kathy", "carrie",
    "leigh", "hazel", "ingrid", "gretchen", "esther", "lyubov", "nadezhd", "agnes", "dolores",
    "mercedes", "carmen", "ines", "lucy", "natalie", "nathalie", "rachel", "sharon", "stephanie",
    "tatiana", "tatyana", "zeinab", "aigerim", "gulnara", "dilnoza", "miriam", "ruth", "eve",
    "ayse", "ayşe", "christine", "michele", "nicolette", "bridget", "jacqueline", "geraldine",
}
NON_FEMALE_A_NAMES = {"nikita", "ilya", "foma", "luka", "kuzma", "joshua", "andrea", "jonah",
                      "elijah", "isaiah", "noah", "ezra", "mustafa", "musa", "isa", "yahya",
                      "zakaria", "garcia", "costa", "sasha", "misha", "gavrila", "danila", "savva",
                      "akira", "toshiba", "luca", "nicola", "attila", "kostya", "vanya", "seryozha",
                      "ota", "mika"}

# Capitalised words that begin sentences or titles but are never names.
STOP_CAPS = {
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "for", "from", "by", "with",
    "and", "but", "or", "as", "after", "before", "during", "since", "until", "according", "earlier",
    "later", "today", "yesterday", "tomorrow", "now", "then", "however", "meanwhile", "also", "it",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "its",
    "there", "here", "when", "where", "while", "what", "who", "which", "if", "so", "thus", "such",
    "all", "some", "many", "most", "both", "each", "every", "other", "another", "one", "two",
    "photo", "source", "translation", "region", "please", "note", "read", "see", "subscribe",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "mr", "mrs", "ms", "dr", "speaking", "addressing", "following",
    "despite", "although", "because", "moreover", "furthermore", "besides", "instead", "overall",
    "near", "amid", "among", "against", "via", "within", "outside", "inside", "across", "through",
}

# Organisations news names bare, with no head word to tell what they are: companies and
# intergovernmental bodies of the region's economy and politics that a small NER model often
# labels as places or persons ("Gazprom is switching to ..." read as a place). Lower case.
KNOWN_ORGS = {
    # Russia
    "gazprom", "gazprom neft", "gazprombank", "rosneft", "lukoil", "novatek", "transneft", "rosatom",
    "rostec", "roscosmos", "sberbank", "vtb", "aeroflot", "rusal", "nornickel", "norilsk nickel",
    "severstal", "rosoboronexport", "rosselkhoznadzor", "rospotrebnadzor", "roskomnadzor", "rosstat",
    "rosgvardia", "rosaviatsia", "rostelecom", "yandex", "megafon", "kaspersky", "uralkali", "phosagro",
    "rushydro", "rosseti", "alrosa", "sovcomflot", "almaz-antey", "uralvagonzavod", "kamaz", "avtovaz",
    "sukhoi", "tupolev", "ilyushin", "irkut", "rdif", "vnesheconombank", "veb.rf", "rosnano", "rosneftegaz",
    # Russian federal services, agencies and ministries as English news transliterates them
    "roskachestvo", "rosreestr", "rosfinmonitoring", "rosturizm", "rostourism", "rosmorrechflot", "rosavtodor",
    "rosleskhoz", "rosrybolovstvo", "rosarkhiv", "rosimushchestvo", "roszdravnadzor", "rosobrnadzor",
    "rosprirodnadzor", "rostekhnadzor", "rostransnadzor", "rosmolodezh", "rossotrudnichestvo", "rospatent",
    "rosakkreditatsiya", "rosstandart", "rosalkogolregulirovanie", "rosenergoatom", "rosgeologia", "rosmorport",
    "rosgidromet", "roshydromet", "rosaviation", "rosgvardiya", "minoborony", "mintsifry", "minzdrav",
    "minpromtorg", "minfin", "minobrnauki", "minprosveshcheniya", "minkultury", "minenergo", "mintrans",
    "minstroy", "minsport", "minvostokrazvitiya", "mintrud", "minselkhoz", "minjust", "minyust", "vtsiom",
    "levada center", "mchs", "fsin", "fmba", "rusada",
    # China
    "cnpc", "sinopec", "cnooc", "petrochina", "huawei", "zte", "alibaba", "tencent", "baidu", "xiaomi",
    "lenovo", "byd", "geely", "haier", "cosco", "sinochem", "chemchina", "crrc", "citic", "icbc",
    "cctv", "cgtn", "xinhua", "sinosure", "comac", "avic", "norinco", "dongfeng", "saic", "chery",
    # Central Asia, Belarus, the Caucasus
    "kazmunaygas", "kazatomprom", "samruk-kazyna", "air astana", "kaspi", "uzbekneftegaz", "turkmengaz",
    "belaruskali", "belavia", "belneftekhim", "belaz", "naftan", "socar", "azal",
    # elsewhere
    "ongc", "exxonmobil", "exxon", "chevron", "shell", "totalenergies", "siemens", "boeing", "airbus",
    "pfizer", "moderna", "astrazeneca", "biontech", "sinovac", "sinopharm", "novavax", "gamaleya",
    "samsung", "toyota", "microsoft", "google", "tesla", "spacex", "nvidia", "intel", "glencore",
    "netflix", "spotify", "uber", "airbnb", "shein", "wildberries", "ozon", "avito",
    # intergovernmental and international bodies
    "meduza", "novaya gazeta", "komsomolskaya pravda", "gazeta.ru", "lenta.ru", "rbc", "rt", "ntv",
    "opec", "opec+", "brics", "sco", "eaeu", "eaes", "csto", "asean", "apec", "nato", "unesco",
    "unicef", "iaea", "imf", "wto", "osce", "interpol", "europol", "fifa", "uefa", "greenpeace",
    "eurasec", "cica", "aiib", "ebrd", "unhcr", "undp", "unctad", "fao", "red cross", "red crescent",
}
# Capitalised abbreviations that are not organisations ("the Chinese GDP").
# words that make a name a sports club's ("Dynamo Moscow", "Athletic Bilbao", "Lokomotiv"); "United"
# only after another word ("Manchester United", not "United States")
CLUB_WORDS = {"United", "Rovers", "Wanderers", "Athletic", "Atletico", "Albion", "Hotspur", "Dynamo", "Dinamo",
              "Spartak", "Lokomotiv", "Zenit", "CSKA", "Sporting", "Olympique", "Borussia", "FC"}
# academic degrees the model takes for bodies ("Semyon Golosheykin, PhD in Biology")
ACADEMIC_DEGREES = {"phd", "ph.d", "ph.d.", "dsc", "d.sc", "msc", "m.sc", "bsc", "b.sc", "mba", "llm", "ll.m"}
NOT_ORG_ACRONYMS = {"gdp", "gnp", "ceo", "cfo", "vat", "covid", "aids", "hiv", "dna", "rna", "usd", "eur",
                    "rmb", "cny", "rub", "pm", "am", "tv", "ai", "it", "ok", "vip", "lng", "lpg", "ipo",
                    "suv", "gps", "sms", "faq", "id", "ii", "iii", "iv", "vi", "uav", "smb", "sme", "pcr",
                    "mlrs", "icbm", "atm", "cpi", "ppe", "ict", "esg", "ev", "nft", "api", "usb", "cctv", "hr",
                    "mp", "gmo", "lgbt", "lgbtq", "vpn", "wifi", "5g", "4g", "3g", "ufo", "mri", "ivf", "pdf"}


# a player's position: a town right before it names the club he plays for ("Washington forward
# Alexander Ovechkin"), and so does a one-word 'person' between it and a player
PLAYER_POSITIONS = frozenset({"forward", "striker", "midfielder", "halfback", "defender", "defenseman", "defenceman",
                              "goalkeeper", "goalie", "winger", "centre-back", "center-back", "left-back", "right-back",
                              "full-back", "fullback", "playmaker", "quarterback", "pitcher"})
