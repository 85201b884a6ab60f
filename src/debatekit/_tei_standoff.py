"""The TEI reader, part 2: standOff annotations and timelines.

Part of the TEI reader (see :mod:`debatekit._tei_read`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ._tei_base import _STRING_RANGE, _T, Element, _ref_id, text_of
from ._tei_common import GENERATED_IDS, XML_ID, decode_ana, parse_interval
from ._tei_header import HeaderReader
from .errors import ValidationError
from .models import Claim, Relation


class StandOffReader(HeaderReader):
    """Reads standOff: extra fields, timelines, claims (``span``) and relations (``link``)."""

    # -- standOff ----------------------------------------------------------------

    def stand_off(self, el: Element) -> None:
        for grp in el.iter(_T + "interpGrp"):
            fields = [
                (i.get("type") or "", i.get("n"), text_of(i, preserve=True))
                for i in grp.iter(_T + "interp")
            ]
            target = grp.get("corresp")
            if grp.get("type") == GENERATED_IDS and grp.get("subtype") == "anonymous":
                self.anonymous.update(_ref_id(ref) for ref in (target or "").split())
                continue
            if grp.get("type") == "transcript" and target is None:
                self.transcript_extras += fields
            elif grp.get("type") == "event" and target is None:
                self.event_extras += fields
            elif target is not None:
                tid = _ref_id(target)
                self.extras.setdefault(tid, []).extend(fields)
                if grp.get("subtype") == "anonymous":
                    self.anonymous.add(tid)
            else:
                self.ctx.problem("interpGrp without a target", grp)
        for timeline in el.iter(_T + "timeline"):
            self.timeline(timeline)
        self.spans += el.iter(_T + "span")
        self.links += el.iter(_T + "link")

    def timeline(self, timeline: Element) -> None:
        unit = timeline.get("unit")
        for when in timeline.iter(_T + "when"):
            wid = when.get(XML_ID)
            if wid:
                self.whens[wid] = when
                self.unit[wid] = when.get("unit") or unit

    def time(self, pointer: str | None, el: Element) -> dt.timedelta | None:
        """The time a ``#when`` pointer names, following ``@since`` without recursion."""
        if pointer is None:
            return None
        wid = _ref_id(pointer)
        chain: list[str] = []  # ids whose time waits for the next one's
        seen: set[str] = set()
        base: dt.timedelta | None = None
        current, at = wid, el
        while True:
            if current in self.times:
                base = self.times[current]
                break
            when = self.whens.get(current)
            if when is None:
                self.ctx.problem(f"time pointer {pointer!r} names no <when>", at)
                base = None
                break
            if current in seen:
                self.ctx.problem(f"<when xml:id={current!r}>: a cycle of @since", when)
                base = None
                break
            seen.add(current)
            chain.append(current)
            since = when.get("since")
            if when.get("interval") is None or not since:
                base = dt.timedelta(0)
                if when.get("interval") is None:
                    chain.pop()
                    self.times[current] = base
                break
            current, at, pointer = _ref_id(since), when, since
        for wid_ in reversed(chain):
            base = self._offset(wid_, base)
            self.times[wid_] = base
        return self.times.setdefault(wid, None)

    def _offset(self, wid: str, base: dt.timedelta | None) -> dt.timedelta | None:
        """``base`` plus the interval of ``<when xml:id=wid>`` (None where unreadable)."""
        when = self.whens[wid]
        text = when.get("interval") or ""
        if base is None or text == "unknown":
            return None
        try:
            result = base + parse_interval(text, self.unit.get(wid))
        except (ValueError, OverflowError) as exc:
            self.ctx.problem(f"<when xml:id={wid!r}>: {exc}", when)
            return None
        if result < dt.timedelta(0):
            self.ctx.problem(f"<when xml:id={wid!r}>: a time before the start ({text})", when)
            return None
        return result

    def _claim(self, span: Element) -> Claim | None:
        cid = span.get(XML_ID)
        match = _STRING_RANGE.match(span.get("target") or "")
        if not cid or match is None:
            self.ctx.problem(
                "span without xml:id or #string-range(turn,offset,length) target", span
            )
            return None
        turn_id, start, length = match.group(1), int(match.group(2)), int(match.group(3))
        text = self.turn_texts.get(turn_id)
        if text is None or start + length > len(text):
            self.ctx.problem(f"span {cid!r} points outside turn {turn_id!r}", span)
            return None
        fields: dict[str, Any] = {"topics": []}
        meta: dict[str, str] = {}
        for name, key, value in self.extras.get(cid, ()):
            if name == "topic":
                fields["topics"].append(value)
            elif name == "meta" and key is not None:
                meta[key] = value
            elif name in ("stance", "proposition", "note"):
                fields[name] = value
        try:
            return Claim(
                id=cid,
                turn_id=turn_id,
                start=start,
                end=start + length,
                text=text[start : start + length],
                kind=decode_ana(span.get("ana") or "#claim"),
                meta=meta,
                **fields,
            )
        except ValidationError as exc:
            raise self.ctx.error(f"span {cid!r}: {exc}", span) from None

    def _relation(self, link: Element) -> Relation | None:
        rid = link.get(XML_ID)
        targets = (link.get("target") or "").split()
        if not rid or len(targets) != 2:
            self.ctx.problem("link without xml:id or two targets", link)
            return None
        note: str | None = None
        meta: dict[str, str] = {}
        for name, key, value in self.extras.get(rid, ()):
            if name == "note":
                note = value
            elif name == "meta" and key is not None:
                meta[key] = value
        try:
            return Relation(
                id=rid,
                kind=decode_ana(link.get("ana") or link.get("type") or "#related"),
                source_id=_ref_id(targets[0]),
                target_id=_ref_id(targets[1]),
                note=note,
                meta=meta,
            )
        except ValidationError as exc:
            raise self.ctx.error(f"link {rid!r}: {exc}", link) from None
