"""Run-time checks of model fields that Python callers can get wrong: types, lone
surrogates (characters no file can hold) and times past :data:`_rules.MAX_TIME`.
Each returns or adds :class:`~debatekit.errors.Problem` s; models.py raises them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from ._rules import MAX_TIME, is_ncname
from .errors import Problem, ValidationError

__all__ = [
    "SURROGATE_SEARCH",
    "check_attribute_names",
    "check_id",
    "check_items",
    "check_meta",
    "check_strings",
    "check_time",
    "good_label",
    "is_name",
    "raise_problems",
    "surrogate_problem",
]

# A lone surrogate: no encoding can write it (UTF-8 refuses it), so no string holds one.
SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_SEARCH = SURROGATE.search


def good_label(value: object) -> bool:
    return type(value) is str and (value.isascii() or SURROGATE_SEARCH(value) is None)


def surrogate_problem(path: str, value: str) -> Problem | None:
    """A problem if ``value`` holds a lone surrogate (a character no file can hold)."""
    if value.isascii():
        return None
    found = SURROGATE_SEARCH(value)
    if found is None:
        return None
    return Problem(
        path,
        f"holds a lone surrogate {found.group()!r} at {found.start()}: not a character "
        "any file can hold (decode with errors='replace' or fix the source)",
    )


def check_strings(problems: list[Problem], obj: object, names: tuple[str, ...]) -> None:
    """Each named attribute is None, a string, or a tuple of strings, without a lone
    surrogate (Python callers are not type-checked: check the types at run time)."""
    for name in names:
        value = getattr(obj, name)
        if value is None:
            continue
        items = value if type(value) is tuple else (value,)
        for i, item in enumerate(items):
            path = name if items is not value else f"{name}[{i}]"
            if not isinstance(item, str):
                problems.append(Problem(path, f"expected a string, got {type(item).__name__}"))
            elif (problem := surrogate_problem(path, item)) is not None:
                problems.append(problem)


def check_items(
    problems: list[Problem], path: str, items: tuple[object, ...], kind: type | tuple[type, ...]
) -> bool:
    """Each item is an instance of ``kind``; False (after a problem each) if not."""
    good = True
    for i, item in enumerate(items):
        if not isinstance(item, kind):
            names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
            problems.append(Problem(f"{path}[{i}]", f"expected {names}, got {type(item).__name__}"))
            good = False
    return good


def check_time(problems: list[Problem], path: str, value: object) -> None:
    """A time: a timedelta from 0 to MAX_TIME (later ones no format can hold exactly)."""
    if value is None:
        return
    if not isinstance(value, dt.timedelta):
        problems.append(Problem(path, f"expected a timedelta, got {type(value).__name__}"))
    elif value < dt.timedelta(0):
        problems.append(Problem(path, f"negative time {value}"))
    elif value > MAX_TIME:
        problems.append(Problem(path, f"time {value} is past the latest, {MAX_TIME}"))


def is_name(value: object) -> bool:
    """An XML NCName (what an element or attribute name is without its prefix)."""
    return isinstance(value, str) and is_ncname(value)


def check_id(problems: list[Problem], path: str, value: object) -> None:
    """An id is an XML NCName."""
    if not isinstance(value, str) or not is_ncname(value):
        problems.append(
            Problem(
                path,
                f"invalid id {value!r}: expected a letter or '_' followed by letters, "
                "digits, '_', '-' or '.' (an XML NCName)",
            )
        )


def check_meta(problems: list[Problem], path: str, meta: object) -> None:
    """A ``meta`` mapping: non-empty string keys, string values, no lone surrogate."""
    # Python callers are not type-checked: check the types at run time too.
    if not isinstance(meta, Mapping):
        problems.append(Problem(path, f"expected a mapping, got {type(meta).__name__}"))
        return
    items: Iterable[tuple[object, object]] = meta.items()
    for key, value in items:
        if not isinstance(key, str) or not key:
            problems.append(Problem(path, f"metadata key {key!r} is not a non-empty string"))
        elif not isinstance(value, str):
            problems.append(Problem(f"{path}[{key!r}]", "metadata values must be strings"))
        elif (problem := surrogate_problem(f"{path}[{key!r}]", key + value)) is not None:
            problems.append(problem)


def check_attribute_names(problems: list[Problem], path: str, meta: object) -> None:
    """The keys of a ``meta`` that holds XML attributes by name (``type``, ``xml:lang``)."""
    if not isinstance(meta, Mapping):
        return
    keys: Iterable[object] = meta
    for key in keys:
        if not is_name(key.removeprefix("xml:") if isinstance(key, str) else key):
            problems.append(Problem(path, f"attribute name {key!r} is not an XML name"))


def raise_problems(problems: list[Problem]) -> None:
    """Raise one :class:`ValidationError` listing every problem, if there is any."""
    if problems:
        raise ValidationError(problems)
