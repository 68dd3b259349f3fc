"""Numbers as reporters write them ("35", "1,200", "1.9 million", "one hundred", "twenty-five") and
casualty counts built from them ("two boys and one woman" = 3, "a girl and her mother" = 2)."""

from __future__ import annotations

import re

from mawgun.extract.vocab import compile_pattern, load_vocabulary

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "million": 1_000_000, "billion": 1_000_000_000}
WORD = "|".join(sorted([*UNITS, *SCALES], key=len, reverse=True))
WORD_NUMBER = rf"(?:{WORD})(?:(?:[\s-]+|\s+and\s+)(?:{WORD}))*"
DIGIT_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = rf"(?:(?:{DIGIT_NUMBER})(?:\s+(?:million|thousand|billion|lakh|hundred))?|\b{WORD_NUMBER}\b|\ba dozen\b)"
NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)
QUALIFIER = r"(?P<qual>at least|more than|over|nearly|almost|about|around|some|approximately|up to|an estimated)\s+"
PEOPLE = (
    r"(?:people|persons|adults?|civilians?|villagers?|residents?|farmers?|children|child|kids?|women|woman|men|man|"
    r"girls?|boys?|mothers?|fathers?|sons?|daughters?|wives|wife|husbands?|family members?|monks?|nuns?|IDPs|"
    r"students?|teachers?|patients?|elderly|babies|baby|infants?|toddlers?|teenagers?|youths?|soldiers?|"
    r"troops|fighters?|members?|others?|individuals?|workers?|passengers?|relatives?|brothers?|sisters?|"
    r"grandmothers?|grandfathers?|parents?|siblings?|volunteers?|medics?|doctors?|nurses?|journalists?|"
    r"pastors?|priests?|worshippers?|policemen|policewomen|police officers?|officers?|guards?|officials?|"
    r"(?:ward |village |township )?administrators?|informants?|activists?|lawyers?|photojournalists?|reporters?|"
    r"protesters?|demonstrators?|marchers?|bystanders?|prisoners?|detainees?|inmates?|novices?|labou?rers?|vendors?|"
    r"drivers?|miners?|refugees?|hostages?|captives?|locals|commanders?|comrades?|corporals?|sergeants?|"
    r"lieutenants?|captains?|majors?|privates?|deput(?:y|ies)|abbots?|headm[ae]n|chairm[ae]n)"
)
LIST_END = re.compile(
    r"\s*\b(?:who|whom|whose|which|that|when|while|after|before|as(?!\s+many)|in|at(?!\s+least)|on|near|from|during|inside|"
    r"including|said|says|told|according)\b",
    re.I,
)
APPOSITIVE = re.compile(rf"^(?P<count>\s*(?:{QUALIFIER})?{NUMBER}\s+[^,]+?),(?=\s+(?:a|an|the|his|her|their)\b)", re.I)
RELATIVE = re.compile(
    r"(?:(?:his|her|their|[\w-]+-year-old)\s+)?(?:son|daughter|wife|husband|mother|father|brother|sister|"
    r"grandson|granddaughter|grandmother|grandfather|nephew|niece|uncle|aunt|child|baby)\b",
    re.I,
)
SINGLE_DETERMINERS = {"a", "an", "one", "her", "his", "their", "its", "the", "another", "my", "our", "your"}


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words; None when `text` is not a number."""
    value = text.strip().lower().replace("-", " ")
    if not value:
        return None
    if value == "a dozen":
        return 12
    match = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?:\s+(million|thousand|billion|lakh|hundred))?", value)
    if match:
        number = float(match.group(1).replace(",", ""))
        return number * SCALES[match.group(2)] if match.group(2) else number
    return parse_words(value)


def parse_words(value: str) -> float | None:
    """Value of a number in words ("one hundred and fifty" = 150); None when a word is not numeric."""
    total = current = 0
    seen = False
    for word in value.replace(" and ", " ").split():
        if word in UNITS:
            current += UNITS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def as_int(value: float | None) -> int | None:
    """An integer count from a parsed number (None stays None)."""
    return None if value is None else int(round(value))


def count_victims(phrase: str) -> int | None:
    """People counted in a list such as "two boys and one woman" (3) or "a ten-year-old boy and his
    father" (2); None when the phrase does not start with a countable group of people."""
    total, counted = 0, False
    phrase = LIST_END.split(phrase, maxsplit=1)[0]
    appositive = APPOSITIVE.match(phrase)  # "2 civilians, a father and his son": the list explains the count
    if appositive and count_victims(phrase[appositive.end("count") + 1 :]) == count_item(appositive.group("count")):
        phrase = appositive.group("count")
    for item in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+", phrase):
        if re.match(r"^\s*\S+ of (?:them|whom)\b", item):  # "17 civilians, nine of them children"
            break
        value = count_item(item.strip())
        if value is None and counted and RELATIVE.match(item.strip()):  # "a father and son"
            value = 1
        if value is None:
            break
        total += value
        counted = True
    return total if counted else None


def count_item(item: str) -> int | None:
    """People in one listed item: "two children" = 2, "her mother" = 1, "a 7-year-old girl" = 1, and a bare
    count right after the verb ("killing two and injuring five") = 2."""
    item = re.sub(rf"^(?:his|her|their|its|the)\s+(?={NUMBER}\s)", "", item.strip(), flags=re.I)  # "her two sons"
    bare = re.fullmatch(rf"(?:{QUALIFIER})?(?P<num>{NUMBER})(?:\s+(?:others?|more))?", item.strip(), re.IGNORECASE)
    if bare:
        return as_int(parse_number(bare.group("num")))
    match = re.match(
        rf"^(?:{QUALIFIER})?(?P<num>{NUMBER})(?:\s*(?:-|–|to|or)\s*{NUMBER})?\s+(?P<rest>.*)$", item, re.IGNORECASE
    )
    if match and re.search(rf"\b{PEOPLE}\b", match.group("rest"), re.IGNORECASE):
        rest = match.group("rest")
        if not re.match(r"^(?:years?|months?)[- ]old\b|^-year", rest):
            value = parse_number(match.group("num"))
            return as_int(value)
    words = item.split()
    if words and words[0].lower() in SINGLE_DETERMINERS and re.search(rf"\b{PEOPLE}\b", item, re.IGNORECASE):
        plural = re.search(r"\b(?:children|people|villagers|civilians|residents|women|men|family members)\b", item)
        return None if plural and words[0].lower() in {"the", "their"} else 1
    return None


def qualifier_named(text: str) -> str | None:
    """The standard name of the qualifier that ends `text` ("more than" -> "over", "some" -> "about"), per
    the `qualifiers` of data/statistics.yaml; None when there is none."""
    tail = text.rstrip()
    for name, pattern in load_vocabulary("statistics")["qualifiers"].items():
        if compile_pattern(pattern).search(tail):
            return name
    return None
