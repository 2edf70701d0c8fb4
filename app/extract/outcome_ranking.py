"""Follow-ups ranked by a learned model: which sentence of a later article tells a pledge's
outcome, and how sure that is.

For each pledge, the later article's sentences most like it (a wordllama sentence
similarity) are the candidates. A logistic model (trained by scripts/train_outcome_model.py on
labelled story pairs and shipped in resources/outcome_model.json) scores each from named
features: how close it is to the pledged act (the similarity, the same act through the table
of equivalent acts told done or still to come, the action's own words), whether it names the
actor, tells the actor did something or follows a sentence that names it with a pronoun, how
it tells things (done, failed, delayed, future or hedged, denied, quoted), whether the
matcher's rules (outcomes.py) take it as the outcome, how close the article's title is to the
pledge, where the sentence stands and how long after the pledge it is. The best sentence per
pledge is the suggestion, its probability the confidence. The rules' outcome, where they find
one, stays the suggestion and is shown at once; another sentence is shown at once from
`shown` up, behind "Show more" from `kept` up, and not stored below `kept`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from app.domain import Outcome, PledgeRecord, Verdict
from app.extract import lexicon as words
from app.extract.acts import act, act_of, reports_a_done_act
from app.extract.broken import told_failure
from app.extract.embedding import embed, embed_remembered
from app.extract.outcomes import (
    day_told,
    done_in_part,
    find_outcomes,
    named_in,
    sentence_outcome,
)
from app.extract.pledge_model import FORMAT, logistic, read_weights

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping, Sequence
    from datetime import date

    from app.extract.acts import Token

MODEL_RESOURCE = "outcome_model.json"
SHORTEST_SENTENCE = 4  # words: a dateline or a caption is no report
SHORTLIST = 8  # the sentences most like a pledge that the model scores for it
MOST_ALIKE = 50  # the pledges (beyond the rules' outcomes) the model scores for an article
POSSIBLE_PER_ARTICLE = 20  # the less likely suggestions an article may add, the likeliest
_PRONOUNS = {"he", "she", "it", "they"}


@dataclass(frozen=True)
class OutcomeModel:
    """Weights by feature name, the intercept, and the two thresholds on the probability."""

    weights: Mapping[str, float]
    intercept: float
    shown: float  # shown in the Suggestions panel at once
    kept: float  # stored, shown behind "Show more"
    about: Mapping[str, Any] = field(default_factory=dict)

    def probability(self, features: Mapping[str, float]) -> float:
        """How likely the sentence with these features tells the pledge's outcome (0 to 1)."""
        return logistic(self.intercept, self.weights, features)

    def to_json(self) -> str:
        """The model as the JSON file the package ships."""
        data = {"format": FORMAT, "intercept": self.intercept, "shown": self.shown,
                "kept": self.kept, "about": dict(self.about),
                "weights": dict(sorted(self.weights.items()))}  # fmt: skip
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> OutcomeModel:
        """Read a model written by to_json."""
        data = read_weights(text, "outcome model")
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return cls(weights, float(data["intercept"]), float(data["shown"]), float(data["kept"]),
                   data.get("about", {}))  # fmt: skip


@cache
def shipped_outcome_model() -> OutcomeModel:
    """The model in the package's resources, read once."""
    text = resources.files("app.resources").joinpath(MODEL_RESOURCE).read_text("utf-8")
    return OutcomeModel.from_json(text)


@dataclass(frozen=True)
class Candidates:
    """A later article's sentences that could report an outcome, read once for all pledges:
    their text, embedding, what each tells whatever the pledge, the acts each names and tells
    done, and who did its done acts."""

    sentences: list[Any]  # spaCy spans
    texts: list[str]
    vectors: Any  # one unit row per sentence
    traits: list[dict[str, float]]
    acts: list[tuple[set[str], set[str]]]  # the acts named, the acts told done
    doers: list[list[str]]  # the subjects (or "by" agents) of its done acts
    pronoun_led: list[bool]  # whose subject is "he", "she", "it" or "they"
    published: date
    title: Any  # the article title's embedding (None: no title)

    @classmethod
    def of(
        cls, doc: Any, published: date, pledged_at: Collection[int] = (), title: str = ""
    ) -> Candidates:
        """The sentences of a parsed article long enough to report anything, but for those
        where a pledge of the article starts; and the article's title."""
        sentences = [
            s for s in doc.sents
            if len(s.text.split()) >= SHORTEST_SENTENCE
            and not any(s.start_char <= at < s.end_char for at in pledged_at)
        ]  # fmt: skip
        texts = [s.text.strip() for s in sentences]
        vectors = embed(texts) if texts else None
        tokens = [list(s) for s in sentences]  # each token made once, read by every test below
        done = [_done_verbs(t) for t in tokens]  # the slow test, made once per verb
        count = len(sentences)
        traits = [
            _traits(s.root, t, n, count, d)
            for n, (s, t, d) in enumerate(zip(sentences, tokens, done, strict=True))
        ]
        acts = [_acts(t, d) for t, d in zip(tokens, done, strict=True)]
        doers = [_doers(d) for d in done]
        pronoun_led = [_pronoun_subject(t) for t in tokens]
        titled = embed([title])[0] if title.strip() else None
        return cls(sentences, texts, vectors, traits, acts, doers, pronoun_led, published, titled)


def _done_verbs(sentence: Sequence[Token]) -> list[Token]:
    """The verbs (and auxiliaries) of a sentence's tokens that tell an act as done."""
    return [t for t in sentence if t.pos_ in {"VERB", "AUX"} and reports_a_done_act(t)]


def _traits(
    root: Token, sentence: Sequence[Token], number: int, count: int, done: list[Token]
) -> dict[str, float]:
    """What a sentence (its root and tokens) tells, whatever the pledge: a done act, a
    failure, a delay, a future, a denial."""
    told_root = root in done if root.pos_ in {"VERB", "AUX"} else reports_a_done_act(root)
    return {
        "told done": float(told_root),
        "an act told done": float(any(t.pos_ == "VERB" for t in done)),
        "future or hedged": float(any(_to_come(t) for t in sentence)),
        "denied": float(any(t.dep_ == "neg" for t in sentence)),
        "told failed": float(any(told_failure(t) is not None for t in done)),
        "told delayed": float(any(t.lemma_.lower() in words.DELAY_WORDS
                                  or t.lower_ in words.DELAY_WORDS for t in sentence)),
        "quoted": float(any(t.text in {'"', "“", "”"} for t in sentence)),
        "first sentence": float(number == 0),
        "place in article": number / count,
    }  # fmt: skip


def _to_come(token: Token) -> bool:
    """A word that tells an act as still to come or only possible: "will", "may", "plans"."""
    lowered = token.lower_
    return (
        lowered in words.FUTURE_MODALS
        or lowered in words.HEDGES
        or (token.pos_ == "VERB" and token.lemma_.lower() in words.TO_COME_VERBS)
    )


def _acts(sentence: Sequence[Token], done: list[Token]) -> tuple[set[str], set[str]]:
    """The acts a sentence names (through the table of equivalent acts), and those it tells
    done."""
    named = {t: act(t.lemma_.lower()) for t in sentence if t.pos_ in {"VERB", "NOUN"}}
    return set(named.values()), {act(t.lemma_.lower()) for t in done if t.pos_ == "VERB"}


def _doers(done: list[Token]) -> list[str]:
    """The subjects, or "by" agents in the passive, of the acts a sentence tells done ("the
    response was handed over by the United States")."""
    found = []
    for verb in done:
        for child in verb.children:
            doers = [child] if child.dep_ == "nsubj" else []
            if child.dep_ == "agent":
                doers = [c for c in child.children if c.dep_ == "pobj"]
            found += [" ".join(t.text for t in doer.subtree) for doer in doers]
    return found


def features_for(
    record: PledgeRecord, found: Candidates, rule_evidence: str | None, asked: Any = None
) -> dict[int, dict[str, float]]:
    """The named features of the sentences that may tell one pledge's outcome, by sentence:
    the SHORTLIST most like the pledge, and the rules' outcome. `asked`: the embeddings of
    "actor action" and of the action (made here when not given)."""
    if not found.texts:
        return {}
    pledge = record.pledge
    if asked is None:
        asked = embed(_asked(record))
    similarity = found.vectors @ asked[0]
    action_similarity = found.vectors @ asked[1]
    order = sorted(range(len(similarity)), key=lambda n: -similarity[n])
    shortlist = set(order[:SHORTLIST])
    shortlist |= {n for n, text in enumerate(found.texts) if text == rule_evidence}
    pledged = act_of(pledge.action)
    action_words = _action_words(record)
    days = math.log1p(max((found.published - record.article_published).days, 0))
    title = float(found.title @ asked[0]) if found.title is not None else 0.0
    best = similarity[order[0]]
    second = similarity[order[1]] if len(order) > 1 else best
    rows = {}
    for place, n in enumerate(order):
        if n not in shortlist:
            continue
        text = found.texts[n]
        lowered = text.lower()
        named, done = found.acts[n]
        rows[n] = {
            **found.traits[n],
            "similarity": float(similarity[n]),
            "action similarity": float(action_similarity[n]),
            "similarity rank": 1.0 / (1 + place),
            "similarity margin": float(similarity[n] - (second if place == 0 else best)),
            "names the actor": float(named_in(text, lowered, pledge.actor)),
            "pronoun after the actor": float(
                n > 0
                and found.pronoun_led[n]
                and named_in(found.texts[n - 1], found.texts[n - 1].lower(), pledge.actor)
            ),
            "same act told done": float(bool(pledged) and pledged in done),
            "same act not told done": float(bool(pledged) and pledged in named - done),
            "the actor did it": float(
                any(named_in(doer, doer.lower(), pledge.actor) for doer in found.doers[n])
            ),
            "action's words": (sum(w in lowered for w in action_words) / len(action_words)
                               if action_words else 0.0),
            "the rules' outcome": float(rule_evidence == text),
            "days after (log)": days,
            "title similarity": title,
        }  # fmt: skip
    return rows


def _action_words(record: PledgeRecord) -> list[str]:
    """The words of a pledge's action longer than three letters, lower-cased: what a sentence
    about it would say."""
    return [w.lower() for w in record.pledge.action.split() if len(w) > 3]


def _asked(record: PledgeRecord) -> list[str]:
    """What a pledge is looked for by: "actor action", and the action alone."""
    return [f"{record.pledge.actor} {record.pledge.action}", record.pledge.action]


def _pronoun_subject(sentence: Sequence[Token]) -> bool:
    return any(t.lower_ in _PRONOUNS and t.dep_.startswith("nsubj") for t in sentence)


def ranked_outcomes(
    doc: Any,
    published: date,
    records: Sequence[PledgeRecord],
    model: OutcomeModel | None = None,
    *,
    pledged_at: Collection[int] = (),
    title: str = "",
) -> list[Outcome]:
    """The outcome this parsed article most likely reports for each pledge, with its
    confidence: the rules' outcomes, and of the other pledges the MOST_ALIKE whose best
    sentence is most like them, at most POSSIBLE_PER_ARTICLE of those at or above the model's
    `kept` (an article that names an actor of thousands of pledges proposes the few likeliest,
    not thousands). A sentence where the article itself pledges something (`pledged_at`:
    where its pledges' quotes start) is a plan told, not an outcome: never proposed."""
    chosen = model or shipped_outcome_model()
    by_rules = {o.pledge_id: o for o in find_outcomes(doc, published, records)}
    found = Candidates.of(doc, published, pledged_at, title)
    if not found.texts:
        return list(by_rules.values())
    wholes = embed_remembered([_asked(record)[0] for record in records])
    alike = (wholes @ found.vectors.T).max(axis=1)  # each pledge's most alike sentence
    others = sorted((n for n, r in enumerate(records) if r.id not in by_rules),
                    key=lambda n: -alike[n])[:MOST_ALIKE]  # fmt: skip
    scored = sorted([n for n, r in enumerate(records) if r.id in by_rules] + others)
    actions = embed_remembered([_asked(records[n])[1] for n in scored])
    outcomes: list[Outcome] = []
    possible: list[tuple[float, int, PledgeRecord]] = []  # made into outcomes if kept
    for number, action in zip(scored, actions, strict=True):
        record = records[number]
        rule = by_rules.get(record.id)
        pair = np.stack([wholes[number], action])
        rows = features_for(record, found, rule.evidence if rule else None, pair)
        scores = {n: chosen.probability(row) for n, row in rows.items()}
        if rule is not None:  # the rules' outcome stays, with the model's confidence in it
            ruled = [n for n in scores if found.texts[n] == rule.evidence]
            confidence = scores[ruled[0]] if ruled else max(scores.values())
            outcomes.append(replace(rule, confidence=confidence, likely=True))
            continue
        best = max(scores, key=lambda n: scores[n])
        if scores[best] >= chosen.shown:
            outcomes.append(_outcome_of(found, best, record, scores[best]))
        elif scores[best] >= chosen.kept:
            possible.append((scores[best], best, record))
    possible.sort(key=lambda item: -item[0])
    return outcomes + [
        replace(_outcome_of(found, best, record, score), likely=False)
        for score, best, record in possible[:POSSIBLE_PER_ARTICLE]
    ]


def _outcome_of(found: Candidates, n: int, record: PledgeRecord, confidence: float) -> Outcome:
    """A sentence as the pledge's outcome: broken when it tells a failure or a delay of the
    pledged act or of what it is about, partly kept when it tells the act done in part, else
    kept; on the day it tells, else the article's."""
    sentence = found.sentences[n]
    root: Token = sentence.root
    if _fails(sentence, record):
        verdict = Verdict.BROKEN
    elif done_in_part(root):
        verdict = Verdict.PARTLY
    else:
        verdict = Verdict.MET
    told = sentence_outcome(sentence, record, day_told(root, found.published), verdict)
    return replace(told, confidence=confidence)


def _fails(sentence: Any, record: PledgeRecord) -> bool:
    """Whether the sentence tells the pledged act, or what it is about, refused, cancelled or
    delayed: the clause of a failing or delaying word names the act or a word of the action
    ("Lavrov called off the negotiations" fails a pledge to negotiate, not one to respond)."""
    pledged = act_of(record.pledge.action)
    about = set(_action_words(record))
    for token in sentence:
        failing = told_failure(token) is not None
        if not failing and token.lower_ not in words.DELAY_WORDS:
            continue
        clause = token if failing else token.head
        for word in clause.subtree:
            if word.lower_ in about or (pledged and act(word.lemma_.lower()) == pledged):
                return True
    return False
