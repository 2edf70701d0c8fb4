"""Why the extractor scored a pledge as it did: the rule that found it, and the features that
weighed most (`pledgewatch extract --explain`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.extract.actors import ActorNamer
from app.extract.nlp import parse
from app.extract.pledge_model import shipped_model
from app.extract.pledges import describe, pledges_from

if TYPE_CHECKING:
    from app.domain import Article


def explain(article: Article) -> dict[tuple[str, str], dict[str, Any]]:
    """For each pledge of an article, by (quote, action): its rule, confidence and the
    features that moved its score most, with their weights."""
    model = shipped_model()
    doc = parse(article.text)
    namer = ActorNamer(doc)
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for described in describe(doc, namer):
        built = pledges_from([described], namer, model)
        if not built:
            continue
        pledge = built[0]
        found.setdefault((pledge.quote, pledge.action), {
            "rule": described.candidate.rule,
            "confidence": pledge.confidence,
            "weighed_most": [
                [name, round(weight, 3)] for name, weight in model.strongest(described.features)
            ],
        })  # fmt: skip
    return found
