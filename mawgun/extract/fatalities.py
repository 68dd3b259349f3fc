"""Fatalities and injuries told in an event's sentence: digits and words, "at least", ranges (lowest),
sums of listed victims, injuries kept apart, 0 when nobody died or only damage is reported, None when the
text does not say."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mawgun.extract.numbers import NUMBER, PEOPLE, QUALIFIER, as_int, count_victims, parse_number, qualifier_named

KILL_VERB = (
    r"(?:killing|killed|kills|murdering|murdered|massacring|massacred|slaughtering|slaughtered|shot dead|executing|"
    r"executed|claiming the lives of|claimed the lives of|leaving|stabbed to death|beat to death|beaten to death|"
    r"hacked to death|(?:gunned|mowed|mown|cut) down|shot and killed|"
    r"fatally (?:shot|shooting|stabbed|stabbing|beat|beaten))"
    r"(?:\s+and\s+(?:burned|burnt|incinerated|beheaded|mutilated|dismembered|buried))?"  # "killed and burned 14"
)
HURT_VERB = r"(?:injuring|injured|wounding|wounded|hurting|hurt)"
VICTIMS_AFTER = re.compile(rf"\b(?:{KILL_VERB}|bod(?:y|ies) of)\s+(?P<list>[^.;:()]+)", re.I)
HURT_AFTER = re.compile(rf"\b{HURT_VERB}\s+(?P<list>[^.;:()]+)", re.I)
RANGE = rf"(?P<num>{NUMBER})\s*(?:-|–|to|or)\s*(?:{NUMBER})"
NOT_TIME = (  # "at 4 pm and 6 residents were killed", "on 9 June that killed 12"
    r"(?!\s*(?:[ap]\.?m\b|o[’']clock|hours?\b|hrs\b|(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|"
    r"June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b))"
)  # "at 4 pm and 6 residents were killed"
COUNT_BEFORE_DEAD = re.compile(
    rf"(?:{QUALIFIER})?(?:{RANGE}|\bbetween\s+(?P<num3>{NUMBER})\s+and\s+{NUMBER}|(?P<num2>{NUMBER})){NOT_TIME}\s+"
    rf"(?:(?!\d|(?:after|before|when|since)\b)[\w-]+\s+){{0,3}}?{PEOPLE}?"
    rf"(?:\s+(?:of|from|in) (?:the |a |an )?(?:[\w-]+\s+){{0,3}}[\w-]+(?:\s+\([\w/-]{{2,12}}\))?)?"
    rf"(?:,[^,.;]{{1,50}},|,?\s+including\s+[^.;]{{1,80}}?)?\s*"  # "two fighters of the Arakan Army (AA)"
    rf"(?:were|was|have been|had been|are|got|have|had|(?:are|were|is) (?:now )?(?:known|believed|thought|"
    rf"reported|confirmed) to have(?: been)?)?\s*(?:[a-z]+ly\s+)?"  # "tragically lost their lives"
    rf"(?:killed|dead|died|murdered|executed|lost their lives)\b",
    re.I,
)
PEOPLE_FIRST = re.compile(rf"(?:{QUALIFIER})?{NUMBER}\s+(?:(?!(?:and|or|to)\b)[a-z][\w-]*\s+){{0,2}}?{PEOPLE}\b", re.I)
PLAIN_QUALIFIER = QUALIFIER.replace("(?P<qual>", "(?:")
VICTIM_ITEM = rf"(?:{PLAIN_QUALIFIER})?(?:{NUMBER}|an?)\s+(?:(?!(?:and|or)\b)[\w-]+\s+){{0,3}}?{PEOPLE}"
LISTED_DEAD = re.compile(  # "about 13 regime soldiers and two resistance fighters were killed" = 15
    rf"(?:{QUALIFIER})?(?P<list>{VICTIM_ITEM}(?:(?:,\s*(?:and\s+)?|\s+and\s+){VICTIM_ITEM})+)"
    rf"(?:,\s+including\s+[^.;]{{1,80}}?,)?,?\s+"  # "..., including a captain from the unit, were killed"
    rf"(?:were|have been|had been|are)\s+(?:[a-z]+ly\s+)?(?:killed|dead|murdered|executed)\b",
    re.I,
)
DEATHS_NOUN = re.compile(  # "inflicting 17 military fatalities", "caused nine deaths"
    rf"(?:{QUALIFIER})?(?P<num>{NUMBER})\s+(?:(?:military|civilian|regime|junta|more|further)\s+)?"
    rf"(?:fatalities|deaths)\b",
    re.I,
)
DEATHS_OF = re.compile(  # "caused the deaths of about 30 villagers", "the massacre of over 50 villagers"
    rf"\b(?:deaths?|killings?|massacres?|murders?|executions?|slaughter)\s+of\s+(?:{QUALIFIER})?(?P<num>{NUMBER})\s+"
    rf"(?:(?!(?:and|or)\b)[\w-]+\s+){{0,2}}?{PEOPLE}\b",
    re.I,
)
COUNT_BEFORE_HURT = re.compile(
    rf"(?:{QUALIFIER})?(?P<num>{NUMBER})\s+(?:(?!dead\b|killed\b|and\b)[\w-]+\s+){{0,3}}?"
    rf"(?:(?:were|was|have been|had been|are)?\s*(?:injured|wounded|hurt)\b|injuries\b)",  # "resulting in two injuries"
    re.I,
)


def one_person(verbs: str) -> re.Pattern[str]:
    """ "A villager was wounded", "her son was killed", "the driver was reportedly killed": one person, told
    without a number ("the" only with a singular verb)."""
    return re.compile(
        rf"\b(?:(?:a|an|one|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?{PEOPLE}\s+(?:was|were|had been|has been)|"
        rf"the\s+(?:[\w’'-]+\s+){{0,3}}?{PEOPLE}\s+(?:was|has been|had been))\s+(?:[a-z]+ly\s+)?"
        rf"(?:{verbs})\b",
        re.I,
    )


BURNED = re.compile(r"\bburn(?:ed|t)\s+(?P<list>[^.;:()]+?)\s+(?:to death|alive)\b", re.I)
ONE_DEAD = one_person("killed|shot dead|murdered|executed")
BODIES = re.compile(  # "More than 30 bodies, many burned beyond recognition, were found"
    rf"(?:{QUALIFIER})?(?P<num>{NUMBER})\s+(?:[\w-]+\s+){{0,2}}?(?:bodies|corpses)\b(?:,[^,.;]{{1,60}},)?\s*"
    rf"(?:(?:were|have been|had been)\s+)?(?:found|discovered|recovered|uncovered)\b",
    re.I,
)
ONE_HURT = one_person(  # "a farmer was shot in the arm": wounded, not killed
    "injured|wounded|hurt|shot and (?:wounded|injured)|"
    # limbs only: a shot to the head, chest or neck is commonly fatal and reported as a killing, so the
    # toll stays unknown rather than 0 unless the sentence says the person was wounded
    "shot in the (?:legs?|arms?|hands?|foot|feet|shoulders?|thighs?|knees?|ankles?)"
)
TOLL = re.compile(
    rf"\b(?:death toll|number of (?:people |civilians |villagers |those )?(?:killed|dead|deaths))\b"
    rf"(?:[^.;]{{0,120}}?\b(?:rose|rises|risen|climbed|climbs|increased|increases|reached|reaches|"
    rf"hit|hits|jumped|jumps|stood|stands|is|was|rising|climbing|reaching|standing)\b)?\s*"
    rf"(?:to|of|at)?\s+(?:{QUALIFIER})?(?P<num>{NUMBER})",
    re.I,
)
ZERO = re.compile(
    r"\b(?:no (?:one|body) (?:was|were) (?:killed|hurt|injured|harmed)|nobody (?:was|died)|no casualties|"
    r"no (?:deaths|fatalities|one died|lives were lost)|without (?:any )?casualties|no one died|"
    r"caused no casualties|no (?:immediate )?reports? of (?:casualties|deaths|injuries)|"
    r"no one (?:was )?(?:hurt|injured|harmed|killed)|(?:escaped|were) unhurt)\b",
    re.I,
)
DAMAGE = re.compile(r"\b(?:damag(?:ed|ing|es)|destroy(?:ed|ing)|burn(?:ed|t|ing)|razed|torched)\b", re.I)


CONTRAST = re.compile(  # "the NUG said 40 were killed, however, locals claim that 46 died"
    r"\b(?:however|but|while|whereas|although|though)\b[^.;]*\b(?:claim|say|said|put|report|estimate)", re.I
)
CORRECTED = re.compile(r"\b(?:rose|risen|rises|climbed|increased|later|now|updated|revised|toll)\b", re.I)
NOT_RELATIVE = r"(?!\b(?:whose|who|whom|which|that)\b)"
ONE_DIED = re.compile(  # "a wounded woman succumbed in hospital", "one later died"
    rf"\b(?:one\s+|(?:a|an|one)\s+(?:{NOT_RELATIVE}[\w’'-]+\s+){{0,3}}?{PEOPLE}\b"
    rf"(?:\s+(?:{NOT_RELATIVE}[^.;,]){{0,50}}?)?\s+)(?:later\s+)?(?:died|succumbed)\b",
    re.I,
)
DEATH_WORDS = re.compile(  # a sentence without any of these tells no count of the dead (speed)
    r"kill|dead|die|death|succumb|live|fatal|execut|murder|bod(?:y|ies)|corpse|massacr|slaughter|gunned|mow|"
    r"cut down|toll|burn|hang",
    re.I,
)


@dataclass(frozen=True)
class Casualties:
    """What a sentence says about the dead and the wounded."""

    fatalities: int | None
    qualifier: str | None
    injuries: int | None


def read_casualties(text: str) -> Casualties:
    """Fatalities (with qualifier) and injuries stated in one sentence."""
    fatalities, qualifier = count_dead(text) if DEATH_WORDS.search(text) else (None, None)
    injuries = count_hurt(text)
    if ZERO.search(text):
        fatalities = 0 if fatalities is None else fatalities
        injuries = None if injuries == 1 else injuries
    if (
        fatalities is None
        and (injuries is not None or DAMAGE.search(text))
        and not re.search(r"\b(?:killed|killing|dead|died|deaths?)\b", text, re.I)
    ):
        fatalities = 0
    return Casualties(fatalities, qualifier, injuries)


def count_dead(text: str) -> tuple[int | None, str | None]:
    """The last stated death count in the sentence (a later figure corrects an earlier one)."""
    found: list[tuple[int, int, str | None]] = []
    spans: dict[int, int] = {}  # start -> end of count phrases that hold others ("two women and one man")
    for match in LISTED_DEAD.finditer(text):
        value = count_victims(match.group("list"))
        if value is not None:
            found.append((match.start(), value, qualifier_of(match)))
            spans[match.start()] = match.end()
    for match in TOLL.finditer(text):
        found.append((match.start(), as_int(parse_number(match.group("num"))) or 0, qualifier_of(match)))
    for match in BURNED.finditer(text):
        value = count_victims(match.group("list"))
        if value is not None:
            found.append((match.start(), value, None))
    for match in ONE_DEAD.finditer(text):
        found.append((match.start(), 1, None))
    for match in ONE_DIED.finditer(text):
        found.append((match.start(), 1, None))
    for match in BODIES.finditer(text):
        value = as_int(parse_number(match.group("num")))
        if value is not None:
            found.append((match.start(), value, qualifier_of(match)))
    for match in COUNT_BEFORE_DEAD.finditer(text):
        if re.search(r"\bincluding\s*$", text[: match.start()], re.I):
            continue
        raw = match.group("num") or match.group("num2") or match.group("num3")
        value = as_int(parse_number(raw))
        listed = count_victims(match.group(0)) if PEOPLE_FIRST.match(match.group(0)) else None  # "two women and a man"
        if value is not None:
            found.append((match.start(), max(value, listed or 0), qualifier_of(match)))
            if listed:
                spans[match.start()] = max(match.end(), spans.get(match.start(), 0))
    for match in (*DEATHS_NOUN.finditer(text), *DEATHS_OF.finditer(text)):
        value = as_int(parse_number(match.group("num")))
        if value is not None:
            found.append((match.start(), value, qualifier_of(match)))
    for match in VICTIMS_AFTER.finditer(text):
        phrase = match.group("list")
        lead = re.match(QUALIFIER, phrase, re.I)
        value = count_victims(phrase)
        if value is not None:
            found.append((match.start(), value, qualifier_named(lead.group("qual")) if lead else None))
    zero = [m.span() for m in ZERO.finditer(text)]  # "no one was killed" is no count of one
    found = [f for f in found if not any(s <= f[0] < e for s, e in zero)]
    found = [f for f in found if not any(s < f[0] < e for s, e in spans.items())]  # "one man" in "two boys and one man"
    if not found:
        return None, None
    found.sort(key=lambda f: f[0])
    at, count, named = found[-1]
    earlier = [f for f in found if f[0] < at and f[1] != count]
    if earlier and CONTRAST.search(text, earlier[-1][0], at) and not CORRECTED.search(text, earlier[-1][0], at + 40):
        return min((earlier[-1], found[-1]), key=lambda f: f[1])[1:]  # conflicting claims: the lower, as ACLED does
    return count, named


def count_hurt(text: str) -> int | None:
    """Injured people stated in the sentence, or None."""
    for listed in HURT_AFTER.finditer(text):
        value = count_victims(listed.group("list"))
        if value is not None:
            return value
    counted = COUNT_BEFORE_HURT.search(text)
    if counted:
        return as_int(parse_number(counted.group("num")))
    return 1 if ONE_HURT.search(text) else None


def qualifier_of(match: re.Match[str]) -> str | None:
    qual = match.groupdict().get("qual")
    return qualifier_named(qual) if qual else None
