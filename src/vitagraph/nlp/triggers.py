"""Trigger lexicons for life events: verb and noun lemmas by event type, and the word
lists the event finder consults (roles, works, illnesses, things one refuses ...).

Kept apart from ``events.py`` so the lexicons can be read, and extended, as lists."""

from __future__ import annotations

VERB_TRIGGERS: dict[str, str] = {}
for _type, _lemmas in {
    "died": "die perish drown",
    "buried": "bury inter entomb cremate",
    "moved": "move settle emigrate immigrate flee escape return relocate arrive resettle migrate invite stay live reside",
    "traveled": "travel visit tour journey sail voyage cross land climb wander roam embark explore",
    "studied": "study enroll enrol graduate matriculate train educate",
    "worked": "work serve teach edit lecture employ hire appoint practise practice head direct manage translate preach defend plead prosecute govern command administer represent advise tutor instruct supervise",
    "joined": "join enlist rejoin",
    "left": "resign quit",
    "expelled": "expel dismiss exclude oust suspend excommunicate",
    "founded": "found establish co-found cofound institute",
    "arrested": "arrest detain apprehend",
    "imprisoned": "imprison jail intern incarcerate confine",
    "released": "release free liberate pardon exchange emancipate manumit acquit",
    "exiled": "exile deport banish extradite",
    "married": "marry wed remarry",
    "published": "publish publicize publicise",
    "wrote": "write compose complete finish author pen draft prove paint discover invent chronicle document dictate sculpt engrave illustrate",
    "participated": "participate fight campaign side vote debate negotiate testify rebel revolt mutiny besiege conquer",
    "collaborated": "collaborate correspond cooperate associate befriend mingle",
    "conflict": "criticize criticise denounce attack oppose slander quarrel implicate accuse suppress defeat proscribe outlaw confiscate ban censor harass persecute sue reject divorce bar plunder loot raze seize",
    "illness": "suffer",
    "honored": "award honour honor decorate knight hail acclaim ennoble canonize canonise beatify",
}.items():
    for _lemma in _lemmas.split():
        VERB_TRIGGERS[_lemma] = _type

ILLNESS_WORDS = ("starvation", "hunger", "famine", "illness", "disease", "tuberculosis", "typhus", "cholera",
                 "malaria", "fever", "stroke", "heart attack", "depression", "breakdown", "cancer", "pneumonia", "exhaustion",
                 "tumour", "tumor", "plague", "smallpox", "gout", "paralysis", "blindness", "dysentery", "consumption")
HOSTILITY_WORDS = ("harassment", "persecution", "attack", "attacks", "criticism", "trial", "charges", "accusation",
                   "accusations", "slander", "censorship", "boycott", "hostility", "opposition", "surveillance", "threats")
LIGHT_VERBS = {"make", "undertake", "contract", "suffer", "begin", "start", "complete", "conduct", "lead", "have", "enter"}
NOUN_TRIGGERS = {
    "pilgrimage": "traveled", "hajj": "traveled", "expedition": "traveled",
    "birth": "born", "death": "died", "burial": "buried", "funeral": "buried", "arrival": "moved",
    "return": "moved", "emigration": "moved", "flight": "moved", "move": "moved", "trip": "traveled",
    "journey": "traveled", "visit": "traveled", "voyage": "traveled", "tour": "traveled",
    "arrest": "arrested", "imprisonment": "imprisoned", "internment": "imprisoned", "detention": "imprisoned",
    "captivity": "imprisoned", "release": "released", "exile": "exiled", "deportation": "exiled",
    "banishment": "exiled", "expulsion": "expelled", "marriage": "married", "wedding": "married",
    "illness": "illness", "stroke": "illness", "heart attack": "illness",
    "correspondence": "collaborated", "friendship": "collaborated", "collaboration": "collaborated",
    "partnership": "collaborated",
    "appointment": "worked", "election": "joined", "graduation": "studied", "enrollment": "studied",
    "enrolment": "studied", "ordination": "joined", "dismissal": "expelled", "resignation": "left",
    "retirement": "left", "founding": "founded", "publication": "published", "divorce": "conflict",
    "knighthood": "honored", "execution": "died", "assassination": "died", "stay": "moved", "escape": "moved",
    "rivalry": "conflict", "quarrel": "conflict", "dispute": "conflict", "feud": "conflict", "controversy": "conflict",
    "polemic": "conflict", "rupture": "conflict", "clash": "conflict", "lawsuit": "conflict", "trial": "conflict",
}
ROLE_NOUNS = {
    "editor", "member", "leader", "commissar", "professor", "teacher", "director", "secretary", "president",
    "chairman", "journalist", "correspondent", "translator", "lecturer", "minister", "governor", "consul",
    "ambassador", "officer", "soldier", "trooper", "judge", "advisor", "adviser", "assistant", "head",
    "manager", "curator", "librarian", "physician", "doctor", "clerk", "apprentice", "tutor", "figure",
    "founder", "chief", "captain", "general", "admiral", "senator", "quaestor", "consul", "praetor", "aedile",
    "tribune", "envoy", "qadi", "cadi", "magistrate", "mayor", "priest", "bishop", "abbot", "rector", "dean",
    "surgeon", "engineer", "architect", "painter", "organist", "conductor", "composer", "kapellmeister",
    "proconsul", "censor", "dictator", "prefect", "steward", "chancellor", "treasurer", "inspector", "privatdozent",
}
WORK_NOUNS = {
    "work", "book", "books", "novel", "novels", "poem", "poems", "writing", "writings", "manuscript",
    "manuscripts", "paper", "papers", "essay", "essays", "memoir", "memoirs", "painting", "paintings", "play",
    "plays", "symphony", "opera", "article", "articles", "letters", "theorem", "discovery", "masterpiece",
    "dissertation", "thesis", "treatise", "study", "studies", "monograph", "volume", "edition", "translation",
}
DURATIVE = {"worked", "studied", "moved", "imprisoned", "exiled", "collaborated", "participated"}
"""States that last: "from February 1934 she lectured ..." runs on to the end of the life."""
RESIDENT_TYPES = {
    # happenings that take place where the subject lives unless the clause says otherwise
    "worked", "joined", "studied", "wrote", "collaborated", "founded", "published", "participated", "illness",
    "married", "conflict", "arrested", "imprisoned", "released", "honored", "child",
}
PATIENT_VERBS = {
    "arrest", "detain", "expel", "dismiss", "deport", "exile", "banish", "imprison", "jail", "intern", "release",
    "free", "invite", "elect", "appoint", "award", "honour", "honor", "sentence", "suspend", "execute", "kill",
    "bury", "hire", "employ", "exchange", "expel", "exclude", "oust", "extradite", "decorate", "knight", "pardon",
    "liberate", "confine", "incarcerate", "assassinate", "murder", "shoot", "strip", "proscribe", "outlaw",
    "harass", "persecute", "sue", "accuse", "attack", "denounce", "condemn", "slander", "censor", "ban", "divorce", "bar",
    "recall", "hail", "name", "send", "make", "try", "take", "bring", "carry", "transfer", "summon", "evacuate", "transport",
}
MODAL_HEADS = {"attempt", "try", "plan", "hope", "want", "intend", "wish", "seek", "refuse", "fail", "decline", "threaten", "aim",
               "decide", "resolve", "propose", "offer", "expect"}

REFUSABLE = {"command", "invitation", "offer", "post", "request", "demand", "order", "proposal", "summons", "call",
             "appointment", "chair", "nomination", "honour", "honor", "title", "bribe", "pardon", "amnesty"}
TRAVEL_GROUPS = {"caravan", "camp", "expedition", "court", "convoy", "fleet", "ship", "retinue", "entourage",
                 "pilgrims", "embassy", "mission", "suite", "train"}
NOT_ILLNESS = {"shipwreck", "defeat", "loss", "losses", "setback", "humiliation", "indignity", "reverse", "reverses",
               "hardship", "hardships", "insult", "insults", "injustice", "fate"}
CONVEY_VERBS = {"take", "bring", "send", "carry", "transfer", "summon", "move", "evacuate", "transport", "ship"}
POSSESSIONS = {"right", "rights", "licence", "license", "citizenship", "nationality", "property", "house", "home", "villa",
               "villas", "estate", "library", "manuscripts", "papers", "post", "chair", "pension", "passport"}
GROUP_NOUNS = {"family", "couple", "household", "pair", "party", "expedition", "brothers", "sisters"}


INSTITUTION_WORDS = ("school", "newspaper", "journal", "magazine", "review", "society", "club", "association",
                     "party", "movement", "academy", "institute", "college", "press", "company", "workshop", "studio",
                     "salon", "league", "union", "committee", "group", "circle", "paper", "gazette", "foundation")
SCHOOL_WORDS = ("school", "university", "college", "academy", "ateneo", "lycée", "lyceum", "gymnasium", "seminary",
                "institute", "conservatory", "conservatoire", "polytechnic", "faculty")
