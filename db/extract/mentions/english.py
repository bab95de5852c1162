"""English words the new-actor suggester reads by: titles and roles before a name, words that
mark an armed group, a state body, a media outlet, an organisation or a place, country names,
words that are no names, name connectors ("of", "al", "bin") and affixes ("-based").

Kept together, apart from the rules that use them, so that another language can become a module
of its own behind the same names."""

from __future__ import annotations

import re

TITLES = {
    "amir", "emir", "president", "prime", "minister", "general", "gen", "gen.", "col", "col.",
    "colonel", "sheikh", "shaykh", "sheik", "mullah", "imam", "commander", "mr", "mr.", "mrs",
    "mrs.", "ms", "ms.", "dr", "dr.", "king", "queen", "prince", "princess", "sen", "sen.",
    "senator", "rep", "rep.", "gov", "gov.", "governor", "mayor", "chief", "patriarch", "pope",
    "ayatollah", "cleric", "judge", "justice", "lt", "lt.", "sgt", "sgt.", "capt", "capt.",
    "captain", "maj", "maj.", "major", "lieutenant", "sergeant", "ambassador", "chairman",
    "director", "leader", "secretary", "spokesman", "spokeswoman", "striker", "coach",
    "archbishop", "bishop", "father", "rabbi", "marshal", "field", "deputy", "vice",
    "foreign", "defence", "defense", "interior", "finance", "chancellor", "sir", "lord",
    "lady", "saint", "comrade", "brother", "professor", "prof", "prof.", "rev", "rev.",
}  # fmt: skip
ROLE_WORDS = {
    "leader", "commander", "fighter", "cleric", "spokesman", "spokeswoman", "minister",
    "president", "militant", "chief", "official", "journalist", "negotiator", "envoy",
    "warlord", "rebel", "emir", "amir", "head", "founder", "deputy", "mufti", "imam",
    "general", "colonel", "activist", "lawyer", "analyst", "expert", "researcher",
    "reporter", "correspondent", "editor", "writer", "author", "preacher", "bomber",
    "gunman", "suspect", "man", "woman", "boy", "girl", "striker", "coach", "player",
    "engineer", "doctor", "governor", "mayor", "senator", "candidate", "director",
    "chairman", "executive", "ceo", "secretary", "ambassador", "officer", "soldier",
    "mr", "named", "dubbed", "alias",
}  # fmt: skip
ARMED = re.compile(
    r"\b(?:emirate|army|brigades?|front|militias?|mujahideen|mujahedeen|jamaat|jamaat|taliban|"
    r"hezbollah|hizbollah|hamas|qaida|qaeda|isis|isil|daesh|islamic\s+state|boko\s+haram|"
    r"tigers|rebels|liberation|jihad|caliphate|vilaiyat|velayats?|wilayat|guards?|battalions?|"
    r"regiment|shabaab|fatah|insurgency|fighters|legion|commandos?|squad|division|corps|"
    r"resistance)\b", re.IGNORECASE)
STATE = re.compile(
    r"\b(?:ministry|ministries|police|parliament|duma|senate|congress|court|government|"
    r"cabinet|department|office|bureau|kremlin|pentagon|white\s+house|command|fsb|kgb|cia|"
    r"fbi|rcmp|interior|customs|prosecutor|procuracy|embassy|consulate|presidency|"
    r"administration|assembly|council|commission|air\s+force|navy|coast\s+guard|"
    r"national\s+guard|gendarmerie|treasury|central\s+bank|authority|authorities)\b",
    re.IGNORECASE)
MEDIA = re.compile(
    r"\b(?:news|times|post|journal|gazette|herald|tribune|daily|press|reuters|ap|afp|"
    r"interfax|xinhua|al-?jazeera|al-?arabiya|bbc|cnn|tass|itar-tass|ria|novosti|beast|"
    r"network|tv|radio|channel|telegraph|guardian|observer|independent|economist|"
    r"magazine|wire|knot|kommersant|izvestia|pravda|vedomosti|nnn|upi|dpa|efe|ansa|"
    r"kyodo|yonhap|irna|sana|mena|wafa|cwnews|twitter|facebook|youtube|telegram|instagram|"
    r"vkontakte|whatsapp)\b|\.com\b", re.IGNORECASE)
ORGANISATION = re.compile(
    r"\b(?:inc|corp|corporation|ltd|co|company|companies|group|party|union|organi[sz]ation|"
    r"association|foundation|institute|university|college|bank|fund|committee|nations|"
    r"league|federation|society|church|movement|ngo|s\.a|ag|plc|holdings|alliance|club|"
    r"agency|international|industries|systems|airlines|motors|nato|opec|un|u\.n|eu|gop|"
    r"red\s+cross|red\s+crescent|amnesty|watch|doctors|nasdaq|sotheby's)\b\.?",
    re.IGNORECASE)
# The head of an institution's name that "for" may follow ("Centers for Disease Control").
INSTITUTION = re.compile(
    r"(?:^|-)(?:cent(?:er|re)s?|committee|council|movement|office|ministry|union|front|party|"
    r"coalition|alliance|commission|institute|foundation|organi[sz]ation|agency|association|"
    r"league|society|fund|bureau|board|department|service|tribunal|network|campaign|"
    r"federation|forum|mission|directorate|program(?:me)?|partnership|initiative|committees)$",
    re.IGNORECASE)
PLACE_WORDS = re.compile(
    r"\b(?:strip|republic|province|region|city|valley|mountains?|gorge|caucasus|islands?|"
    r"sea|river|camp|square|zone|street|mount|bay|gulf|peninsula|desert|county|district|"
    r"state|territory|oblast|krai|governorate|prefecture|village|town|border|coast|lake|"
    r"ocean|highlands|plains?|heights|stadium|arena|garden|park|airport|hospital|"
    r"school|mosque|church|cathedral|square|prison|base)\b", re.IGNORECASE)
COUNTRIES = {
    "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia",
    "austria", "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "bolivia",
    "bosnia", "brazil", "britain", "bulgaria", "burma", "burundi", "cambodia", "cameroon",
    "canada", "chad", "chile", "china", "colombia", "congo", "croatia", "cuba", "cyprus",
    "czech republic", "denmark", "egypt", "england", "eritrea", "estonia", "ethiopia",
    "finland", "france", "georgia", "germany", "ghana", "greece", "guatemala", "haiti",
    "honduras", "hungary", "india", "indonesia", "iran", "iraq", "ireland", "israel",
    "italy", "japan", "jordan", "kazakhstan", "kenya", "korea", "kosovo", "kuwait",
    "kyrgyzstan", "latvia", "lebanon", "liberia", "libya", "lithuania", "macedonia",
    "malaysia", "mali", "mexico", "moldova", "mongolia", "morocco", "mozambique", "myanmar",
    "nepal", "netherlands", "nicaragua", "niger", "nigeria", "north korea", "norway", "oman",
    "pakistan", "palestine", "panama", "peru", "philippines", "poland", "portugal", "qatar",
    "romania", "russia", "rwanda", "saudi arabia", "scotland", "senegal", "serbia",
    "sierra leone", "singapore", "slovakia", "slovenia", "somalia", "south africa",
    "south korea", "south sudan", "spain", "sri lanka", "sudan", "sweden", "switzerland",
    "syria", "taiwan", "tajikistan", "tanzania", "thailand", "tunisia", "turkey",
    "turkmenistan", "uganda", "ukraine", "united states", "united kingdom", "uruguay",
    "uzbekistan", "venezuela", "vietnam", "wales", "yemen", "zambia", "zimbabwe", "us",
    "u.s.", "usa", "uk", "u.k.", "uae", "chechnya", "dagestan", "ingushetia", "darfur",
    "gaza", "baghdad", "kabul", "moscow", "beijing", "tokyo", "london", "paris",
    "washington", "jerusalem", "tehran", "damascus", "cairo", "beirut", "islamabad",
    "new york", "fallujah", "falluja", "mosul", "basra", "kirkuk", "tikrit", "samarra",
    "grozny", "makhachkala", "nalchik", "kandahar", "karachi", "baqouba", "najaf",
    "ramadi", "ossetia", "abkhazia", "kashmir", "tibet", "xinjiang", "crimea", "donbas",
    "sinai", "west bank", "golan", "hebron", "rafah", "nablus", "jenin", "ramallah",
    "khartoum", "mogadishu", "nairobi", "lagos", "dubai", "riyadh", "ankara", "istanbul",
    "europe", "africa", "asia", "america", "middle east", "balkans",
}  # fmt: skip
NOT_NAMES = {
    "the", "a", "an", "this", "that", "these", "those", "in", "on", "at", "as", "after",
    "before", "despite", "additionally", "however", "meanwhile", "with", "without", "what",
    "when", "where", "while", "it", "he", "she", "they", "we", "i", "his", "her", "their",
    "its", "our", "there", "here", "but", "and", "or", "so", "if", "although", "though",
    "since", "because", "for", "from", "by", "to", "of", "many", "some", "most", "several",
    "both", "all", "each", "every", "other", "another", "such", "only", "also", "even",
    "still", "yet", "now", "then", "today", "yesterday", "tomorrow", "last", "next", "first",
    "second", "third", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "estimates", "estimate", "according", "no", "not", "nor", "do", "does",
    "did", "is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "must", "should", "who", "whom", "which", "why", "how",
    "up", "down", "out", "over", "under", "again", "more", "less", "few", "much", "very",
    "just", "about", "around", "among", "between", "into", "through", "during", "until",
    "report", "reports", "officials", "police", "troops", "forces", "militants", "rebels",
    "mr", "mrs", "ms", "said", "says", "update", "breaking", "analysis", "opinion", "photo",
    "video", "read", "see", "click", "you", "your", "my", "me", "us",
    "him", "them", "let", "like", "once", "ever", "never", "always", "often", "perhaps",
    "please", "thanks", "yes", "hello", "dear", "note", "editor's", "world", "news",
    "sources", "source", "witnesses", "residents", "suspected", "unknown",
    "nearly", "almost", "roughly", "approximately", "least", "fewer",
}  # fmt: skip
MONTHS_AND_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
    "sat", "sun",
}  # fmt: skip
CONNECTORS = {"of", "al", "el", "bin", "ibn", "bint", "abu", "de", "du", "da", "del",
              "della", "la", "le", "van", "von", "der", "den", "ul"}  # fmt: skip
AFFIXES = re.compile(r"-(?:linked|based|led|backed|affiliated|allied|controlled|run|born|"
                     r"style|era|made|owned|held|bound|related|inspired|sponsored)$",
                     re.IGNORECASE)
ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish|ic|ern)$", re.IGNORECASE)
DEMONYM = re.compile(r"(?:i|an|ian|ese|ish|ite|ic|ean|ni)$", re.IGNORECASE)

NUMBER_WORD = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                         r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                         r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                         r"thousand|million|dozens?|scores|hundreds|thousands)(?:-\w+)?",
                         re.IGNORECASE)
HOLIDAYS = {"ramadan", "eid", "christmas", "easter", "passover", "hanukkah", "diwali",
            "thanksgiving"}  # fmt: skip
ABBREVIATED = re.compile(r"(?:(?:[^\W\d_]\.){2,}|(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Mt|Mr|Mrs|Ms|Dr|"
                         r"Gen|Col|Lt|Sgt|Capt|Maj|Gov|Sen|Rep|Prof|Rev|No|S\.A)\.)$")

STRONG_PATTERNS = (ARMED, STATE, MEDIA, ORGANISATION)

SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "by", "as",
               "with", "from", "vs", "is", "s"}
