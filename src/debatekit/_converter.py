"""The one cattrs converter: how models become JSON-ready data and back.

Only this module registers hooks. Structuring is strict: a number is not a string,
a string is not a list, ``true`` is not an integer; cattrs' own default would quietly
call ``str(3)`` or split a string into characters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import compress, islice, repeat
from operator import and_, eq, not_
from typing import Any, Literal, get_args, get_origin

import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import make_converter as _make_json_converter

from ._frozendict import FrozenDict, frozen_mapping
from ._model_build import _plain_turns
from ._rules import MAX_TIME
from .models import BodyItem, Incident, Turn

__all__ = ["configure_converter", "converter", "json_type", "make_converter"]

_BODY_TAGS: dict[type, str] = {Turn: "turn", Incident: "incident"}


def json_type(value: object) -> str:
    """Name ``value``'s JSON type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _structure_str(value: object, _: object) -> str:
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a string, got {json_type(value)}")


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TypeError(f"expected an integer, got {json_type(value)}")


def _structure_bool(value: object, _: object) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError(f"expected true or false, got {json_type(value)}")


def _structure_date(value: object, _: object) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 date string, got {json_type(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"expected an ISO 8601 date (YYYY-MM-DD), got {value!r}") from None


_MAX_SECONDS = MAX_TIME.total_seconds()


def _structure_timedelta(value: object, _: object) -> dt.timedelta:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not 0 <= value <= _MAX_SECONDS:  # also NaN, inf, and what would overflow
            raise ValueError(
                f"expected a number of seconds from 0 to {_MAX_SECONDS:.0f}, got {value!r}"
            )
        return dt.timedelta(seconds=value)
    raise TypeError(f"expected a number of seconds, got {json_type(value)}")


def _unstructure_timedelta(value: dt.timedelta) -> float | int:
    if not value.microseconds:
        return value.days * 86400 + value.seconds
    return value.total_seconds()


def _strict_literals(converter: cattrs.Converter) -> None:
    """Check a value against a ``Literal`` and list the allowed values when it fails."""

    def factory(type_: Any) -> Callable[[object, object], object]:
        allowed = get_args(type_)

        def structure(value: object, _: object) -> object:
            if value in allowed and type(value) in {type(a) for a in allowed}:
                return value
            choices = ", ".join(repr(a) for a in allowed)
            raise ValueError(f"expected one of {choices}, got {value!r}")

        return structure

    def is_literal(type_: object) -> bool:
        return get_origin(type_) is Literal

    converter.register_structure_hook_factory(is_literal, factory)


def _strict_tuples(
    converter: cattrs.Converter,
) -> Callable[[Any], Callable[[object, object], tuple[Any, ...]]]:
    """Make homogeneous tuples accept a JSON array only; returns the hook factory."""

    def factory(type_: Any) -> Callable[[object, object], tuple[Any, ...]]:
        inner = homogenous_tuple_structure_factory(type_, converter)
        of_strings = get_args(type_)[0] is str

        def structure(value: object, target: object) -> tuple[Any, ...]:
            if not isinstance(value, (list, tuple)):
                raise TypeError(f"expected an array, got {json_type(value)}")
            # Fast path for lists of strings (paragraphs): no call per item.
            if of_strings and all(type(item) is str for item in value):
                return tuple(value)
            return inner(value, target)  # type: ignore[no-any-return]

        return structure

    def is_homogeneous_tuple(type_: Any) -> bool:
        args = get_args(type_)
        return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis

    converter.register_structure_hook_factory(
        lambda t: is_homogeneous_tuple(t) and is_sequence(t), factory
    )
    return factory


def _strict_mappings(converter: cattrs.Converter) -> None:
    """``meta`` fields: a JSON object of strings in, a read-only mapping kept, a dict out."""

    def check(value: object, _: object) -> FrozenDict[str, str]:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {json_type(value)}")
        for key, item in value.items():
            if not isinstance(item, str):
                raise TypeError(f"expected a string for key {key!r}, got {json_type(item)}")
        return frozen_mapping(value)

    def is_meta(type_: object) -> bool:
        return type_ == FrozenDict[str, str] or type_ is FrozenDict or type_ == dict[str, str]

    converter.register_structure_hook_func(is_meta, check)
    converter.register_unstructure_hook_func(is_meta, FrozenDict.copy)


def configure_converter(converter: cattrs.Converter) -> None:
    """Register debatekit's hooks on ``converter``."""
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.timedelta, _structure_timedelta)
    converter.register_unstructure_hook(dt.timedelta, _unstructure_timedelta)
    _strict_literals(converter)
    tuples = _strict_tuples(converter)
    _strict_mappings(converter)
    _body_union(converter, tuples)


_PLAIN_TURN_KEYS = frozenset({"type", "id", "speaker_id", "paragraphs", "label"})


def _plain_turn(value: object) -> Turn | None:
    """The common turn (id, speaker, paragraphs, label; nothing else) built directly.

    Large transcripts are mostly such turns; building them without the general
    machinery halves the time to load one. Anything else returns ``None``. Bad values
    raise here (Turn checks its fields), and the caller then goes the general way,
    which reports every problem with its JSON path.
    """
    if type(value) is not dict or value.get("type") != "turn":
        return None
    if not value.keys() <= _PLAIN_TURN_KEYS:
        return None
    paragraphs = value.get("paragraphs", ())
    return Turn._plain(
        value.get("id"),
        value.get("speaker_id"),
        tuple(paragraphs) if type(paragraphs) is list else paragraphs,
        value.get("label"),
    )


#: Body items handled together by _plain_body: few enough that the passes over them
#: find them in the processor's cache.
_CHUNK = 2048


def _plain_body(
    items: list[Any], structure: Callable[[Any, Any], BodyItem]
) -> list[BodyItem] | None:
    """The body, its common turns (see :func:`_plain_turn`) built by
    ``_model_build._plain_turns`` a chunk at a time, any other item by ``structure``.

    Each step is a pass in C over a chunk of the body (which items are common turns,
    then each of their fields), not a Python loop over its items. ``None`` where an
    item is not an object or a common turn fails its checks (the caller then goes item
    by item); an error raised by ``structure`` propagates.
    """
    body: list[BodyItem] = []
    for at in range(0, len(items), _CHUNK):
        chunk = _plain_chunk(items[at : at + _CHUNK], structure)
        if chunk is None:
            return None
        body += chunk
    return body


# The keys of a common turn, in the order they are written; and what stands for a
# missing one in _plain_chunk's columns.
_PLAIN_TURN_ORDER = ("type", "id", "speaker_id", "paragraphs", "label")
_MISSING = object()


def _plain_chunk(
    items: list[Any], structure: Callable[[Any, Any], BodyItem]
) -> list[BodyItem] | None:
    """A chunk of the body (see :func:`_plain_body`)."""
    if not set(map(type, items)) <= {dict}:
        return None
    get = dict.get
    columns = [list(map(get, items, repeat(key), repeat(_MISSING))) for key in _PLAIN_TURN_ORDER]
    # Every item holds only the keys of a common turn when its keys number as many as
    # the columns found for it (a key is in no more than one column).
    missing = [column.count(_MISSING) for column in columns]
    found = len(columns) * len(items) - sum(missing)
    every = sum(map(len, items)) == found and columns[0].count("turn") == len(items)
    common: list[bool] = []
    if not every:
        common = list(
            map(and_, map(_PLAIN_TURN_KEYS.issuperset, items), map(eq, columns[0], repeat("turn")))
        )
        columns = [list(compress(column, common)) for column in columns]
    _, ids, speaker_ids, paragraphs, labels = columns
    if missing[3]:
        paragraphs = [() if value is _MISSING else value for value in paragraphs]
    kinds = set(map(type, paragraphs))
    if not kinds <= {list, tuple}:
        return None
    if list in kinds:
        paragraphs = list(map(tuple, paragraphs))
    if missing[4]:
        labels = [None if value is _MISSING else value for value in labels]
    turns = _plain_turns(ids, speaker_ids, paragraphs, labels)  # a missing id fails there
    if turns is None or every:
        return turns  # type: ignore[return-value]
    body: list[BodyItem] = []
    made = iter(turns)
    at = 0
    for i in compress(range(len(items)), map(not_, common)):
        body.extend(islice(made, i - at))
        body.append(structure(items[i], BodyItem))
        at = i + 1
    body.extend(made)
    return body


def _body_union(
    converter: cattrs.Converter,
    tuples: Callable[[Any], Callable[[object, object], tuple[Any, ...]]],
) -> None:
    """Body items carry a ``"type"`` tag, written first: ``{"type": "turn", ...}``."""
    classes = {tag: cls for cls, tag in _BODY_TAGS.items()}
    # Hooks are looked up once, on first use (after every hook is registered).
    structure_hooks: dict[str, Callable[[Any, Any], Any]] = {}
    unstructure_hooks: dict[type, Callable[[Any], Any]] = {}

    def unstructure(item: BodyItem) -> dict[str, Any]:
        cls = type(item)
        if (  # the common turn, written directly (same output as the general way)
            cls is Turn
            and isinstance(item, Turn)
            and item.start is None
            and item.end is None
            and not item.incidents
            and not item.markup
            and not item.meta
            and not item.sentences
        ):
            turn: dict[str, Any] = {"type": "turn", "id": item.id, "speaker_id": item.speaker_id}
            if item.paragraphs:
                turn["paragraphs"] = list(item.paragraphs)
            if item.label is not None:
                turn["label"] = item.label
            return turn
        hook = unstructure_hooks.get(cls)
        if hook is None:
            hook = unstructure_hooks[cls] = converter.get_unstructure_hook(cls)
        data: dict[str, Any] = {"type": _BODY_TAGS[cls]}
        data.update(hook(item))
        return data

    def structure(value: object, _: object) -> BodyItem:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {json_type(value)}")
        tag = value.get("type")
        cls = classes.get(tag) if isinstance(tag, str) else None
        if cls is None:
            expected = " or ".join(repr(t) for t in classes)
            raise ValueError(f'"type" must be {expected}, got {tag!r}')
        hook = structure_hooks.get(tag)  # type: ignore[arg-type]
        if hook is None:
            hook = structure_hooks[tag] = converter.get_structure_hook(cls)  # type: ignore[index]
        rest = value.copy()
        del rest["type"]
        result: BodyItem = hook(rest, cls)
        return result

    body_type = tuple[BodyItem, ...]
    general: list[Callable[[object, object], tuple[Any, ...]]] = []

    def structure_body(value: object, target: object) -> tuple[BodyItem, ...]:
        # One loop over the items; on any problem, the general way again, which
        # names the JSON path of every bad item.
        if type(value) is list:
            try:
                body = _plain_body(value, structure)
                if body is None:
                    body = [_plain_turn(item) or structure(item, BodyItem) for item in value]
                return tuple(body)
            except Exception:  # reported below, with paths
                pass
        if not general:
            general.append(tuples(body_type))
        return general[0](value, target)

    def unstructure_body(value: tuple[BodyItem, ...]) -> list[dict[str, Any]]:
        return list(map(unstructure, value))

    converter.register_unstructure_hook(BodyItem, unstructure)
    converter.register_structure_hook(BodyItem, structure)
    converter.register_structure_hook_func(lambda t: t == body_type, structure_body)
    converter.register_unstructure_hook_func(lambda t: t == body_type, unstructure_body)


def make_converter() -> JsonConverter:
    """A fresh converter configured for debatekit's JSON format."""
    converter = _make_json_converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=True
    )
    configure_converter(converter)
    return converter


converter = make_converter()
