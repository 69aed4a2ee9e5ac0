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
