"""The words the extraction rules know, named for the code; the words themselves are in
resources/lexicon.toml, one file a linguist can edit.

Each name is a kind of wording; the rules that read it are in candidates.py (which clauses
may commit), features.py (what the model is told about them), actors.py (who acts),
clauses.py (action, condition, recipient), timex.py (deadlines) and acts.py (what later
articles report). Lemmas are lower case.
"""

from __future__ import annotations

import tomllib
from importlib import resources

from app.domain import PledgeKind

_WORDS = tomllib.loads(resources.files("app.resources").joinpath("lexicon.toml").read_text("utf-8"))


def _words(name: str) -> frozenset[str]:
    return frozenset(_WORDS[name])


def _kinds(name: str) -> dict[str, PledgeKind]:
    """A table of kind -> words, as word -> kind."""
    return {word: PledgeKind(kind) for kind, found in _WORDS[name].items() for word in found}


# What may commit.
FUTURE_MODALS = _words("future_modals")
REPORTED_MODALS = _words("reported_modals")
WISH_VERBS = _words("wish_verbs")
NARRATIVE_ADVERBS = _words("narrative_adverbs")
HEDGES = _words("hedges")
BE_SET_WORDS = _words("be_set_words")
COMMITMENT_VERBS = _kinds("commitment_verbs")
REFUSING_VERBS = _words("refusing_verbs")
VERBS_WITH_OBJECT_ACTS = _words("verbs_with_object_acts")
COMMITMENT_NOUNS = _kinds("commitment_nouns")
DECIDING_VERBS = _words("deciding_verbs")
DIRECTING_VERBS = _words("directing_verbs")
PLANNED_WORDS = _words("planned_words")
ACTION_NOUNS: dict[str, str] = dict(_WORDS["action_nouns"])
READY_WORDS = _words("ready_words")
FROM_WORDS = _words("from_words")
SCHEDULING_VERBS = _words("scheduling_verbs")
# How words are read.
JOINED_PREFIXES = _words("joined_prefixes")
# The frame a commitment is told in.
SAYING_VERBS = _words("saying_verbs")
ANNOUNCING_VERBS = _words("announcing_verbs")
NOT_COMMITTING = _words("not_committing")
STATES = _words("states")
STRONG_CUES = _words("strong_cues")
WEAK_CUES = _words("weak_cues")
THREAT_FRAMES = _words("threat_frames")
PROMISE_FRAMES = _words("promise_frames")
ASPECT_VERBS = _words("aspect_verbs")
BEGINNING_VERBS = _words("beginning_verbs")
QUESTION_MARKS = _words("question_marks")
CONDITION_MARKS = _words("condition_marks")
ASKING_VERBS = _words("asking_verbs")
NAMING_VERBS = _words("naming_verbs")
AGREEMENT_WORDS = _words("agreement_words")
# Who acts.
FIRST_PERSON = _words("first_person")
FIRST_PERSON_SINGULAR = _words("first_person_singular")
PERSONAL = _words("personal")
COLLECTIVE = _words("collective")
RELATIVE = _words("relative")
AGENT_ENTITIES = _words("agent_entities")
ROLE_NOUNS = _words("role_nouns")
BODY_NOUNS = _words("body_nouns")
PEOPLE_NOUNS = _words("people_nouns")
AGENT_NOUNS = ROLE_NOUNS | BODY_NOUNS | PEOPLE_NOUNS  # a subject of these can commit
PUBLIC_BODY_NOUNS = _words("public_body_nouns")
MEDIA_WORDS = _words("media_words")
MADE_STATES = _words("made_states")
CHANGING_VERBS = _words("changing_verbs")
DONE_TO_FORMS: dict[str, str] = dict(_WORDS["done_to_forms"])
RECEIVING_VERBS = _words("receiving_verbs")
GIVEN_VERBS = _words("given_verbs")
# When.
TIME_LEADS = _words("time_leads")
AHEAD_LEADS = _words("ahead_leads")
PAST_TIME_WORDS = _words("past_time_words")
VAGUE_TIMES = _words("vague_times")
FREQUENCY_WORDS = _words("frequency_words")
PRESENT_ONLY = _words("present_only")
# What later articles report.
HOLDING_VERBS = _words("holding_verbs")
HELD_VERBS = _words("held_verbs")
CONTINUING_VERBS = _words("continuing_verbs")
VOTE_NOUNS = _words("vote_nouns")
EVENT_NOUNS = _words("event_nouns")
EVENT_VERBS = _words("event_verbs")
LIGHT_VERBS = _words("light_verbs")
FAILING_VERBS = _words("failing_verbs")
CANCELLING_VERBS = _words("cancelling_verbs")
DELAYING_VERBS = _words("delaying_verbs")
LATE_WORDS = _words("late_words")
FIRST_PLAN_WORDS = _words("first_plan_words")
DELAY_WORDS = _words("delay_words")
TO_COME_VERBS = _words("to_come_verbs")
PLEDGE_NOUNS = _words("pledge_nouns")
TAKE_BACK_VERBS = _words("take_back_verbs")
LITIGATING_VERBS = _words("litigating_verbs")
LITIGATION_NOUNS = _words("litigation_nouns")
SETTLING_VERBS = _words("settling_verbs")
SETTLED_NOUNS = _words("settled_nouns")
AFTER_WORDS = _words("after_words")
PARTLY_WORDS = _words("partly_words")
ENACTING_VERBS = _words("enacting_verbs")
BINDING_VERBS = _words("binding_verbs")
TAKING_VERBS = _words("taking_verbs")
WHEN_MARKS = _words("when_marks")
RUNNING_LEADS = _words("running_leads")
TIME_UNITS = _words("time_units")
EQUIVALENT_ACTS: list[frozenset[str]] = [frozenset(group) for group in _WORDS["equivalent_acts"]]
OBJECT_ENDS = _words("object_ends")
NOT_IN_TITLE = _words("not_in_title")
IMPLIED_OBJECTS = {act: frozenset(objects) for act, objects in _WORDS["implied_objects"].items()}


def _every_word(value: object) -> frozenset[str]:
    """Every word in a list or table of the lexicon, at any depth."""
    if isinstance(value, str):
        return frozenset({value})
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return frozenset().union(*(_every_word(item) for item in value))
    return frozenset()


# Every word the rules know: the lemmas whose inflections the parse must not cut wrongly.
EVERY_WORD = _every_word(_WORDS)
