"""Plain text: what the reader would read back from lines the writer plans (the
writer's side of the reader's rules, shared so both judge a line alike)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ._rules import BLANK_LINE, is_interjecting
from ._speakers import Roster
from ._speakers import name_key as _norm
from ._text_classify import mixed_repeats, vouched
from ._text_lex import (
    _BREAK,
    _EXPLICIT,
    _INLINE,
    _STAGE_LINE,
    _candidate,
    _Label,
    _stage,
    _yaml_names,
    special_free,
)
from ._text_names import (
    _name_part,
)
from .models import Speaker


def _inline_escapable(line: str) -> bool:
    """Whether ``line`` opens with a bracket the reader takes as text after a backslash
    wherever it stands (a stage direction in parentheses, anything in square
    brackets), so that an indented line is escaped by a backslash after its indent."""
    match = _INLINE.match(line)
    return match is not None and (match.group(2) is not None or _stage(match.group(1)) is not None)


def _edges(gap: str) -> tuple[str, str]:
    """The white space of ``gap`` that the reader sees at the start of the line after
    it (an indent), and at the end of the line before it (a trail)."""
    cut = gap.find("\n")
    return gap[gap.rfind("\n") + 1 :], gap if cut < 0 else gap[:cut]


def _plain_speech(paragraph: str, region: str) -> bool:
    """Whether ``paragraph``, of a speech and written with no white space around it,
    holds no line that the reader's line filter (:data:`_SPECIAL_LINE`, used when no
    convention is known) stops at: no label, stage direction, break or escape can be
    read in it, so :meth:`_Writer._para` would write it as is (but a closing line
    ending a speech, which the caller checks). Paragraphs joined by blank lines are
    plain together exactly when each is (a blank line is none of those lines)."""
    return (
        (region == "turn" or region == "lead")
        and "\r" not in paragraph
        and "{#" not in paragraph
        and special_free(paragraph)
    )


def _front_tails(
    items: list[str | tuple[str, str, str, bool, bool]],
    front: int,
    gaps: list[str],
    lead: str,
    tail: str,
) -> None:
    """Narrow the tail flags of the front paragraphs (the first ``front`` items) to
    what the reader sees: a paragraph that is a stage direction only without the
    white space written around it (a no-break space after it) is text to the reader,
    so the stage directions before it stay in the front matter."""
    follows = True  # every front paragraph after this one a stage line as seen
    for i in range(min(front, len(items)) - 1, -1, -1):
        item = items[i]
        if isinstance(item, str) or item[2] != "front":
            continue
        before = gaps[i - 1] if i else lead
        after = gaps[i] if i < len(gaps) else tail
        cut = after.find("\n")
        seen = before[before.rfind("\n") + 1 :] + item[1] + (after if cut < 0 else after[:cut])
        follows = follows and _STAGE_LINE.match(seen) is not None
        if item[4] and not follows:
            items[i] = (*item[:4], False)


def _misread(
    planned: list[tuple[str, str, str]],
    explicit: set[str],
    speakers: Sequence[Speaker],
    declared: dict[str, str],
) -> set[str]:
    """Speakers whose plain labels the reader's speaker identity would give to someone
    else (or someone else's to them, or another name), resolving the labels in order
    as it will."""
    names = {s.id: s.name for s in speakers}
    roster = Roster(declared)
    owner: dict[int, str] = {}
    person: dict[str, int] = {}
    created: dict[int, str] = {}
    wrong: set[str] = set()
    for speaker_id, label, _ in planned:
        if speaker_id in explicit:
            roster.resolve(label, explicit_id=speaker_id)
            continue
        known = len(roster.people)
        index = roster.resolve(label)
        if index >= known:
            created[index] = speaker_id
        if owner.setdefault(index, speaker_id) != speaker_id:
            wrong.update({speaker_id, owner[index]})
        if person.setdefault(speaker_id, index) != index:
            wrong.add(speaker_id)  # two labels the reader takes for two people
    for index, speaker_id in created.items():
        # The reader names them after a label (the fullest it sees, in the end).
        if roster.people[index].name != names[speaker_id]:
            wrong.add(speaker_id)
    return wrong


def _minted(
    planned: list[tuple[str, str, str]],
    explicit: set[str],
    names: dict[str, str],
    declared: dict[str, str],
) -> dict[str, str]:
    """The id the reader gives each speaker with a label: the one the label carries
    (``Name {#id}:``, where the reader can read it back) or the one its speaker
    identity mints from the label (knowing the names the YAML front matter declares),
    resolving the labels in order as it will."""
    roster = Roster(declared)
    minted: dict[str, str] = {}
    for speaker_id, label, _ in planned:
        carried = speaker_id in explicit and _EXPLICIT.match(
            f"{names[speaker_id]} {{#{speaker_id}}}: x"
        )
        index = roster.resolve(label, explicit_id=speaker_id if carried else None)
        minted.setdefault(speaker_id, roster.people[index].id)
    return minted


def _once_only(
    planned: list[tuple[str, str, str]], pattern: re.Pattern[str] | None, front: Sequence[str]
) -> set[str]:
    """Speakers whose plain label the reader would keep as text (a one-word label
    printed once, with nothing else to vouch for it), by the reader's own rule
    (:func:`~debatekit._text_classify.vouched`), the labels counted as it counts them."""
    if pattern is not None:
        return set()  # a convention's own labels are always labels
    found: dict[str, _Label | None] = {}
    for _, _, probe in planned:
        if probe not in found:  # each distinct label line judged once
            found[probe] = _candidate(probe)
    # (Counted over the distinct labels and lines: a sitting repeats the same few.)
    counts: Counter[str] = Counter()
    for label, n in Counter(label for _, label, _ in planned).items():
        counts[_norm(_name_part(label))] += n
    shapes: Counter[str] = Counter()
    for probe, n in Counter(probe for _, _, probe in planned).items():
        if (f := found[probe]) is not None:
            shapes[f.kind] += n
    # (Headings in the front matter that look like labels count for the reader too.)
    shapes.update(
        f.kind
        for paragraph in front
        for line in paragraph.split("\n")
        if (f := _candidate(line)) is not None
    )
    surnames = {key.split()[-1] for key in counts if len(key.split()) > 1}
    surnames |= _yaml_names("\n\n".join(front) + "\n")
    mixed = mixed_repeats((f for f in found.values() if f is not None), counts)
    unvouched = {
        probe
        for probe, f in found.items()
        if f is not None and not vouched(f, counts, surnames, shapes, mixed=mixed)
    }
    if not unvouched:
        return set()
    return {speaker_id for speaker_id, _, probe in planned if probe in unvouched}


def _own_paragraph(printed: str) -> bool:
    """Whether ``printed`` reads back as a stage direction (or a rule) standing as a
    paragraph."""
    if "\n" not in printed and (_BREAK.match(printed) or is_interjecting(printed)):
        return True
    return (
        printed == printed.strip()
        and "\n\n" not in printed
        and (
            (printed.startswith(("(", "[")) and printed.endswith((")", "]", ").")))
            or _BREAK.fullmatch(printed) is not None
        )
    )


def _is_space(space: str) -> bool:
    """White space that fits inside a paragraph: no blank line in it."""
    return not space.strip() and BLANK_LINE.search(space) is None


def _is_gap(gap: str) -> bool:
    """White space that can stand between two written items (recorded by the reader;
    the writer's check of its own output catches a gap that no longer fits)."""
    return not gap.strip()
