"""Word tests of coordinated clauses and predicates, for the clause boundaries of `sentence`
(guidelines §4.3, §5): where a condition opens a clause of its own, where a connective's comma
is also the comma of ", and", and where "and" joins a second past verb."""

from __future__ import annotations

from .lexicons import lexicons
from .types import Tokens
from .words import COORDINATORS, DETERMINERS, FINITE, MODALS, SUBJECT_PRONOUNS, is_past, is_verb


def opens_clause_at(s: Tokens, k: int) -> bool:
    """Whether a condition, concession or premise opening at token k starts a clause of its
    own: at the start, after a comma, or after a coordinator that follows a comma or contrasts
    (*Seoul is weak, and as Tokyo has withdrawn, Beijing will lose*; *…, but if Tokyo
    withdraws, …*): not asserted there either (guidelines §4.3)."""
    if k == 0:
        return True
    prev = s.low[k - 1]
    if prev in (",", "but", "yet"):
        return True
    return prev in ("and", "or") and k > 1 and s.low[k - 2] == ","


def closes_before_coordinator(s: Tokens, i: int) -> bool:
    """Whether the comma at token i closes a parenthetical connective (*, however,*) right
    before "and" / "or": the ", and" of a coordinated clause or predicate."""
    return 1 < i < s.n - 2 and s.low[i + 1] in COORDINATORS and s.low[i - 1].isalpha()


#: Pronouns after a second past verb: its object or the subject of its clause.
_PRONOUNS = frozenset(["him", "her", "them", "it", "they", "he", "she", "us"])


def parallel_past(s: Tokens, i: int, c: int) -> bool:
    """Whether the "and" at token i joins a second past verb to a past verb before it (*has
    provided some aid and reportedly reprogrammed funds*, *has helped Russia overcome a
    shortage and helped rebuild the region*, *pledged to strengthen ties and offered "full
    support"*, *called the tariffs unfair and vowed to retaliate*): the same form again, past
    adverbs, taking an object (a determiner, a quotation, a number, a name or a pronoun follows:
    *and returned him*, *and declared it would ...*) or a to-infinitive, or repeating the first
    verb. Not *and related programs*, nor two participles of one noun (*a modernized and
    industrialized Russia*)."""
    low, toks, n = s.low, s.toks, s.n
    if i >= 2 and low[i - 2] in DETERMINERS and low[i - 1].endswith("ed"):
        return False
    k = c
    while k < n - 1 and low[k].endswith("ly") and toks[k].islower():
        k += 1
    w = low[k] if k < n else ""
    if k + 1 >= n or not toks[k].islower() or not is_past(w):
        return False
    before = [low[t] for t in range(max(0, i - 24), i) if toks[t].islower() and is_past(low[t])]
    if not before:
        return False
    after = toks[k + 1]
    return (
        w in before
        or low[k + 1] in DETERMINERS
        or low[k + 1] in ("$", '"', "“")
        or low[k + 1] in _PRONOUNS  # "and returned him to China", "and declared it would ..."
        or after[:1].isdigit()
        or after[:1].isupper()
        or _takes_infinitive(s, k + 1)
    )


def _takes_infinitive(s: Tokens, t: int) -> bool:
    """Whether token t opens the to-infinitive of an attitude verb (*and vowed to retaliate*,
    *and promised to ratify it*): the party's own claim. Not a *to* before a noun phrase (*and
    related to the dispute*), nor a joint *agreed to*, which goes on narrating (§4.4)."""
    verb_before = s.low[t - 1]
    if t + 1 >= s.n or s.low[t] != "to" or verb_before.startswith("agree"):
        return False
    if lexicons().expectations.get(verb_before) is None:
        return False
    verb = s.toks[t + 1]
    return verb.isalpha() and verb.islower() and s.low[t + 1] not in DETERMINERS


def verbs_sharing_an_object(s: Tokens, i: int, c: int) -> bool:
    """Whether the "and" at token i joins two verbs of one form right around it that share
    the object after the second (*see value in launching and shepherding talks*, *has criticized
    and sanctioned Tokyo*, *to convince and cajole its partners*): one predicate, not two
    (guidelines §5 splits predicates, each with its own complement)."""
    low, toks = s.low, s.toks
    if i < 2 or c + 1 >= s.n or not (toks[i - 1].isalpha() and toks[c].isalpha()):
        return False
    if not (toks[i - 1].islower() and toks[c].islower()):
        return False
    prev, nxt = low[i - 1], low[c]
    if low[i - 2] in DETERMINERS or low[i - 2] in ("'s", "’s"):
        return False  # "the planned and funded projects": adjectives of a noun
    if lexicons().expectations.get(nxt) is not None:
        return False  # "hopes ... and fears that ...": an attitude verb makes its own claim
    if prev.endswith("ing") and nxt.endswith("ing") and len(prev) > 4 and len(nxt) > 4:
        return True
    if prev.endswith("ed") and nxt.endswith("ed") and len(prev) > 3 and len(nxt) > 3:
        return True
    # Base forms right after "to" or a modal: "to convince and cajole", "must train and equip".
    base = not nxt.endswith(("s", "ed", "ing"))
    return base and (low[i - 2] == "to" or low[i - 2] in MODALS)


#: Endings of nouns, adjectives and inflected forms: no bare verb ends so (*investment*,
#: *quality*, *bridges*, *naval*), so a word with one after "and" is read as a noun.
_NOT_BARE = (
    *("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism", "ure", "age"),
    *("ry", "cy", "s", "al", "ic", "ive", "ous", "ful", "less", "ed", "ing", "ly", "er", "or"),
)


def parallel_base(s: Tokens, i: int, c: int) -> bool:
    """Whether the "and" at token i joins a second bare verb with its object to a bare verb
    with its object opened by a modal or by the "to" of an attitude word before it (*plans to
    expand its navy and increase defense spending*, *could play a role and potentially
    coordinate a mission*): two predicates (guidelines §5), each its own claim. Both verbs
    have a bare verb's shape (no noun or inflected ending: not *to expand trade and
    investment flows*, *to build roads and bridges*) and take an object (no preposition or
    particle follows: not *to push back and speak out*, *keep it safe and open to all*; right
    after a modal any word is a verb, *could assess*, and an attitude verb's base form after
    "and" is one, *and consider measures*); an
    infinitive that completes a plain noun (*Russia's attempt to reassert its role and regain
    leverage*) and another clause before the "and" (*as long as it remains as limited and
    covert as possible*) are no such first verb."""
    low, toks, n = s.low, s.toks, s.n
    k = c
    while k < n - 1 and low[k].endswith("ly") and toks[k].islower():
        k += 1  # "and potentially coordinate ..."
    if k + 1 >= n or not (bare_verb(s, k) or _attitude_base(s, k)) or not _takes_object(s, k + 1):
        return False
    for t in range(i - 1, max(0, i - 16), -1):
        w = low[t]
        if w in _CLAUSE_BREAKS or w in _PRONOUNS or w in lexicons().subordinators:
            return False
        if w == "to" or w in MODALS:
            if w == "to" and not (t > 0 and _heads_infinitive(low[t - 1])):
                return False
            v = t + 1
            while v < i and (low[v] in ("not", "also", "still") or low[v].endswith("ly")):
                v += 1
            # Right after a modal a word is a verb whatever its ending (*could assess*).
            verb = bare_verb(s, v) or (w in MODALS and _lower_word(s, v))
            return v < i - 1 and verb and _takes_object(s, v + 1)
    return False


def _lower_word(s: Tokens, k: int) -> bool:
    return s.toks[k].isalpha() and s.toks[k].islower() and s.low[k] not in DETERMINERS


def _attitude_base(s: Tokens, k: int) -> bool:
    """Whether token k is the base form of an attitude verb (*and consider measures*), whose
    ending the shape test of `bare_verb` would take for a noun's (*-er*, *-ss*)."""
    w = s.low[k]
    return (
        _lower_word(s, k)
        and any(
            cue.frame == "holder" and words == (w,)
            for words, cue in lexicons().expectations.get(w, ())
        )
        and not w.endswith(("s", "ed", "ing"))
    )


#: Semi-modals before "to" (*is going to*, *has to*, *needs to*).
_SEMI_MODALS = frozenset(["going", "have", "has", "had", "need", "needs", "ought", "able"])


def _heads_infinitive(word: str) -> bool:
    """Whether the word before a "to" makes the infinitive a claim's content: an attitude
    word (*plans to*, *wants to*) or a semi-modal (*is going to*, *has to*)."""
    return word in _SEMI_MODALS or lexicons().expectations.get(word) is not None


#: Tokens that end the stretch where the first verb is looked for: another clause.
_CLAUSE_BREAKS = frozenset([",", ";", ":", "(", ")", "and", "or", "but", "as", "if", "that"])
#: Particles after a verb: a phrasal verb without its object (*push back*, *speak out*).
_PARTICLES = frozenset(["back", "out", "up", "down", "off", "away", "ahead", "forward", "on"])


def _takes_object(s: Tokens, k: int) -> bool:
    """Whether token k, right after a verb, may open its object: a word, no preposition,
    particle, *to*, *as* or coordinator."""
    if k >= s.n or not s.toks[k][:1].isalnum():
        return False
    w = s.low[k]
    return (
        w not in lexicons().prepositions
        and w not in _PARTICLES
        and w not in COORDINATORS
        and w not in ("to", "as", "than")
    )


def bare_verb(s: Tokens, k: int) -> bool:
    """Whether token k has the shape of a bare verb: a lower-case word of three letters or
    more, no determiner, with no ending of a noun, adjective or inflected form."""
    w = s.low[k]
    return (
        s.toks[k].isalpha()
        and s.toks[k].islower()
        and len(w) > 2
        and w not in DETERMINERS
        and w not in lexicons().prepositions
        and w not in MODALS
        and not w.endswith(_NOT_BARE)
    )


#: Words that end the stretch `verbless_contrast` looks at: the clause's end, or a relative
#: pronoun (a relative clause's verb is its own).
_CONTRAST_ENDS = frozenset([";", ":", ")", "–", "—", ".", "?", "!"])
_CONTRAST_RELATIVES = frozenset(["that", "which", "who", "whom"])


def verbless_contrast(s: Tokens, i: int, negated: bool) -> bool:
    """Whether the *but* at token i adds a phrase without a verb of its own to the clause
    before it (guidelines §7.2, a closing contrast stays): a corrective after a negation (*is
    not a threat, but a fact of life*; *is not to gain ground, but to keep the peace*), or a
    restriction (*will accept the rivalry, but within limits*, *but not at any price*). A
    finite verb, a past form or a present verb after a name or pronoun makes it a clause
    (*, but Tokyo wants more*, *but refused to sign*); an infinitive is a corrective only
    after a negation (*plans to sign, but to delay ratification* is a second claim)."""
    low, toks, n = s.low, s.toks, s.n
    k = i + 1
    if k < n and low[k] == "not":
        k += 1
    if i == 0 or low[i - 1] == "(" or k + 1 >= n or not low[k].isalpha():
        return False  # "(but a Sunni royal family)": a bracket is an insertion of its own
    if not _verb_before(s, i):
        return False  # a verbless fragment (*Support for X, not as Y, but to Z*): its pieces stay
    if low[k] == "to":
        return negated and toks[k + 1].islower() and low[k + 1].isalpha()
    helped = i > 1 and low[i - 1] == "help" and low[i - 2] in ("cannot", "n't", "not")
    if not (helped or low[k] in DETERMINERS or low[k] == "as" or low[k] in lexicons().prepositions):
        return False  # "but delay ratification", "but that X would", "but Tokyo wants"
    return _verbless_to_end(s, k)


def _verbless_to_end(s: Tokens, k: int) -> bool:
    """Whether the stretch from token k holds no verb of its own up to the clause's end or a
    relative pronoun: no finite or past form, no *to*, no present verb after a name or
    pronoun, and no comma (more would follow it)."""
    low, toks, n = s.low, s.toks, s.n
    for t in range(k, n):
        w = low[t]
        if w in _CONTRAST_ENDS or (w in _CONTRAST_RELATIVES and t > k):
            break
        if w == ",":
            return False  # "but at the same time, insufficient": more follows the comma
        if is_past(w) or w in FINITE or w == "to":
            return False
        named = toks[t - 1][:1].isupper() or low[t - 1] in SUBJECT_PRONOUNS
        if t > k and named and toks[t].islower() and w.endswith("s") and not w.endswith("ss"):
            return False  # "but Seoul wants trade": a present verb after its subject
    return True


def _verb_before(s: Tokens, i: int) -> bool:
    """Whether a verb stands before token i: a finite or past form, a word after a subject
    pronoun (*I say*), a present form in -s after a name (*Seoul wants*)."""
    low, toks = s.low, s.toks
    for t in range(i):
        w = low[t]
        if w in FINITE or is_past(w):
            return True
        if t and toks[t].islower() and w.isalpha() and w not in lexicons().prepositions:
            named = toks[t - 1][:1].isupper() and w.endswith("s") and not w.endswith("ss")
            if named or low[t - 1] in SUBJECT_PRONOUNS:
                return True
    return False


#: Relative pronouns: a verb after one is the relative clause's, not a conjunct's.
_RELATIVES = frozenset(["that", "which", "who", "whom", "whose"])


def noun_phrase_conjunct(s: Tokens, k: int) -> bool:
    """Whether the stretch from token k, after *, and* / *, or*, is a last noun phrase that
    closes the sentence with no verb of its own (*expects strong defenses on both sides, and
    the maintenance of parity*; *such as arms control, or agreements for cooperation which
    promise ...*): an item of the clause's list (guidelines §7.2), no coordinated clause.
    It opens with a determiner or a plural before a preposition; a bare verb (*, and
    increase spending*) or a verb anywhere up to the end or a relative pronoun makes it a
    conjunct of its own."""
    low, toks, n = s.low, s.toks, s.n
    if k + 1 >= n or not toks[k].islower():
        return False
    w = low[k]
    plural = w.endswith("s") and not w.endswith("ss") and low[k + 1] in lexicons().prepositions
    if not (w in DETERMINERS or plural) or low[k + 1] == "to":
        return False
    for t in range(k, n):
        w = low[t]
        if w in _RELATIVES and t > k:
            return True
        if w == "." and t == n - 1:
            return True
        if not w[:1].isalnum() or w in FINITE or is_past(w) or w in SUBJECT_PRONOUNS:
            return False
        named = toks[t - 1][:1].isupper() and toks[t].islower()
        if t > k and named and w.endswith("s") and not w.endswith("ss"):
            return False  # "and the Kremlin wants ...": a present verb after a name
    return False


def both_conjunct(s: Tokens, i: int) -> bool:
    """Whether the *and* at token i completes *both X and Y*: two noun phrases (*both the
    United States and Russia are great powers*), no clause boundary. The *both* must stand
    before it with no verb or punctuation between, and open a noun phrase (*Seoul both wants
    trade and fears ...* has no noun after it)."""
    low = s.low
    for t in range(i - 1, max(-1, i - 10), -1):
        w = low[t]
        if w == "both":
            nxt = low[t + 1]
            return nxt in DETERMINERS or s.toks[t + 1][:1].isupper() or nxt.endswith("s")
        if not w[:1].isalnum() or w in FINITE or is_past(w) or w in _RELATIVES:
            return False
        if w in ("and", "to"):
            return False  # "called both Koreas to exercise restraint and to avoid escalation"
    return False


def subject_then_finite(s: Tokens, c: int) -> bool:
    """Whether a long subject opening at token c (after *and*, with a determiner) reaches its
    finite verb within twelve words (*... is stretching out and the good effect of the visit
    and the mission could turn sour*): a coordinated clause. The words between are a noun
    phrase's, also an inner *and* of two nouns; punctuation, *but*, *to*, a relative or a
    subject pronoun (a clause inside the phrase, *the costs it has borne*) end the search."""
    low = s.low
    for k in range(c + 1, min(s.n, c + 13)):
        w = low[k]
        if w in FINITE:
            return True
        if not w[:1].isalnum() or w in ("but", "to", "or") or w in _RELATIVES:
            return False
        if w in SUBJECT_PRONOUNS or is_past(w) or w == "there":
            return False  # "... and there are": the verb is a later clause's
    return False


def named_subject(s: Tokens, c: int) -> bool:
    """Whether a name of one or two capitalised words at token c is followed by a modal or an
    auxiliary (*... and Rallis can be expected to ...*, *and New Delhi will ...*): the subject
    of a coordinated clause. The caller asks only after a verb in the clause before *and*
    and not after a name (*relations between Tokyo and Seoul are ...*, *will see that Tokyo
    and Seoul will ...* join two names)."""
    toks, low, n = s.toks, s.low, s.n
    k = c
    while k < n and k < c + 2 and toks[k][:1].isupper() and toks[k].isalpha():
        k += 1
    return k > c and k < n and low[k] in MODALS


#: Openings of an infinitive of purpose (*in order to*, *so as to*).
_PURPOSE = (("in", "order", "to"), ("so", "as", "to"))


def in_purpose_infinitive(s: Tokens, i: int) -> bool:
    """Whether the *and* at token i stands inside an infinitive of purpose opened earlier in
    its clause (*pays a price in order to keep Turkey in the alliance and enjoy the use of the
    bases*): a second bare verb or *to* there goes on the same adjunct, no second claim
    (guidelines §5, §7.2 keep adjuncts in the span). Punctuation or another coordinator
    between ends the search."""
    low = s.low
    for t in range(i - 1, max(1, i - 16), -1):
        w = low[t]
        if not w[:1].isalnum() or w in ("and", "or", "but") or w in _RELATIVES:
            return False
        if w == "to" and (low[t - 2], low[t - 1], w) in _PURPOSE:
            return True
    return False


def plural_before_a_break(s: Tokens, k: int) -> bool:
    """Whether the word in -s at token k ends its noun phrase before *and*, *or*, a comma, a
    full stop or a preposition (*... and their Soviet advisers and there are ...*): a plural
    noun, no present verb (a verb takes an object or a complement after it)."""
    nxt = s.low[k + 1] if k + 1 < s.n else "."
    return nxt in ("and", "or", ",", ".", ";", ":", ")") or (
        nxt in lexicons().prepositions and nxt not in ("to", "into", "on", "at")
    )


def between_adjectives(s: Tokens, i: int) -> bool:
    """Whether the *but* at token i joins two adjectives before one noun (*critical but more
    limited support*, *a slow but steady recovery*): one noun phrase, no clause boundary. Not
    between verbs or before a subject (*cordial but failed to agree*, *will sign but probably
    delay ratification*, *critical but Seoul is calm*)."""
    low, toks = s.low, s.toks
    if i < 2 or i + 3 >= s.n or not (toks[i - 1].islower() and low[i - 1].isalpha()):
        return False
    if is_verb(low[i - 1]) or low[i - 2] in FINITE or low[i - 2] == "to":
        return False
    k = i + 1
    if low[k] in ("more", "less", "also", "still") or (low[k].endswith("ly") and len(low[k]) > 4):
        k += 1
    w, after = low[k], low[k + 1]
    return (
        toks[k].islower()
        and w.isalpha()
        and not is_verb(w)
        and not (w.endswith("s") and not w.endswith(("ous", "ss")))  # "but fears Beijing"
        and w not in DETERMINERS
        and after[:1].isalpha()
        and after not in DETERMINERS
        and after not in FINITE
        and after not in lexicons().prepositions
        and after not in ("and", "or", "but", "to", "that")
    )
