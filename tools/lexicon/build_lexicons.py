#!/usr/bin/env python3
"""Build reviewlint's derived word lexicons (dictionaries/en/lexicon/) from VADER, WordNet 3.0
and the hand-curated lists in tools/lexicon/.

Usage:
    python3 tools/lexicon/build_lexicons.py VADER_LEXICON [--wordnet DIR] [--out DIR]

    VADER_LEXICON  vader_lexicon.txt from the npm package vader-sentiment, e.g.
                   /tmp/vader/node_modules/vader-sentiment/vader_lexicon.txt
                   (npm install --prefix /tmp/vader vader-sentiment)
    --wordnet DIR  WordNet 3.0 database files from Debian's wordnet-base package
                   (default /usr/share/wordnet: index.*, data.*, *.exc, cntlist.rev)
    --out DIR      where the tables go (default: dictionaries/en/lexicon beside this tool)
    --check        build into memory and exit 1 if any output file would change

Inputs read from this folder (hand-curated, see README.md):
    evaluative-keep.txt   VADER words kept as evaluations of a person or their work
    evaluative-extra.tsv  evaluations VADER lacks, and overrides of VADER's polarity
    domain-neutral.txt    VADER words deliberately excluded, grouped by reason
    traits-keep.txt       personality/character judgements kept (word<TAB>polarity)
    role-nouns-keep.txt   nouns naming a person in a work role
    work-nouns-keep.txt   nouns naming a person's work or its products

Outputs (all sorted, no timestamps, so two runs give identical bytes):
    dictionaries/en/lexicon/evaluative.tsv, traits.tsv, tone.tsv, role-nouns.txt, work-nouns.txt, pos.tsv
    tools/lexicon/trait-candidates.txt       WordNet-derived candidates for traits-keep.txt
    tools/lexicon/role-noun-candidates.txt   WordNet-derived candidates for role-nouns-keep.txt

Standard library only. The script fails (exit 1) on inconsistent curation: a kept word that is
also listed as domain-neutral, a keep-list word missing from VADER, whitespace or upper case in an
entry, or a duplicate.
"""

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
POS_ORDER = "arnv"
WN_FILES = {"a": "adj", "r": "adv", "n": "noun", "v": "verb"}
WORD_RE = re.compile(r"[a-z]+(?:['-][a-z]+)*")

# Roots of the WordNet noun trees whose members judge personality or character:
# trait.n.01, personality.n.01, disposition.n.01 (= temperament, "your usual mood"),
# temperament.n.02 ("excessive emotionalism or irritability").
TRAIT_ROOTS = ["04616059", "04617562", "04623612", "04628466"]
PERSON_LEXFILE = 18  # noun.person

VADER_NOTE = ("VADER lexicon (Hutto & Gilbert 2014) as shipped in the npm package vader-sentiment 1.1.3, "
              "licence Apache-2.0 (package.json, LICENSE, NOTICE); upstream VADER is MIT")
WORDNET_NOTE = ("WordNet 3.0, Copyright 2006 by Princeton University, WordNet 3.0 licence "
                "(Debian wordnet-base, /usr/share/doc/wordnet-base/copyright)")
SEE = "See ATTRIBUTION.md in this folder; regenerate with tools/lexicon/build_lexicons.py."


class CurationError(Exception):
    pass


def die(msg):
    raise CurationError(msg)


# ---------------------------------------------------------------------------------------------
# Readers

def read_vader(path):
    """word -> mean valence, single lower-case words only (emoticons, multi-word entries and
    tokens with digits or punctuation other than an inner hyphen/apostrophe are dropped)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            word, mean = parts[0], float(parts[1])
            if WORD_RE.fullmatch(word):
                out[word] = mean
    return out


def read_list(name):
    """Lines of a curated list, without comments and blanks, with their section (the last
    '# reason: X' comment) and line number."""
    out = []
    section = ""
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                m = re.match(r"#\s*reason:\s*(\S+)", line)
                if m:
                    section = m.group(1)
                continue
            if not line.strip():
                continue
            out.append((line, section, n))
    return out


class WordNet:
    def __init__(self, root):
        self.root = root
        self.pos = {}          # lemma (spaces as '_') -> set of pos letters
        self.index = {}        # (lemma, pos) -> list of synset offsets
        for p, name in WN_FILES.items():
            with open(self._path("index." + name), encoding="latin-1") as f:
                for line in f:
                    if line.startswith(" "):
                        continue
                    fields = line.split()
                    lemma = fields[0]
                    self.pos.setdefault(lemma, set()).add(p)
                    self.index[(lemma, p)] = [x for x in fields if re.fullmatch(r"\d{8}", x)]
        self.exc = {}          # inflected form -> set of (lemma, pos)
        for p, name in WN_FILES.items():
            with open(self._path(name + ".exc"), encoding="latin-1") as f:
                for line in f:
                    fields = line.split()
                    for lemma in fields[1:]:
                        self.exc.setdefault(fields[0], set()).add((lemma, p))
        self._data = {}

    def _path(self, name):
        return os.path.join(self.root, name)

    def data(self, p):
        """offset -> (lex_filenum, ss_type, [words], [(ptr, offset, pos, src, tgt)])"""
        if p in self._data:
            return self._data[p]
        table = {}
        with open(self._path("data." + WN_FILES[p]), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                head = line.split(" | ", 1)[0].split()
                off, lexfile, sstype = head[0], int(head[1]), head[2]
                wcnt = int(head[3], 16)
                words = []
                i = 4
                for _ in range(wcnt):
                    words.append(re.sub(r"\(.*\)$", "", head[i]).lower())
                    i += 2
                pcnt = int(head[i])
                i += 1
                ptrs = []
                for _ in range(pcnt):
                    sym, poff, ppos, st = head[i:i + 4]
                    ptrs.append((sym, poff, "a" if ppos == "s" else ppos, int(st[:2], 16), int(st[2:], 16)))
                    i += 4
                table[off] = (lexfile, sstype, words, ptrs)
        self._data[p] = table
        return table

    # WordNet's morphy detachment rules (morphy(7WN)), per part of speech.
    DETACH = {
        "n": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
              ("men", "man"), ("ies", "y")],
        "v": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
              ("ing", "e"), ("ing", "")],
        "a": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
        "r": [],
    }

    def morphy_pos(self, word):
        """Parts of speech WordNet gives a word, as its morphy does, independently for each part
        of speech: p is possible if the word is itself in index.p, or if an exception list or a
        detachment rule of p maps it to a base form in index.p ("organized": a from index.adj,
        v from organize)."""
        found = set(self.pos.get(word, ()))
        for lemma, p in self.exc.get(word, ()):
            if p in self.pos.get(lemma, ()):
                found.add(p)
        own = self.pos.get(word, set())
        for p, rules in self.DETACH.items():
            if p in found:
                continue
            if p == "a" and "n" in own:
                continue  # an -er noun (owner, presenter) is not a comparative of own, present
            for suf, rep in rules:
                if word.endswith(suf) and len(word) > len(suf):
                    stem = word[:-len(suf)]
                    if suf == "es" and rep == "" and not stem.endswith(("s", "x", "z", "ch", "sh", "o")):
                        continue  # "aides" is not a form of the verb aid
                    if p in self.pos.get(stem + rep, ()):
                        found.add(p)
        return found

    def pos_of(self, word):
        return "".join(c for c in POS_ORDER if c in self.morphy_pos(word))


def pos_string(wn, word):
    s = wn.pos_of(word)
    return s or "-"


# ---------------------------------------------------------------------------------------------
# Candidate derivation

def trait_candidates(wn):
    """Adjectives linked by attribute (=) or derivation (+) pointers to nouns in the trait,
    personality, disposition and temperament trees; plus the single-word nouns of those trees.
    Returns {word: 'a'|'n'} with the noun synset that led to it for review."""
    nouns = wn.data("n")
    adjs = wn.data("a")
    seen = set()
    stack = list(TRAIT_ROOTS)
    while stack:
        off = stack.pop()
        if off in seen:
            continue
        seen.add(off)
        for sym, poff, ppos, _, _ in nouns[off][3]:
            if sym in ("~", "~i") and ppos == "n":
                stack.append(poff)
    cands = {}
    for off in seen:
        _, _, words, ptrs = nouns[off]
        for w in words:
            if WORD_RE.fullmatch(w):
                cands.setdefault(w, set()).add("n:" + words[0])
        for sym, poff, ppos, src, tgt in ptrs:
            if ppos != "a" or sym not in ("=", "+"):
                continue
            awords = adjs[poff][2]
            chosen = awords if sym == "=" or tgt == 0 else [awords[tgt - 1]]
            for w in chosen:
                if WORD_RE.fullmatch(w):
                    cands.setdefault(w, set()).add("a:" + words[0])
    return cands


def role_noun_candidates(wn):
    """Single-word lemmas with a noun.person sense (lex_filenum 18) whose sense has a nonzero
    tag count in cntlist.rev (i.e. it occurs in WordNet's semantically tagged corpora)."""
    out = {}
    with open(os.path.join(wn.root, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, _, count = line.split()
            lemma, rest = key.split("%", 1)
            sstype, lexfile = rest.split(":")[:2]
            if sstype == "1" and int(lexfile) == PERSON_LEXFILE and int(count) > 0:
                if WORD_RE.fullmatch(lemma):
                    out[lemma] = out.get(lemma, 0) + int(count)
    return out


# ---------------------------------------------------------------------------------------------
# Inflection (for pos.tsv)

VOWELS = "aeiou"
# Nouns in the work list that are mass nouns or activities: no plural is generated for them.
NO_PLURAL = {
    "automation", "bookkeeping", "code", "collaboration", "coordination", "correspondence",
    "deliverables", "delivery", "docs", "documentation", "execution", "feedback", "follow-through",
    "handiwork", "maintenance", "minutes", "notes", "outreach", "paperwork", "preparation", "prose",
    "research", "slides", "specs", "support",
}
ING_PLURAL_OK = {"briefing", "drawing", "writing"}
# Plurals decided by hand where noun.exc alone would mislead: noun.exc lists only the classical
# plural (genii, curricula) or a foreign one (dive for diva, the Italian plural).
IRREGULAR_PLURAL = {"person": ["people", "persons"], "genius": ["geniuses", "genii"],
                    "curriculum": ["curricula", "curriculums"], "diva": ["divas"]}


def plural_regular(w):
    if w.endswith(("man", "woman")) and w not in ("german", "human"):
        return w[:-3] + "men"
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in VOWELS:
        return w[:-1] + "ies"
    return w + "s"


class Inflector:
    def __init__(self, wn):
        self.wn = wn
        self.by_lemma = {}     # (lemma, pos) -> sorted exception forms
        for form, pairs in wn.exc.items():
            for lemma, p in pairs:
                self.by_lemma.setdefault((lemma, p), set()).add(form)

    def exc_forms(self, lemma, p):
        return sorted(self.by_lemma.get((lemma, p), ()))

    def plurals(self, w):
        if w in IRREGULAR_PLURAL:
            return IRREGULAR_PLURAL[w]
        exc = self.exc_forms(w, "n")
        if exc:
            return exc
        if w in NO_PLURAL or (w.endswith("ing") and w not in ING_PLURAL_OK):
            return []
        return [plural_regular(w)]

    def verb_forms(self, w):
        """-s, past/participle and -ing forms. verb.exc gives irregular and consonant-doubling
        pasts; a verb ending consonant-vowel-consonant that verb.exc does not list (edit, backlog,
        input) may or may not double, so its regular -ed/-ing forms are kept only when WordNet
        itself has that spelling."""
        if w.endswith(("man", "woman")):
            return []  # chairman, foreman: verb senses are rare and their forms unsettled
        forms = [plural_regular(w)]
        exc = self.exc_forms(w, "v")
        doubled = any(f == w + w[-1] + "ed" for f in exc)
        cvc = (len(w) > 2 and w[-1] not in VOWELS + "wxy" and w[-2] in VOWELS
               and w[-3] not in VOWELS)
        regular = []
        if exc:
            forms += exc
        elif w.endswith("e"):
            regular.append(w + "d")
        elif w.endswith("y") and len(w) > 1 and w[-2] not in VOWELS:
            regular.append(w[:-1] + "ied")
        else:
            regular.append(w + "ed")
        if doubled:
            forms.append(w + w[-1] + "ing")
        elif w.endswith("ie"):
            forms.append(w[:-2] + "ying")
        elif w.endswith("e") and not w.endswith(("ee", "ye", "oe")) and len(w) > 2:
            forms.append(w[:-1] + "ing")
        else:
            regular.append(w + "ing")
        for f in regular:
            if not (cvc and not doubled) or f in self.wn.pos:
                forms.append(f)
        return forms

    def adverbs(self, w):
        """-ly adverbs of an adjective that WordNet lists as adverbs."""
        cands = {w + "ly"}
        if w.endswith("y"):
            cands.add(w[:-1] + "ily")
        if w.endswith("le"):
            cands.add(w[:-1] + "y")
        if w.endswith("ic"):
            cands.add(w + "ally")
        if w.endswith("ue"):
            cands.add(w[:-1] + "ly")
        if w.endswith("ll"):
            cands.add(w + "y")
        return sorted(c for c in cands if "r" in self.wn.pos.get(c, ()))

    def comparatives(self, w):
        return self.exc_forms(w, "a")


# ---------------------------------------------------------------------------------------------
# Building the tables

def strength(mean):
    m = abs(mean)
    return 1 if m < 1.0 else 2 if m < 2.0 else 3 if m < 3.0 else 4


def check_word(w, where):
    if not w or any(c.isspace() for c in w) or w != w.lower():
        die(f"{where}: entry {w!r} has whitespace or upper case")
    if not re.fullmatch(r"[a-z\u00e0-\u00ff]+(?:['-][a-z\u00e0-\u00ff]+)*", w):
        die(f"{where}: entry {w!r} is not a single word")


def unique(rows, where):
    seen = set()
    for w, *_ in rows:
        if w in seen:
            die(f"{where}: duplicate entry {w!r}")
        seen.add(w)


def build(vader_path, wn_root):
    vader = read_vader(vader_path)
    wn = WordNet(wn_root)
    infl = Inflector(wn)
    out = {}

    # evaluative ------------------------------------------------------------------------------
    keep = [(w, n) for w, _, n in read_list("evaluative-keep.txt")]
    neutral = [(w, sec, n) for w, sec, n in read_list("domain-neutral.txt")]
    extra = []
    for line, _, n in read_list("evaluative-extra.tsv"):
        f = line.split("\t")
        if len(f) != 4 or f[1] not in "+-" or len(f[1]) != 1 or f[2] not in ("1", "2", "3", "4"):
            die(f"evaluative-extra.tsv:{n}: want word<TAB>+|-<TAB>1..4<TAB>pos, got {line!r}")
        extra.append((f[0], f[1], int(f[2]), n))
    for w, n in keep:
        check_word(w, f"evaluative-keep.txt:{n}")
        if w not in vader:
            die(f"evaluative-keep.txt:{n}: {w!r} is not a VADER entry (put it in evaluative-extra.tsv)")
    for w, sec, n in neutral:
        check_word(w, f"domain-neutral.txt:{n}")
        if w not in vader:
            die(f"domain-neutral.txt:{n}: {w!r} is not a VADER entry")
        if not sec:
            die(f"domain-neutral.txt:{n}: {w!r} has no '# reason:' group")
    unique(keep, "evaluative-keep.txt")
    unique(neutral, "domain-neutral.txt")
    unique(extra, "evaluative-extra.tsv")
    neutral_set = {w for w, _, _ in neutral}
    extra_words = {w for w, *_ in extra}
    for w, n in keep:
        if w in neutral_set:
            die(f"evaluative-keep.txt:{n}: {w!r} is also listed in domain-neutral.txt")
        if w in extra_words:
            die(f"evaluative-keep.txt:{n}: {w!r} is also in evaluative-extra.tsv (keep it in one place)")
    evaluative = {}
    for w, _ in keep:
        m = vader[w]
        if m == 0:
            die(f"evaluative-keep.txt: {w!r} has VADER mean 0, no polarity")
        evaluative[w] = ("+" if m > 0 else "-", strength(m), "vader")
    overrides = []
    for w, pol, st, n in extra:
        check_word(w, f"evaluative-extra.tsv:{n}")
        if w in neutral_set:
            die(f"evaluative-extra.tsv:{n}: {w!r} is also listed in domain-neutral.txt")
        if w in vader:
            overrides.append(w)
        evaluative[w] = (pol, st, "extra")
    lines = [f"{w}\t{pol}\t{st}\t{pos_string(wn, w)}" for w, (pol, st, _) in sorted(evaluative.items())]
    n_vader = sum(1 for v in evaluative.values() if v[2] == "vader")
    out["evaluative.tsv"] = header([
        "Evaluative words: evaluations of a person or of their work in workplace reviews.",
        "Columns: word<TAB>polarity (+/-)<TAB>strength 1..4<TAB>pos (WordNet parts of speech found the",
        "way WordNet's morphy finds them, so 'organized' is a and v; subset of 'arnv' in that order;",
        "'-' if WordNet lacks the word).",
        f"{n_vader} entries from the " + VADER_NOTE + ";",
        "strength from VADER's mean valence (|mean| <1 -> 1, <2 -> 2, <3 -> 3, else 4). Selected by hand:",
        "tools/lexicon/evaluative-keep.txt; deliberate exclusions in tools/lexicon/domain-neutral.txt.",
        f"{len(extra)} entries hand-curated by the reviewlint authors (tools/lexicon/evaluative-extra.tsv,",
        "project MIT licence), " + f"{len(overrides)} of them overriding VADER's polarity: " + ", ".join(sorted(overrides)) + ".",
        "pos: " + WORDNET_NOTE + ".",
        SEE,
    ]) + lines

    # tone ------------------------------------------------------------------------------------
    # Every single-word VADER entry as a signed valence, for the tone of a whole sentence (the
    # balance verdicts read it): not a judgement of a person by itself, so the list is broad.
    # Words VADER scores that carry no tone in a review are left out: the domain-neutral list
    # (engineering faults, operations...) and the closed-class words the sentence layer reads as
    # structure (negations, modals, intensifiers, function words). The curated evaluations
    # override VADER's valence with their own polarity and strength.
    structure = set()
    for name in ("negations", "modals", "intensifiers", "function-words", "pronouns", "possessives"):
        structure |= read_feature_words(name)
    # Of the domain-neutral groups, only these say the word has no tone in a review; emotions,
    # acts of help, deficits and outcomes do colour a sentence ("I love working with her").
    toneless = {w for w, sec, _ in neutral
                if sec in ("engineering", "heading", "meta", "role", "intensifier", "discourse", "polarity")}
    tone = {w: m for w, m in vader.items() if w not in toneless and w not in structure and m != 0}
    for w, pol, st, _ in extra:
        tone[w] = st if pol == "+" else -st
    out["tone.tsv"] = header([
        "Tone: the signed valence of a word in a sentence about someone's work (-4 very negative ..",
        "+4 very positive). Columns: word<TAB>valence. The balance verdicts sum it per sentence.",
        f"{sum(1 for w in tone if w in vader and w not in extra_words)} entries: every single-word entry of the " + VADER_NOTE + ",",
        "except the words tools/lexicon/domain-neutral.txt lists as engineering, heading, meta, role,",
        "intensifier, discourse or polarity, and the closed-class words of",
        "dictionaries/en/features/ (negations, modals, intensifiers, function words, pronouns,",
        f"possessives); {len(extra)} entries hand-curated in tools/lexicon/evaluative-extra.tsv (polarity x strength).",
        SEE,
    ]) + [f"{w}\t{tone[w]:g}" for w in sorted(tone)]

    # traits ----------------------------------------------------------------------------------
    tc = trait_candidates(wn)
    cand_lines = []
    for w in sorted(tc):
        cand_lines.append(f"{w}\t{','.join(sorted(tc[w]))}")
    out["@trait-candidates.txt"] = [
        "# Trait candidates derived from WordNet 3.0 by tools/lexicon/build_lexicons.py (do not edit).",
        "# Adjectives (a:) linked by attribute (=) or derivation (+) pointers to a noun under trait.n.01,",
        "# personality.n.01, disposition.n.01 or temperament.n.02, and the single-word nouns (n:) of",
        "# those trees. Second column: the noun synset head word(s) that led to the candidate.",
        "# Curate into traits-keep.txt; many candidates are not person judgements (physical, rural...).",
    ] + cand_lines
    traits = {}
    for line, _, n in read_list("traits-keep.txt"):
        f = line.split("\t")
        if len(f) != 2 or f[1] not in ("+", "-", "0"):
            die(f"traits-keep.txt:{n}: want word<TAB>+|-|0, got {line!r}")
        check_word(f[0], f"traits-keep.txt:{n}")
        if f[0] in traits:
            die(f"traits-keep.txt:{n}: duplicate {f[0]!r}")
        traits[f[0]] = f[1]
    from_wn = sum(1 for w in traits if w in tc)
    out["traits.tsv"] = header([
        "Personality and character judgements (traits of the person rather than behaviour or work).",
        "Columns: word<TAB>polarity<TAB>pos. Polarity + praises, - criticises, 0 describes temperament",
        "without a verdict (quiet, reserved, introverted). pos as in evaluative.tsv.",
        f"Hand-curated keep list (tools/lexicon/traits-keep.txt, reviewlint authors, MIT); {from_wn} of the",
        f"{len(traits)} entries are among the WordNet-derived candidates (tools/lexicon/trait-candidates.txt),",
        "the rest are common review words WordNet does not link to its trait nouns.",
        "Candidates and pos: " + WORDNET_NOTE + ".",
        SEE,
    ]) + [f"{w}\t{traits[w]}\t{pos_string(wn, w)}" for w in sorted(traits)]

    # role nouns ------------------------------------------------------------------------------
    rc = role_noun_candidates(wn)
    out["@role-noun-candidates.txt"] = [
        "# Role-noun candidates derived from WordNet 3.0 by tools/lexicon/build_lexicons.py (do not edit).",
        "# Single-word lemmas with a noun.person sense (lex_filenum 18) tagged at least once in the",
        "# semantic concordances (cntlist.rev). Second column: summed tag count of those senses.",
        "# Curate into role-nouns-keep.txt.",
    ] + [f"{w}\t{rc[w]}" for w in sorted(rc)]
    roles = read_word_list("role-nouns-keep.txt")
    in_rc = sum(1 for w in roles if w in rc)
    in_wn = sum(1 for w in roles if "n" in wn.pos.get(w, ()))
    out["role-nouns.txt"] = header([
        "Role nouns: single nouns that name a person in a work role or as a worker",
        "(\"a superb troubleshooter\", \"a great hire\", \"a strong contributor\").",
        f"Hand-curated (tools/lexicon/role-nouns-keep.txt, reviewlint authors, MIT); {in_rc} of {len(roles)}",
        "are WordNet noun.person lemmas with a tagged sense (tools/lexicon/role-noun-candidates.txt),",
        f"{in_wn} are WordNet nouns. Candidates: " + WORDNET_NOTE + ".",
        SEE,
    ]) + sorted(roles)

    # work nouns ------------------------------------------------------------------------------
    works = read_word_list("work-nouns-keep.txt")
    out["work-nouns.txt"] = header([
        "Work nouns: nouns that name a person's work or its products (\"her documentation\",",
        "\"the plans he wrote\"), without judgement. Singular lemmas plus plural-only forms.",
        "Hand-curated (tools/lexicon/work-nouns-keep.txt, reviewlint authors, MIT).",
        SEE,
    ]) + sorted(works)

    # pos -------------------------------------------------------------------------------------
    pos = {}

    def add(word, letters):
        if not WORD_RE.fullmatch(word) and not re.fullmatch(r"[a-z\u00e0-\u00ff'-]+", word):
            return
        pos.setdefault(word, set()).update(letters)
        pos[word].update(wn.morphy_pos(word))

    noun_lemmas = set(roles) | set(works) | {w for w in traits
                                              if wn.pos_of(w) == "n" or HAND_POS.get(w) == "n"}
    all_lemmas = set(evaluative) | set(traits) | set(roles) | set(works)
    missing = []
    for w in sorted(all_lemmas):
        letters = wn.morphy_pos(w) | set(HAND_POS.get(w, ""))
        if w in roles or w in works:
            letters.add("n")  # the table says it is a noun (commit, debugging, coworker)
        if not letters:
            missing.append(w)
            continue
        add(w, letters)
        own = wn.pos.get(w, set())  # inflect only WordNet lemmas, never forms like "excels"
        if w in noun_lemmas:
            for f in infl.plurals(w):
                add(f, "n")
        if "v" in own:
            for f in infl.verb_forms(w):
                add(f, "v")
        if "a" in own:
            for f in infl.adverbs(w):
                add(f, "r")
            for f in infl.comparatives(w):
                add(f, "a")
    if missing:
        die("no part of speech for " + ", ".join(missing) + " (add them to HAND_POS)")
    out["pos.tsv"] = header([
        "Possible parts of speech of every word in evaluative.tsv, traits.tsv, role-nouns.txt and",
        "work-nouns.txt, and of their inflected forms. Columns: word<TAB>pos (subset of 'arnv').",
        "Lemmas: WordNet parts of speech (via morphy for forms such as excels), plus n for every role",
        "and work noun; other words WordNet lacks get a hand-assigned class. Forms: plurals of role,",
        "work and trait nouns (a few by hand, else noun.exc, else regular rules; mass nouns skipped);",
        "-s/-ed/-ing of every WordNet verb lemma (verb.exc, else regular rules; an undoubled -ed/-ing",
        "of a verb ending consonant-vowel-consonant only if WordNet has that spelling); -ly adverbs of",
        "adjectives where WordNet lists the adverb; comparatives/superlatives from adj.exc. Each form",
        "also gets the parts of speech WordNet (with morphy) gives that spelling.",
        WORDNET_NOTE + ".",
        SEE,
    ]) + [f"{w}\t{''.join(c for c in POS_ORDER if c in pos[w])}" for w in sorted(pos)]
    return out


# Parts of speech for table words that WordNet 3.0 lacks, or lacks in the sense the table uses
# (nurturing: WordNet has only the verb), hand-assigned; added to WordNet's in pos.tsv.
HAND_POS = {
    "detail-oriented": "a", "hardworking": "a", "hard-working": "a", "self-motivated": "a",
    "top-notch": "a", "world-class": "a", "well-organized": "a", "subpar": "a", "underwhelming": "a",
    "uncooperative": "a", "undependable": "a", "unorganized": "a", "unhelpful": "a",
    "unproductive": "a", "unresponsive": "a", "disengaged": "a", "lackluster": "a",
    "half-hearted": "a", "naïve": "a", "nitpicky": "a", "close-minded": "a", "self-absorbed": "a",
    "high-maintenance": "a", "short-tempered": "a", "quick-witted": "a", "self-assured": "a",
    "even-tempered": "a", "level-headed": "a", "kindhearted": "a", "warmhearted": "a",
    "likable": "a", "whiny": "a", "shifty": "a", "gossipy": "a", "egocentric": "a",
    "self-starter": "n", "know-it-all": "n", "go-getter": "n", "busybody": "n", "complainer": "n",
    "whiner": "n", "slacker": "n", "hothead": "n", "workaholic": "n", "diva": "n", "loner": "n",
    "absent-minded": "a", "hot-headed": "a", "nurturing": "a", "rockstar": "n", "standout": "an",
    "well-documented": "a", "well-written": "a",
    "extrovert": "n", "introvert": "n", "perfectionist": "n", "genius": "n", "pushover": "n",
}


def read_word_list(name):
    words = []
    for w, _, n in read_list(name):
        check_word(w, f"{name}:{n}")
        words.append(w)
    unique([(w,) for w in words], name)
    return words


def read_feature_words(name):
    """The words of dictionaries/en/features/NAME.txt (lower case, single words)."""
    path = os.path.join(REPO, "dictionaries", "en", "features", name + ".txt")
    with open(path, encoding="utf-8") as f:
        return {l.strip().lower() for l in f if l.strip() and not l.startswith("#") and " " not in l.strip()}


def header(lines):
    return ["# " + l for l in lines]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("vader", help="path to vader_lexicon.txt (npm vader-sentiment)")
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default=os.path.join(REPO, "dictionaries", "en", "lexicon"))
    ap.add_argument("--check", action="store_true", help="exit 1 if any output would change")
    args = ap.parse_args()
    try:
        tables = build(args.vader, args.wordnet)
    except CurationError as e:
        print("build_lexicons.py: " + str(e), file=sys.stderr)
        return 1
    changed = []
    for name, lines in sorted(tables.items()):
        path = os.path.join(HERE, name[1:]) if name.startswith("@") else os.path.join(args.out, name)
        text = "\n".join(lines) + "\n"
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                old = f.read()
        if old != text:
            changed.append(path)
            if not args.check:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
        entries = sum(1 for l in lines if not l.startswith("#"))
        print(f"{os.path.relpath(path, REPO)}: {entries} entries{' (changed)' if old != text else ''}")
    if args.check and changed:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
