"""Find reporting verbs (cues) in analysed sentences.

A cue is matched on the verb's stem, recovered from the surface form by a small
inflection analyser (prefixes `می`/`نمی`/`ن`/`ب`, personal endings, the participle
`ـه` with its auxiliaries, the future `خواهد`); the tagger, where it ran, can only
rule a word out (a noun `گفته`). Matching surface forms keeps cues working on any
model set; the compound cues (`اظهار کرد`) pair a preverbal element with a light
verb, adjacent or, for `خواستار ... شد`, around the statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from quotex.lexicon import DOCUMENT_MARK, ZWNJ, CueEntry, cue_lexicon, nominal_stems
from quotex.nlp import Analysis, Word

# Forms of `to be` that end a clause when no tagger says where verbs are.
COPULAS = frozenset({"است", "هست", "نیست", "بود", "بودند", "نبود", "باشد", "باشند", "بوده"})
# The negative prefix of verbs (`نگفت`, `نمی‌گوید`).
NEGATION = "ن"
# Prefixes of tense, mood and negation, longest first.
VERB_PREFIXES = ("نمی", "می", "ن", "ب")
# The prefixes of the indicative present (`می‌گوید`), and the verb (past stem) whose
# indicative present goes without them (`دارد`).
INDICATIVE_PREFIXES = ("نمی", "می")
PRESENT_WITHOUT_MI = frozenset({"داشت"})
# Personal endings of past and present stems (and the participle's ـه); `د` before
# `ید` so that `گوید` reads as `گوی` + `د`, not `گو` + `ید`.
PERSON_ENDINGS = ("ند", "یم", "د", "ید", "م", "ی", "ه", "")
# A present stem that ends in a vowel letter takes a glide ی before an ending.
GLIDE_AFTER_VOWEL = ("وی", "ای")
# Endings of the first and second person: a speaker's own words, not narration.
SPEAKER_ENDINGS = frozenset({"م", "یم", "ید", "ی"})
# Copula clitics of the perfect written onto the participle (`گفته‌اند`, `داشته‌ام`).
PERFECT_CLITICS = ("اند", "ایم", "اید", "ام", "است")
PERFECT_PERSON = {"اند": "ند", "ایم": "یم", "اید": "ید", "ام": "م", "است": ""}
# The perfect subjunctive's auxiliaries (`گفته باشد`): like a subjunctive, no report.
SUBJUNCTIVE_AUXILIARIES = frozenset({"باشد", "باشند", "باشم", "باشی", "باشیم", "باشید"})
# Auxiliaries that may follow a participle (`گفته است`, `گفته بود`, `گفته باشد`) or
# precede a stem (`خواهد گفت`): they belong to the cue's span.
AUXILIARIES = frozenset({"است", "اند", "بود", "بودند", "شد", "شده", "ام", "ایم"}
                        | SUBJUNCTIVE_AUXILIARIES)
FUTURE_AUX = frozenset({"خواهد", "خواهند", "خواهم", "خواهیم", "خواهید", "نخواهد", "نخواهند"})
# Auxiliaries of the first and second person (`خواهیم گفت`, `گفته ایم`): the verb is
# the writer's or a speaker's own, like SPEAKER_ENDINGS.
SPEAKER_AUXILIARIES = frozenset({"خواهم", "خواهیم", "خواهید", "ام", "ایم", "اید"})
# How far back a preverb may stand from its light verb (`خواستار ... شد`), and
# the object-preposition mark for that form in cues.txt.
SPLIT_PREVERB_REACH = 25
STATEMENT_INSIDE = "…"
# Punctuation that closes a clause: a cue's subject and split preverb stay inside one.
CLAUSE_BREAKS = frozenset({":", "؛", ";", ".", "!", "?", "؟"})
# Passive auxiliaries after a participle: `گفته شد` (it was said) has no speaker.
PASSIVE_STEM = "شد"
# `to be`, the light verb of belief cues (`معتقد است`, `بر این باور بود`): its past
# stem in cues.txt, its irregular present forms with their person, and the plural
# clitic written onto the word before (`معتقدند`). Only the third person: `معتقدم` is
# the speaker's own.
COPULA_STEM = "بود"
COPULA_PRESENT = {"است": "", "هست": "", "هستند": "ند", "اند": "ند"}
COPULA_CLITICS = ("اند", "ند")
# Punctuation that can open a statement right after a cue.
COLONS = frozenset({":", "："})
# Right after a cue, a semicolon typed for the colon (`عنوان کرد؛ در صنعت ...`) opens
# the statement too.
CUE_COLONS = COLONS | {"؛", ";"}


@dataclass
class Cue:
    entry: CueEntry
    verb: Word  # the (light) verb
    first: Word  # first word of the cue phrase (the preverb of a compound)
    last: Word  # last word of the cue phrase (a trailing auxiliary included)
    verb_first: Word  # first word of the verb group (`خواهد` in `خواهد گفت`)

    @property
    def parts(self) -> list[tuple[Word, Word]]:
        """(first, last) word of each contiguous piece: two for `خواستار ... شد`."""
        if self.first.index + 1 < self.verb_first.index and self.is_compound and (
            " " not in (self.entry.preverb or "")
        ):
            return [(self.first, self.first), (self.verb_first, self.last)]
        return [(self.first, self.last)]

    @property
    def is_compound(self) -> bool:
        return self.entry.preverb is not None


def _strip_zwnj(form: str) -> str:
    return form.replace(ZWNJ, "")


@cache
def _known_stems() -> dict[str, str]:
    """Surface stem (past or present) -> past stem, for every cue and light verb."""
    lex = cue_lexicon()
    stems = {past: past for past in lex.simple}
    stems.update({verb: verb for (_, verb) in lex.compounds})
    stems.update(lex.present_to_past)
    return stems


def verb_stem(form: str) -> str | None:
    """Past stem of a cue or light verb in any tense, person and polarity, else None.

    `می‌گویند` -> `گفت`, `نگفت` -> `گفت`, `گفته` -> `گفت`, `کنند` -> `کرد`,
    `داشته‌اند` -> `داشت`.
    """
    analysed = analyse_verb(form)
    return analysed[0] if analysed else None


def is_first_or_second_person(form: str) -> bool:
    """`گفتم`, `پیشنهاد دادیم`, `بگویید`: the speaker's own `I`/`you`, never narration."""
    analysed = analyse_verb(form)
    return analysed is not None and analysed[1] in SPEAKER_ENDINGS


def is_present(form: str) -> bool:
    """`می‌گوید`, `اعتقاد دارد`, `یادآور می‌شود`: a form of the present stem."""
    analysed = analyse_verb(form)
    return analysed is not None and analysed[2]


def is_subjunctive(form: str) -> bool:
    """`بگوید`, `اعلام کند`, `بگو`: a present stem without `می`, which wishes, orders or
    supposes (`باید بگوید`, `وقتی ... اعلام کند`) and reports no speech. `دارد` is the
    one present that needs no `می` (`اظهار دارد`)."""
    analysed = analyse_verb(form)
    return analysed is not None and analysed[2] and not _strip_zwnj(form).startswith(
        INDICATIVE_PREFIXES) and analysed[0] not in PRESENT_WITHOUT_MI


@cache
def analyse_verb(form: str) -> tuple[str, str, bool] | None:
    """(past stem, personal ending, whether the present stem) of a cue or light verb
    form, else None."""
    bare = _strip_zwnj(form)
    if bare in COPULA_PRESENT:
        return COPULA_STEM, COPULA_PRESENT[bare], False
    for clitic in PERFECT_CLITICS:
        if bare.endswith(clitic) and bare[: -len(clitic)].endswith("ه"):
            inner = analyse_verb(bare[: -len(clitic)])
            return (inner[0], PERFECT_PERSON[clitic], False) if inner else None
    stems = _known_stems()
    candidates = [bare]
    for prefix in VERB_PREFIXES:
        if bare.startswith(prefix):
            candidates.append(bare[len(prefix) :])
    readings = [
        (stems[option], ending, option in cue_lexicon().present_to_past)
        for candidate in candidates
        for ending in PERSON_ENDINGS
        if not ending or candidate.endswith(ending)
        for stem in [candidate[: len(candidate) - len(ending)] if ending else candidate]
        # present stems ending in a vowel take a glide ی before endings (`گوید`), not
        # others (`خوانید` is `خوان` + `ید`, no `خوان` + glide + `د`)
        for option in (stem, stem[:-1] if stem.endswith(GLIDE_AFTER_VOWEL) else None)
        if option and option in stems and _plausible(candidate, option, ending, bare)
    ]
    # a form read both ways is the past (`برد` of `نام برد`, not `بر` + `د`)
    past = [reading for reading in readings if not reading[2]]
    return (past or readings or [None])[0]


def _plausible(candidate: str, stem: str, ending: str, bare: str) -> bool:
    """Reject readings that cannot be: a bare present stem is a noun (it needs a
    prefix or an ending), and a past stem takes no `د` (`گفتید` is `گفت` + `ید`)."""
    lex = cue_lexicon()
    if ending == "د" and stem not in lex.present_to_past:
        return False
    if stem in lex.present_to_past and stem not in lex.simple:
        has_prefix = candidate != bare
        return has_prefix or bool(ending)
    return True


def may_carry_speech(words: Sequence[Word]) -> bool:
    """Cheap test on surface forms: does this sentence need the tagger?

    Yes when it has a simple cue verb (`آمد` only with a document noun), a light verb
    right after a cue's preverb, a split preverb (`خواستار`) and a verb, a belief
    preverb with the copula written on, or an `به گفته`-type phrase: the only
    sentences whose attribution reads the tags.
    """
    lex = cue_lexicon()
    texts = [_strip_zwnj(w.text) for w in words]
    stems = [verb_stem(t) for t in texts]
    for i, stem in enumerate(stems):
        if stem is None:
            continue
        entry = lex.simple.get(stem)
        if entry is not None and (
            DOCUMENT_MARK not in entry.object_preps or any(t in lex.documents for t in texts)
        ):
            return True
        if _preverb_before(texts, i, stem):
            return True
    if any(stems) and any(t in _split_preverbs() for t in texts):
        return True
    if any(_glued_copula_preverb(t) for t in texts):
        return True
    pairs = set(zip(texts, texts[1:], strict=False))
    return any(tuple(phrase[-2:]) in pairs for phrase in lex.according)


def _preverb_before(texts: list[str], i: int, stem: str) -> bool:
    """Whether a preverb of the light verb `stem` stands right before word i, or before
    its future auxiliary (`اعلام خواهد کرد`)."""
    end = i - 1 if i > 0 and texts[i - 1] in FUTURE_AUX else i
    phrases = _preverb_phrases(stem)
    return any(" ".join(texts[end - n : end]) in phrases for n in (1, 2, 3) if end - n >= 0)


@cache
def _preverb_phrases(light_verb: str) -> frozenset[str]:
    return frozenset(_strip_zwnj(p) for p in _compounds_for(light_verb))


@cache
def _split_preverbs() -> frozenset[str]:
    """Preverbs that may stand apart from their light verb (`خواستار ... شد`)."""
    return frozenset(
        preverb for (preverb, _), entry in cue_lexicon().compounds.items()
        if entry.object_preps == (STATEMENT_INSIDE,)
    )


def _is_verbal(analysis: Analysis, word: Word) -> bool:
    """A word the tagger did not rule out as a verb, or a verb whatever the tagger said:
    a finite form of a simple cue that is no noun, closing its clause (`X را مهم
    برشمرد و گفت`, `... خواند.`), where a short-trained tagger sometimes says NOUN."""
    if not word.parsed or word.upos in ("VERB", "AUX", ""):
        return True
    nxt = analysis.words[word.index + 1] if word.index + 1 < len(analysis.words) else None
    closes = nxt is None or nxt.text in CLAUSE_BREAKS or nxt.text == "و"
    return (
        closes
        and verb_stem(word.text) in cue_lexicon().simple
        and not word.text.endswith("ه")
        and word.text not in nominal_stems()
    )


def find_cues(analysis: Analysis) -> list[Cue]:
    """Every reporting verb of the narration in the article, in text order.

    First- and second-person forms (`گفتم`, `پیشنهاد دادم`) are left out: they are
    inside a speaker's own words, which belong to that speaker's statement.
    """
    lex = cue_lexicon()
    words = analysis.words
    cues: list[Cue] = []
    for word in words:
        glued = _glued_copula(analysis, word)
        if glued is not None:
            entry, first = glued
            if not _reports_nothing(analysis, first):
                cues.append(Cue(entry, word, first, word, word))
            continue
        stem = verb_stem(word.text)
        if stem is None or not _is_verbal(analysis, word) or _in_according_phrase(
                analysis, word):
            continue
        if is_first_or_second_person(word.text) or _is_passive(analysis, word):
            continue
        if is_subjunctive(word.text) or _is_negated(word.text, stem):
            continue
        last = _trailing_auxiliaries(analysis, word)
        first_of_verb = _leading_future(analysis, word)
        if {_strip_zwnj(first_of_verb.text), _strip_zwnj(last.text)} & SPEAKER_AUXILIARIES:
            continue
        if _strip_zwnj(last.text) in SUBJUNCTIVE_AUXILIARIES:
            continue  # `گفته باشد` "may have said", `باور داشته باشد`: no report
        compound = _compound_preverb(analysis, first_of_verb, word, stem)
        if compound is not None:
            entry, preverb_first = compound
            cue = Cue(entry, word, preverb_first, last, first_of_verb)
        elif stem in lex.simple:
            cue = Cue(lex.simple[stem], word, first_of_verb, last, first_of_verb)
        else:
            continue
        if not _reports_nothing(analysis, cue.first) and not _reporters_formula(analysis, cue):
            cues.append(cue)
    return cues


def _reporters_formula(analysis: Analysis, cue: Cue) -> bool:
    """`یادآور می‌شود؛ ...`, `خاطرنشان می‌شود ...` opening a sentence: the reporter's
    impersonal "it is recalled that", no speaker's words."""
    return (
        cue.is_compound
        and verb_stem(cue.verb.text) == PASSIVE_STEM and is_present(cue.verb.text)
        and cue.first.index == analysis.sentence_of(cue.verb).first
    )


@cache
def _glued_copula_preverb(form: str) -> str | None:
    """`معتقدند` -> `معتقد`: the last word of a belief preverb with the plural copula
    written onto it, else None."""
    for clitic in COPULA_CLITICS:
        head = form[: -len(clitic)]
        if form.endswith(clitic) and head in _copula_preverb_heads():
            return head
    return None


@cache
def _copula_preverb_heads() -> frozenset[str]:
    return frozenset(_strip_zwnj(p).split()[-1] for p in _compounds_for(COPULA_STEM))


def _glued_copula(analysis: Analysis, word: Word) -> tuple[CueEntry, Word] | None:
    """(entry, first word) of `معتقدند` / `بر این باورند`, else None."""
    head = _glued_copula_preverb(_strip_zwnj(word.text))
    if head is None:
        return None
    words = analysis.words
    for preverb, entry in _compounds_for(COPULA_STEM).items():
        *before, last = _strip_zwnj(preverb).split()
        first = word.index - len(before)
        if last != head or first < 0 or not _same_sentence(words[first], word):
            continue
        if [_strip_zwnj(w.text) for w in words[first : word.index]] == before:
            return entry, words[first]
    return None


def _is_negated(text: str, stem: str) -> bool:
    """`نگفت`, `نمی‌گوید`, `تأکید نکرد`: saying nothing reports nothing. (`نوشت` is no
    negated `وشت`: the rest must be a form of the same verb.)"""
    return text.startswith(NEGATION) and verb_stem(text[len(NEGATION):]) == stem


def _reports_nothing(analysis: Analysis, first: Word) -> bool:
    """`باید گفت`, `نمی‌توان انکار کرد`, `سخن می‌گفت`: a modal or a noun that makes
    another verb right before the cue's first word."""
    before = first.index - 1
    lex = cue_lexicon()
    text = analysis.words[before].text if before >= 0 else ""
    return before >= 0 and _same_sentence(analysis.words[before], first) and (
        text in lex.modals or text in lex.other_verbs
    )


def _is_passive(analysis: Analysis, verb: Word) -> bool:
    nxt = verb.index + 1
    return (
        verb.text.endswith("ه")
        and nxt < len(analysis.words)
        and _same_sentence(verb, analysis.words[nxt])
        and verb_stem(analysis.words[nxt].text) == PASSIVE_STEM
    )


def _in_according_phrase(analysis: Analysis, word: Word) -> bool:
    """`گفته` in `به گفته X` and `نوشته` in `به نوشته X` are nouns, not verbs."""
    if word.index == 0:
        return False
    before = analysis.words[word.index - 1].text
    if before == "به" and word.text.endswith("ه"):
        return True  # a participle after `به` is a noun (`به نوشته روزنامه X`)
    pair = (before, word.text)
    return any(phrase[-2:] == pair for phrase in cue_lexicon().according)


def _same_sentence(a: Word, b: Word) -> bool:
    return a.sentence == b.sentence


def _trailing_auxiliaries(analysis: Analysis, verb: Word) -> Word:
    last = verb
    nxt = verb.index + 1
    while nxt < len(analysis.words) and _same_sentence(verb, analysis.words[nxt]):
        candidate = analysis.words[nxt]
        if _strip_zwnj(candidate.text) not in AUXILIARIES or not verb.text.endswith("ه"):
            break
        last = candidate
        nxt += 1
    return last


def _leading_future(analysis: Analysis, verb: Word) -> Word:
    prev = verb.index - 1
    if prev >= 0 and analysis.words[prev].text in FUTURE_AUX and _same_sentence(
        verb, analysis.words[prev]
    ):
        return analysis.words[prev]
    return verb


def _compound_preverb(
    analysis: Analysis, verb_start: Word, verb: Word, stem: str
) -> tuple[CueEntry, Word] | None:
    """The preverbal element of a compound cue before `verb_start`, if any."""
    words = analysis.words
    # adjacent, possibly multi-word (`خاطر نشان کرد`)
    for length in (3, 2, 1):
        first_index = verb_start.index - length
        if first_index < 0 or not _same_sentence(words[first_index], verb):
            continue
        phrase = " ".join(_strip_zwnj(w.text) for w in words[first_index : verb_start.index])
        for preverb, entry in _compounds_for(stem).items():
            if _strip_zwnj(preverb) == phrase:
                return entry, words[first_index]
    # a preverb that takes its statement inside (`خواستار توجه بیشتر دولت شد`)
    reach = max(analysis.sentence_of(verb).first, verb_start.index - SPLIT_PREVERB_REACH)
    for word in reversed(words[reach : verb_start.index]):
        if word.text in CLAUSE_BREAKS:
            break
        if _is_other_verb(word):
            break  # another clause: `خواستار X است، Y ... پیشنهاد شد` is no `خواستار شد`
        entry = _compounds_for(stem).get(word.text)
        if entry is not None and entry.object_preps == (STATEMENT_INSIDE,):
            return entry, word
    return None


def _is_other_verb(word: Word) -> bool:
    """A copula or auxiliary (`است`, `بود`): the clause it ends is not the cue's. (A
    verbal noun between stays: `خواستار ... تعلق نداشتن آن ... شد`.)"""
    return word.text in COPULAS or (word.parsed and word.upos == "AUX")


@cache
def _compounds_for(light_verb: str) -> dict[str, CueEntry]:
    """Preverb -> entry for compounds whose light verb is `light_verb`."""
    return {
        preverb: entry
        for (preverb, verb), entry in cue_lexicon().compounds.items()
        if verb == light_verb
    }
