"""Reading WebVTT and SRT: blocks, cues, cue text, and the turns they make.

Every step is linear in the input: lines are split once, tags are found with
``str.find`` (no regular expression that can backtrack over a line), and the
regular expressions left are anchored at a line's start and bounded.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any

import attrs

from . import _captions_meta as meta
from ._captions_build import (
    _SOUND,
    _UNKNOWN,
    _Builder,
    _Cue,
    _Draft,
    _Line,
    _Note,
    _speakers,
    _turn,
)
from ._rules import CLOCK, clock_from_parts, is_blank, stage_direction
from .errors import _Warner
from .models import BodyItem, Event, Incident, Transcript

__all__ = ["read"]

_TIMING = re.compile(rf"[ \t]*{CLOCK}[ \t]+-->[ \t]+{CLOCK}(?:[ \t]+(?P<settings>.*))?\Z")
_WORD_TIME = re.compile(r"(?:\d+:)?\d{2}:\d{2}\.\d{3}\Z")
_ANY_WORD_TIME = re.compile(r"<(?:\d+:)?\d{2}:\d{2}\.\d{3}>")
_NAME_PREFIX = re.compile(r"([A-Z][\w.'’\-]*(?:[ \t][A-Z][\w.'’\-]*){0,4}):(?=[ \t])")
# Brackets inside a line: any [...] (captions bracket sounds), (...) when a stage direction.
_BRACKETS = re.compile(r"\[([^\[\]]*)\]|\(([^()]*)\)")
# A line that ends inside a sentence (a label after it is part of the sentence).
_BLANKS = re.compile(r"[ \t]*")
_BRACKET_REF = re.compile(r"&#(?:91|40|x5[bB]|x28);")
_MID_SENTENCE = re.compile(r".*[\w,]\Z")

# A speaker change in broadcast captions: '>>' (a new story: '>>>'); WebVTT may write
# the chevrons as character references ('&gt;&gt;').
_CHANGE = re.compile(r"(?:>>>?|&gt;&gt;(?:&gt;)?)[ \t]*")
# Subtitles for the deaf: a dialogue dash starts each speaker's line in a cue that
# holds two speakers ('- Hello.' / '- Hi.': its first line and another); a name in
# brackets before the text names a speaker not seen on screen ('[Alba] In 1928,';
# after a dash: '- [Alba] No.').
_DASH = re.compile(r"-(?![-\d])[ \t]*(?=\S)")
_BRACKET_NAME = re.compile(r"\[([^\W\d_][\w.'’\-]*(?:[ \t][^\W\d_][\w.'’\-]*){0,2})\](?=[ \t]+\S)")
# Tags that SRT files use; anything else between < and > in SRT is text.
_SRT_TAG = re.compile(r"/?(?:[ibus]|font)(?:[\s=>]|\Z)", re.IGNORECASE)
_NO_TIMING = "cue without a valid timing line ('00:00:01.000 --> 00:00:02.000')"


# -- blocks -----------------------------------------------------------------------------


def _blocks(lines: list[str], start: int) -> list[tuple[int, list[str]]]:
    """Groups of lines separated by blank lines, with their first line numbers.

    An empty line always separates; a line of only white space separates where a
    block cannot go on (the next line is blank, a timing line, a cue number before a
    timing line, or the input ends),
    since auto-generated captions put a single space on a line inside a cue.
    """
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = 0
    count = len(lines)
    for i in range(start, count):
        line = lines[i]
        if is_blank(line):
            following = lines[i + 1] if i + 1 < count else ""
            numbered = following.strip().isdigit() and i + 2 < count and "-->" in lines[i + 2]
            if not line or is_blank(following) or "-->" in following or numbered:
                if current:
                    blocks.append((first, current))
                    current = []
                continue
            if not current:
                continue
        if not current:
            first = i + 1
        current.append(line)
    if current:
        blocks.append((first, current))
    return blocks


def _timing(line: str) -> tuple[dt.timedelta, dt.timedelta, str | None] | str:
    """Start, end and settings of a timing line, or why it is not one."""
    match = _TIMING.match(line)
    if match is None:
        return _NO_TIMING
    groups = match.groups()
    start, end = clock_from_parts(*groups[0:4]), clock_from_parts(*groups[4:8])
    if start is None or end is None:
        return "cue time out of range (at most 99999 hours, minutes and seconds below 60)"
    settings = match.group("settings")
    return start, end, settings.strip() if settings and settings.strip() else None


@attrs.define
class _Document:
    """What the blocks of a file hold, in order."""

    header: list[str] = attrs.Factory(list)
    items: list[_Cue | _Note] = attrs.Factory(list)
    srt_number: int = 0  # the number of the last SRT cue, as printed or implied
    styles: list[str] = attrs.Factory(list)


def _srt_number(doc: _Document, printed: str) -> str | None:
    """An SRT cue's number where the writer's numbering would not give it back (an
    excerpt that starts at cue 1108), else ``None``: only the exceptions are recorded."""
    number = int(printed) if printed.isdigit() and len(printed) < 10 else None
    expected = doc.srt_number + 1
    doc.srt_number = number if number is not None else expected
    return printed if number is not None and number != expected else None


def _document(text: str, vtt: bool, warn: _Warner) -> _Document:
    lines = text.split("\n")
    doc = _Document()
    begin = 0
    if vtt:
        while begin < len(lines) and is_blank(lines[begin]):
            begin += 1
        end = begin
        while end < len(lines) and lines[end] and "-->" not in lines[end]:
            end += 1
        doc.header = lines[begin:end]
        begin = end
    late: list[int] = []
    for lineno, block in _blocks(lines, begin):
        head = block[0].strip()
        if vtt and (head == "NOTE" or head.startswith(("NOTE ", "NOTE\t"))):
            doc.items.append(_Note("\n".join(block)[4:].strip(), "\n".join(block)))
            continue
        if vtt and head.split(None, 1)[0] in ("STYLE", "REGION") and "-->" not in block[0]:
            doc.styles.append("\n".join(block))
            continue
        _cue(doc, lineno, block, vtt, warn, late)
    if late:
        warn(
            f"{len(late)} cue text{'s' if len(late) > 1 else ''} after a blank line "
            "(the cue before has no text): read as the text of the cue before",
            late[0],
        )
    return doc


def _cue(
    doc: _Document, lineno: int, block: list[str], vtt: bool, warn: _Warner, late: list[int]
) -> None:
    """The cues of one block: one, or more where a timing line follows cue text without
    a blank line between (a new cue starts there, as in browsers)."""
    while block:
        at = next((i for i, line in enumerate(block[:3]) if "-->" in line), None)
        last = doc.items[-1] if doc.items else None
        if at is None and isinstance(last, _Cue) and last.start is not None and not last.lines:
            last.lines = block  # the text of a cue, after a blank line
            late.append(lineno)
            return
        timing = _timing(block[at]) if at is not None else None
        if at is None or isinstance(timing, str) or timing is None:
            where = lineno + (at or 0)
            why = timing if isinstance(timing, str) else _NO_TIMING
            warn(why + "; its lines are kept as text without a time", where)
            srt_number = not vtt and block[0].strip().isdigit() and len(block) > 1
            doc.items.append(
                _Cue(where, None, None, None, None, block[1:] if srt_number else block)
            )
            return
        start, end, settings = timing
        if end < start:
            warn(f"cue ends ({end}) before it starts ({start}); end time dropped", lineno)
            end = start
        ident = block[0] if vtt and at == 1 else _srt_number(doc, block[0] if at == 1 else "")
        payload = block[at + 1 :]
        split = next(
            (k for k, line in enumerate(payload) if "-->" in line and _TIMING.match(line)),
            len(payload),
        )
        doc.items.append(_Cue(lineno, start, end, ident, settings, payload[:split]))
        lineno += at + 1 + split
        block = payload[split:]


# -- cue text ---------------------------------------------------------------------------


def _voice(line: str) -> tuple[str, int] | None:
    """The name of a voice tag at the start of ``line`` and where the tag ends."""
    if not line.startswith("<v") or len(line) < 3 or line[2] not in ". \t>":
        return None
    close = line.find(">")
    if close < 0:
        return None
    annotation = line[2:close]
    if annotation.startswith("."):  # classes: <v.loud Name>
        annotation = annotation.partition(" ")[2] if " " in annotation else ""
    return html.unescape(annotation.strip()), close + 1


def _unescape(piece: str, base: int, escaped: set[int]) -> str:
    """``piece`` with its character references decoded; where a reference gives a
    bracket (written so by the writer, to be text), its offset (from ``base``) goes
    into ``escaped``."""
    out: list[str] = []
    at = 0
    size = base
    for match in _BRACKET_REF.finditer(piece):
        before = html.unescape(piece[at : match.start()])
        out.append(before)
        size += len(before)
        out.append(html.unescape(match.group(0)))
        escaped.add(size)
        size += 1
        at = match.end()
    out.append(html.unescape(piece[at:]))
    return "".join(out)


def _untag(
    line: str, vtt: bool, cue_start: dt.timedelta | None, escaped: set[int] | None = None
) -> tuple[str, list[tuple[int, dt.timedelta]]]:
    """``line`` without its tags (entities decoded in WebVTT), and the words that a
    timestamp tag (``<00:00:04.160>``) times, with their offsets in the result;
    ``escaped`` receives the offsets of brackets written as references."""
    escaped = set() if escaped is None else escaped
    out: list[str] = []
    size = 0
    words: list[tuple[int, dt.timedelta]] = []
    pending: dt.timedelta | None = None
    position = 0
    while True:
        lt = line.find("<", position)
        gt = line.find(">", lt + 1) if lt >= 0 else -1
        piece = line[position:] if gt < 0 else line[position:lt]
        if vtt and "&" in piece:
            piece = _unescape(piece, size, escaped)
        if piece:
            if pending is not None and piece.strip():
                words.append((size + len(piece) - len(piece.lstrip()), pending))
                pending = None
            out.append(piece)
            size += len(piece)
        if gt < 0:
            break
        tag = line[lt + 1 : gt]
        if _WORD_TIME.match(tag):
            if not words and pending is None and cue_start is not None and "".join(out).strip():
                first = "".join(out)
                words.append((len(first) - len(first.lstrip()), cue_start))
            pending = _clock(tag)
        elif not vtt and not _SRT_TAG.match(tag):
            out.append(line[lt : gt + 1])
            size += gt + 1 - lt
        position = gt + 1
    return "".join(out), words


def _clock(tag: str) -> dt.timedelta | None:
    parts = tag.replace(".", ":").split(":")
    hours = parts[0] if len(parts) == 4 else None
    return clock_from_parts(hours, parts[-3], parts[-2], parts[-1])


def _bracket_name(text: str) -> str | None:
    """The speaker named in brackets at the start of ``text`` (``[Alba] In 1928,``):
    every word capitalised, and not a sound (``[Music] so``, ``[Applause] thank you``)."""
    found = _BRACKET_NAME.match(text)
    if found is None or stage_direction(found.group(1)) is not None:
        return None
    words = found.group(1).split()
    if any(stage_direction(w) is not None for w in words):  # '[Upbeat Music] so'
        return None
    return found.group(1) if all(w[0].isupper() for w in words) else None


def _titled_sounds(doc: _Document) -> bool:
    """Whether the file prints sounds in title case (a line only ``[Music]``, ``[Loud
    Applause]``; not ``[Victoria]``): then a bracket before text is a sound too, never
    a name."""
    for item in doc.items:
        for raw in item.lines if isinstance(item, _Cue) else ():
            found = _BRACKETS.fullmatch(raw.strip())
            words = (found.group(1) or found.group(2) or "").split() if found else []
            sound = any(stage_direction(x) is not None for x in (" ".join(words), *words))
            if words and sound and all(w[0].isupper() for w in words):
                return True
    return False


def _dialogue(raw: str, dashed: bool, names: bool) -> tuple[str, str, str] | None:
    """A dialogue dash or (where ``names``) a bracketed name at the start of ``raw``
    (stripped)."""
    dash = _DASH.match(raw) if dashed else None
    if dash and dash.group() != "- ":
        return "-", "", raw[1:]  # a name after a dash is read only after '- '
    rest = raw[dash.end() :] if dash else raw
    name = _bracket_name(rest) if names else None
    if name is not None:
        style = "- [name]" if dash else "[name]"
        return style, name, rest[len(name) + 2 :]
    named = _NAME_PREFIX.match(rest) if dash else None
    if named:  # '- JLM: Oui.'
        return "- colon", named.group(1), rest[named.end() :]
    if dash:
        return "-", "", raw[1:]
    return None


def _label(
    raw: str, vtt: bool, dashed: bool = False, names: bool = False
) -> tuple[str | None, str | None, str]:
    """Style and printed name of a label at the start of ``raw`` (tags still in),
    and the rest of the line (white space at its end kept: it may be text).
    ``dashed``: the cue's lines open with dialogue dashes; ``names``: a name in
    brackets may start a line."""
    stripped = raw.lstrip()
    dialogue = _dialogue(stripped, dashed, names)
    if dialogue is not None:
        return dialogue
    if vtt:
        voice = _voice(stripped)
        if voice is not None and voice[0]:
            return "voice", voice[0], stripped[voice[1] :]
    change = _CHANGE.match(stripped)
    if change and not vtt and change.group().startswith("&"):
        change = None  # SRT has no character references: '&gt;' is text there
    marker = change.group().rstrip(" \t") if change else ""
    rest = stripped[change.end() :] if change else stripped
    named = _NAME_PREFIX.match(rest)
    if change and (not named or marker != ">>"):
        # The marker as printed is the style ('>>', '>>>', '&gt;&gt;'): written back so.
        return marker, "", stripped[len(marker) :]
    if named:
        return (">> colon" if change else "colon"), named.group(1), rest[named.end() :]
    return None, None, raw


def _lines(
    cue: _Cue, vtt: bool, auto: bool, previous: list[str], names: bool = False
) -> list[_Line]:
    """The lines of ``cue``; in auto-generated captions, without the line that repeats
    the last line shown (``previous`` holds it, and is updated)."""
    found: list[_Line] = []
    # dialogue: the cue opens with a dash and another line does too (a dash inside a
    # speaker's sentence, '- une force électorale, bien sûr -', does not open the cue)
    opens = [_DASH.match(raw.lstrip()) is not None for raw in cue.lines if not is_blank(raw)]
    dashed = bool(opens) and opens[0] and sum(opens) > 1
    for n, raw in enumerate(cue.lines):
        if is_blank(raw):
            continue
        style, name, rest = _label(raw, vtt, dashed, names)
        escaped: set[int] = set()
        text, words = _untag(rest, vtt, cue.start, escaped)
        if style is None and not text.strip():
            continue
        if auto:
            plain = text.strip()
            if not words and style is None and previous and plain == previous[0]:
                continue
            previous[:] = [plain]
        line = _Line(cue, text, style, name, words, first=not found, escaped=escaped)
        if "<" in rest and not auto and "-->" not in rest:
            line.styled = rest  # styling tags: the writer prints the line so again
        if style is not None:  # the label's separator is not text
            lead = len(text) - len(text.lstrip())
            line.gap, line.text = text[:lead], text[lead:]
            line.escaped = {p - lead for p in escaped}
            line.words = [(offset - lead, time) for offset, time in words if offset >= lead]
            if line.styled is not None and line.styled.startswith(line.gap):
                line.styled = line.styled[len(line.gap) :]  # the gap is the label's
            if style == "colon" and n:
                line.whole = _untag(raw.strip(), vtt, None)[0]
        found.append(line)
    return found


def _false_labels(sequence: list[_Line | _Note]) -> None:
    """Take back labels that are text: a ``Name:`` inside a sentence (not at the start
    of its cue, after a line that does not end one) whose name occurs only there."""
    counts: dict[str, int] = {}
    for item in sequence:
        if isinstance(item, _Line) and item.name:
            key = item.name.casefold()
            counts[key] = counts.get(key, 0) + 1
    before: _Line | None = None
    for item in sequence:
        if not isinstance(item, _Line):
            before = None
            continue
        if (
            item.whole
            and before is not None
            and counts.get((item.name or "").casefold()) == 1
            and _MID_SENTENCE.match(before.text)
        ):
            item.style = item.name = None
            item.text, item.gap, item.words = item.whole, "", []
        before = item


def _inline(sequence: list[_Line | _Note]) -> list[_Line | _Note]:
    """Brackets inside lines taken out as incidents (a bracket that a line of a cue
    opens and the next line closes joins the two lines)."""
    out: list[_Line | _Note] = []
    for item in sequence:
        previous = out[-1] if out else None
        if (
            isinstance(item, _Line)
            and isinstance(previous, _Line)
            and item.style is None
            and not item.first
            and previous.cue is item.cue
            and previous.text.rfind("[") > previous.text.rfind("]")
            and -1 < item.text.find("]") < (item.text.find("[") % (len(item.text) + 1))
        ):
            shift = len(previous.text) + 1
            previous.words.extend((o + shift, t) for o, t in item.words)
            previous.escaped.update(p + shift for p in item.escaped)
            previous.text += "\n" + item.text
            continue
        out.append(item)
    for item in out:
        if not isinstance(item, _Line):
            continue
        lead = len(item.text) - len(item.text.lstrip())
        item.sound = (
            item.style is None
            and _SOUND.match(item.text.strip()) is not None
            and lead not in item.escaped
        )
        if not item.sound and ("[" in item.text or "(" in item.text):
            _extract(item)
    return out


def _extract(line: _Line) -> None:
    """Move the sounds in brackets out of ``line``'s text into its incidents."""
    text = line.text
    pieces: list[str] = []
    size = pos = 0
    removed: list[tuple[int, int]] = []  # spans of the original text taken out
    for match in _BRACKETS.finditer(text):
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        found = stage_direction(inner)
        if (match.group(2) is not None and found is None) or match.start() in line.escaped:
            continue
        a, b = match.span()
        before, after = "", ""
        ahead = text[pos:a]
        kept = ahead.rstrip(" \t")
        if kept != ahead and (kept or pos):
            before = ahead[len(kept) :]
        else:
            after = _BLANKS.match(text, b).group()  # type: ignore[union-attr]
        pieces.append(kept if before else ahead)
        size += len(pieces[-1])
        kind, subtype = found or ("incident", None)
        line.incidents.append(
            Incident(
                kind=kind,
                subtype=subtype,
                text=" ".join(inner.split()) or None,
                printed=match.group(0),
                offset=size,
                meta={meta.INLINE_KEY: json.dumps([before, after])},
            )
        )
        removed.append((a - len(before), b + len(after)))
        pos = b + len(after)
    pieces.append(text[pos:])
    if not removed or is_blank("".join(pieces)):
        line.incidents = []  # a line that is only a sound stays one
        return
    line.text = "".join(pieces)
    words = []
    cut = k = 0  # characters taken out before the word; spans passed
    for offset, time in line.words:  # both in order: one pass
        while k < len(removed) and removed[k][1] <= offset:
            cut += removed[k][1] - removed[k][0]
            k += 1
        if k == len(removed) or offset < removed[k][0]:
            words.append((offset - cut, time))
    line.words = words


# -- turns ------------------------------------------------------------------------------


# -- the whole file ---------------------------------------------------------------------


def _header(header: list[str], event: dict[str, Any], record: dict[str, str]) -> None:
    """The WebVTT header: text after ``WEBVTT`` is the title, ``Language:`` the
    language, ``Kind:`` and other lines metadata."""
    title = header[0].strip()[6:].strip() if header else ""
    if title:
        event["title"] = title
    others = []
    for line in header[1:]:
        key, colon, value = line.partition(":")
        if colon and key.strip() == "Language" and value.strip() and "language" not in event:
            event["language"] = value.strip()
        elif colon and key.strip() == "Kind" and value.strip() and meta.KIND_KEY not in record:
            record[meta.KIND_KEY] = value.strip()
        else:
            others.append(line)
    if others:
        record[meta.HEADER_KEY] = "\n".join(others)


def read(text: str, format: str, warn: _Warner) -> Transcript:
    """The transcript of a caption file (already decoded, newlines normalised)."""
    vtt = format == "vtt"
    doc = _document(text, vtt, warn)
    event: dict[str, Any] = {}
    record = {"captions:format": format}
    if vtt:
        _header(doc.header, event, record)
    if doc.styles:
        record[meta.STYLES_KEY] = json.dumps(doc.styles, ensure_ascii=False)
    cues = [i for i, item in enumerate(doc.items) if isinstance(item, _Cue)]
    first, last = (cues[0], cues[-1]) if cues else (len(doc.items), len(doc.items))
    front = [n.text for n in doc.items[:first] if isinstance(n, _Note) and n.text]
    back = [n.text for n in doc.items[last + 1 :] if isinstance(n, _Note) and n.text]
    auto = vtt and _ANY_WORD_TIME.search(text) is not None
    sequence: list[_Line | _Note] = []
    previous: list[str] = []
    names = not auto and not _titled_sounds(doc)
    empty: list[int] = []
    for item in doc.items[first : last + 1]:
        if isinstance(item, _Note):
            sequence.append(item)
        else:
            if not auto and all(is_blank(line) for line in item.lines):
                empty.append(item.lineno)  # a cue with nothing in it: nothing to keep
            sequence.extend(_lines(item, vtt, auto, previous, names))
    if empty:
        warn(
            f"{len(empty)} cue{'s' if len(empty) > 1 else ''} without text: dropped "
            "(the file is not written back with it)",
            empty[0],
        )
    _false_labels(sequence)
    builder = _Builder(warn)
    for entry in _inline(sequence):
        if isinstance(entry, _Note):
            builder.note(entry)
        else:
            builder.line(entry)
    builder.flush(into_turn=False)
    return _transcript(builder, front, back, event, record)


def _transcript(
    builder: _Builder,
    front: list[str],
    back: list[str],
    event: dict[str, Any],
    record: dict[str, str],
) -> Transcript:
    drafts = [x for x in builder.body if isinstance(x, _Draft)]
    speakers, unknown = _speakers(builder, any(d.speaker == _UNKNOWN for d in drafts))
    body: list[BodyItem] = []
    number = 0
    for item in builder.body:
        if isinstance(item, Incident):
            body.append(item)
            continue
        number += 1
        sid = unknown if item.speaker == _UNKNOWN else speakers[item.speaker].id
        body.append(_turn(item, number, sid))
    return Transcript(
        event=Event(**event),
        speakers=speakers,
        body=body,
        front=front,
        back=back,
        meta=record,
    )
