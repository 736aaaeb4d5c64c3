"""What every label means: one definition per label of each label set, the single source.

The annotation guidelines show these definitions in a generated block (`<!-- labels:start -->`
in docs/guidelines.md, kept current by a test), and the dataset card quotes them; the label sets
themselves (and their order, the ClassLabel ids) come from the models.
"""

from __future__ import annotations

from .models import CERTAINTIES, CUE_KINDS, EVIDENCE_TYPES, EXPECTATION_TYPES, POLARITIES

#: Label set -> label -> definition, in the models' order.
DEFINITIONS: dict[str, dict[str, str]] = {
    "expectation type": {
        "desire": "the actor wants a state of affairs (hopes, wants, prefers, is eager to, "
        "its priority is)",
        "intention": "the actor is committed to its own course of action (intends, plans, "
        "seeks to + its own action, has pledged to)",
        "prediction": "the actor (often the author) expects something to happen (will, would, "
        "is expected to, is likely to)",
        "belief": "the actor holds a view about how things are or were (is convinced, regards "
        "… as, sees; the author's judgements)",
        "demand": "the actor asks another party to act, in words or by pressure (calls on, "
        "urges, pushes … to, expects Y to)",
        "obligation": "something ought to be done (deontic should, must, has to, ought to, "
        "needs to)",
        "other": "an attitude with content that fits none of the above (acceptance, indifference)",
    },
    "evidence type": {
        "statistic": "a number, quantity, share or estimate, even when a source is named",
        "event": "a particular happening, action or outcome, including what parties agreed "
        "and what an agreement or law provides",
        "statement": "what a party said or wrote as its position: statements, communiqués, "
        "declarations",
        "expert": "the judgement of an expert, analyst, study or observer who is not a party, "
        "cited as authority",
        "example": "an instance offered for a general claim, introduced by a marker (for "
        "example, for instance, such as, first)",
        "reasoning": "an argument: a cause, premise, condition or consequence given as a reason",
        "other": "support of none of these kinds",
    },
    "certainty": {
        "certain": "the author presents the claim as a fact: no hedge (boosters only, or no "
        "cue); FactBank CT",
        "probable": "the author presents the claim as likely: the weakest hedge is of the "
        "seems / likely / the impression is kind; FactBank PR",
        "possible": "the author presents the claim as a possibility: a hedge such as may, "
        "might, could, perhaps, not necessarily; FactBank PS",
        "underspecified": "the author does not commit either way: the claim is what a question "
        "asks, or is framed by whether / it remains to be seen; FactBank U",
    },
    "cue kind": {
        "hedge": "a word or fixed phrase by which the author withholds full commitment to the "
        "claim (seems, may, perhaps, the impression is, reportedly)",
        "booster": "a word or fixed phrase by which the author closes down alternatives and "
        "expresses certainty (obviously, clearly, no doubt, is sure to)",
    },
    "polarity": {
        "positive": "the expectation clause is not grammatically negated (including focus "
        "constructions: not just X but Y, nothing but X)",
        "negative": "the expectation clause is grammatically negated on its main predicate, "
        "subject or object (not, n't, never, no, nobody, cannot), or uses the hedge unlikely",
    },
}

_SETS = {
    "expectation type": EXPECTATION_TYPES,
    "evidence type": EVIDENCE_TYPES,
    "certainty": CERTAINTIES,
    "cue kind": CUE_KINDS,
    "polarity": POLARITIES,
}
# The definitions follow the models exactly: a label added to a model without a definition, or
# a definition of a label that does not exist, fails at import.
for _name, _labels in _SETS.items():
    if tuple(DEFINITIONS[_name]) != tuple(_labels):
        raise RuntimeError(f"labels.DEFINITIONS[{_name!r}] does not match the model's labels")


def markdown() -> str:
    """The definitions as Markdown tables, one per label set (the guidelines' generated block)."""
    parts = []
    for name, labels in DEFINITIONS.items():
        rows = "\n".join(f"| `{label}` | {text} |" for label, text in labels.items())
        parts.append(f"**{name}**\n\n| label | definition |\n|---|---|\n{rows}")
    return "\n\n".join(parts)
