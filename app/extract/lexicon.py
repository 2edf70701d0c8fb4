"""The words the extraction rules know, in one place a linguist can edit.

Each set names a kind of wording; the rules that read it are in candidates.py (which clauses
may commit), features.py (what the model is told about them), actors.py (who acts),
clauses.py (action, condition, recipient) and timex.py (deadlines). Lemmas are lower case.
"""

from __future__ import annotations

from app.domain import PledgeKind

# --- what may commit --------------------------------------------------------------------

# Modal auxiliaries that put an act in the future ("wo" is the "wo" of "won't").
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
# Those of them that report what someone said they would do: "said it would".
REPORTED_MODALS = frozenset({"would", "'d"})
# Auxiliaries that hedge an act rather than commit to it.
HEDGES = frozenset({"may", "might", "could", "should", "must", "can", "ought"})
# "is set to", "is due to", "is scheduled to": words between "be" and "to" that tell a plan.
BE_SET_WORDS = frozenset({
    "set", "due", "scheduled", "slated", "poised", "expected", "likely", "going", "about",
    "planned", "supposed", "unlikely", "bound", "sure", "certain", "able", "unable", "free",
})  # fmt: skip
# Verbs whose complement is an act committed to, and the kind of commitment they make.
COMMITMENT_VERBS: dict[str, PledgeKind] = {
    "pledge": PledgeKind.PROMISE, "vow": PledgeKind.PROMISE, "promise": PledgeKind.PROMISE,
    "commit": PledgeKind.PROMISE, "plan": PledgeKind.PROMISE, "intend": PledgeKind.PROMISE,
    "aim": PledgeKind.PROMISE, "undertake": PledgeKind.PROMISE, "swear": PledgeKind.PROMISE,
    "guarantee": PledgeKind.PROMISE, "decide": PledgeKind.PROMISE, "resolve": PledgeKind.PROMISE,
    "task": PledgeKind.PROMISE, "seek": PledgeKind.PROMISE, "prepare": PledgeKind.PROMISE,
    "propose": PledgeKind.PROMISE, "announce": PledgeKind.PROMISE, "schedule": PledgeKind.PROMISE,
    "choose": PledgeKind.PROMISE, "opt": PledgeKind.PROMISE, "elect": PledgeKind.PROMISE,
    "expect": PledgeKind.PROMISE, "hope": PledgeKind.PROMISE, "want": PledgeKind.PROMISE,
    "try": PledgeKind.PROMISE, "attempt": PledgeKind.PROMISE, "refuse": PledgeKind.PROMISE,
    "vote": PledgeKind.PROMISE, "order": PledgeKind.PROMISE, "instruct": PledgeKind.PROMISE,
    "agree": PledgeKind.AGREEMENT, "sign": PledgeKind.AGREEMENT, "contract": PledgeKind.AGREEMENT,
    "threaten": PledgeKind.THREAT, "warn": PledgeKind.THREAT, "offer": PledgeKind.OFFER,
    "volunteer": PledgeKind.OFFER, "say": PledgeKind.PROMISE, "tell": PledgeKind.PROMISE,
    "insist": PledgeKind.PROMISE, "confirm": PledgeKind.PROMISE,
    "continue": PledgeKind.PROMISE, "arrange": PledgeKind.PROMISE, "move": PledgeKind.PROMISE,
    "begin": PledgeKind.PROMISE, "start": PledgeKind.PROMISE,
}  # fmt: skip
# Of those, the ones whose object is itself the act: "offered a reward", "ordered an inquiry".
VERBS_WITH_OBJECT_ACTS = frozenset({"offer", "order", "promise", "pledge", "guarantee", "propose"})
# Nouns that carry an act ("its plan to leave", "a contract to supply"), with their kind.
COMMITMENT_NOUNS: dict[str, PledgeKind] = {
    "plan": PledgeKind.PROMISE, "intention": PledgeKind.PROMISE, "intent": PledgeKind.PROMISE,
    "pledge": PledgeKind.PROMISE, "promise": PledgeKind.PROMISE, "commitment": PledgeKind.PROMISE,
    "vow": PledgeKind.PROMISE, "decision": PledgeKind.PROMISE, "goal": PledgeKind.PROMISE,
    "target": PledgeKind.PROMISE, "aim": PledgeKind.PROMISE, "objective": PledgeKind.PROMISE,
    "deadline": PledgeKind.PROMISE, "proposal": PledgeKind.PROMISE, "bid": PledgeKind.PROMISE,
    "strategy": PledgeKind.PROMISE, "initiative": PledgeKind.PROMISE, "effort": PledgeKind.PROMISE,
    "mission": PledgeKind.PROMISE, "order": PledgeKind.PROMISE, "move": PledgeKind.PROMISE,
    "agreement": PledgeKind.AGREEMENT, "deal": PledgeKind.AGREEMENT,
    "contract": PledgeKind.AGREEMENT, "accord": PledgeKind.AGREEMENT,
    "pact": PledgeKind.AGREEMENT, "treaty": PledgeKind.AGREEMENT,
    "arrangement": PledgeKind.AGREEMENT, "offer": PledgeKind.OFFER, "threat": PledgeKind.THREAT,
    "ultimatum": PledgeKind.THREAT, "responsibility": PledgeKind.PROMISE,
    "obligation": PledgeKind.PROMISE, "duty": PledgeKind.PROMISE, "task": PledgeKind.PROMISE,
    "willingness": PledgeKind.OFFER, "readiness": PledgeKind.OFFER,
    "determination": PledgeKind.PROMISE, "programme": PledgeKind.PROMISE,
    "program": PledgeKind.PROMISE, "package": PledgeKind.PROMISE, "purchase": PledgeKind.AGREEMENT,
    "sale": PledgeKind.AGREEMENT, "cut": PledgeKind.PROMISE, "closure": PledgeKind.PROMISE,
    "restructuring": PledgeKind.PROMISE, "investment": PledgeKind.PROMISE,
    "timetable": PledgeKind.PROMISE, "schedule": PledgeKind.PROMISE,
}  # fmt: skip
# Verbs of deciding or dealing whose object is the act: "announced three days of mourning",
# "extended the lockdown", "issued a bond to cover", "purchased 12 aircraft".
DECIDING_VERBS = frozenset({
    "announce", "declare", "unveil", "introduce", "launch", "propose", "order", "sign",
    "negotiate", "enter", "reach", "make", "issue", "extend", "schedule", "impose", "approve",
    "adopt", "pass", "purchase", "buy", "award", "win", "secure", "book", "confirm", "set",
    "postpone", "delay", "suspend", "cancel", "plan", "outline", "establish", "create",
    "finalize", "finalise", "conclude", "strike", "seal", "commission", "budget", "earmark",
    "allocate", "fund", "authorize", "authorise", "mandate", "ban", "ratify", "renew",
    "line", "open", "arrange", "organise", "organize", "call", "convene", "host", "hold",
})  # fmt: skip
# Verbs of directing someone else to act: "ordered X to", "forced Apple to lower".
DIRECTING_VERBS = frozenset({
    "order", "direct", "force", "require", "instruct", "tell", "authorize", "authorise",
    "compel", "oblige", "mandate", "ask", "task", "charge", "commission", "urge", "allow",
    "permit", "invite", "call",
})  # fmt: skip
# Adjectives that tell of an act to come: "the upcoming vote", "a planned bombing".
PLANNED_WORDS = frozenset({
    "planned", "upcoming", "forthcoming", "proposed", "scheduled", "promised", "pledged",
    "intended", "impending", "pending", "prospective", "future", "coming", "announced",
})  # fmt: skip
# Nouns that name an act the one who announces them will take: "announced his resignation".
ACTION_NOUNS = {
    "resignation": "resign", "retirement": "retire", "withdrawal": "withdraw",
    "candidacy": "run for office", "departure": "leave",
}  # fmt: skip
# Adjectives of readiness: "is ready to", "remains committed to".
READY_WORDS = frozenset({
    "ready", "prepared", "willing", "committed", "determined", "eager", "keen", "open",
    "unwilling", "reluctant",
})  # fmt: skip
# Prepositions that open a measure's start: "from June 15", "starting Monday", "as of May".
FROM_WORDS = frozenset({"from", "starting", "beginning", "effective", "as", "after"})
# Participles that set an act for a date: "is scheduled for Monday".
SCHEDULING_VERBS = frozenset({
    "schedule", "plan", "set", "slate", "expect", "due", "timetable", "planned", "scheduled",
})  # fmt: skip

# --- the frame a commitment is told in ----------------------------------------------------

# Verbs of saying: "said it would", "told reporters he will".
SAYING_VERBS = frozenset({
    "say", "tell", "announce", "state", "confirm", "add", "declare", "insist", "indicate",
    "reiterate", "stress", "explain", "write", "tweet", "assure", "signal", "report", "reply",
    "respond", "continue", "note", "express", "inform", "claim", "maintain", "vow", "pledge",
    "promise", "warn", "threaten", "agree", "ask", "conclude", "suggest", "argue", "reveal",
    "disclose", "acknowledge", "admit", "predict", "emphasise", "emphasize", "comment",
})  # fmt: skip
# Frames under which a future is not the actor's commitment: a hope, a forecast, a denial.
NOT_COMMITTING = frozenset({
    "hope", "wish", "expect", "believe", "think", "predict", "want", "fear", "doubt", "suggest",
    "deny", "estimate", "forecast", "project", "anticipate", "assume", "guess", "worry", "ask",
    "wonder", "urge", "demand", "imagine", "suppose", "speculate", "allege", "likely",
    "possible", "unclear", "unknown", "rumour", "rumor", "possibility", "chance", "speculation",
})  # fmt: skip
# Verbs that, after "will", describe or predict rather than commit the subject to act.
STATES = frozenset({
    "receive", "get", "cost", "need", "become", "remain", "seem", "happen", "exist", "require",
    "consider", "face", "lose", "last", "see", "like", "love", "mean", "depend", "feature",
    "include", "involve", "affect", "be", "have", "take", "allow", "result", "lead", "benefit",
    "suffer", "experience", "appear", "look", "sound", "feel", "know", "understand", "find",
    "reach", "hit", "fall", "rise", "grow", "increase", "decrease", "drop", "decline", "come",
})  # fmt: skip
# Cue words that commit outright, whatever rule finds them: the model weighs them together, so
# that a rare one ("swore to", "stands ready to") shares what the common ones taught it.
STRONG_CUES = frozenset({
    "pledge", "vow", "promise", "commit", "committed", "guarantee", "swear", "undertake",
    "agree", "sign", "contract", "offer", "threaten", "ready", "prepared", "willing",
    "determined", "intend", "plan", "planned", "decide", "resolve", "aim", "goal", "target",
    "intention", "commitment", "deal", "agreement", "pact", "treaty", "accord", "vote",
    "schedule", "scheduled", "set", "due", "order", "ultimatum", "threat", "arrangement",
})  # fmt: skip
# Cue words that report a plan without committing to it: they need more to be a pledge.
WEAK_CUES = frozenset({
    "say", "tell", "confirm", "insist", "announce", "expect", "hope", "want", "seek", "try",
    "attempt", "consider", "propose", "prepare", "start", "begin", "continue", "move",
    "likely", "expected", "able", "unable", "going", "about", "free", "sure", "certain",
})  # fmt: skip
# Verbs that make the future they report a threat of the one who says it: "warned that Russia
# would ...".
THREAT_FRAMES = frozenset({"warn", "threaten"})
# Words that turn a question: "asked whether it would".
QUESTION_MARKS = frozenset({"whether", "if"})
# Conditions: "if we conclude", "unless", "once the response arrives".
CONDITION_MARKS = frozenset({"if", "unless", "once", "after", "provided", "providing", "upon"})
# Words that name things rather than acts, after "to be": "a region to be called X".
NAMING_VERBS = frozenset({"call", "name", "know", "title", "dub", "base", "locate", "term",
                          "label"})  # fmt: skip
# Words of agreement that make a promise an agreement: "the sides agreed that Russia will".
AGREEMENT_WORDS = frozenset({"agree", "deal", "agreement", "accord", "contract", "sign"})

# --- who acts -----------------------------------------------------------------------------

FIRST_PERSON = frozenset({"i", "we", "us", "me", "our", "my"})
PERSONAL = frozenset({"he", "she", "him", "her", "his"})
COLLECTIVE = frozenset({"they", "them", "their", "it", "its"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
# Entity types of those who can commit: people, bodies, places (their governments), groups.
AGENT_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Nouns for a person's role: "the Russian diplomat" points back to the last person named.
ROLE_NOUNS = frozenset({
    "diplomat", "minister", "president", "official", "spokesman", "spokeswoman",
    "spokesperson", "secretary", "chancellor", "leader", "premier", "governor", "mayor",
    "senator", "ambassador", "envoy", "chief", "executive", "commander", "officer", "man",
    "woman", "lawmaker", "politician", "candidate", "director", "ceo", "chairman", "head",
    "representative", "manager", "founder", "owner", "chairwoman", "boss", "prosecutor",
})  # fmt: skip
# Nouns for a body that can commit: "the government", "the company".
BODY_NOUNS = frozenset({
    "government", "ministry", "administration", "company", "party", "parliament", "council",
    "committee", "court", "police", "army", "military", "side", "country", "state", "union",
    "board", "agency", "department", "firm", "group", "team", "authority", "coalition", "bank",
    "organisation", "organization", "cabinet", "congress", "senate", "commission", "alliance",
    "house", "regulator", "retailer", "automaker", "manufacturer", "carrier", "airline",
    "guard", "force", "service", "office", "campaign", "consortium", "corporation", "maker",
    "airframer", "university", "school", "hospital", "city",
    "nation", "league", "federation", "association", "organizer", "organiser", "club",
})  # fmt: skip

# --- when ---------------------------------------------------------------------------------

# Prepositions that set a deadline: "by Friday", "within 30 days", "until June".
DEADLINE_PREPOSITIONS = frozenset({
    "by", "within", "in", "until", "before", "on", "over", "during", "till", "through",
    "following", "after", "at", "from", "starting", "beginning", "for", "as", "no", "next",
    "this", "later", "early", "late", "around", "sometime", "throughout", "inside",
})  # fmt: skip
# Vague times: they keep their wording and give no due date.
VAGUE_TIMES = frozenset({
    "soon", "shortly", "promptly", "immediately", "quickly", "eventually", "swiftly",
    "later", "presently", "imminently", "forthwith",
})  # fmt: skip
# Words that only mark the present moment, never a deadline: "at this time", "currently".
PRESENT_ONLY = frozenset({"now", "currently", "presently"})
