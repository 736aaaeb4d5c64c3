"""The logistic regression over string features (`benchmarks/linear.py`) that the type and
evidence experiments use; the drafter itself learns nothing (docs/drafting.md, session 11)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from linear import LinearModel, train

#: A toy decision: the modal says the type, the holder flips *will* to an intention.
EXAMPLES = [
    (["modal=should", "holder=author"], "obligation"),
    (["modal=must", "holder=author"], "obligation"),
    (["modal=will", "holder=author"], "prediction"),
    (["modal=will", "holder=party"], "intention"),
    (["modal=-", "holder=author"], "belief"),
    (["modal=-", "holder=party"], "belief"),
] * 5


def test_it_learns_a_separable_decision() -> None:
    model = train(EXAMPLES)
    for features, label in EXAMPLES:
        assert model.predict(features) == label


def test_training_is_deterministic_to_the_byte(tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    train(EXAMPLES, seed=3).save(a)
    train(EXAMPLES, seed=3).save(b)
    assert a.read_bytes() == b.read_bytes()


def test_saved_weights_decide_as_the_model(tmp_path: Path) -> None:
    model = train(EXAMPLES)
    path = tmp_path / "weights.json"
    model.save(path)
    loaded = LinearModel.load(path)
    assert loaded.labels == tuple(sorted({y for _, y in EXAMPLES}))
    for features, _ in EXAMPLES:
        assert loaded.predict(features) == model.predict(features)


def test_a_binary_model_and_unseen_features() -> None:
    model = train([(["cue=because"], "yes"), (["cue=and"], "no")] * 10)
    assert model.predict(["cue=because", "never=seen"]) == "yes"
    probs = model.probabilities(["cue=and"])
    assert abs(sum(probs.values()) - 1.0) < 1e-9 and probs["no"] > 0.5
    # No feature at all: the biases alone, ties going to the first label in order.
    assert LinearModel(("a", "b")).predict([]) == "a"
