"""The trained pledge model: how likely a candidate is a pledge, from its named features.

The weights are a logistic regression trained on the labelled articles by
scripts/train_pledge_model.py (app/training/) and shipped in resources/pledge_model.json;
scoring is a sum of the weights of the features present, so the app needs no learning library.
Two thresholds split the scores: at or above `track` a pledge is tracked; from `review` up to
`track` it is stored to review; below `review` it is not a pledge.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Mapping

MODEL_RESOURCE = "pledge_model.json"
FORMAT = 1


@dataclass(frozen=True)
class PledgeModel:
    """Weights by feature name, the intercept, and the two thresholds on the probability."""

    weights: Mapping[str, float]
    intercept: float
    track: float
    review: float
    about: Mapping[str, Any] = field(default_factory=dict)

    def probability(self, features: Mapping[str, float]) -> float:
        """How likely the candidate with these features is a pledge (0 to 1)."""
        return logistic(self.intercept, self.weights, features)

    def strongest(self, features: Mapping[str, float], count: int = 6) -> list[tuple[str, float]]:
        """The features that moved this score most, with their contribution: why it scored so."""
        parts = [(n, self.weights.get(n, 0.0) * v) for n, v in features.items() if n != "bias"]
        return sorted((p for p in parts if p[1]), key=lambda p: -abs(p[1]))[:count]

    def to_json(self) -> str:
        """The model as the JSON file the package ships."""
        data = {
            "format": FORMAT,
            "intercept": self.intercept,
            "track": self.track,
            "review": self.review,
            "about": dict(self.about),
            "weights": dict(sorted(self.weights.items())),
        }
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> PledgeModel:
        """Read a model written by to_json."""
        data = read_weights(text, "pledge model")
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            intercept=float(data["intercept"]),
            track=float(data["track"]),
            review=float(data["review"]),
            about=data.get("about", {}),
        )


def logistic(
    intercept: float, weights: Mapping[str, float], features: Mapping[str, float]
) -> float:
    """The probability (0 to 1) a logistic model of these weights gives these features."""
    total = intercept + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, total))))


def read_weights(text: str, what: str) -> dict[str, Any]:
    """A model file's contents; ValueError when it is of another format than this code's."""
    data: dict[str, Any] = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError(f"{what} format {data.get('format')}; this code reads {FORMAT}")
    return data


@cache
def shipped_model() -> PledgeModel:
    """The model in the package's resources, read once."""
    text = resources.files("app.resources").joinpath(MODEL_RESOURCE).read_text("utf-8")
    return PledgeModel.from_json(text)
