"""Logistic regression over sparse string features, in plain Python (no numpy).

A decision the drafter learns instead of hand-coding is a `LinearModel`: a weight per
(feature, label) and a bias per label; its score is a softmax over the labels (two labels: a
binary logistic regression). Features are strings (`"rule=belief"`, `"cue=urge"`); a feature
never seen in training weighs nothing. `train` is deterministic: the same examples in the same
order give the same weights, byte for byte once saved (`save` rounds them), so a script can
regenerate a shipped JSON and a test can check that it did.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Decimals kept when weights are saved: enough for the decision, stable across platforms.
DIGITS = 6


@dataclass
class LinearModel:
    """Weights of a multinomial logistic regression over string features."""

    labels: tuple[str, ...]
    bias: dict[str, float] = field(default_factory=dict)
    weights: dict[str, dict[str, float]] = field(default_factory=dict)  # feature -> label -> w

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        """The linear score of each label (before the softmax)."""
        out = {label: self.bias.get(label, 0.0) for label in self.labels}
        for f in features:
            for label, w in self.weights.get(f, {}).items():
                out[label] += w
        return out

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """The probability of each label (softmax of the scores)."""
        return _softmax(self.scores(features))

    def predict(self, features: Iterable[str]) -> str:
        """The label of the highest score (the first of the labels' order on a tie)."""
        scores = self.scores(features)
        return max(self.labels, key=lambda label: scores[label])

    def to_json(self) -> dict[str, Any]:
        """The weights as JSON data: rounded, sorted, zero weights left out."""
        weights = {}
        for f in sorted(self.weights):
            row = {k: round(w, DIGITS) for k, w in sorted(self.weights[f].items())}
            row = {k: w for k, w in row.items() if w != 0.0}
            if row:
                weights[f] = row
        return {
            "labels": list(self.labels),
            "bias": {k: round(self.bias.get(k, 0.0), DIGITS) for k in self.labels},
            "weights": weights,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearModel:
        """A model from `to_json` data."""
        return cls(
            tuple(data["labels"]),
            {k: float(v) for k, v in data["bias"].items()},
            {f: {k: float(w) for k, w in row.items()} for f, row in data["weights"].items()},
        )

    def save(self, path: Path) -> None:
        """Write the weights as indented, sorted JSON (one diff line per changed weight)."""
        text = json.dumps(self.to_json(), indent=1, sort_keys=True, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        """A model saved by `save`."""
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


def train(
    examples: Sequence[tuple[Sequence[str], str]],
    labels: Sequence[str] | None = None,
    *,
    epochs: int = 30,
    rate: float = 0.5,
    l2: float = 1e-3,
    seed: int = 0,
) -> LinearModel:
    """A multinomial logistic regression fitted to (features, label) examples.

    Stochastic gradient descent with AdaGrad step sizes (each weight's step shrinks with the
    gradients it has seen, so rare features still learn), an L2 penalty applied to the weights an
    example touches, and the examples visited in an order shuffled by `seed`: deterministic.
    `labels` fixes the labels' order (ties go to the first); by default, sorted."""
    names = tuple(labels) if labels is not None else tuple(sorted({y for _, y in examples}))
    model = LinearModel(names, {k: 0.0 for k in names}, {})
    grad_sq: dict[tuple[str, str], float] = {}
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for n in order:
            features, gold = examples[n]
            unique = sorted(set(features))
            probs = model.probabilities(unique)
            for label in names:
                g = probs[label] - (1.0 if label == gold else 0.0)
                _step(model.bias, label, g, ("", label), grad_sq, rate)
                for f in unique:
                    row = model.weights.setdefault(f, {})
                    w = row.get(label, 0.0)
                    _step(row, label, g + l2 * w, (f, label), grad_sq, rate)
    return model


def _step(
    row: dict[str, float],
    label: str,
    g: float,
    key: tuple[str, str],
    grad_sq: dict[tuple[str, str], float],
    rate: float,
) -> None:
    """One AdaGrad step of weight `row[label]` along gradient `g`."""
    if g == 0.0:
        return
    acc = grad_sq.get(key, 0.0) + g * g
    grad_sq[key] = acc
    row[label] = row.get(label, 0.0) - rate * g / math.sqrt(acc)


def _softmax(scores: Mapping[str, float]) -> dict[str, float]:
    top = max(scores.values())
    exp = {k: math.exp(v - top) for k, v in scores.items()}
    total = sum(exp.values())
    return {k: v / total for k, v in exp.items()}
