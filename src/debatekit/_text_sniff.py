"""Plain text: which convention a document follows, judged on the whole document.

In the spirit of :class:`csv.Sniffer` and chardet's probers: every convention in
:data:`~debatekit._text_conventions.CONVENTIONS` is scored on a sample of the document
and the best one is read with. A convention's score is the number of lines it takes
for labels whose speaker occurs again (real labels repeat: people speak more than
once), less half a point per label that occurs only once (``Yes:``, a place name, a
salutation, a heading ending in a colon are labels only once); where no convention
finds a label twice (or, for a convention whose labels are distinctive, once), the
shape of the labels decides: a convention with its own label pattern that finds two
names or more, among them every name the colon rules find, is taken, else the built-in
colon rules. Where the colon rules win, a family convention that finds the same
repeated names on as many lines is taken instead: it also knows the family's
interjections. Conventions whose text
comes from printed pages are scored only where page furniture is present, on the
sample with it stripped. A document of up to :data:`SAMPLE` characters is read whole;
of a longer one, :data:`STRATA` windows of whole lines, spread evenly from its first
line to its last, make up a sample of that size (a long preface or a table of contents
first, or a change of convention half-way, is seen), so sniffing costs the same on any
size of document. (Every pattern tried at every line of the 20 MB benchmark transcript
takes 0.31 s, 2.6 times the bare ``re`` scan that all of the reading is to stay within
3 times of; the sample takes 7 ms.)
"""

from __future__ import annotations

import functools
import re
from collections import Counter

import attrs

from ._text_conventions import CONVENTIONS, Convention
from ._text_names import (
    _name_shape,
)
from ._text_pages import margin_numbered, strip_pages

__all__ = ["SAMPLE", "STRATA", "Sniffed", "sniff_text"]

#: How much of a document the sniffer reads (all of a shorter one).
SAMPLE = 400_000
#: Repeated label lines (net of one-off ones) a convention must score on the first,
#: smaller sample of a long document to be taken without reading the whole sample.
CLEAR = 20
#: In how many windows, spread over the document, a longer one is sampled.
STRATA = 8

# What the built-in colon rules take for a label, roughly and cheaply: a capitalised
# name of at most six words (optionally in bold, after or before a timestamp) and a
# colon; a bare "Q"/"A" question-and-answer mark; or a name and a timestamp alone on
# their line.
_TS = r"[(\[]?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?[)\]]?"
_COLON = re.compile(
    # (The alternatives with a colon first look for one on the line, at the speed of a
    # plain search: most lines have none.)
    # (A label the writer escaped, "\TRUMP: yo" printed once, is still the shape's
    # evidence: the text it writes sniffs as the text it read.)
    rf"\n(?:(?=.*:)[ \t\u00a0]*\\?"
    rf"(?:(?:{_TS}|\[{_TS}[ \t]*(?:-->|[–—-])[ \t]*{_TS}\])[ \t]+(?:[–—-][ \t]+)?)?"
    rf"(?:(?:\*\*|__|\*|_)(?:{_TS}[ \t]+)?)?"
    # a name, then up to two parentheses (a Hansard's constituency, office and party,
    # commas inside: "Hon. Jane Stewart (Minister of Human Resources Development, Lib.)")
    r"(?P<label>[A-Z][\w'’.\-]*(?:[ \t]+[\w'’.\-&()]+){0,5}?"
    r"(?:[ \t]+\([^()\n:]{1,100}\)){0,2}"
    # and a role after a comma (NPR, CNN: "STEVE INSKEEP, HOST:")
    r"(?:,[ \t]+[\w'’.\-&()]+(?:[ \t]+[\w'’.\-&()]+){0,5}?)?)"
    rf"(?:[ \t]+[–—-]?[ \t]*{_TS})?(?:\*\*|__|\*|_)?[ \t]?:(?:\*\*|__|\*|_)?(?:[ \t\u00a0]|$)"
    r"|[ \t\u00a0]*(?P<qa>Q|A)(?:[.:]?[ \t\u00a0]+|$)"
    # "Name 00:01:02" or "**Name** [00:01:02]" alone on its line.
    rf"|(?=.*:)[ \t]*(?:\*\*)?(?P<timed>[A-Z][\w'’.\-]*(?:[ \t]+[\w'’.\-&()]+){{0,5}}?)(?:\*\*)?"
    rf"[ \t]+{_TS}[ \t]*$)",
    re.MULTILINE,
)
_WORDS_ONLY = re.compile(r"[^\W\d_]")


@attrs.frozen
class Sniffed:
    """What :func:`debatekit.text.sniff` found.

    Attributes:
        convention: The name of the convention the document follows best.
        score: Its score (see the module docs).
        labels: How many speaker labels it finds in the sample.
        speakers: How many distinct names those labels print.
        names: The names, most frequent first (at most 20).
        runner_up: The second-best convention, or ``None``.
        runner_up_score: Its score.
    """

    convention: str
    score: float
    labels: int
    speakers: int
    names: tuple[str, ...]
    runner_up: str | None = None
    runner_up_score: float = 0.0


_PARENS = re.compile(r"\s*\([^()]*\)")


def _key(label: str) -> str:
    """The name a label prints, for counting repeats: ``Rt Hon JOHN KEY (Prime
    Minister)`` and ``Rt Hon JOHN KEY`` are one name (a Hansard gives the office or
    party the first time only)."""
    bare = _PARENS.sub(" ", label) if "(" in label else label
    bare = bare.split(",", 1)[0]  # "STEVE INSKEEP, HOST": the role goes (as in a Speaker)
    return " ".join((bare if bare.strip() else label).replace(".", " ").casefold().split())


def _names(labels: list[str]) -> Counter[str]:
    """The names ``labels`` print, counted; a surname printed alone counts for the one
    fuller name it ends (``STEVE INSKEEP, HOST:`` first, ``INSKEEP:`` after, NPR)."""
    names = Counter(_key(label) for label in labels)
    for name in [n for n in names if n and " " not in n]:
        fuller = [n for n in names if n.endswith(" " + name)]
        if len(fuller) == 1:
            names[fuller[0]] += names.pop(name)
    return names


def _score(names: Counter[str]) -> float:
    repeated = sum(n for n in names.values() if n >= 2)
    single = sum(1 for n in names.values() if n == 1)
    return repeated - 0.5 * single


def _evidence(convention: Convention, names: Counter[str]) -> bool:
    """Whether a convention's labels show the document follows it: a speaker
    labelled twice, or one label of a distinctive shape."""
    most = max(names.values(), default=0)
    return most >= 2 or (convention.distinctive and most >= 1)


@functools.lru_cache(maxsize=64)
def _finder(label: re.Pattern[str]) -> re.Pattern[str]:
    """``label`` at the start of a line, found after the newline before it: a search
    for a literal newline skips to the next line start at once, where ``^`` would be
    tried at every character."""
    return re.compile(f"\\n(?:{label.pattern})", re.MULTILINE)


def _labels(convention: Convention, sample: str) -> list[str]:
    """The labels of ``convention`` in ``sample`` (which starts with a newline)."""
    if convention.label is not None:
        finder = _finder(convention.label)
        marked = (m.group("label") or m.groupdict().get("marker") for m in finder.finditer(sample))
        return [f for f in marked if f]
    found = [m.group("label") or m.group("qa") or m["timed"] for m in _COLON.finditer(sample)]
    if convention.dialect == "caps":
        found = [f for f in found if not any(c.islower() for c in f)]
    # (What the reader's name rule refuses is no label: "Mit anderen Worten: ...".)
    return [f for f in found if _WORDS_ONLY.search(f) and _name_shape(f) is not None]


def _by_shape(
    results: list[tuple[float, int, Convention, Counter[str]]],
) -> tuple[float, int, Convention, Counter[str]]:
    colon = next(r for r in results if r[2].name == "colon")
    taken = set(colon[3])
    shaped = [
        r
        for r in results
        if r[2].label is not None
        and not r[2].repeats
        and len(r[3]) >= 2
        # a protocol's chair prints procedural lines with a colon ('Erster Redner:
        # Herr Abgeordneter X.'): fewer one-off labels than the colon rules is evidence
        and (taken <= set(r[3]) or (r[2].interjections and r[0] > colon[0]))
    ]
    if not shaped:
        return colon
    return max(shaped, key=lambda r: (sum(r[3].values()), r[1]))


def _sample(text: str, most: int = SAMPLE) -> str:
    """``text`` if it is short; else :data:`STRATA` windows of whole lines, together
    ``most`` characters at most, the first at the start of ``text``, the last at its
    end, the others evenly between, joined by line ends."""
    size = len(text)
    if size <= most:
        return text
    width = most // STRATA
    windows = []
    for i in range(STRATA):
        start = i * (size - width) // (STRATA - 1)
        end = start + width
        if start > 0:  # from the first line that starts in the window
            start = text.find("\n", start, end) + 1
            if start == 0:
                continue  # (no line starts in it)
        cut = text.rfind("\n", start, end) if end < size else -1
        windows.append(text[start : cut if cut > start else end])  # to a line end
    return "\n".join(windows)


def sniff_text(text: str) -> Sniffed:
    """Score every sniffed convention on ``text`` (already decoded) and pick the best.

    A long document is judged on a quarter of the sample first, as chardet's probers
    stop once they are sure: where one convention wins it plainly there (no rule after
    the scores changed the choice; :data:`CLEAR` repeated labels net or more, twice the
    runner-up's score), that is the verdict; else the whole sample decides. (So the
    cost of sniffing a long document grows with the doubt, not with its length.)"""
    if len(text) > SAMPLE:
        found, plain = _judge(_sample(text, SAMPLE // 4))
        if plain and found.score >= CLEAR and found.runner_up_score * 2 <= found.score:
            return found
    return _judge(_sample(text))[0]


def _judge(sample: str) -> tuple[Sniffed, bool]:
    """The verdict on ``sample``, and whether it is the top score's convention as it
    stands (no rule after the scores chose another)."""
    paged = margin_numbered(sample)
    cleaned = "\n" + (strip_pages(sample).text if paged else sample)
    results: list[tuple[float, int, Convention, Counter[str]]] = []
    for order, convention in enumerate(CONVENTIONS.values()):
        if not convention.sniffed or convention.pages != paged:
            continue
        names = _names(_labels(convention, cleaned))
        results.append((_score(names), -order, convention, names))
    # A convention that finds no label twice has no evidence (unless its labels are
    # distinctive and it finds one): below every one that does. On a tie, a convention
    # with a label pattern of its own that finds labels (it also knows the family's
    # interjections and furniture) goes before the generic colon rules.
    results.sort(
        key=lambda r: (_evidence(r[2], r[3]), r[0], r[2].label is not None and bool(r[3]), r[1]),
        reverse=True,
    )
    score, _, best, names = results[0]
    top = best
    if best.repeats:
        # Labels that count only where a name recurs (a name alone on its line) are weak
        # evidence: page headers and headings recur too. Rules whose labels are evidence
        # of their own that explain half as much are the document's convention.
        firm = next(
            (
                r
                for r in results
                if not r[2].repeats and _evidence(r[2], r[3]) and r[0] >= score / 2
            ),
            None,
        )
        if firm is not None:
            score, _, best, names = firm
    if best.name == "colon" and score > 0:
        # The colon rules also take a protocol's labels, and its chair's 'Nächster
        # Redner: ...' lines besides: a convention of its own that finds every name
        # they find repeated, on as many label lines, is the document's family.
        repeated = {name for name, n in names.items() if n >= 2}
        lines = sum(names.values())
        close = [
            r
            for r in results[1:]
            if r[2].label is not None
            and _evidence(r[2], r[3])
            and repeated <= {name for name, n in r[3].items() if n >= 2}
            and sum(r[3].values()) >= lines
        ]
        if close:
            score, _, best, names = close[0]
    if not _evidence(best, names) and not paged:
        # No repeated name anywhere (a short excerpt: every speaker once): the shape of
        # the labels is the evidence. A convention with a label pattern of its own that
        # finds two names or more, among them every name the colon rules find (French
        # 'M. le président.' / 'M. X, ministre de ....' have no colon at all) or, for a
        # protocol, with fewer one-off labels than they have, is taken; else the
        # built-in colon rules, which judge line by line.
        score, _, best, names = _by_shape(results)
    runner = results[1] if len(results) > 1 else None
    found = Sniffed(
        convention=best.name,
        score=score,
        labels=sum(names.values()),
        speakers=len(names),
        names=tuple(name for name, _ in names.most_common(20)),
        runner_up=runner[2].name if runner else None,
        runner_up_score=runner[0] if runner else 0.0,
    )
    return found, best is top
