"""Plain text: the lexical rules the reader and the writer share (labels, stage
directions, breaks, escapes)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Container
from typing import TypeAlias

import attrs

from ._rules import NCNAME, is_collective, is_interjecting, parse_clock, stage_direction
from ._speakers import (
    name_key,
)
from ._text_names import (
    _PAREN,
    _name_part,
    _name_shape,
)
from .models import IncidentKind

_WS = " \t\u00a0"
# A label may be indented with no-break spaces as well as spaces and tabs: pages
# taken out of HTML (White House transcripts) indent paragraphs with "&nbsp;".
_INDENT = r"(?P<indent>[ \t\u00a0]*)"
_TS = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_LABEL = re.compile(
    rf"{_INDENT}"
    # (a bullet before every line, as caption sites list lines: "  • GEOFF BENNETT: ...")
    r"(?:•[ \t\u00a0]+)?"
    # (a span of time in the brackets, "[00:01.23 - 00:05.67] SPEAKER_00: text", as
    # speech-to-text scripts print a segment: its start is the turn's)
    rf"(?:(?P<lts>\[{_TS}(?:[ \t]*(?:-->|[–—-])[ \t]*{_TS})?\]|\({_TS}\)|{_TS})"
    rf"[ \t]+(?:[–—-][ \t]+)?)?"
    # (Markdown strong or emphasis around the name: "**Name:**", "__Name:__", "*Name:*")
    rf"(?P<bold>\*\*|__|\*(?!\*)|_(?!_))?"
    # "**[01:12] SPEAKER_01:** text": a diarising service's time inside the bold
    rf"(?(bold)(?P<bts>\[{_TS}\][ \t]+)?)"
    # (a Hungarian member's office may run to 160 characters: "LEZSÁK SÁNDOR, az
    # oktatási és tudományos bizottság elnöke, ...; valamint az MDF
    # képviselőcsoportja részéről :")
    rf"(?P<label>[^\s:*_\\\[(][^:\n]{{0,159}}?)"
    rf"(?:[ \t]+(?:[–—-][ \t]+)?(?P<tts>\({_TS}\)|\[{_TS}\]|{_TS}))?"
    rf"(?(bold)(?:(?P=bold):|::?(?P=bold))|:)"
    rf"(?:[ \t\u00a0]+(?P<ats>\({_TS}\)|\[{_TS}\]|{_TS})?[ \t]*$"
    # "Name: [00:01:02] text": a bracketed time between the label and the speech
    rf"|[ \t\u00a0]+(?P<its>\({_TS}\)|\[{_TS}\])[ \t]+(?=\S)"
    # "O Sr. Presidente: — Srs. Deputados": a dash after the colon (the Portuguese
    # Diário da Assembleia da República) is the label's, not the speech's
    rf"|[ \t\u00a0]+[—–-][ \t\u00a0]+(?=\S)|[ \t\u00a0]+|$)"
)
# "Name 00:01:02" or "**Name** 00:01:02" alone on its line: the text follows on the
# next lines.
# (Or under a Markdown heading mark, as some exports print every speaker: "### Jane Doe
# 8:07"; such a label counts only where the name recurs: a chapter heading with its
# time, "## Intro 0:00", does not.)
_LABEL_TS_LINE = re.compile(
    rf"{_INDENT}(?P<heading>#{{1,6}}[ \t]+)?(?P<bold>\*\*)?"
    rf"(?P<label>[^\s:*\\\[(#][^:*\n]{{0,99}}?)(?(bold)\*\*)"
    rf"[ \t]+(?P<tts>\(?{_TS}\)?|\[{_TS}\])[ \t]*$"
)
_QA = re.compile(
    _INDENT + r"(?P<label>Q|A)"
    r"(?:[.:][ \t\u00a0]+|:?[ \t\u00a0]*$|\t[ \t]*|[ \t]+[-–][ \t]+(?=\S)|[ \u00a0]{2,}"
    r"|(?<=Q)(?P<space> )(?=\S))"
)
# "Name - text": a short name set off from the speech by a spaced hyphen or en dash
# instead of a colon ("Q - ..." / "Laolu - ..." / "A - ..." in talk and workshop
# transcripts). Such a label counts only where its name recurs (see ``loose``).
_DASH_NAME = r"[A-Z][\w'’.]*(?: [A-Z][\w'’.]*){0,2}"
_DASH = re.compile(rf"{_INDENT}(?P<label>{_DASH_NAME})[ \t]+[-–][ \t]+(?=\S)")
# A Westminster question paper label (New Zealand, Australia): the question's number,
# the member, the minister asked: "1. ANDREW LITTLE (Leader of the Opposition) to the
# Prime Minister :". The member is the speaker.
_QUESTION = re.compile(r"\d{1,3}\.[ \t]+(?P<name>\S.{0,80}?)[ \t]+to the [^:]{2,100}?\Z")
# The Belgian Chamber's integral report numbers every intervention: "01.02  Peter De
# Roover (N-VA): ...". The number is not the speaker's name.
_NUMBERED = re.compile(r"\d{1,3}\.\d{1,3}[ \t\u00a0]+(?P<name>[^\d\s].{0,99})\Z")
# UK select committees' oral evidence numbers the questions: "Q12 Chair: ...",
# "Q13 Harriett Baldwin: ..."; the number is not the speaker's name.
_COMMITTEE_Q = re.compile(r"Q\d{1,4}[ \t\u00a0]+(?P<name>[^\d\s].{0,99})\Z")
# The Swedish Riksdag's record numbers every speech ("anförande"): "Anf. 12 ANNA
# ANDERSSON (S):", "Anf. 1 TALMANNEN:". The number is not the speaker's name.
_SPEECH_NO = re.compile(r"Anf\.[ \t\u00a0]+\d{1,4}[ \t\u00a0]+(?P<name>[^\d\s].{0,99})\Z")
# "Name {#id}:": the id is any NCName (the one id rule, debatekit._rules).
_EXPLICIT = re.compile(rf"(?P<name>\S.{{0,119}}?) \{{#(?P<id>{NCNAME})\}}:(?:[ \t]+|$)")
_EXPLICIT_ESCAPED = re.compile(rf"(.{{1,120}}?) \\(\{{#{NCNAME}\}}:(?:[ \t]|$))")
# A label's colon is never further into its line than this (label, stamps, markup).
_LABEL_REACH = 200
# The start of every line that may be anything but plain text: white space alone, an
# opening bracket, escape or mark, or a label (a colon, or a dash after a short name:
# _MARKED, the alternatives that need a colon, a hyphen or an en dash in the line).
_BARE = r"[^\S\n]+$|[ \t\u00a0]*[(\[\\*#_\-QA]"
_MARKED = rf"[^\n]{{0,{_LABEL_REACH}}}:|[ \t\u00a0]*{_DASH_NAME}[ \t]+[-–][ \t]"
_SPECIAL = f"(?:{_BARE}|{_MARKED})"
_SPECIAL_LINE = re.compile("^" + _SPECIAL, re.MULTILINE)
# The same after the first line, found from the line end before it (a search for a
# literal newline skips to the next line at once; "^" is tried at every character).
_SPECIAL_NEXT = re.compile("\n" + _SPECIAL, re.MULTILINE)
# The same without the alternatives that a text holding none of those cannot match.
_BARE_LINE = re.compile(f"^(?:{_BARE})", re.MULTILINE)
_BARE_NEXT = re.compile(f"\n(?:{_BARE})", re.MULTILINE)

_ANY_LINE = re.compile(r"^(?=.)", re.MULTILINE)
_ANY_NEXT = re.compile(r"\n(?=.)")
# A block of non-empty lines.
_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def special_free(text: str) -> bool:
    """Whether no line of ``text`` starts as :data:`_SPECIAL` (neither
    :data:`_SPECIAL_LINE` nor :data:`_SPECIAL_NEXT` finds one); the alternatives that
    need a label's colon or dash are tried only where the text holds one."""
    if ":" in text or "-" in text or "\u2013" in text:
        return _SPECIAL_LINE.match(text) is None and _SPECIAL_NEXT.search(text) is None
    return _BARE_LINE.match(text) is None and _BARE_NEXT.search(text) is None


#: A classified line (or run of plain lines): kind, offset, text, detail, line number.
_Row: TypeAlias = "tuple[str, int, str, object, int]"
# (A Spanish record closes its stage directions with a full stop: "(Rumores en la sala).")
_STAGE_LINE = re.compile(r"[ \t]*(?:\(([^()\n]+)\)\.?|\[([^\[\]\n]+)\])[ \t]*\Z")
_BREAK = re.compile(r"[ \t]*(?:-{3,}|\*{3,}|(?:\* ){2,}\*|#{3,}|_{3,})[ \t]*\Z")
# A parenthesis inside a paragraph may be a stage direction: short, or (a protocol's
# reactions, "(Beifall bei der ÖVP. – Abg. X: ... – Abg. Y: ...)") long.
# (Not one glued to a word: "(2019/2801(RSP))", "member(s)".)
_INLINE = re.compile(r"\((?<![\w/]\()([^()\n]{1,600})\)|\[(?<!\w\[)([^\[\]\n]{1,120})\]")
_BOILERPLATE = re.compile(
    r"(?i:(?:view|watch|listen to|subscribe|download|read the full|click|visit)\b.{0,150}"
    r"\b(?:player|youtube|video|podcast|episode|transcript|recording|here|online|website"
    r"|newsletter|app|spotify)\b"
    r"|previously in\b|related (?:content|reading|links)\b|more from\b|see also\b"
    r"|copyright\b|©|this transcript (?:has|was|is)\b|transcript (?:by|provided|produced)\b)"
    r"|END\b|\(END\)|- ?END ?-"
)


@functools.lru_cache(maxsize=4096)
def _stage(content: str) -> tuple[IncidentKind, str | None] | None:
    """Kind and subtype if ``content`` (inside brackets) is a stage direction."""
    known = stage_direction(content)
    if known is not None:
        return known
    letters = [c for c in content if c.isalpha()]
    if len(letters) >= 2 and not any(c.islower() for c in letters):
        return "incident", None
    return None


@functools.lru_cache(maxsize=4096)
def _parse_time(text: str) -> dt.timedelta | None:
    """A printed timestamp, in brackets or parentheses or bare, as a time (of a span,
    "[00:01.23 - 00:05.67]", its start)."""
    text = text.strip().removeprefix("[").removeprefix("(").rstrip("])")
    return parse_clock(_SPAN_END.sub("", text) if len(text) > 12 else text)


_SPAN_END = re.compile(r"[ \t]*(?:-->|[–—-])[ \t]*[\d:.,]+\Z")


@attrs.frozen
class _Label:
    """A speaker label found at the start of a line (a field added here is added to
    the stamped copy :func:`_usual_label` makes too)."""

    label: str  # as printed, without colon, bold or timestamps
    end: int  # where the text starts, in the line
    kind: str  # "colon", "caps", "qa", "markdown", "timestamp", "explicit", "pattern"
    time: dt.timedelta | None = None
    explicit_id: str | None = None
    rest_on_next_line: bool = False
    # "Q Thanks" (a bare Q and one plain space, never "A lot"), "Name - text", "### Name
    # 8:07": a label only where the name recurs
    loose: bool = False


_WRAP = re.compile(r"[ \t]*\n[ \t]*")


def _bracket_open(line: str) -> bool:
    """Whether ``line`` ends inside a square bracket (``Office [Holder`` wrapped)."""
    return "[" in line and line.rfind("[") > line.rfind("]")


def _wraps_onto(first: str, second: str) -> bool:
    """Whether a label printed on ``first`` may run on to ``second``: the office's
    holder in square brackets wrapped ("Timbalan Menteri ... [Tuan A." / "Kohilan Pillay
    a/l G. Appu]: "), or the colon alone on the next line ("Puhemies Paula Risikko" /
    ":")."""
    return _bracket_open(first) or second.strip(" \t") == ":"


def _bracket_joined(prefix: str) -> str | None:
    """A label's printed prefix over two lines (:func:`_wraps_onto`; then only blank
    lines before the speech) as one line (the line end a space); else ``None``."""
    lines = prefix.split("\n")
    if len(lines) < 2 or any(x.strip() for x in lines[2:]) or not _wraps_onto(*lines[:2]):
        return None
    return f"{lines[0]} {lines[1]}"


def _wrapped_label(line: str, following: str, pattern: re.Pattern[str]) -> _Label | None:
    """A label of a convention's ``pattern`` printed alone over two lines (a
    minister's office too long for one line: ``Tarek Al-Wazir, Minister für ...``
    / ``und Wohnen:``); its ``end`` counts in ``line + "\\n" + following``."""
    two = f"{line}\n{following}"
    joined = _WRAP.sub(" ", two, count=1)
    match = pattern.match(joined)
    if not match or not match.group("label") or joined[match.end() :].strip():
        return None
    if match.end("label") <= len(line.rstrip(" \t")):
        return None  # the label ends on the first line: not a wrapped label
    label = match.group("label").strip()
    return _Label(label, match.end() + len(two) - len(joined), "pattern")


# "(UNKNOWN): text", "(UNIDENTIFIED MALE): text": a speaker the transcriber could not
# name, in parentheses before the colon (CQ and CNN transcripts).
_PAREN_LABEL = re.compile(r"\((?P<label>[A-Z][A-Z'’. \-]{1,40})\):(?:[ \t]+(?=\S)|[ \t]*$)")
# "[*] GRASSLEY: text", "[*12] ...": a star-paging mark (the start of a page of the
# printed record: CQ, Lexis) before a label, kept in the label's printed prefix.
_STAR_PAGE = re.compile(r"\[\*\d*\][ \t]+")


def _bracket_label(line: str, pattern: re.Pattern[str] | None = None) -> _Label | None:
    """The label of a line that opens with a bracket: an unnamed speaker in
    parentheses, or a label after a star-paging mark; else None."""
    match = _PAREN_LABEL.match(line)
    if match is not None:
        name = match["label"].strip()
        if pattern is not None or stage_direction(name) is not None or _name_shape(name) is None:
            return None  # "(LAUGHTER):", "(NOTE):" name no speaker
        return _Label(name, match.end(), "caps")
    match = _STAR_PAGE.match(line)
    if match is None or line.startswith("[", match.end()):
        return None  # (one mark looked past: no recursion on the line's length)
    found = _candidate(line[match.end() :], pattern)
    if found is None or found.kind == "explicit":
        return None
    return attrs.evolve(found, end=found.end + match.end())


def _candidate(line: str, pattern: re.Pattern[str] | None = None) -> _Label | None:
    """The label at the start of ``line``, before any check against the rest of the text."""
    match = _EXPLICIT.match(line)
    if match:
        return _Label(match["name"], match.end(), "explicit", explicit_id=match["id"])
    if line[:1] in "([" and line[1:2] in "*ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        found = _bracket_label(line, pattern)
        if found is not None:
            return found
    if pattern is not None:
        match = pattern.match(line)
        if not match:
            return None
        groups = match.groupdict()
        # (a convention's marker alone, ">>", changes to an unnamed speaker)
        name = groups["label"] or groups.get("marker")
        if not name:
            return None
        stamp = groups.get("time") or groups.get("after") or groups.get("bare")
        time = _parse_time(stamp) if stamp else None
        return _Label(name.strip(), match.end(), "pattern", time=time)
    match = _QA.match(line)
    if match:
        return _Label(match["label"], match.end(), "qa", loose=match["space"] is not None)
    match = _LABEL.match(line)
    if match:
        label = match["label"].rstrip()
        if (
            label[:1].isdigit()
            or (label[:1] == "Q" and label[1:2].isdigit())
            or label.startswith("Anf.")
        ):
            # the number and the addressee stay in the printed prefix
            numbered = (
                _QUESTION.match(label)
                or _NUMBERED.match(label)
                or _COMMITTEE_Q.match(label)
                or _SPEECH_NO.match(label)
            )
            if numbered is not None:
                label = numbered["name"]
        shape = _name_shape(label)
        if shape is None or _not_a_speaker(label, line, match.end()):
            return _dashed(line)
        stamp = match["lts"] or match["bts"] or match["tts"] or match["ats"] or match["its"]
        kind = "markdown" if match["bold"] else "timestamp" if stamp else shape
        if label in ("Q", "A") and kind == "caps":
            kind = "qa"
        return _Label(
            label,
            match.end(),
            kind,
            time=_parse_time(stamp) if stamp else None,
            rest_on_next_line=bool(match["ats"]),
        )
    match = _LABEL_TS_LINE.match(line)
    if match:
        label = match["label"].rstrip()
        if _name_shape(label) is None:
            return None
        return _Label(
            label,
            len(line),
            "timestamp",
            time=_parse_time(match["tts"]),
            rest_on_next_line=True,
            loose=match["heading"] is not None,
        )
    return _dashed(line)


def _dashed(line: str) -> _Label | None:
    """A ``Name - text`` label at the start of ``line`` (loose: a label only where the
    name recurs), or ``None``."""
    match = _DASH.match(line)
    if match is None:
        return None
    shape = _name_shape(match["label"])
    if shape is None:
        return None
    return _Label(match["label"], match.end(), shape, loose=True)


_YAML_BLOCK = re.compile(r"---[ \t]*\n(?:.*\n){0,200}?---[ \t]*(?:\n|\Z)")
# "  JD: Jane Doe" in the block: initials (or a short form) declared for a full name.
_DECLARED = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?P<short>[A-Z][A-Z0-9]{0,3}):[ \t]+[\"']?"
    r"(?P<name>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){1,4})[\"']?[ \t]*$",
    re.MULTILINE,
)


def _yaml_block(text: str) -> tuple[int, dict[str, str]]:
    """Where a YAML front-matter block at the start of ``text`` ends (0: none), and
    the short labels it declares (``JD: Jane Doe`` -> ``{"JD": "Jane Doe"}``)."""
    match = _YAML_BLOCK.match(text)
    if match is None:
        return 0, {}
    declared = {m["short"]: m["name"] for m in _DECLARED.finditer(match.group())}
    return match.end(), declared


# The speakers a YAML front-matter block lists: "speakers:" then "  - Jane Doe" lines,
# or "speakers: ['Jane Doe', 'John Roe']".
_YAML_SPEAKERS = re.compile(
    r"^speakers:[ \t]*(?:\[(?P<flow>[^\]\n]*)\]|\n(?P<block>(?:[ \t]*-[ \t]+[^\n]+\n)+))",
    re.MULTILINE,
)


def _yaml_names(text: str) -> frozenset[str]:
    """Every word of the names the YAML front matter at the start of ``text`` lists as
    speakers, as name keys: a one-word label printing one of them ("Oliver:" for
    "Oliver Gugger") names a speaker even where it is printed once."""
    end, _ = _yaml_block(text)
    match = _YAML_SPEAKERS.search(text, 0, end) if end else None
    if match is None:
        return frozenset()
    if match["flow"] is not None:
        names = match["flow"].split(",")
    else:
        names = [line.split("-", 1)[1] for line in match["block"].splitlines()]
    words = {w for name in names for w in name_key(name.strip(" \t'\"")).split()}
    return frozenset(w for w in words if len(w) > 1)


_URL_ONLY = re.compile(r"[ \t]*<?(?:https?://|www\.)\S+[ \t]*")


# A deposition's or trial's examination byline, "BY MR. SMITH:" alone on its line: who
# asks the questions (Q.) that follow, not a speech of its own.
_BYLINE = re.compile(r"BY (?:MR|MRS|MS|MISS|DR)\.? [A-Z]")
# Such a byline anywhere in a document (which then examines witnesses).
_BYLINES = re.compile(
    r"^[ \t\d]*BY (?:MR|MRS|MS|MISS|DR)\.? [A-Z][^\n:]{0,60}:[ \t]*$", re.MULTILINE
)


def _not_a_speaker(label: str, line: str, end: int) -> bool:
    """A label shape that names no speaker: one followed only by a link ("Electrum
    GitHub: https://..."), a stage direction's word ("**Break:** [39:51]"), or an
    examination byline ("BY MR. SMITH:")."""
    if _URL_ONLY.fullmatch(line, end):
        return True
    if label[:3] == "BY " and _BYLINE.match(label) and not line[end:].strip():
        return True
    words = _PAREN.sub(" ", _name_part(label)).split()
    return len(words) == 1 and stage_direction(words[0]) is not None


_LEAD_STAMP = re.compile(rf"(\[{_TS}\])[ \t]+")
_PLAIN_PREFIX = re.compile(r"[^\W\d_][^\d*:\n\[\]]*")
_PREFIX_LABELS: dict[str, _Label | None] = {}


def _usual_label(line: str, stamped: bool = False) -> _Label | None:
    """:func:`_candidate` with a shortcut for the usual ``Name: text`` line.

    Where the line is a plain prefix (letters, no digits or markup), a colon, one
    space and text, the answer depends on the prefix only, so it is worked out once
    per prefix (a transcript repeats the same few labels) and reused.
    """
    colon = line.find(":", 1, _LABEL_REACH)
    if colon < 0:
        # Without a colon only "Q" and "A" labels and "Name - text" remain possible.
        found_qa = _QA.match(line)
        if found_qa is None:
            return _dashed(line)
        return _Label(found_qa["label"], found_qa.end(), "qa", loose=bool(found_qa["space"]))
    if line[0] == "[" and not stamped:
        stamp = _LEAD_STAMP.match(line)
        if stamp:
            # One stamp looked past (a second one is judged by _candidate): no
            # recursion on the input's length.
            inner = (
                _usual_label(line[stamp.end() :], stamped=True) if stamp.end() < len(line) else None
            )
            if inner is None or inner.kind in ("explicit", "markdown", "qa", "timestamp"):
                return _candidate(line)
            return _Label(  # (as attrs.evolve would, at a third of its cost)
                inner.label,
                inner.end + stamp.end(),
                "timestamp",
                time=_parse_time(stamp.group(1)),
                explicit_id=inner.explicit_id,
                rest_on_next_line=inner.rest_on_next_line,
                loose=inner.loose,
            )
    if (
        colon > 0
        and line[colon + 1 : colon + 2] == " "
        and line[colon + 2 : colon + 3]
        not in ("", " ", "\t", "\u00a0", "(", "[", "<", "h", "w", "—", "–", "-")
        and not line[colon + 2 : colon + 3].isdigit()  # "Name: 00:01:10": a time, not text
    ):
        prefix = line[:colon]
        if prefix in _PREFIX_LABELS:  # (only plain prefixes are kept)
            return _PREFIX_LABELS[prefix]
        if not _PLAIN_PREFIX.fullmatch(prefix):
            return _candidate(line)
        found = _candidate(prefix + ": x")
        if len(_PREFIX_LABELS) < 4096:
            _PREFIX_LABELS[prefix] = found
        return found
    return _candidate(line)


def _special(line: str, pattern: re.Pattern[str] | None = None) -> bool:
    """Would the reader take ``line``, at the start of a line, for anything but text?"""
    if _STAGE_LINE.match(line) is not None or _BREAK.match(line) is not None:
        return True
    if is_interjecting(line):
        return True  # 'Mr Tanner interjecting' alone: a stage direction
    if pattern is not None:
        found = _candidate(line, pattern)
    else:
        first = line.lstrip(" \t")[:1]
        if first not in ("Q", "A") and "{#" not in line and line.find(":", 0, _LABEL_REACH) < 0:
            # no colon within reach: no label but "Name - text" (as the reader's line filter)
            found = _dashed(line)
        else:
            found = _usual_label(line)
    # 'Hon. Members: Hear, hear!' names a group: the reader keeps it as text.
    return found is not None and (found.kind == "explicit" or not is_collective(found.label))


_STRONG, _IN_TURNS = 1, 2


def _escape(line: str) -> tuple[str, int] | None:
    """The line without its escaping backslash, if it has one the writer put there.

    The writer escapes a line that would read as something else (a label, a stage
    direction, a break), and a line that starts with backslashes before such a
    line; so a backslash is an escape exactly when what follows the leading
    backslashes is such a line (strength ``_STRONG``). A closing line ("Watch it
    on YouTube") is escaped only inside turns, where it would end the speech
    (strength ``_IN_TURNS``): in front and back matter its backslash is text.
    """
    if line.startswith("\\"):
        rest = line[1:]
        core = rest.lstrip("\\")
        if _special(core):
            return rest, _STRONG
        if _BOILERPLATE.match(core):
            return rest, _IN_TURNS
    if "\\{#" in line:
        match = _EXPLICIT_ESCAPED.match(line)
        if match:
            plain = match.group(1) + " " + line[match.end(1) + 2 :]
            if _EXPLICIT.match(plain):
                return plain, _STRONG
    return None


def _named_elsewhere(found: _Label, keys: Container[str]) -> bool:
    """Whether a label alone on its line before the first speech names someone who is
    labelled elsewhere (``keys``: the other labels' name keys), by the same name or
    by the surname alone: ``STEVE INSKEEP, HOST:`` then ``INSKEEP:`` (NPR). Such a
    label opens a speech; a list heading (``HOST:``, ``**News:**``) names nobody."""
    key = name_key(_name_part(found.label))
    words = key.split()
    return key in keys or (len(words) > 1 and words[-1] in keys)


def _inline_speech(line: str, found: _Label) -> bool:
    """Whether the label ``found`` carries speech on its line (a label with an id
    too: ``Jane {#jd}: Hello.``): from the first such label on, a label alone on its
    line opens a speech rather than heading the front matter."""
    if found.kind == "explicit":
        return bool(line[found.end :].strip())
    return _bare_heading(line, found) is False


def _bare_heading(line: str, found: _Label) -> bool | None:
    """True for a label alone on its line; False for one followed by text; None else."""
    if found.kind in ("explicit", "pattern") or found.time is not None:
        return None
    if found.rest_on_next_line:
        return None
    return not line[found.end :].strip()
