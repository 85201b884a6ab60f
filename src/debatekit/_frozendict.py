"""A read-only, hashable mapping: what every ``meta`` field of the model holds.

``t.meta["x"] = 3`` raises ``TypeError`` (as assigning to a ``MappingProxyType`` does);
change metadata with :func:`attrs.evolve` and a new mapping. Equal to any mapping with
the same items (a plain ``dict`` included), hashable, picklable.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterable, Iterator, Mapping
from typing import Any, TypeVar, cast, overload

__all__ = ["EMPTY", "FrozenDict", "adopt", "dicts", "frozen_mapping"]

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")


class FrozenDict(Mapping[K, V]):
    """An immutable mapping; its hash is that of its items (order does not matter)."""

    __slots__ = ("_data", "_hash")

    _data: dict[K, V]
    _hash: int | None

    def __init__(self, data: Mapping[K, V] | None = None, /) -> None:
        object.__setattr__(self, "_data", dict(data) if data else {})
        object.__setattr__(self, "_hash", None)

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    # (The dict's own, in C: Mapping's would look every key up again in Python.)
    @overload
    def get(self, key: K, /) -> V | None: ...
    @overload
    def get(self, key: K, default: V | T, /) -> V | T: ...
    def get(self, key: K, default: object = None, /) -> object:
        return self._data.get(key, default)

    def items(self) -> ItemsView[K, V]:
        return self._data.items()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenDict):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(frozenset(self._data.items())))
        return self._hash  # type: ignore[return-value]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __repr__(self) -> str:
        return repr(self._data)

    def __reduce__(self) -> tuple[Any, ...]:
        return FrozenDict, (self._data,)

    def __or__(self, other: Mapping[K, V]) -> FrozenDict[K, V]:
        """A new mapping with ``other``'s items added: ``attrs.evolve(t, meta=t.meta | {...})``."""
        return FrozenDict({**self._data, **other})

    def copy(self) -> dict[K, V]:
        """A plain, mutable ``dict`` of the items."""
        return dict(self._data)


EMPTY: FrozenDict[str, str] = FrozenDict()


def frozen_mapping(value: Mapping[str, str] | None) -> FrozenDict[str, str]:
    """The converter of every ``meta`` field: any mapping, stored read-only.

    Anything else is passed through untouched: the model's own check refuses it with
    a :class:`~debatekit.ValidationError` that names the field, as for every part.
    """
    if type(value) is FrozenDict:
        return value
    if type(value) is dict:  # (the common case, without the ABC's isinstance check)
        return FrozenDict(value) if value else EMPTY
    if value is None:
        return EMPTY
    if isinstance(value, Mapping):
        return FrozenDict(value) if value else EMPTY
    return cast("FrozenDict[str, str]", value)  # type: ignore[unreachable]


_SET_DATA = FrozenDict.__dict__["_data"].__set__
_SET_HASH = FrozenDict.__dict__["_hash"].__set__


def adopt(data: dict[str, str]) -> FrozenDict[str, str]:
    """A read-only mapping of ``data`` itself, not a copy: only for a dict just built
    that nothing else holds or changes (a reader's metadata of one item; a third of
    the cost of :func:`frozen_mapping`, which copies)."""
    if not data:
        return EMPTY
    frozen: FrozenDict[str, str] = object.__new__(FrozenDict)
    _SET_DATA(frozen, data)
    _SET_HASH(frozen, None)
    return frozen


def dicts(mappings: Iterable[Mapping[K, V]]) -> list[Mapping[K, V]]:
    """Each mapping, a :class:`FrozenDict` as the dict it holds (read, never changed):
    for a pass over many items' metadata, whose length, truth and keys the dict gives
    in C (through the Mapping protocol, each is a call in Python)."""
    return [m._data if type(m) is FrozenDict else m for m in mappings]
