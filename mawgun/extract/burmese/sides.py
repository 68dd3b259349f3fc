"""Who acts and who is acted on in a Burmese event: the actors named in its sentence, sorted by side (the
registry's), and the sides each wording of `lang/my/triggers.yaml` implies."""

from __future__ import annotations

import re
from typing import Any

from mawgun.actors import get_registry
from mawgun.model import ActorRef

STATE_POST_RE = re.compile(r"ရဲစခန်း|(?<!ဘေးရှောင်)စခန်း|တပ်ရင်း|ဌာနချုပ်|ကင်းစခန်း|တပ်စု|စစ်ကြောင်း")  # junta or police posts


Sides = tuple[list[ActorRef], list[ActorRef]]


def event_sides(actors: list[ActorRef], rule: dict[str, Any], sentence: str) -> Sides:
    """(actor1, actor2) from the actors named in the sentence and the rule's sides. A strike or shelling
    by a named non-state force with no junta force named as acting (drones are used by resistance forces
    too; "ရဲစခန်းကို PDF က ဒရုန်းဖြင့် တိုက်ခိုက်") has that force as actor1 and the junta (or police) as actor2."""
    registry = get_registry()
    junta = [a for a in actors if a.actor_id and registry.side(a.actor_id) == "junta"]
    civilians = [a for a in actors if a.actor_id in {"CIV", "PROT"}]
    others = [a for a in actors if a not in junta and a not in civilians and a.actor_id]
    actor1 = pick_side(rule.get("actor1"), junta, others, civilians)
    actor2 = pick_side(rule.get("actor2"), junta, others, civilians)
    if rule["id"] == "clash" and not others:  # fighting with only the junta named: the other side is unidentified
        return [ActorRef(name="မသိ", actor_id="UNK")], junta[:1] or [ActorRef(name="စစ်ကောင်စီ", actor_id="MIL")]
    if rule["id"] == "clash" and not actor2:
        return actor1, [ActorRef(name="စစ်ကောင်စီ", actor_id="MIL")]
    if rule.get("actor1") == "junta" and others and not junta and STATE_POST_RE.search(sentence):
        police = "ရဲ" in sentence
        state = ActorRef(name="ရဲ" if police else "စစ်ကောင်စီ", actor_id="POL" if police else "MIL")
        return unique(others), [state]
    return actor1, actor2


def pick_side(
    side: str | None, junta: list[ActorRef], others: list[ActorRef], civilians: list[ActorRef]
) -> list[ActorRef]:
    """The actors of one side; the junta and civilians are implied unless the side ends with "?"."""
    implied = not (side or "").endswith("?")
    side = (side or "").rstrip("?")
    if side == "junta":
        return junta[:1] or ([ActorRef(name="စစ်ကောင်စီ", actor_id="MIL")] if implied else [])
    if side == "nonstate":
        return unique(others)
    if side == "civilians":
        return civilians[:1] or ([ActorRef(name="အရပ်သား", actor_id="CIV")] if implied else [])
    if side == "protesters":
        return [ActorRef(name="ဆန္ဒပြသူ", actor_id="PROT")]
    return []


def unique(refs: list[ActorRef]) -> list[ActorRef]:
    return list({r.actor_id: r for r in refs}.values())
