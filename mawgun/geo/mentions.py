"""Find place mentions in text: names, the designator words around them, and admin-name matches.

A mention is a run of name words ("Pyin Ye Gyi", "Hpruso") with the designator that types it
("village", "Township", "town", "State", a camp or base named after the place) taken from the word
after it, from a phrase before it ("the village of X"), or from a plural designator closing a list
("Hpruso, Loikaw, Demoso and Shadaw townships"). Admin names are matched longest-first against the
gazetteer's index; words left over in a designated run stay as a local name (village, tract, ward)
that the geocoder resolves inside a township.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from mawgun.geo.gazetteer import Entry, Gazetteer
from mawgun.geo.text import Token, name_key, tokenize

MAX_NAME_TOKENS = 6
WORDS = yaml.safe_load((Path(__file__).parent / "data" / "mention_words.yaml").read_text(encoding="utf-8"))
DESIGNATORS: dict[str, str] = WORDS["designators"]
TWO_WORD_DESIGNATORS: dict[tuple[str, ...], str] = {
    tuple(k.split()): v for k, v in WORDS["two_word_designators"].items()
}
FEATURES = frozenset(WORDS["features"])
DIRECTIONS = frozenset(WORDS["directions"])
STOPWORDS = frozenset(WORDS["stopwords"])
ORG_WORDS = frozenset(WORDS["organisation_words"])
LEADING_SYLLABLES = frozenset(WORDS["name_syllables"]["leading"])
TRAILING_SYLLABLES = frozenset(WORDS["name_syllables"]["trailing"])
CONNECTORS = frozenset({"and", "or", "&"})
LOCAL_KINDS = frozenset({"village", "village_tract", "ward", "feature"})
ADMIN_KINDS = frozenset({"township", "town", "district", "state"})
PLURAL_DESIGNATORS = frozenset({"villages", "townships", "towns", "wards", "districts", "tracts"})


@dataclass
class Mention:
    """A place name in text: offsets, surface text, designator, and admin candidates from the index."""

    start: int
    end: int
    text: str
    designator: str | None = None
    candidates: list[Entry] = field(default_factory=list)
    qualifier: str | None = None  # a direction word before it ("northern Shan")

    @property
    def is_local(self) -> bool:
        """True when the mention names a village, tract or ward (or nothing the admin index knows)."""
        return self.designator in ("village", "village_tract", "ward") or not self.candidates


def designator_at(tokens: list[Token], i: int) -> tuple[str | None, int]:
    """The designator starting at token i and how many tokens it spans (0 when none)."""
    if i >= len(tokens):
        return None, 0
    if i + 1 < len(tokens):
        pair = (tokens[i].lower, tokens[i + 1].lower)
        if pair in TWO_WORD_DESIGNATORS:
            return TWO_WORD_DESIGNATORS[pair], 2
    word = tokens[i].lower
    if word in DESIGNATORS:
        return DESIGNATORS[word], 1
    if word in FEATURES:
        return "feature", 1
    return None, 0


def is_name_token(token: Token, loose: bool) -> bool:
    """Can this token be part of a place name? Capitalised (or any, in description mode), not a stopword."""
    word = token.lower
    if word in STOPWORDS or word in DESIGNATORS or word in FEATURES or word in DIRECTIONS:
        return False
    if word in CONNECTORS or word.isdigit():
        return False
    return token.capitalised or loose


def leads_name(tokens: list[Token], i: int, loose: bool) -> bool:
    """True when token i is a capitalised stopword that starts a village name ("Daw" in "Daw Poe Si")."""
    token = tokens[i]
    return (
        token.text[:1].isupper()
        and token.lower in LEADING_SYLLABLES
        and i + 1 < len(tokens)
        and tokens[i + 1].start - token.end == 1
        and is_name_token(tokens[i + 1], loose)
    )


def ends_name(tokens: list[Token], j: int) -> bool:
    """True when token j is a capitalised stopword closing a village name ("To" in "Nyaung To village"):
    no capitalised name word follows it (so "Return To Base" in a headline is not read as one name)."""
    token = tokens[j]
    if not token.text[:1].isupper() or token.lower not in TRAILING_SYLLABLES:
        return False
    return j + 1 == len(tokens) or not is_name_token(tokens[j + 1], loose=False)


def hyphen_joined(text: str, tokens: list[Token], j: int) -> bool:
    """True when token j is attached to the one before by a hyphen ("Hpa-An", "Mrauk-U")."""
    return j > 0 and text[tokens[j - 1].end : tokens[j].start] == "-" and tokens[j].lower not in CONNECTORS


def split_runs(text: str, tokens: list[Token], loose: bool) -> list[tuple[int, int]]:
    """Maximal runs [i, j) of consecutive name tokens separated only by spaces or hyphens (a Burmese-script
    token is a run of its own: Burmese separates phrases, not words, with spaces)."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not is_name_token(tokens[i], loose) and not leads_name(tokens, i, loose):
            i += 1
            continue
        j = i + 1
        while (
            j < len(tokens)
            and tokens[i].text.isascii()
            and tokens[j].text.isascii()
            and (is_name_token(tokens[j], loose) or hyphen_joined(text, tokens, j) or ends_name(tokens, j))
            and tokens[j].start - tokens[j - 1].end <= 1
            and not tokens[j - 1].text.endswith("'s")  # a possessive ends a name: "Sagaing's Kawlin"
        ):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def designator_before(tokens: list[Token], i: int) -> str | None:
    """A designator phrase ending just before token i: 'village of X', 'villages of X', 'town of X'."""
    if i >= 2 and tokens[i - 1].lower == "of":
        found, _ = designator_at(tokens, i - 2)
        if found is None and i >= 3:  # a two-word designator ("village tract of X"), not "village outside of X"
            found, length = designator_at(tokens, i - 3)
            found = found if length == 2 else None
        return found if found not in ("feature", "state") else None
    return None


def strip_possessive(name: str) -> str:
    """A name without a possessive "'s" ("Sagaing's" -> "Sagaing")."""
    return name[:-2] if name.endswith("'s") and len(name) > 3 else name


def possessive(tokens: list[Token], k: int) -> bool:
    """True when the name ending at token k takes a possessive ("Ye's", "Ye’s": a curly apostrophe splits
    the "s" off as the next token), which says the name is a place or group, not a common word."""
    if tokens[k].text.endswith("'s"):
        return True
    return k + 1 < len(tokens) and tokens[k + 1].text == "s" and tokens[k + 1].start - tokens[k].end == 1


def match_admin(gaz: Gazetteer, tokens: list[Token], i: int, j: int) -> tuple[int, list[Entry]]:
    """Longest admin-name match starting at token i within [i, j): (token count, entries)."""
    for length in range(min(MAX_NAME_TOKENS, j - i), 0, -1):
        found = gaz.admin_matches(strip_possessive(" ".join(t.text for t in tokens[i : i + length])))
        if found:
            return length, found
    return 0, []


def mentions_in_run(
    gaz: Gazetteer, text: str, tokens: list[Token], run: tuple[int, int], scan: bool = False, designated: bool = False
) -> list[Mention]:
    """Split a run into consecutive admin-name mentions; a run they do not cover is one local name.

    With `scan` (title-case headlines, used only as context) admin names of 6+ letters are also taken
    from inside a run that is not covered ("Junta Troops Raid Magwe Villages")."""
    i, j = run
    found: list[Mention] = []
    while i < j:
        length, entries = match_admin(gaz, tokens, i, j)
        if not length or not allowed_match(tokens, i, length, entries, designated and i + length == j):
            if scan:
                return scan_run(gaz, text, tokens, run)
            return split_at_hyphens(gaz, text, tokens, run) or [make_mention(text, tokens, run[0], j, [])]
        found.append(make_mention(text, tokens, i, i + length, entries))
        i += length
    return found


def split_at_hyphens(gaz: Gazetteer, text: str, tokens: list[Token], run: tuple[int, int]) -> list[Mention]:
    """'Saw-Kangyi', 'Myawaddy-Wallay': a run not covered by admin names is read as hyphen-joined parts
    (names with a hyphen inside, like Khin-U, are matched whole before this); [] when it has no hyphen."""
    i, j = run
    cuts = [k for k in range(i + 1, j) if text[tokens[k - 1].end : tokens[k].start].strip() == "-"]
    if not cuts:
        return []
    found: list[Mention] = []
    for start, stop in zip([i, *cuts], [*cuts, j], strict=True):
        found += mentions_in_run(gaz, text, tokens, (start, stop))
    return found


def scan_run(gaz: Gazetteer, text: str, tokens: list[Token], run: tuple[int, int]) -> list[Mention]:
    """Admin names of at least 6 letters anywhere inside a run."""
    found: list[Mention] = []
    i, j = run
    while i < j:
        length, entries = match_admin(gaz, tokens, i, j)
        name = "".join(t.text for t in tokens[i : i + length])
        if length and len(name) >= 6 and allowed_match(tokens, i, length, entries):
            found.append(make_mention(text, tokens, i, i + length, entries))
            i += length
        else:
            i += 1
    return found


def split_admin_suffix(
    gaz: Gazetteer, text: str, tokens: list[Token], run: tuple[int, int], kind: str
) -> list[Mention]:
    """'Letpan Kyin Myinmu [Township]': a local name followed by the designated admin name (the shortest
    exact tail of the designated level), or []."""
    i, j = run
    levels = {"township": ("township", "town"), "town": ("town", "township", "locality")}.get(kind, (kind,))
    for k in range(j - 1, i, -1):
        tail = " ".join(t.text for t in tokens[k:j])
        entries = [e for e in gaz.admin_matches(tail) if e.level in levels]
        if not entries and k == j - 1 and len(tokens[k].text) >= 7:
            entries = gaz.fuzzy_townships(tail)  # one long misspelt word: "Myitkyinia"
        if entries and len(name_key(tail)) >= 3 and allowed_match(tokens, k, j - k, entries, designated=True):
            head = make_mention(text, tokens, i, k, [])
            head.designator = "feature"
            return [head, make_mention(text, tokens, k, j, entries)]
    return []


def allowed_match(tokens: list[Token], i: int, length: int, entries: list[Entry], designated: bool = False) -> bool:
    """Guard against matches that are not places: a short word without a designator after it, or an ethnic
    name that starts an organisation's name ("Karen National Union", "Arakan Army", "Chin National Front")."""
    first = tokens[i]
    following = tokens[i + length] if i + length < len(tokens) else None
    designated = designated or (following is not None and following.lower in DESIGNATORS)
    designated = designated or possessive(tokens, i + length - 1)
    if length == 1 and not designated and (len(first.text) < 3 or (not first.capitalised and len(first.text) < 4)):
        return False
    if length == 1 and not designated and len(first.text) <= 3 and all(e.level == "locality" for e in entries):
        return False  # "Kan", "Kyi": GeoNames hamlets named like common name syllables
    if not all(e.level == "state" for e in entries):
        return True
    if i > 0 and tokens[i - 1].lower == "the" and (following is None or following.lower not in DESIGNATORS):
        return False  # "The Irrawaddy" (a news outlet), "the Arakan"
    return not names_organisation(tokens, i + length, title_case(tokens, i))


def title_case(tokens: list[Token], i: int) -> bool:
    """True when the words around token i are all capitalised (a headline), where capitals say nothing."""
    words = [t for t in tokens[max(0, i - 6) : i + 7] if len(t.text) > 3]
    return len(words) >= 4 and sum(t.capitalised for t in words) >= 0.75 * len(words)


def names_organisation(tokens: list[Token], k: int, headline: bool = False) -> bool:
    """True when the words from token k make a state name part of an organisation's name: "Karen National
    Union", "Arakan Army", "Shan State Progress Party", "New Mon State Party" (punctuation ends the name).
    In a headline only organisation words count, since every word is capitalised."""
    if k >= len(tokens) or tokens[k].start - tokens[k - 1].end != 1:
        return False
    word = tokens[k]
    if word.lower in ORG_WORDS:
        return True
    if word.lower in ("state", "region") and k + 1 < len(tokens) and tokens[k + 1].start - word.end == 1:
        after = tokens[k + 1]
        return after.lower in ORG_WORDS or (after.capitalised and after.lower not in DESIGNATORS and not headline)
    return word.capitalised and word.lower not in DESIGNATORS and not headline


def make_mention(text: str, tokens: list[Token], i: int, j: int, entries: list[Entry]) -> Mention:
    """A Mention over tokens [i, j)."""
    start, end = tokens[i].start, tokens[j - 1].end
    end -= 2 if text[start:end].endswith("'s") and end - start > 3 else 0
    return Mention(start=start, end=end, text=text[start:end], candidates=entries)


def run_designators(tokens: list[Token], runs: list[tuple[int, int]]) -> list[str | None]:
    """The designator of each run: the word after it, a phrase before it ('village of X'), or a plural
    designator closing or opening a list of runs joined by commas and 'and'."""
    kinds: list[str | None] = []
    for i, j in runs:
        kind, _ = designator_at(tokens, j)
        kinds.append(kind or designator_before(tokens, i))
    for k, (i, j) in enumerate(runs):
        if kinds[k] and j < len(tokens) and tokens[j].lower in PLURAL_DESIGNATORS:
            back = k
            while back > 0 and joined(tokens, runs[back - 1][1], runs[back][0]):
                back -= 1
                kinds[back] = kinds[back] or kinds[k]
        if kinds[k] and i >= 2 and tokens[i - 1].lower == "of" and tokens[i - 2].lower in PLURAL_DESIGNATORS:
            ahead = k
            while ahead + 1 < len(runs) and joined(tokens, runs[ahead][1], runs[ahead + 1][0]):
                ahead += 1
                kinds[ahead] = kinds[ahead] or kinds[k]
    return kinds


def joined(tokens: list[Token], end_of_left: int, start_of_right: int) -> bool:
    """True when only list punctuation or a connector lies between two runs."""
    between = tokens[end_of_left:start_of_right]
    return all(t.lower in CONNECTORS for t in between) and len(between) <= 1


def mentions_of_run(
    gaz: Gazetteer, text: str, tokens: list[Token], run: tuple[int, int], kind: str | None, scan: bool = False
) -> list[Mention]:
    """A designated local run is one name (a village may contain a township's name); a designated township
    or town is one name, matched exactly or (strictly guarded) fuzzily; other runs are split."""
    i, j = run
    whole = " ".join(t.text for t in tokens[i:j])
    state = state_before_villages(gaz, text, tokens, run, kind, scan)
    if state is not None:
        return [state]
    if kind in LOCAL_KINDS:
        found = [make_mention(text, tokens, i, j, gaz.admin_matches(whole))]
    elif kind in ("township", "town") and not gaz.admin_matches(whole) and gaz.fuzzy_townships(whole):
        found = [make_mention(text, tokens, i, j, gaz.fuzzy_townships(whole))]
    elif kind in ADMIN_KINDS and not gaz.admin_matches(whole):
        found = split_admin_suffix(gaz, text, tokens, run, kind) or mentions_in_run(gaz, text, tokens, run)
    else:
        found = mentions_in_run(gaz, text, tokens, run, scan, designated=kind in ADMIN_KINDS)
    if found:
        found[-1].designator = kind
    return found


def state_before_villages(
    gaz: Gazetteer, text: str, tokens: list[Token], run: tuple[int, int], kind: str | None, scan: bool
) -> Mention | None:
    """'Sagaing villages of X and Y', 'Junta Troops Torch Six Sagaing Villages': a state's name closing a run
    before a plural village designator (or, in a title-case headline read for context, before any village
    designator) says whose villages they are; so does a township's name in context ("attacks on Khin-U
    villages"; in a description "Shwe Bo villages" are villages named like Shwebo). The unit is the
    mention, or None."""
    i, j = run
    if kind != "village" or j >= len(tokens):
        return None
    plural = tokens[j].lower in PLURAL_DESIGNATORS
    if not plural and not (scan and title_case(tokens, j)):
        return None
    levels = {"state", "district", "township"} if plural and scan else {"state"}
    for k in range(i, j):
        units = [e for e in gaz.admin_matches(" ".join(t.text for t in tokens[k:j])) if e.level in levels]
        states = [e for e in units if e.level == "state"]  # "Sagaing villages": the region, not the township
        if units and allowed_match(tokens, k, j - k, units, designated=True):
            return make_mention(text, tokens, k, j, states or units)
    return None


def attach_qualifiers(
    gaz: Gazetteer, text: str, tokens: list[Token], runs: list[tuple[int, int]], groups: list[list[Mention]]
) -> None:
    """Read 'northern Shan' / 'East Demoso' as the alias it is, when the index knows the combination."""
    for (i, _j), mentions in zip(runs, groups, strict=True):
        if i == 0 or not mentions or tokens[i - 1].lower not in DIRECTIONS:
            continue
        first = mentions[0]
        combined = gaz.admin_matches(f"{tokens[i - 1].text} {first.text}")
        if combined:
            first.candidates = combined
            first.qualifier = tokens[i - 1].lower
            first.start = tokens[i - 1].start
            first.text = text[first.start : first.end]


def find_mentions(
    gaz: Gazetteer, text: str, start: int = 0, end: int | None = None, loose: bool = False, scan: bool = False
) -> list[Mention]:
    """Every place mention in text[start:end], offsets in `text`, in reading order (`loose`: lower-case
    names count, for descriptions; `scan`: names inside title-case runs count, for context)."""
    tokens = tokenize(text, start, end)
    loose = loose and not any(t.text[:1].isupper() for t in tokens)  # lower-case names only in lower-case text
    runs = split_runs(text, tokens, loose)
    kinds = run_designators(tokens, runs)
    groups = [mentions_of_run(gaz, text, tokens, run, kind, scan) for run, kind in zip(runs, kinds, strict=True)]
    attach_qualifiers(gaz, text, tokens, runs, groups)
    mentions = [m for group in groups for m in group]
    return [m for m in mentions if m.candidates or m.designator not in (None, "state", "district")]
