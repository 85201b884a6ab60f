"""Times for every turn: align a clean transcript with the captions of the same event.

A clean transcript (from a website, a parliament) names its speakers but has no times;
the captions of the video have times but no speakers and recognition errors.
:func:`align` joins them word by word:

1. Both sides become streams of normalised words: case, accents and punctuation are
   dropped, contractions are spelled out (``don't`` is ``do not``), small numbers are
   words (``21`` is ``twenty one``), sound descriptions (``[Music]``, ``(laughter)``)
   are not words. Rolling captions, whose cues repeat the previous line, keep each
   line once, with the time it first appeared.
2. Word sequences that occur exactly once on each side anchor the alignment (the
   longest chain of anchors in the same order on both sides, as in patience diff);
   the short stretches between anchors are aligned word by word. The cost grows with
   the length of the streams, not with the product of their lengths.
3. Each transcript word takes the time of the caption word it matches (the word's
   own time where the captions carry one, else its share of the cue's time). A word
   that matches nothing takes the time of the caption word at the same distance from
   the nearest match, if the stretch of captions there is long enough to hold it.
   A turn starts with its first timed word and ends with its last.

>>> import debatekit
>>> transcript = debatekit.text.loads(
...     "ANN: Good evening and welcome.\\n\\nBOB: Thank you, Ann.\\n\\n"
...     "ANN: How are you doing?\\n\\nBOB: Fine.\\n"
... )
>>> vtt = '''WEBVTT
...
... 00:00:04.000 --> 00:00:06.000
... good evening and welcome
...
... 00:00:06.500 --> 00:00:08.000
... thank you and how you doing
...
... 00:00:08.000 --> 00:00:09.000
... fine
... '''
>>> timed = debatekit.align(transcript, debatekit.captions.loads(vtt))
>>> for turn in timed.turns:
...     print(turn.speaker_id, turn.start.total_seconds(), turn.end.total_seconds(), turn.meta)
ann 4.0 6.0 {'align:matched': '4', 'align:words': '4'}
bob 6.5 7.25 {'align:matched': '2', 'align:words': '3'}
ann 7.25 8.0 {'align:matched': '3', 'align:words': '4'}
bob 8.0 9.0 {'align:matched': '1', 'align:words': '1'}

"Ann" was heard as "and", "are" not at all: those words take the time of the caption
word in their place.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterator

import attrs

from . import _captions_meta as _meta
from . import captions
from .errors import AlignmentWarning
from .models import BodyItem, Transcript, Turn

__all__ = ["align"]

#: ``Turn.meta`` keys that :func:`align` sets on every turn it gives a time.
MATCHED, WORDS = "align:matched", "align:words"

# Sound descriptions and markup that are not speech: [Music], (laughter), ♪ ... ♪, tags.
_NOT_SPEECH = re.compile(r"\[[^\]\n]*\]|\([^)\n]*\)|♪[^♪\n]*♪?|<[^>\n]*>")
# A number (2,000 or 2.5 stay one word) or a word with inner apostrophes.
_TOKEN = re.compile(r"\d+(?:[,.]\d+)*%?|[^\W\d_]+(?:'[^\W\d_]+)*|\d+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_CONTRACTIONS = {"re": "are", "ll": "will", "ve": "have", "m": "am", "d": "would"}
_IRREGULAR = {"can't": ("can", "not"), "won't": ("will", "not"), "ain't": ("is", "not")}
_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

# Stretches up to this many cells (words x words) are aligned word by word directly;
# larger ones are split at anchors first, and without anchors up to _LONE_CELLS.
_DIRECT_CELLS = 1_000
_LONE_CELLS = 40_000
_ANCHOR_SIZES = (3, 2, 1)
# A run of at most _LONELY matched words, each said at least _COMMON times, that is more
# than _SKEW words out of step with the matches on each side is a chance match.
_LONELY, _SKEW, _COMMON = 1, 2, 5
# A turn of more than _GUESSED_WORDS words needs this share of them matched, else the
# captions lack it (a match or two by chance); a shorter one may have none matched (all
# misheard) and take its time from its neighbours.
_GUESSED_WORDS = 4
_LEAST_MATCHED = 0.2
# Seconds: a cue's words share its time, but none takes longer than this.
_LONGEST_WORD = 0.75
# Seconds: a usual word, for words that match nothing next to a pause in the captions.
_PACE = 0.5


# -- words ----------------------------------------------------------------------------


def _number(digits: str) -> list[str]:
    value = int(digits)
    if value < 20:
        return [_ONES[value]]
    if value < 100:
        tens, ones = divmod(value, 10)
        return [_TENS[tens]] if ones == 0 else [_TENS[tens], _ONES[ones]]
    return [digits]


def _normal(word: str) -> list[str]:
    """The normalised words one printed word stands for (``don't`` is two)."""
    if word[0].isdigit():
        percent = word.endswith("%")
        digits = word.rstrip("%")
        plain = digits.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", digits) else digits
        out = _number(plain) if plain.isdigit() else [plain]
        return [*out, "percent"] if percent else out
    if word.isascii():
        folded = word.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", word.translate(_APOSTROPHES))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    if "'" not in folded:
        return [folded]
    if folded in _IRREGULAR:
        return list(_IRREGULAR[folded])
    stem, _, suffix = folded.rpartition("'")
    if suffix == "t" and stem.endswith("n") and len(stem) > 1:
        return [stem[:-1].replace("'", ""), "not"]
    if suffix in _CONTRACTIONS:
        return [stem.replace("'", ""), _CONTRACTIONS[suffix]]
    return [folded.replace("'", "")]


def words(text: str) -> Iterator[tuple[int, str]]:
    """The normalised words of ``text``, each with the offset of its printed word."""
    text = _NOT_SPEECH.sub(lambda m: " " * len(m.group()), text.translate(_APOSTROPHES))
    for match in _TOKEN.finditer(text):
        for word in _normal(match.group()):
            yield match.start(), word


# -- the caption side -----------------------------------------------------------------


@attrs.define
class _Stream:
    """The caption words in order, each with its start and end in seconds."""

    words: list[str] = attrs.Factory(list)
    starts: list[float] = attrs.Factory(list)
    ends: list[float] = attrs.Factory(list)


def _cues(turn: Turn) -> list[tuple[float, float, list[tuple[int, str]]]]:
    """A timed turn's cues: start and end in seconds, and their lines, each with its
    offset into the turn's text (the cues the caption reader recorded, else the turn
    as one cue)."""
    lines: list[tuple[int, str]] = []
    at = 0
    for paragraph in turn.paragraphs:
        for line in paragraph.split("\n"):
            lines.append((at, line))
            at += len(line) + 1
        at += 1
    path = f"turn {turn.id!r}"
    recorded = _meta.decode_cues(turn.meta.get(_meta.CUES_KEY), len(lines), _meta.CUES_KEY, path)
    if recorded:
        cues: list[tuple[float, float, list[tuple[int, str]]]] = []
        first = 0
        for begins, ends, count, _, _ in recorded:
            chunk = lines[first : first + count]
            cues.append((begins.total_seconds(), ends.total_seconds(), chunk))
            first += count
        return cues
    if turn.start is None:
        return []
    start = turn.start.total_seconds()
    end = turn.end.total_seconds() if turn.end is not None else start
    return [(start, max(start, end), lines)]


def _stream(timed: Transcript) -> _Stream:
    """The words of the captions, each line once (rolling cues repeat the last one),
    with their times: the word's own where the captions give word times (auto-generated
    captions do), else its share of its cue's time."""
    stream = _Stream()
    shown: list[tuple[str, ...]] = []  # the lines most recently added, for rolling cues
    for turn in timed.turns:
        timed_words = captions.word_times(turn)
        offsets = [offset for offset, _ in timed_words]
        for start, end, lines in _cues(turn):
            cue = [[(at + o, w) for o, w in words(line)] for at, line in lines]
            cue = [line for line in cue if line]
            keys = [tuple(w for _, w in line) for line in cue]
            repeated = 0
            for size in range(min(len(keys), len(shown)), 0, -1):
                if keys[:size] == shown[len(shown) - size :]:
                    repeated = size
                    break
            shown = (shown + keys[repeated:])[-3:]
            fresh = [item for line in cue[repeated:] for item in line]
            if not fresh:
                continue
            # a long cue for few words: they start with the cue, at a usual pace
            step = min((end - start) / len(fresh), _LONGEST_WORD)
            first = len(stream.words)
            for n, (offset, word) in enumerate(fresh):
                when = start + n * step
                at = bisect.bisect_right(offsets, offset) - 1
                if at >= 0 and offsets[at] >= fresh[0][0]:  # a word time in this cue
                    when = timed_words[at][1].total_seconds()
                stream.words.append(word)
                stream.starts.append(when)
            for n in range(first, len(stream.words)):
                following = stream.starts[n + 1] if n + 1 < len(stream.words) else end
                stream.ends.append(max(stream.starts[n], min(following, end)))
    return stream


# -- matching -------------------------------------------------------------------------


def _lcs(
    a: list[int], b: list[int], alo: int, ahi: int, blo: int, bhi: int, work: list[int]
) -> list[tuple[int, int]]:
    """Equal words of two short stretches, as many as possible, in order."""
    n, m = ahi - alo, bhi - blo
    work[0] += n * m
    rows = [[0] * (m + 1)]
    for i in range(n):
        ai, prev = a[alo + i], rows[-1]
        cur = [0] * (m + 1)
        for j in range(m):
            if ai == b[blo + j]:
                cur[j + 1] = prev[j] + 1
            else:
                up, left = prev[j + 1], cur[j]
                cur[j + 1] = up if up >= left else left
        rows.append(cur)
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i and j:
        if a[alo + i - 1] == b[blo + j - 1] and rows[i][j] == rows[i - 1][j - 1] + 1:
            pairs.append((alo + i - 1, blo + j - 1))
            i, j = i - 1, j - 1
        elif rows[i - 1][j] >= rows[i][j - 1]:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    return pairs


def _grams(seq: list[int], k: int, size: int) -> list[int]:
    """Every ``k`` words of ``seq`` from each position as one integer."""
    if k == 1:
        return seq
    out = seq[: len(seq) - k + 1]
    for shift in range(1, k):
        out = [x * size + y for x, y in zip(out, seq[shift:], strict=False)]
    return out


def _unique(grams: list[int], lo: int, hi: int, work: list[int]) -> dict[int, int]:
    """The n-grams that occur once between ``lo`` and ``hi``, with their positions."""
    work[0] += max(hi - lo, 0)
    window = grams[lo:hi]
    counts = Counter(window)
    return {g: lo + n for n, g in enumerate(window) if counts[g] == 1}


def _chain(anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of anchors in order on both sides (anchors sorted by the first)."""
    tails: list[int] = []  # smallest second index ending a chain of each length
    ends: list[int] = []  # which anchor that is
    back: list[int] = []
    for n, (_, j) in enumerate(anchors):
        at = bisect.bisect_left(tails, j)
        if at == len(tails):
            tails.append(j)
            ends.append(n)
        else:
            tails[at], ends[at] = j, n
        back.append(ends[at - 1] if at else -1)
    chain: list[tuple[int, int]] = []
    n = ends[-1] if ends else -1
    while n >= 0:
        chain.append(anchors[n])
        n = back[n]
    chain.reverse()
    return chain


def _anchors(
    grams: dict[int, tuple[list[int], list[int]]],
    span: tuple[int, int, int, int],
    work: list[int],
) -> tuple[int, list[tuple[int, int]]]:
    """The longest chain of n-grams unique on both sides of the span, and their size."""
    alo, ahi, blo, bhi = span
    for k in _ANCHOR_SIZES:
        a_grams, b_grams = grams[k]
        if ahi - alo < k or bhi - blo < k:
            continue
        in_a = _unique(a_grams, alo, ahi - k + 1, work)
        in_b = _unique(b_grams, blo, bhi - k + 1, work)
        common = sorted((i, in_b[g]) for g, i in in_a.items() if g in in_b)
        if common:
            return k, _chain(common)
    return 0, []


def match(a_words: list[str], b_words: list[str], work: list[int] | None = None) -> list[int]:
    """For each word of ``a_words``, the index of the equal word of ``b_words`` it is
    aligned with, or -1. ``work`` (one counter) adds the steps taken."""
    steps = work if work is not None else [0]
    vocabulary: dict[str, int] = {}
    a = [vocabulary.setdefault(w, len(vocabulary)) for w in a_words]
    b = [vocabulary.setdefault(w, len(vocabulary)) for w in b_words]
    size = len(vocabulary) + 1
    grams = {k: (_grams(a, k, size), _grams(b, k, size)) for k in _ANCHOR_SIZES}
    steps[0] += len(a) + len(b)
    result = [-1] * len(a)
    todo = [(0, len(a), 0, len(b))]
    while todo:
        alo, ahi, blo, bhi = todo.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            result[alo] = blo
            alo, blo = alo + 1, blo + 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            result[ahi - 1] = bhi - 1
            ahi, bhi = ahi - 1, bhi - 1
        cells = (ahi - alo) * (bhi - blo)
        if cells == 0:
            continue
        if cells <= _DIRECT_CELLS:
            for i, j in _lcs(a, b, alo, ahi, blo, bhi, steps):
                result[i] = j
            continue
        k, chain = _anchors(grams, (alo, ahi, blo, bhi), steps)
        if not chain:
            if cells <= _LONE_CELLS:
                for i, j in _lcs(a, b, alo, ahi, blo, bhi, steps):
                    result[i] = j
            continue
        at_a, at_b = alo, blo
        for i, j in chain:
            if i >= at_a and j >= at_b:
                todo.append((at_a, i, at_b, j))
            elif j - i != at_b - at_a:  # overlaps the previous anchor off its diagonal
                continue
            for x in range(max(i, at_a), i + k):  # on the diagonal: extend it
                result[x] = x + j - i
            at_a, at_b = i + k, j + k
        todo.append((at_a, ahi, at_b, bhi))
    _drop_lonely(a, result)
    return result


def _drop_lonely(a: list[int], result: list[int]) -> None:
    """Unmatch a common word matched alone, out of step with the matches on both
    sides: it happens to recur in a remark the transcript left out."""
    counts = Counter(a)
    runs: list[tuple[int, int, int]] = []  # first word, its match, length
    for i, j in enumerate(result):
        if j < 0:
            continue
        if runs and runs[-1][0] + runs[-1][2] == i and runs[-1][1] + runs[-1][2] == j:
            first, match_, size = runs[-1]
            runs[-1] = (first, match_, size + 1)
        else:
            runs.append((i, j, 1))
    for n, (i, j, size) in enumerate(runs):
        if size > _LONELY or n == 0 or n + 1 == len(runs) or counts[a[i]] < _COMMON:
            continue
        pi, pj, _psize = runs[n - 1]
        ni, nj, _ = runs[n + 1]
        if abs((j - pj) - (i - pi)) > _SKEW and abs((nj - j - size) - (ni - i - size)) > _SKEW:
            for x in range(i, i + size):
                result[x] = -1


# -- times ----------------------------------------------------------------------------


def _times(
    result: list[int], owners: list[int], stream: _Stream
) -> list[tuple[float, float] | None]:
    """Each transcript word's time: its match's, or, for a word between two matches,
    the time of the caption word at the same distance from one of them: the match in
    its own turn (a turn's first words count back from its first match, its last words
    on from its last), else the nearer one. A turn with no match at all gets times only
    where the captions between its neighbours' matches hold at least half its words
    (a passage the captions lack, or drowned in crosstalk, gets no time)."""
    n, m = len(result), len(stream.words)
    following = [n] * (n + 1)
    for i in range(n - 1, -1, -1):
        following[i] = i if result[i] >= 0 else following[i + 1]
    times: list[tuple[float, float] | None] = [None] * n
    before = -1
    for i, j in enumerate(result):
        if j >= 0:
            times[i] = (stream.starts[j], stream.ends[j])
            before = i
            continue
        after = following[i]
        if before < 0 and after == n:
            continue  # nothing matched at all
        jp = result[before] if before >= 0 else -1
        jq = result[after] if after < n else m
        own_before = before >= 0 and owners[before] == owners[i]
        own_after = after < n and owners[after] == owners[i]
        if own_before == own_after:  # both or neither: the nearer match
            if not own_before and 2 * (jq - jp - 1) < after - before - 1:
                continue
            own_before = before >= 0 and (after == n or i - before <= after - i)
        jj = jp + (i - before) if own_before else jq - (after - i)
        if not jp < jj < jq:
            continue
        start, end = stream.starts[jj], stream.ends[jj]
        # no farther from the match than that many words take at a usual pace
        if own_before:
            start = min(start, stream.ends[jp] + (i - before - 1) * _PACE)
        else:
            start = max(start, stream.starts[jq] - (after - i) * _PACE)
        times[i] = (start, max(start, end))
    return times


def _seconds(value: float) -> dt.timedelta:
    return dt.timedelta(milliseconds=round(value * 1000))


def align(transcript: Transcript, timed: Transcript, /) -> Transcript:
    """Give the turns of ``transcript`` the times of the captions ``timed``.

    Args:
        transcript: Any transcript, typically without times (read from text or TEI).
        timed: The captions of the same event, typically read from WebVTT or SRT:
            its words and their times are used, its speakers are not.

    Returns:
        ``transcript`` with ``start`` and ``end`` set on every turn the captions cover
        and, on those turns, ``meta["align:matched"]`` (how many of its words matched
        a caption word) and ``meta["align:words"]`` (how many words it has). Nothing
        else changes; turns the captions do not cover keep what they had.

    Warns:
        AlignmentWarning: Some turns got no time; the message says how many.

    Raises:
        TypeError: An argument is not a :class:`~debatekit.Transcript`.
    """
    for name, value in (("transcript", transcript), ("timed", timed)):
        if not isinstance(value, Transcript):
            raise TypeError(f"align() needs a Transcript as {name}, not {type(value).__name__}")
    stream = _stream(timed)
    turns = transcript.turns
    owners: list[int] = []
    a_words: list[str] = []
    for n, turn in enumerate(turns):
        for _, word in words(turn.text):
            a_words.append(word)
            owners.append(n)
    result = match(a_words, stream.words)
    times = _times(result, owners, stream)
    first: list[float | None] = [None] * len(turns)
    last: list[float | None] = [None] * len(turns)
    matched = [0] * len(turns)
    total = [0] * len(turns)
    for i, owner in enumerate(owners):
        total[owner] += 1
        matched[owner] += result[i] >= 0
        when = times[i]
        if when is not None:
            if first[owner] is None:
                first[owner] = when[0]
            last[owner] = when[1]
    new: dict[int, Turn] = {}
    for n, turn in enumerate(turns):
        start, end = first[n], last[n]
        if start is None or end is None:
            continue
        if total[n] > _GUESSED_WORDS and matched[n] < _LEAST_MATCHED * total[n]:
            continue  # a chance match or two: the captions lack this turn
        meta = {**turn.meta, MATCHED: str(matched[n]), WORDS: str(total[n])}
        new[id(turn)] = attrs.evolve(
            turn, start=_seconds(start), end=_seconds(max(start, end)), meta=meta
        )
    missing = len(turns) - len(new)
    if missing:
        warnings.warn(
            AlignmentWarning(
                f"{missing} of {len(turns)} turns got no time: the captions do not cover them"
            ),
            stacklevel=2,
        )
    body: list[BodyItem] = [new.get(id(item), item) for item in transcript.body]
    return attrs.evolve(transcript, body=body)
