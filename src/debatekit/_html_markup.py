"""Building HTML safely: text is always escaped, markup is a ``str`` subclass."""

from __future__ import annotations

import html as _html
from collections.abc import Iterable, Mapping

__all__ = ["Child", "Html", "el", "join", "text"]

# Control characters (other than tab, line feed and carriage return) are not allowed
# in HTML text: show them as their visible Control Pictures (U+2400...) instead, which
# keeps every offset in place.
_CONTROLS = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)} | {0x7F: 0x2421}


class Html(str):
    """Markup that is already safe. A plain ``str`` is text, and is always escaped."""

    __slots__ = ()


Child = Html | str | None


def text(value: str) -> str:
    if not value.isprintable():  # rare: only then look for control characters
        value = value.translate(_CONTROLS)
    return _html.escape(value, quote=True)


def el(tag: str, attrs: Mapping[str, str | bool | None] | None = None, *children: Child) -> Html:
    """One element: attribute values and ``str`` children are escaped, ``Html`` is not."""
    parts = [f"<{tag}"]
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        parts.append(f" {name}" if value is True else f' {name}="{text(value)}"')
    parts.append(">")
    if tag in ("meta", "br", "link", "wbr"):
        return Html("".join(parts))
    parts.extend(child if isinstance(child, Html) else text(child) for child in children if child)
    parts.append(f"</{tag}>")
    return Html("".join(parts))


def join(items: Iterable[Child], sep: str = "") -> Html:
    return Html(sep.join(item if isinstance(item, Html) else text(item) for item in items if item))
