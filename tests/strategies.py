"""Hypothesis strategies for every model type: the one place later formats reuse.

``transcripts()`` draws valid transcripts: unique ids, resolved references, claims
whose text is the slice they point at, inline incidents in order. Add every new
model field here.
"""

from __future__ import annotations

import datetime as dt
import string

import attrs
from hypothesis import strategies as st

from debatekit import (
    INCIDENT_KINDS,
    Affiliation,
    Claim,
    Entity,
    Event,
    Incident,
    Markup,
    Relation,
    Sentence,
    Speaker,
    Token,
    Transcript,
    Turn,
)

# Letters beyond ASCII, punctuation that matters in transcripts, but no control
# characters and no surrogates (neither survives XML).
_ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "M", "N", "P", "S", "Zs"),
    exclude_characters="\u2028\u2029\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
)


# Mostly letters, often a space: one text draw makes several words (much faster than
# a list of words, which costs a draw per word and per character).
_WORDY = st.one_of(st.just(" "), _ALPHABET)


def _clean(text: str) -> str:
    return " ".join(text.split())


def words(min_size: int = 1, max_size: int = 6) -> st.SearchStrategy[str]:
    """A clean single line of about ``min_size`` to ``max_size`` words."""
    return (
        st.text(_WORDY, min_size=min_size, max_size=max_size * 6)
        .map(_clean)
        .filter(lambda line: len(line.split()) >= min_size)
    )


def paragraphs() -> st.SearchStrategy[str]:
    """A paragraph: one or more lines of words, no blank line, no outer white space."""
    return st.lists(words(), min_size=1, max_size=2).map("\n".join)


def optional(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    return st.none() | strategy


def ids(prefix: str) -> st.SearchStrategy[str]:
    return st.text(string.ascii_letters + string.digits + "_-.", max_size=6).map(
        lambda tail: prefix + tail
    )


metas = st.dictionaries(
    st.text(string.ascii_lowercase + "-_:", min_size=1, max_size=8), words(), max_size=2
)
dates = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31))
times = st.builds(
    dt.timedelta,
    seconds=st.integers(min_value=0, max_value=100 * 3600),
    microseconds=st.sampled_from([0, 0, 500_000, 123_000, 1]),
)
partial_dates = st.one_of(
    st.integers(1900, 2100).map(str),
    dates.map(lambda d: d.isoformat()[:7]),
    dates.map(dt.date.isoformat),
)


@st.composite
def events(draw: st.DrawFn) -> Event:
    day = draw(st.none() | dates)
    end = draw(st.none() | dates.filter(lambda d: day is not None and d >= day)) if day else None
    return Event(
        title=draw(optional(words())),
        subtitle=draw(optional(words())),
        kind=draw(optional(st.sampled_from(["Q&A", "debate", "parliamentary sitting"]))),
        date=day,
        end_date=end,
        published=draw(st.none() | dates),
        publisher=draw(optional(words())),
        organizer=draw(optional(words())),
        series=draw(optional(words())),
        place=draw(optional(words())),
        source=draw(optional(words())),
        language=draw(optional(st.sampled_from(["en", "es", "eu", "gl", "en-GB"]))),
        description=draw(optional(words(1, 20))),
        credits=draw(st.lists(words(), max_size=2)),
        meta=draw(metas),
    )


affiliations = st.builds(
    Affiliation,
    name=words(),
    role=optional(words()),
    ref=optional(ids("org")),
    start=st.none() | partial_dates,
    end=st.none() | partial_dates,
)


def speakers(id_: str) -> st.SearchStrategy[Speaker]:
    return st.builds(
        Speaker,
        id=st.just(id_),
        name=words(1, 3),
        role=optional(words()),
        affiliation=optional(words()),
        description=optional(words()),
        aliases=st.lists(words(1, 3), max_size=2).map(tuple),
        affiliations=st.lists(affiliations, max_size=2).map(tuple),
        meta=metas,
    )


def incidents(
    *, speaker_ids: list[str], offset: int | None = None, length: int = 0, id_: str | None = None
) -> st.SearchStrategy[Incident]:
    return st.builds(
        Incident,
        kind=st.sampled_from(sorted(INCIDENT_KINDS)),
        subtype=optional(st.sampled_from(["applause", "laughter", "interruption", "inaudible"])),
        text=optional(words()),
        printed=optional(words()),
        who=st.none() | st.sampled_from(speaker_ids) if speaker_ids else st.none(),
        id=st.just(id_),
        offset=st.just(offset),
        length=st.just(length),
        time=st.none() | times,
        meta=metas,
    )


# Phrase-level markup as TEI has it: (kind, attributes), each valid inside a seg.
_SPAN_KINDS: list[tuple[str, dict[str, str]]] = [
    ("hi", {"rend": "italic"}),
    ("emph", {}),
    ("foreign", {"xml:lang": "fr"}),
    ("name", {"type": "person"}),
    ("rs", {"type": "place"}),
    ("unclear", {"reason": "noise"}),
    ("add", {}),
    ("seg", {"type": "phrase"}),
    ("choice", {}),
    ("del", {"type": "truncation"}),
]


@st.composite
def markup(draw: st.DrawFn, paragraphs: list[str], max_size: int = 4) -> tuple[Markup, ...]:
    """Spans over ``paragraphs`` joined as a turn's text: in one paragraph each, nested."""
    bounds: list[tuple[int, int]] = []
    pos = 0
    for paragraph in paragraphs:
        bounds.append((pos, pos + len(paragraph)))
        pos += len(paragraph) + 2
    spans: list[Markup] = []
    for _ in range(draw(st.integers(0, max_size if bounds else 0))):
        lo, hi = draw(st.sampled_from(bounds))
        offset = draw(st.integers(lo, hi))
        kind, meta = draw(st.sampled_from(_SPAN_KINDS))
        length = 0 if kind == "del" else draw(st.integers(0, hi - offset))
        end = offset + length
        if any(s.offset < offset < s.end < end or offset < s.offset < end < s.end for s in spans):
            continue  # it would cross another span
        alternative = alternative_kind = None
        if kind in ("choice", "del"):
            alternative = draw(words(0, 3))
        if kind == "choice":
            alternative_kind = draw(st.sampled_from(["orig", "sic", "abbr"]))
        spans.append(
            Markup(
                kind=kind,
                offset=offset,
                length=length,
                alternative=alternative,
                alternative_kind=alternative_kind,
                meta=meta,
            )
        )
    spans.sort(key=lambda s: (s.offset, -s.length))
    return tuple(spans)


_UPOS = ["NOUN", "VERB", "ADJ", "ADP", "DET", "PROPN", "PUNCT", "PRON", "AUX", "X"]
_DEPRELS = ["root", "nsubj", "obj", "obl", "amod", "det", "case", "punct", "acl:relcl", "nmod:poss"]
_FEATS = [None, "Case=Nom", "Case=Gen|Number=Plur", "Mood=Ind|Person=1|Tense=Pres"]


@st.composite
def _token(draw: st.DrawFn, form: str, offset: int, id_: str | None, space_after: bool) -> Token:
    return Token(
        form=form,
        offset=offset,
        id=id_,
        lemma=draw(st.none() | st.just(form.lower())),
        upos=draw(st.none() | st.sampled_from(_UPOS)),
        xpos=draw(st.none() | st.sampled_from(["Ncmsn", "Vmpr1s", "N"])),
        feats=draw(st.sampled_from(_FEATS)),
        space_after=space_after,
        punct=draw(st.booleans()),
        meta=draw(st.sampled_from([{}, {"n": "1"}, {"xml:lang": "sl"}])),
    )


@st.composite
def sentences(
    draw: st.DrawFn, paragraphs: list[str], turn_id: str, max_size: int = 3
) -> tuple[Sentence, ...]:
    """Sentences over ``paragraphs`` joined as a turn's text, as a tokenizer makes them:
    each line's words are tokens (a word may split in two, glued), runs of them in one
    line make a sentence, some tokens are multiword tokens, heads and entities drawn."""
    found: list[Sentence] = []
    base = 0
    for p, paragraph in enumerate(paragraphs):
        line_start = base
        for line in paragraph.split("\n"):
            spans: list[tuple[int, str]] = []  # (offset, form) of each word
            pos = 0
            for word in line.split(" "):
                spans.append((line_start + pos, word))
                pos += len(word) + 1
            line_start += len(line) + 1
            if len(found) >= max_size or not draw(st.booleans()):
                continue
            first = draw(st.integers(0, len(spans) - 1))
            last = draw(st.integers(first, len(spans) - 1))
            sid = f"{turn_id}.s{p}.{len(found)}"
            found.append(draw(_sentence(spans[first : last + 1], sid, base + len(paragraph))))
        base += len(paragraph) + 2
    return tuple(found)


@st.composite
def _sentence(draw: st.DrawFn, words: list[tuple[int, str]], sid: str, limit: int) -> Sentence:
    named = draw(st.booleans())
    tokens: list[Token] = []
    for k, (offset, word) in enumerate(words):
        last = k == len(words) - 1
        cut = draw(st.integers(0, len(word) - 1)) if len(word) > 1 else 0
        pieces = (
            [(offset, word[:cut], False), (offset + cut, word[cut:], True)]
            if cut
            else [(offset, word, True)]
        )
        for offset_, form, after in pieces:
            id_ = f"{sid}.w{len(tokens)}" if named else None
            if after and last and offset_ + len(form) == limit:
                after = draw(st.booleans())  # at the paragraph's end: either
            tokens.append(draw(_token(form, offset_, id_, after)))
    if draw(st.booleans()):  # a multiword token
        k = draw(st.integers(0, len(tokens) - 1))
        token = tokens[k]
        parts = tuple(
            Token(form=form, offset=token.offset, id=f"{token.id}.{i}" if token.id else None,
                  lemma=form, upos=draw(st.sampled_from(_UPOS)))
            for i, form in enumerate(draw(st.lists(words_(), min_size=2, max_size=3)))
        )  # fmt: skip
        tokens[k] = Token(
            form=token.form, offset=token.offset, id=token.id, space_after=token.space_after,
            parts=parts,
        )  # fmt: skip
    n_words = sum(len(t.parts) or 1 for t in tokens)
    heads = [draw(st.none() | st.integers(0, n_words)) for _ in range(n_words)]
    heads = [None if h == i + 1 else h for i, h in enumerate(heads)]
    deprels = [draw(st.sampled_from(_DEPRELS)) if h is not None else None for h in heads]
    n = 0
    built: list[Token] = []
    for token in tokens:
        if token.parts:
            parts = []
            for part in token.parts:
                parts.append(attrs.evolve(part, head=heads[n], deprel=deprels[n]))
                n += 1
            built.append(attrs.evolve(token, parts=parts))
        else:
            built.append(attrs.evolve(token, head=heads[n], deprel=deprels[n]))
            n += 1
    entities: list[Entity] = []
    if draw(st.booleans()):
        start = draw(st.integers(0, len(built) - 1))
        end = draw(st.integers(start + 1, len(built)))
        entities.append(Entity(kind=draw(st.sampled_from(["PER", "LOC", "ORG", "MISC"])),
                               start=start, end=end))  # fmt: skip
        if end - start > 1 and draw(st.booleans()):
            entities.append(Entity(kind="PER", start=start + 1, end=end))
    return Sentence(id=sid if named else None, tokens=built, entities=entities,
                    meta=draw(st.sampled_from([{}, {"n": "1"}])))  # fmt: skip


def words_() -> st.SearchStrategy[str]:
    """One word without white space (a part of a multiword token)."""
    return st.text(_ALPHABET.filter(lambda c: not c.isspace()), min_size=1, max_size=5)


def fit(
    text: str, layer: tuple[Sentence, ...], incidents: list[Incident], spans: tuple[Markup, ...]
) -> tuple[list[Incident], list[Markup]]:
    """The incidents and markup the sentences leave a place for: a span covers whole
    sentences; an incident inside a sentence stands at a token's start; nothing stands
    between a sentence and the space after it."""
    starts = {t.offset for s in layer for t in s.tokens}
    glued = {s.end for s in layer if text[s.end : s.end + 1] == " "}

    def inside(offset: int) -> bool:
        return offset in glued or any(s.offset < offset < s.end for s in layer)

    kept = [i for i in incidents if not inside(i.offset or 0) or i.offset in starts]
    return kept, [m for m in spans if not inside(m.offset) and not inside(m.end)]


@st.composite
def turns(
    draw: st.DrawFn,
    *,
    id_: str,
    speaker_ids: list[str],
    n_incidents: int = 2,
    with_markup: bool = False,
    with_sentences: bool = False,
) -> Turn:
    paras = draw(st.lists(paragraphs(), min_size=0, max_size=3))
    size = len("\n\n".join(paras))
    inline: list[Incident] = []
    offsets = sorted(draw(st.lists(st.integers(0, size), max_size=n_incidents)))
    for k, offset in enumerate(offsets):
        length = draw(st.integers(0, size - offset)) if draw(st.booleans()) else 0
        inline_id = draw(st.none() | st.just(f"{id_}.i{k}"))
        inline.append(
            draw(incidents(speaker_ids=speaker_ids, offset=offset, length=length, id_=inline_id))
        )
    start = draw(st.none() | times)
    end = draw(st.none() | times.filter(lambda t: start is None or t >= start))
    layer = draw(sentences(paras, id_)) if with_sentences else ()
    if layer:
        spans_ = draw(markup(paras)) if with_markup else ()
        kept, spans = fit("\n\n".join(paras), layer, inline, spans_)
        return Turn(
            id=id_,
            speaker_id=draw(st.sampled_from(speaker_ids)),
            paragraphs=paras,
            label=draw(optional(words(1, 3))),
            start=start,
            end=end,
            incidents=kept,
            meta=draw(metas),
            markup=spans,
            sentences=layer,
        )
    return Turn(
        id=id_,
        speaker_id=draw(st.sampled_from(speaker_ids)),
        paragraphs=paras,
        label=draw(optional(words(1, 3))),
        start=start,
        end=end,
        incidents=inline,
        meta=draw(metas),
        markup=draw(markup(paras)) if with_markup else (),
    )


@st.composite
def transcripts(
    draw: st.DrawFn,
    *,
    max_turns: int = 6,
    annotated: bool = True,
    with_markup: bool = False,
    with_sentences: bool = False,
) -> Transcript:
    """A valid transcript; ``annotated=False`` leaves out claims and relations;
    ``with_markup=True`` adds phrase-level markup to the turns, ``with_sentences=True``
    the linguistic layer (sentences, tokens, heads, entities)."""
    n_speakers = draw(st.integers(1, 4))
    speaker_ids = [f"s{i}" for i in range(n_speakers)]
    people = [draw(speakers(sid)) for sid in speaker_ids]
    body: list[Turn | Incident] = []
    n_items = draw(st.integers(0, max_turns))
    for i in range(n_items):
        if draw(st.integers(0, 4)) == 0:
            body.append(
                draw(incidents(speaker_ids=speaker_ids, id_=draw(st.none() | st.just(f"e{i}"))))
            )
        else:
            body.append(
                draw(
                    turns(
                        id_=f"u{i}",
                        speaker_ids=speaker_ids,
                        with_markup=with_markup,
                        with_sentences=with_sentences,
                    )
                )
            )
    spoken = [t for t in body if isinstance(t, Turn)]
    claims: list[Claim] = []
    relations: list[Relation] = []
    if annotated:
        for turn in spoken:
            text = turn.text
            for _ in range(draw(st.integers(0, 2 if text else 0))):
                start = draw(st.integers(0, len(text) - 1))
                end = draw(st.integers(start + 1, len(text)))
                claims.append(
                    Claim(
                        id=f"c{len(claims)}",
                        turn_id=turn.id,
                        start=start,
                        end=end,
                        text=text[start:end],
                        kind=draw(st.sampled_from(["claim", "premise", "evidence", "question"])),
                        stance=draw(optional(st.sampled_from(["pro", "con"]))),
                        topics=draw(st.lists(st.sampled_from(["migration", "trade"]), max_size=2)),
                        proposition=draw(optional(words())),
                        note=draw(optional(words())),
                        meta=draw(metas),
                    )
                )
        endpoints = [c.id for c in claims] + [t.id for t in spoken]
        if len(endpoints) >= 2:
            for k in range(draw(st.integers(0, 3))):
                source, target = draw(
                    st.lists(st.sampled_from(endpoints), min_size=2, max_size=2, unique=True)
                )
                relations.append(
                    Relation(
                        id=f"r{k}",
                        kind=draw(st.sampled_from(["supports", "attacks", "answers"])),
                        source_id=source,
                        target_id=target,
                        note=draw(optional(words())),
                        meta=draw(metas),
                    )
                )
    return Transcript(
        event=draw(events()),
        speakers=people,
        body=body,
        claims=claims,
        relations=relations,
        front=draw(st.lists(paragraphs(), max_size=2)),
        back=draw(st.lists(paragraphs(), max_size=2)),
        meta=draw(metas),
    )


# Pieces of real-world plain-text transcripts: labels in several conventions, stage
# directions, escapes, breaks, timestamps, odd white space and closing lines.
_TEXT_TOKENS = [
    *"ab AB Q:()[]\n\n\t\\*-#{}_1.,'’",
    "HOLT",
    "Jane Doe",
    "APPLAUSE",
    "(APPLAUSE)",
    "[crosstalk]",
    "Q    ",
    "**",
    "---",
    "{#x}",
    "\r\n",
    "\u00a0",
    "Source",
    "View the whole event on YouTube",
    "00:01:02",
    "[00:12:31] ",
    "HOLT: ",
    "\nTRUMP: ",
]


def transcript_texts() -> st.SearchStrategy[str]:
    """Plain text built from transcript-like tokens, often framed by two labels."""
    body = st.lists(st.sampled_from(_TEXT_TOKENS), max_size=40).map("".join)
    return st.tuples(st.booleans(), body, st.booleans()).map(
        lambda parts: (
            ("HOLT: hi\n\n" if parts[0] else "") + parts[1] + ("\n\nTRUMP: yo" if parts[2] else "")
        )
    )
