"""Plain text: the reader's first pass (lines classified, possible speaker labels
found, then accepted as labels or kept as text once the whole document is counted)."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from operator import attrgetter
from typing import cast

from ._rules import BLANK_LINE, is_collective
from ._speakers import PARTICIPANTS, ROLE_WORDS, TITLES, UNKNOWN, Roster, split_label
from ._speakers import name_key as _norm
from ._text_conventions import Convention
from ._text_lex import (
    _ANY_LINE,
    _ANY_NEXT,
    _BREAK,
    _BYLINES,
    _DASH,
    _EXPLICIT,
    _IN_TURNS,
    _LABEL_REACH,
    _SPECIAL,
    _SPECIAL_LINE,
    _STAGE_LINE,
    _bare_heading,
    _bracket_label,
    _candidate,
    _escape,
    _inline_speech,
    _Label,
    _named_elsewhere,
    _Row,
    _stage,
    _usual_label,
    _wrapped_label,
    _yaml_block,
    _yaml_names,
)
from ._text_names import (
    _PAREN,
    COLLECTIVE,
    _name_part,
    _name_shape,
)
from ._text_rows import _bracket_head, _in_parenthesis, _open_run, _runs, _wrapped_caps
from .errors import _Warner
from .models import Speaker


def _timed(shapes: Counter[str]) -> bool:
    """Whether most of a document's labels carry a time (``[00:01:43] Name:``)."""
    timed = shapes["timestamp"]
    return timed >= 2 and timed * 2 > sum(shapes.values())


def _capitals(shapes: Counter[str], mixed: bool) -> bool:
    """Whether a document prints its labels in capitals: at least three, more than
    labels in mixed case, and no name in mixed case labelled twice (``mixed``)."""
    caps = shapes["caps"]
    return not mixed and caps >= 3 and caps > shapes["colon"]


def mixed_repeats(labels: Iterable[_Label], counts: Counter[str]) -> bool:
    """Whether a name printed in mixed case (``Senator:``) is labelled twice or more."""
    keys: dict[str, str] = {}
    for found in labels:
        if found.kind == "colon":
            key = keys.get(found.label)
            if key is None:
                key = keys[found.label] = _norm(_name_part(found.label))
            if counts[key] >= 2:
                return True
    return False


class _Tally:
    """The possible labels of a document counted: by name key and by shape."""

    def __init__(self) -> None:
        self.labels: list[_Label] = []  # (counted once the scan is over: see counted)
        self.counts: Counter[str] = Counter()
        self.shapes: Counter[str] = Counter()

    def add(self, label: _Label) -> None:
        """Count a possible label's name and its shape."""
        self.labels.append(label)

    def counted(self) -> None:
        """Count the labels added: each distinct label's name key worked out once."""
        printed = Counter(map(_LABEL_TEXT, self.labels))
        for label, n in printed.items():
            self.counts[_norm(_name_part(label))] += n
        self.shapes.update(map(_LABEL_KIND, self.labels))
        self.labels = []


_LABEL_TEXT = attrgetter("label")
_LABEL_KIND = attrgetter("kind")


class _Classifier:
    """Pass 1 of the reader: every line classified, possible labels accepted or not."""

    def __init__(
        self,
        text: str,
        meta: dict[str, str],
        warn: _Warner,
        convention: Convention,
        speaker_map: Mapping[str, Speaker | str] | None,
        pattern: re.Pattern[str] | None,
        *,
        forced: bool = False,
        checked: bool = True,
    ) -> None:
        self.text = text
        # Whether the turns are built with every check of the model: where the text
        # holds a lone surrogate (which the model refuses, naming it), or the caller
        # does not know there is none. Else the reader's own guarantees stand for most.
        self.checked = checked
        self.meta = meta
        self.warn = warn
        self.dialect = convention.dialect
        self.examines = convention.examination
        self.forced = forced  # the convention was asked for: its labels are labels
        self.interjections = convention.interjections
        self.paged = convention.pages
        self.repeats = convention.repeats and not forced  # a name must recur (see _accept)
        self.pattern = pattern
        self.yaml_end, declared = _yaml_block(text)
        unnamed = dict.fromkeys(convention.unnamed, UNKNOWN)
        self.roster = Roster({**unnamed, **declared, **(speaker_map or {})})
        self.last_label_line = 0
        self.weak_escapes = False  # any escaped closing line (see _escape)?
        self.mixed = True  # a name in mixed case labelled twice? (see _settle)
        self.blank_inside = True  # a blank line between lines of text? (see _scan)

    @functools.cached_property
    def examination(self) -> bool:
        """Whether the document examines witnesses: its convention does, or it prints
        examination bylines whatever its convention (Q. is then the counsel named
        last). Asked only where a ``Q``/``A`` label is in question: a search of the
        whole text that most documents never need."""
        text = self.text
        return self.examines or (
            # (A byline opens 'BY M' or 'BY D': looked for as text first, at C speed.)
            ("BY M" in text or "BY D" in text) and _BYLINES.search(text) is not None
        )

    def _classify(self) -> list[_Row]:
        """One row per line that needs a look; runs of plain lines come as one row.

        A row is (kind, offset, text, detail, line number); kinds: blank, text,
        stage, break, label. Possible labels are found first (:meth:`_scan`), then
        accepted or kept as text once the whole document is counted
        (:meth:`_settle`).
        """
        tally = _Tally()
        out, candidates = self._scan(tally)
        tally.counted()
        return self._settle(out, candidates, tally)

    def _scan(self, tally: _Tally) -> tuple[list[_Row], list[int]]:
        """The rows, possible labels as ``cand`` rows (their places returned).

        A regular expression finds the lines that may be anything but text (blank,
        bracket or escape first, a colon near the start, an explicit id), so plain
        lines cost no Python work of their own. Where a blank line stands between two
        lines of text (nearly always), no line is a paragraph of its own (see
        _line_mode): a run of plain lines holding empty ones comes as one "run" row,
        (start, end) of it, split into paragraphs once, by the grouper; else as a row
        per block of lines and per empty line (_runs).
        """
        out: list[_Row] = []
        candidates: list[int] = []  # where the possible labels are in out
        pattern = self.pattern
        text = self.text
        size = len(text)
        pos = 0
        lineno = 1
        append = out.append
        find = text.find
        count = text.count
        whole = self.blank_inside = _blank_inside(text)
        yaml_end = self.yaml_end
        for start in self._starts():
            if start < pos:  # the second line of a wrapped label, taken with the first
                continue
            if start > pos:
                if find("\n", pos, start - 1) >= 0:
                    newlines = count("\n", pos, start - 1)
                    if whole and newlines < start - 1 - pos:  # (lines of text among them)
                        append(("run", pos, "", start - 1, lineno))
                        lineno += newlines + 1
                    else:
                        lineno = _runs(out, text, pos, start - 1, lineno)
                else:  # the usual run: one plain line, or one empty line
                    run = text[pos : start - 1]
                    append(("text" if run else "blank", pos, run, None, lineno))
                    lineno += 1
            stop = find("\n", start)
            if stop < 0:
                stop = size
            line = text[start:stop]
            pos = stop + 1
            row = lineno
            lineno += 1
            head = line[:1]
            if (
                pattern is None
                and head not in _LOOKED_AT  # (nor "": a line of text opens so)
                and not head.isspace()
                and start >= yaml_end
                and "{#" not in line
                and line.find(":", 0, _LABEL_REACH) >= 0
            ):
                # The usual possible label, "Name: text": none of the rows _plain_row
                # makes (it would say so after the same questions), asked directly.
                label = _usual_label(line)
            elif self._plain_row(out, candidates, tally, line, start, row):
                continue
            else:
                label = _candidate(line, pattern) if pattern is not None else _usual_label(line)
            if label is None and pattern is not None and out and out[-1][0] == "blank":
                # A label alone on its line may wrap over two lines (PDF text).
                after = find("\n", pos) if pos < size else -1
                if after > pos:
                    label = _wrapped_label(line, text[pos:after], pattern)
                    if label is not None:
                        line = text[start:after]
                        pos = after + 1
                        lineno += 1
            if start >= 2 and text[start - 2] != "\n" and (label is not None or ":" in line):
                # (the line right before is not empty: a label may run over both)
                label, line, start, row = self._joined(out, label, line, start, row, pos)
            if label is not None:
                candidates.append(len(out))
                append(("cand", start, line, label, row))
                tally.add(label)
                continue
            append(("text", start, line, None, row))
        if pos < size:
            if whole and find("\n", pos, size) >= 0 and count("\n", pos, size) < size - pos:
                append(("run", pos, "", size, lineno))
            else:
                _runs(out, text, pos, size, lineno)
        return out, candidates

    def _starts(self) -> Iterator[int]:
        """Where the lines that need a look start: every non-empty line where a label
        pattern is given, else those that may be anything but plain text; found at C
        speed (the line ends the pattern matches end where those lines start)."""
        text = self.text
        opening, line_ends = (
            (_ANY_LINE, _ANY_NEXT) if self.pattern is not None else (_SPECIAL_LINE, _AFTER)
        )
        return chain((0,) if opening.match(text) else (), map(_END, line_ends.finditer(text)))

    def _joined(
        self, out: list[_Row], label: _Label | None, line: str, start: int, row: int, pos: int
    ) -> tuple[_Label | None, str, int, int]:
        """The label of ``line`` (at ``start``, ``row``; ``pos`` after it) as the line
        right before it may change it: an office or a colon wrapped onto this line, a
        wrapped interjection (no label), a name and office in capitals wrapped after a
        comma. The label, the line (from the label's first line), its start and row."""
        text = self.text
        if out and out[-1][0] == "run":
            _open_run(out, text, start)  # (the rules below look at the line before)
        if self.pattern is None and (
            (label is not None and label.label[-1:] == "]")
            or (label is None and line.strip() == ":")
        ):
            held = _bracket_head(out, start, line)
            if held is not None:
                label, start, row = held
                line = text[start : pos - 1] if pos <= len(text) else text[start:]
        if label is not None and self.interjections and _in_parenthesis(out, start):
            label = None  # wrapped interjection: "(Beifall – Abg. X" / "Y AfD: ...)"
        if label is not None and out and out[-1][0] == "text" and "," in out[-1][2]:
            before = out[-1][2]
            wrapped = _wrapped_caps(out, line, label, self.paged)
            if wrapped is not None:
                label, start, row = wrapped
                line = before[before.rfind("\n") + 1 :] + "\n" + line
        return label, line, start, row

    def _plain_row(
        self,
        out: list[_Row],
        candidates: list[int],
        tally: _Tally,
        line: str,
        start: int,
        row: int,
    ) -> bool:
        """Add the row of a line that is no possible label of the usual kind (blank, an
        explicit id, an escape, a stage direction, a break, no colon within reach, in
        the YAML front matter); whether it was one."""
        first = line[:1]
        if first == " " or first == "\t" or first == "\u00a0":
            first = line.lstrip(" \t\u00a0")[:1]
        if not first or (first.isspace() and not line.strip()):
            out.append(("blank", start, line, None, row))
            return True
        brace = "{#" in line
        if brace and _EXPLICIT.match(line):
            candidates.append(len(out))
            out.append(("cand", start, line, _candidate(line), row))
            return True
        if first == "\\" or (brace and "\\{#" in line):
            plain = _escape(line)
            if plain is not None:
                self.weak_escapes |= plain[1] == _IN_TURNS
                out.append(("text", start, line, plain, row))
                return True
        pattern = self.pattern
        if first in "([" and _bracketed(out, candidates, tally, line, start, row, pattern):
            return True
        if first in "-*#_" and _BREAK.match(line):
            out.append(("break", start, line, None, row))
            return True
        if (
            pattern is None
            and first not in "QA"
            and line.find(":", 0, _LABEL_REACH) < 0
            and _DASH.match(line) is None
        ) or start < self.yaml_end:
            # (A YAML front-matter block holds no label: "  JD: Jane Doe" declares one.)
            out.append(("text", start, line, None, row))
            return True
        return False

    def _settle(self, out: list[_Row], candidates: list[int], tally: _Tally) -> list[_Row]:
        """Turn each possible label into a label or text, now the document is counted."""
        counts, shapes = tally.counts, tally.shapes
        surnames = {key.split()[-1] for key in counts if len(key.split()) > 1} | {
            _norm(k).split()[-1] for k in self.roster.known if _norm(k)
        }
        surnames |= _given_names(counts)
        if self.yaml_end:
            surnames |= _yaml_names(self.text[: self.yaml_end])
        self.mixed = mixed_repeats((cast(_Label, out[i][3]) for i in candidates), counts)
        kinds: Counter[str] = Counter()
        accepted: set[tuple[str, str, bool]] = set()  # labels known to pass
        result = out
        for i in candidates:
            _, start, line, found, row = out[i]
            detail = cast(_Label, found)  # candidates are the rows holding a label
            seen = (detail.label, detail.kind, detail.time is None)
            if not kinds and _norm(_name_part(detail.label)) in COLLECTIVE:
                # "PARTICIPANTS: A and B" before the first speech: a list, not a turn.
                out[i] = ("text", start, line, None, row)
            elif seen in accepted:
                kinds[detail.kind] += 1
                out[i] = ("label", start, line, detail, row)
            elif self._accept(detail, counts, surnames, shapes, row, line):
                accepted.add(seen)
                kinds[detail.kind] += 1
                out[i] = ("label", start, line, detail, row)
            else:
                out[i] = ("text", start, line, None, row)
        _front_headings(result, kinds)
        _front_names(result, kinds)
        kinds = +kinds
        if kinds:
            self.meta["text:dialect"] = kinds.most_common(1)[0][0]
        return result

    def _accept(
        self,
        found: _Label,
        counts: Counter[str],
        surnames: set[str],
        shapes: Counter[str],
        lineno: int,
        line: str,
    ) -> bool:
        if found.kind == "explicit":
            return True
        if is_collective(found.label):
            return False  # 'Hon. Members: Hear, hear!': an interjection in the speech
        if found.kind == "pattern":
            # (a name alone on its line, printed once, is a heading: "Prologue")
            return not self.repeats or counts[_norm(_name_part(found.label))] >= 2
        if self.roster.is_known(found.label):
            return True
        dialect = self.dialect
        if self.forced and dialect == "auto":
            return True
        if dialect != "auto":
            if dialect == "timestamp":
                return found.time is not None
            if dialect == "caps" and found.kind == "timestamp":
                return _name_shape(found.label) == "caps"
            if found.kind == "qa" and self.examination:
                return not found.loose or counts[_norm(found.label)] >= 2
            return found.kind == dialect or (dialect == "colon" and found.kind == "caps")
        return vouched(found, counts, surnames, shapes, mixed=self.mixed) or self._once(
            found, lineno
        )

    def _once(self, found: _Label, lineno: int) -> bool:
        """Keep a once-printed label as text, with a warning; False."""
        self.warn(
            f"{found.label + ':'!r} looks like a speaker label but occurs only once; "
            "kept as text (pass convention= or speakers= to take it as a label)",
            lineno,
            1,
        )
        return False


# A Roman numeral, as a name key (lower case).
_ROMAN = re.compile(r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")


def _listed(counts: Counter[str]) -> bool:
    """Whether two different Roman numerals are among the possible labels (a list)."""
    return sum(1 for k in counts if k[:1] in "ivxlc" and _ROMAN.fullmatch(k)) >= 2


def vouched(
    found: _Label,
    counts: Counter[str],
    surnames: set[str],
    shapes: Counter[str],
    *,
    mixed: bool = True,
) -> bool:
    """Whether a possible label (no convention or dialect forced) is a label by what
    the document around it says: ``counts`` of the possible labels' name keys,
    ``surnames`` known, ``shapes`` of the possible labels. One that is not is printed
    once and kept as text, with a warning. The writer asks the same question of the
    labels it plans (one rule for both). ``mixed``: whether a name in mixed case is
    labelled twice (:func:`mixed_repeats`)."""
    key = _norm(_name_part(found.label))
    if found.kind == "qa":
        # "Q Thanks": a bare Q and one plain space is a label only where it
        # recurs (never "A lot more to say": too many sentences open so); kept
        # as text once, with the warning (the writer escapes such a line).
        return not found.loose or counts[key] >= 2
    if found.loose:
        return counts[key] >= 2  # "Name - text": a label only where the name recurs
    if key[:1] in "ivxlc" and counts[key] < 2 and _ROMAN.fullmatch(key) and _listed(counts):
        # "I: Esther Webber, ..." / "II: Rt Hon ...": the numbered panels of a hearing's
        # header, not speakers (a numeral printed once beside another one; "XI:" or
        # "LI:" that recur are names)
        return False
    if counts[key] < 2 and _initials_recur(key, counts):
        return True  # "Devin Becker:" once, then "DB:" throughout
    if found.time is None and counts[key] < 2 and _timed(shapes):
        # Where labels carry times, an untimed one printed once (a title line
        # "NYC Council, Committee of the Whole: ...") is text.
        return False
    split = split_label(found.label)
    short = split.short
    if short is not None and counts[_norm(short)] >= 1:
        return True  # "Emzy (E):" introduces the label "E:"
    if (
        found.kind == "colon"
        and short is None
        and counts[key] < 2
        and _capitals(shapes, mixed)
        and _name_shape(split.name) != "caps"
    ):
        # Where labels are printed in capitals ("THE PRESIDENT:", "MS. PSAKI:"), one in
        # mixed case printed once is a line of the speech: "Financial Times: ...".
        # (Not one that gives its initials, "Sam Abbassi (SA):", though they never recur,
        # nor a name in capitals after an office, "Statsminister GÖRAN PERSSON (s):".)
        return False
    bare = _PAREN.sub(" ", _name_part(found.label)).split()
    # (A comma inside parentheses is no role after a comma: "Sign(sk, m):".)
    comma = "," in found.label and "," in _PAREN.sub(" ", found.label)
    if found.time is not None:
        return True
    if len(bare) > 1 and any(word.lstrip("#").isdigit() for word in bare) and counts[key] < 2:
        # A number in a name printed once is a title ("PR 14477: Add ..."), unless the
        # other labels number their speakers the same way ("Audience 9:" after "Audience 1:",
        # "AI-GENERATED VOICE #2:" after "#1").
        words = [word for word in key.split() if not word.lstrip("#").isdigit()]
        return any(
            k != key and [w for w in k.split() if not w.lstrip("#").isdigit()] == words
            for k in counts
        )
    if len(bare) > 1 or comma:
        return True
    if "(" in found.label and split.role is not None:
        return True  # an office and its holder: "Forseti (Guðjón Guðmundsson):"
    if key in PARTICIPANTS or (found.kind == "caps" and key in ROLE_WORDS):
        # "Question:", "Audience:": a role label, even if only once; so is an office in
        # capitals ("ELNÖK:", "TALMANNEN:"), the chair a record names elsewhere
        return True
    if found.kind == "markdown" or counts[key] >= 2 or key in surnames:
        return True
    return found.kind == "caps" and shapes["caps"] >= 2


def _initials_recur(key: str, counts: Counter[str]) -> bool:
    """Whether the initials of the full name ``key`` are a label printed twice or more
    (an oral history names the speakers in full once, then by initials)."""
    words = key.split()
    if not 1 < len(words) <= 4:
        return False
    initials = "".join(word[0] for word in words)
    return initials.isalpha() and counts[initials] >= 2


def _given_names(counts: Counter[str]) -> set[str]:
    """The first names of the people labelled in full ("Dan Smith:"): a podcast labels
    a speaker by the first name after the full one ("Dan:"), so "Dan:" printed once is
    still a label. (Not a title or an office's first word: "Mr", "The", "Speaker".)"""
    not_names = TITLES | ROLE_WORDS | PARTICIPANTS
    given = set()
    for key in counts:
        words = key.split()
        first = words[0] if 1 < len(words) <= 3 else ""
        if len(first) > 1 and first.isalpha() and first not in not_names:
            given.add(first)
    return given


def _front_headings(result: list[_Row], kinds: Counter[str]) -> None:
    """A heading such as "HOST:" alone on its line, in a list of participants
    before the first speech, is front matter when speeches carry their text on the
    label's line: its row becomes text (and its kind is counted off ``kinds``). One
    that names someone labelled in the speeches opens a speech: ``STEVE INSKEEP,
    HOST:`` alone on its line, then ``INSKEEP: ...`` (NPR)."""
    first_inline = next(
        (
            i
            for i, (kind, _, line, found, _) in enumerate(result)
            if kind == "label" and isinstance(found, _Label) and _inline_speech(line, found)
        ),
        None,
    )
    if first_inline is None:
        return
    heads = [
        i
        for i, (kind, _, line, head, _) in enumerate(result[:first_inline])
        if kind == "label" and isinstance(head, _Label) and _bare_heading(line, head)
    ]
    if not heads:
        return
    labels = {
        found.label
        for kind, _, _, found, _ in result[first_inline:]
        if kind == "label" and isinstance(found, _Label)
    }
    others = {_norm(_name_part(label)) for label in labels}  # (each distinct label once)
    for i in heads:
        _, start, line, head, row = result[i]
        if isinstance(head, _Label) and not _named_elsewhere(head, others):
            kinds[head.kind] -= 1
            result[i] = ("text", start, line, None, row)


# What follows a metadata key in a report's header: a person's name and nothing else
# ("President: Masud Gharahkhani").
_NAME_ONLY = re.compile(
    r"[ \t]*[A-Z\u00c0-\u00de][\w'’.\-]*"
    r"(?:[ \t]+(?:[A-Z\u00c0-\u00de][\w'’.\-]*|de|van|von|der|den|la|le|af)){1,4}[ \t]*"
)


# An oral history's title line, shaped like a label, before the first speech: the
# narrator's name and how the interview came about ("BRUNO SICILIANO: An Interview
# Conducted by Peter Asaro, IEEE History Center, 25 July 2011.").
_TITLE = re.compile(
    r"(?i)(?:an? |the )?(?:oral[ -]history )?(?:interview(?:ed)?|oral[ -]history)"
    r"(?: (?:conducted|recorded))? (?:by|with)\b"
)


def front_line(line: str, found: _Label, later: set[str]) -> bool:
    """Whether ``line``, shaped like the label ``found``, before the first speech, is
    front matter to the reader whatever surrounds it (as :func:`_front_names` judges):
    an oral history's title line, or a metadata line holding only a name that no
    later label (``later``: their name keys) prints."""
    if _TITLE.match(line, found.end):
        return True
    return (
        found.time is None
        and found.kind != "explicit"
        and _NAME_ONLY.fullmatch(line, found.end) is not None
        and not _named_elsewhere(found, later)
    )


def _front_names(result: list[_Row], kinds: Counter[str]) -> None:
    """A label before the first speech whose line holds only a name, the sitting's
    chair in a report's header ("Dato: 22.10.2024" / "President: Masud Gharahkhani",
    the Storting), is front matter when no later label prints that name: its row
    becomes text (and its kind is counted off ``kinds``)."""
    labels = (
        i
        for i, (kind, _, _, found, _) in enumerate(result)
        if kind == "label" and isinstance(found, _Label) and found.kind != "explicit"
    )

    def name_only(i: int) -> bool:
        line, found = result[i][2], cast(_Label, result[i][3])
        return found.time is None and _NAME_ONLY.fullmatch(line, found.end) is not None

    leading: list[int] = []  # (the labels before the first speech: rarely any)
    titles: list[int] = []  # ("BRUNO SICILIANO: An Interview Conducted by ...")
    for i in labels:
        if _TITLE.match(result[i][2], cast(_Label, result[i][3]).end):
            titles.append(i)
            continue
        if not name_only(i):
            break
        leading.append(i)
    else:
        return  # no speech at all
    for t in titles:
        _, start, line, head, row = result[t]
        kinds[cast(_Label, head).kind] -= 1
        result[t] = ("text", start, line, None, row)
    if not leading:
        return
    others = {_norm(_name_part(cast(_Label, result[j][3]).label)) for j in (i, *labels)}
    for i in leading:
        _, start, line, head, row = result[i]
        found = cast(_Label, head)
        if not _named_elsewhere(found, others):
            kinds[found.kind] -= 1
            result[i] = ("text", start, line, None, row)


_LEAD_GROUP = re.compile(r"[ \t]*(\([^()\n]{1,80}\)|\[[^\[\]\n]{1,80}\])")


def _lead_stage(
    line: str, pattern: re.Pattern[str] | None
) -> tuple[list[tuple[int, str]], int, _Label] | None:
    """Stage directions that open a line before a speaker label, and the label."""
    groups: list[tuple[int, str]] = []
    pos = 0
    while True:
        match = _LEAD_GROUP.match(line, pos)
        if not match or _stage(match.group(1)[1:-1]) is None:
            break
        groups.append((match.start(1), match.group(1)))
        pos = match.end()
    if not groups:
        return None
    at = pos + len(line[pos:]) - len(line[pos:].lstrip(" \t"))
    if at == pos or at >= len(line):
        return None
    label = _candidate(line[at:], pattern)
    if label is None or label.kind == "explicit":
        return None
    return groups, at, label


_NOT_SPACE = re.compile(r"\S")


# The line end before a line that may be anything but plain text (the search for a
# literal newline skips to the next line at once; "^" is tried at every character):
# where the line after it starts is the match's end.
# What a line opens with where _plain_row looks further (escapes, brackets, breaks).
_LOOKED_AT = frozenset("\\([-*#_")
_AFTER = re.compile(f"\n(?={_SPECIAL})", re.MULTILINE)
_END = re.Match.end


def _blank_inside(text: str) -> bool:
    """Whether a blank line (empty or only white space: a ``blank`` row) stands
    between the first and the last line of ``text`` that is not blank."""
    first = _NOT_SPACE.search(text)
    if first is None:
        return False
    last = len(text)  # (after the last character that is not white space: no copy)
    while text[last - 1].isspace():
        last -= 1
    return BLANK_LINE.search(text, first.start(), last) is not None


def _bracketed(
    out: list[_Row],
    candidates: list[int],
    tally: _Tally,
    line: str,
    start: int,
    row: int,
    pattern: re.Pattern[str] | None,
) -> bool:
    """Add the rows of a line opening with a bracket that is a stage direction, or
    stage directions then a label; whether it was one of those."""
    if _STAGE_LINE.match(line):
        out.append(("stage", start, line, None, row))
        return True
    opening = _bracket_label(line, pattern)
    if opening is not None:
        candidates.append(len(out))
        out.append(("cand", start, line, opening, row))
        tally.add(opening)
        return True
    split = _lead_stage(line, pattern)
    if split is None:
        return False
    # "(APPLAUSE) CLINTON: How are you?": directions, then a label.
    groups, at, opening = split
    for offset, group in groups:
        out.append(("stage", start + offset, group, None, row))
    candidates.append(len(out))
    out.append(("cand", start + at, line[at:], opening, row))
    tally.add(opening)
    return True
