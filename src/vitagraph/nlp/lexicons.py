"""Word lists shared by several extractors (one list, one meaning)."""

from __future__ import annotations

CHILD_NOUNS = frozenset({"son", "daughter", "child", "children", "twin", "twins", "heir", "baby"})

KIN_NOUNS = frozenset({
    # people defined by their relation to someone: "his wife Liuba", "her mother died" (not the subject)
    "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "widow", "widower",
    "friend", "friends", "partner", "companion", "uncle", "aunt", "nephew", "niece", "cousin", "grandson",
    "granddaughter", "grandfather", "grandmother", "mistress", "lover", "secretary", "assistant",
    "colleague", "colleagues", "pupil", "student", "students", "teacher", "biographer", "translator",
    "child", "children", "parents", "family",
})

PERSON_NOUNS = frozenset({
    # a person's role, standing right before a name: "the jurist Quintus Mucius Scaevola",
    # "the philosopher Grete Hermann", "his ward Publilia", "the engraver Joseph Mulder"
    "philosopher", "jurist", "orator", "poet", "historian", "writer", "novelist", "author", "painter",
    "sculptor", "architect", "composer", "musician", "singer", "actor", "actress", "mathematician",
    "physicist", "chemist", "astronomer", "botanist", "naturalist", "scientist", "physician", "surgeon",
    "apothecary", "engraver", "printer", "publisher", "bookseller", "merchant", "banker", "scholar",
    "theologian", "monk", "nun", "abbot", "abbess", "bishop", "archbishop", "cardinal", "pope", "priest",
    "emperor", "empress", "king", "queen", "prince", "princess", "sultan", "khan", "shah", "caliph",
    "tsar", "czar", "duke", "duchess", "count", "countess", "lord", "lady", "general", "admiral",
    "senator", "consul", "tribune", "governor", "statesman", "politician", "revolutionary", "anarchist",
    "socialist", "journalist", "editor", "critic", "ward", "tutor", "mentor", "patron", "rival",
    "disciple", "follower", "servant", "slave", "freedman", "centurion", "envoy", "ambassador",
    "explorer", "traveller", "traveler", "geographer", "lawyer", "advocate", "judge", "activist",
    "abolitionist", "feminist", "educator", "engineer", "inventor", "collector", "dealer", "apprentice",
})
