"""Plain text: front matter (YAML, credits, dates, introductions) as event fields."""

from __future__ import annotations

import datetime as dt
import re

import attrs

from ._speakers import name_key as _norm
from ._text_names import (
    _STOP,
)
from .models import Event, Speaker

# -- front matter ---------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_DATE = re.compile(
    r"(?i)(?P<label>published|posted|updated|released|date|recorded|delivered)?[\s:]*(?:on\s+)?"
    r"(?:(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>[a-z]+)\s+(?P<year2>\d{4})"
    r"|(?P<iso>\d{4}-\d\d-\d\d))\.?\Z"
)
_CREDIT = re.compile(
    r"(?i)(?:source|photo(?:graph)?|image|credit|photo credit|illustration)s?\s*:\s*\S"
)
_KINDS = frozenset(
    [
        "q&a",
        "transcript",
        "interview",
        "debate",
        "speech",
        "remarks",
        "podcast",
        "testimony",
        "hearing",
        "event",
        "panel",
        "roundtable",
    ]
) | {"press briefing", "press conference", "panel discussion"}


def _date(line: str) -> tuple[str | None, dt.date] | None:
    match = _DATE.match(line.strip())
    if not match:
        return None
    try:
        if match["iso"]:
            day = dt.date.fromisoformat(match["iso"])
        else:
            month_name = (match["month"] or match["month2"] or "").casefold()
            month = _MONTHS.get(month_name) or next(
                (
                    v
                    for k, v in _MONTHS.items()
                    if len(month_name) >= 3 and k.startswith(month_name)
                ),
                0,
            )
            if not month:
                return None
            day = dt.date(
                int(match["year"] or match["year2"]), month, int(match["day"] or match["day2"])
            )
    except ValueError:
        return None
    label = match["label"]
    return (label.casefold() if label else None), day


def _front_matter(front: list[str], speakers: list[Speaker]) -> tuple[Event, list[Speaker]]:
    """Event fields stated in the front matter; roles from the introduction."""
    credits: list[str] = []
    kind: str | None = None
    published: dt.date | None = None
    date: dt.date | None = None
    description: str | None = None
    plain: list[int] = []
    names = [s.name for s in speakers if len(s.name.split()) > 1]
    yaml, skip = _yaml_front(front)
    for i, paragraph in enumerate(front):
        if i in skip:
            continue
        lines = paragraph.split("\n")
        special = True
        for line in lines:
            stripped = line.strip()
            found = _date(stripped)
            if _CREDIT.match(stripped):
                credits.append(stripped)
            elif stripped.casefold() in _KINDS and kind is None:
                kind = stripped
            elif found is not None:
                label, day = found
                if label in ("published", "posted", "released", "updated"):
                    published = published or day
                else:
                    date = date or day
            else:
                special = False
        if special:
            continue
        if description is None and len(paragraph) >= 100 and any(n in paragraph for n in names):
            description = paragraph
        elif len(lines) == 1 and len(paragraph) <= 200 and description is None:
            plain.append(i)
    title = front[plain[0]] if plain else None
    subtitle = front[plain[1]] if len(plain) > 1 and plain[1] == plain[0] + 1 else None
    if yaml.get("title"):
        title, subtitle = yaml["title"], None
    if date is None and "date" in yaml:
        found_date = _date(yaml["date"][:10])
        date = found_date[1] if found_date else None
    if title is not None and title.endswith(".") and subtitle is None and len(title) > 120:
        title = None
    if description is not None:
        speakers = [_introduced(s, description) for s in speakers]
    event = Event(
        title=title,
        subtitle=subtitle,
        kind=kind,
        date=date,
        published=published,
        description=description,
        credits=credits,
        source=yaml.get("source_url") or yaml.get("url") or yaml.get("source"),
    )
    return event, speakers


_YAML_LINE = re.compile(r"([A-Za-z_][\w\-]*):[ \t]*(.*)\Z")


def _yaml_front(front: list[str]) -> tuple[dict[str, str], set[int]]:
    """Keys of a YAML front-matter block (``---`` ... ``---``) at the start, if any."""
    if not front or front[0] != "---":
        return {}, set()
    end = next((i for i in range(1, len(front)) if front[i] == "---"), None)
    if end is None:
        return {}, set()
    values: dict[str, str] = {}
    for paragraph in front[1:end]:
        for line in paragraph.split("\n"):
            match = _YAML_LINE.match(line.strip())
            if match:
                value = match.group(2).strip()
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                    value = value[1:-1]
                values[match.group(1).casefold()] = value.replace("\\_", "_")
    return values, set(range(end + 1))


def _introduced(speaker: Speaker, text: str) -> Speaker:
    """Role, affiliation and title of ``speaker`` as the introduction states them."""
    name = re.escape(speaker.name)
    changes: dict[str, str | None] = {}
    after = re.search(
        name + r",\s+(?P<role>[^,;.()]+?)\s+(?:at|of)\s+(?:the\s+)?"
        r"(?P<org>[A-Z][^,;()]*?)(?=[,;.]|\s+to\s|$)",
        text,
    )
    if after:
        if speaker.role is None:
            changes["role"] = after["role"].strip()
        if speaker.affiliation is None:
            changes["affiliation"] = after["org"].strip()
    before = re.search(
        r"(?:^|[,;.]\s+|\b[a-z]+\s+)(?P<title>(?:[A-Z][\w’'.\-]*\s+){1,6})" + name, text
    )
    if before and speaker.description is None:
        title = before["title"].strip()
        if _norm(title) and title.split()[0].casefold() not in _STOP:
            changes["description"] = title
    if not changes:
        return speaker
    return attrs.evolve(
        speaker,
        role=changes.get("role", speaker.role),
        affiliation=changes.get("affiliation", speaker.affiliation),
        description=changes.get("description", speaker.description),
    )
