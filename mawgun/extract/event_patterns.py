"""Regular expressions and small constants shared by the event rules (split out of events.py)."""

from __future__ import annotations

import re

CIVILIAN_TARGET = re.compile(
    r"\b(?:villages?|houses|homes|schools?|camps?|hospitals?|clinics?|churche?s?|monaster(?:y|ies)|markets?)\b", re.I
)


ANAPHOR = re.compile(
    r"\b(?:the|this|that) (?:deadly |latest |recent |reported )?(?:air ?strike|attack|bombing|shelling|raid|massacre|"
    r"incident|assault|killings?)s? (?:took place|happened|occurred|was carried out|struck)\b",
    re.I,
)


COORDINATE = re.compile(
    r";\s+|,?\s+(?:and|while|whereas|as|before)\s+(?=(?:then\s+)?(?:on|the|a|an|junta|regime|troops|soldiers|jets?|[A-Z]))"
)


# A sentence that opens by naming the event told just before ("The bombing destroyed a clinic in ...", "The
# raid on the village ..."): its places are that event's.
OPENS_WITH_EVENT = re.compile(
    r"^\W*(?:the|that|this|monday's|tuesday's|wednesday's|thursday's|friday's|saturday's|sunday's) "
    r"(?:[\w-]+ ){0,2}?(?:air ?strikes?|strikes?|attacks?|bombings?|shelling|raids?|massacres?|assaults?|blasts?|"
    r"explosions?|killings?)\b",
    re.I,
)


REFERS_BACK = re.compile(
    r"\b(?:the|that|this) (?:camp|village|town|ward|school|monastery|church|market|hospital|house|site|area|"
    r"attack|explosion|blast)\b",
    re.I,
)


FLEEING = re.compile(
    r"\b(?:fle(?:e|es|eing|d)|escap(?:e|es|ed|ing)|displaced by|running from|ran from)\s+(?:from\s+)?"
    r"(?:the\s+|renewed\s+|heavy\s+|recent\s+|earlier\s+){0,2}$",
    re.I,
)


ONGOING = re.compile(
    r"\b(?P<aux>are|were|is|was)\s+(?:still\s+)?(?:(?:fighting|clashing|battling)\s+(?:for|in|inside|around|near|over)"
    r"|besieging)\b",
    re.I,
)


RELATIVE_CLAUSE = re.compile(r",\s+(?:whose|which|who)\b[^,;]*,")


FULL_DATE_RULES = {"dmy", "mdy", "iso", "numeric", "dm", "md"}


ALSO = re.compile(r"\b(?:also|as well)\b", re.I)


REPORTING = re.compile(r"\b(?:said|says|say|told|reported|added|confirmed)\b")


SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){0,4}$", re.I)


COMPARISON = re.compile(
    r",\s+(?:making it|which (?:was|is|made)|in what|the (?:deadliest|worst|largest|biggest|first))\b"
)


CLAUSE_BREAK = re.compile(r",\s+(?:but|while|whereas|although)\b|;|\s+but\s+")


CLAUSE_JOIN = re.compile(r";\s+|,?\s+(?:and|while|whereas)\s+(?:then\s+)?")


LOCALE_ANAPHOR = re.compile(
    r"\b(?:the|that|this) (?:area|village|town|township|camp|site|raid|assault|operation)\b", re.I
)


PRISON = re.compile(r"\b(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:Prison|Jail|Central Prison)\b")


CONTEXT_NOUN = re.compile(
    r"(?:fighting|clash(?:es)?|offensives?|attacks?|battles?|hostilities|war|conflict|air ?strikes?|shelling|"
    r"bombardments?|bombing|operations?|assaults?|ambush(?:es)?|skirmish(?:es)?)\b",
    re.I,
)


CONTEXT_BEFORE = re.compile(
    r"\b(?:after|amid|amidst|following|during|despite|since|before|because of|due to|as a result of|in the wake of|"
    r"in retaliation for|in revenge for|to avenge|in response to|"
    r"(?:from|near|to|towards?|away from) where)"  # "a short walk from where the clashes were": a distance
    r"\s+(?:[\w'’-]+\s+){0,6}$",
    re.I,
)


CONTEXT_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,5}?\s*,?\s+(?:(?:that|which)\s+(?:had\s+|has\s+)?(?:began|begun|started|erupted|broke out|"
    r"resumed|was launched|were launched|first)|(?:launched|begun|started|that began)\s+(?:in|on|last|since|early|late|"
    r"mid))\b",
    re.I,
)


CONSEQUENCE_AFTER = re.compile(
    r"[^.;,]{0,50}?\b(?:(?:has|have|had)\s+(?:\w+\s+)?(?:driven|displaced|forced|uprooted|pushed|sent)"
    r"|drove|displaced|forced|uprooted|pushed)\b",
    re.I,
)


WHEN_CLAUSE = re.compile(r",?\s+when\s+")  # "82 people were killed when troops crushed protesters in Bago on 9 April"


POSSESSIVE_EVENT = re.compile(
    r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:crackdown|massacre|attack|killings?|raid|shooting|assault|air ?strike|bombing|"
    r"executions?)\s*,?\s+(?:in which|when|during which|where)\b[^.;]*$",
    re.I,
)


NO_TOLL_PROTESTS = {"Peaceful protest", "Protest with intervention"}  # ACLED codes 0 dead when none are told


POSSESSIVE_HEAD = re.compile(
    r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:crackdown|massacre|attack|killings?|raid|shooting|assault|air ?strike|bombing|"
    r"executions?)\s*,?\s+(?:in which|when|during which|where)\b",
    re.I,
)


CRACKDOWN_RECODED = {"Violence against civilians", "Explosions/Remote violence"}


DEFINITE = re.compile(r"\b(?:the|this|that|these|those|such|its|their)\s+(?:[\w-]+\s+){0,2}$", re.I)


CONSEQUENCE = re.compile(r",\s*(?:and\s+)?(?:also\s+)?$")  # ", killing three civilians": the toll of the event before


# "A passenger also died in the attack", "two were hurt during the shelling": the toll of an event told before.
TOLL_OF_TOLD = re.compile(
    r"\b(?:killed|died|dead|injured|wounded|hurt|lost (?:their|his|her) lives)\b[^.;]{0,40}\b(?:in|during|by|from) "
    r"(?:the|that|this|these) (?:\w+ )?(?:attack|incident|strike|air ?strike|raid|explosion|blast|shelling|bombing|"
    r"bombardment|clash(?:es)?|fighting|ambush|assault|battle|raids)\b",
    re.I,
)

# A date that names the coup ("the February 1 coup", "last month's military coup", "the Feb. 1, 2021, takeover"):
# it dates the coup, told as background, never an event of the sentence.
COUP_AFTER = re.compile(
    r"(?:[’']s)?,?\s*(?:\d{4},?\s+)?(?:(?:military|army|bloodless|illegal|failed|attempted)\s+)*"
    r"(?:coup(?:\s+d[’']état)?|takeover|seizure of power|power grab)\b",
    re.I,
)
