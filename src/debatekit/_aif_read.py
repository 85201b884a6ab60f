"""Reading AIF: the graph checked node by node, then built into a transcript."""

from __future__ import annotations

import heapq
import json as _json
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs
import cattrs

from ._aif_vocab import (
    EXT_VERSION,
    EXTENSION,
    KIND_OF_ILLOCUTION,
    PREFIX,
    S_TYPES,
)
from ._converter import converter, json_type
from ._rules import BLANK_LINE, mint_speaker_id, to_ncname
from .errors import ParseError, ParseWarning, ValidationError, _report
from .models import Claim, Event, Incident, Relation, Speaker, Transcript, Turn

_T = TypeVar("_T")


@attrs.define
class _Node:
    id: str
    type: str
    text: str
    raw: dict[str, Any]
    path: str


class _Reader:
    """One import: the AIF graph, its indexes, and the problems met so far."""

    def __init__(self, source: str | None, strict: bool) -> None:
        self.source = source
        self.strict = strict
        self.unmapped: list[Any] = []
        self.used: set[str] = set()

    # -- reporting -------------------------------------------------------------------

    def fail(self, msg: str, path: str) -> ParseError:
        return ParseError(msg, source=self.source, path=path)

    def report(self, msg: str, path: str, keep: Any = None) -> None:
        """Warn (or in strict mode raise) about content that has no place; keep it."""
        _report(ParseWarning(msg, source=self.source, path=path), strict=self.strict)
        if keep is not None:
            self.unmapped.append(keep)

    def report_all(self, what: tuple[str, str], items: list[tuple[str, str, Any]]) -> None:
        """One report for alike items ``(id, path, raw)``, all kept; ``what`` is
        the phrase for one item and for several."""
        if not items:
            return
        ids = ", ".join(repr(i) for i, _, _ in items[:5]) + (", ..." if len(items) > 5 else "")
        count = what[0] if len(items) == 1 else f"{len(items)} {what[1]}"
        self.report(f"{count}: {ids}; kept in meta['aif:unmapped']", items[0][1])
        self.unmapped.extend(raw for _, _, raw in items)

    # -- shape -----------------------------------------------------------------------

    def _list(self, graph: Mapping[str, Any], key: str, base: str) -> list[dict[str, Any]]:
        value = graph.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(f"expected an array, got {json_type(value)}", f"{base}.{key}")
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail(f"expected an object, got {json_type(item)}", f"{base}.{key}[{i}]")
        return value

    def _id(self, item: Mapping[str, Any], key: str, path: str) -> str:
        value = item.get(key)
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            what = "missing" if value is None else f"{json_type(value)}, not a string or integer"
            raise self.fail(f"{key} is {what}", f"{path}.{key}")
        return str(value)

    def fresh_speaker_id(self, name: str) -> str:
        """An unused speaker id minted from ``name``."""
        candidate = mint_speaker_id(name, self.used)
        self.used.add(candidate)
        return candidate

    def fresh_id(self, wanted: str, prefix: str) -> str:
        """An unused XML NCName for ``wanted``: itself if it is one, else a cleaned form."""
        candidate = to_ncname(wanted, prefix)
        base, n = candidate, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate

    # -- the import ------------------------------------------------------------------

    def read(self, data: object) -> Transcript:
        if not isinstance(data, dict):
            raise self.fail(f"expected an object, got {json_type(data)}", "$")
        graph: dict[str, Any] = data
        base = "$"
        for wrapper in ("AIF", "aif"):
            if isinstance(data.get(wrapper), dict):  # xAIF: {"AIF": {...}, "text": ...}
                graph, base = data[wrapper], f"$.{wrapper}"
                break
        if not isinstance(graph.get("nodes"), list):
            raise self.fail("not an AIF document: no array of nodes", f"{base}.nodes")
        extra = {
            k: v
            for k, v in data.items()
            if k not in {"AIF", "aif", "nodes", "edges", "locutions", "participants", EXTENSION}
            and v not in (None, [], {}, "")
        }
        nodes = self.nodes(self._list(graph, "nodes", base), base)
        edges = self.edges(self._list(graph, "edges", base), base, nodes)
        people = self.participants(self._list(graph, "participants", base), base)
        spoken = self.locutions(self._list(graph, "locutions", base), base, nodes)
        ext = self.extension(data.get(EXTENSION))
        return _Build(self, nodes, edges, people, spoken, ext, extra).transcript()

    def nodes(self, items: list[dict[str, Any]], base: str) -> dict[str, _Node]:
        nodes: dict[str, _Node] = {}
        for i, item in enumerate(items):
            path = f"{base}.nodes[{i}]"
            node_id = self._id(item, "nodeID", path)
            type_ = item.get("type")
            if not isinstance(type_, str):
                raise self.fail(f"type is {json_type(type_)}, not a string", f"{path}.type")
            text = item.get("text", "")
            if not isinstance(text, str):
                text = "" if text is None else str(text)
            if node_id in nodes:
                self.report(f"duplicate node id {node_id!r}; the first one is used", path, item)
                continue
            nodes[node_id] = _Node(node_id, type_.strip().upper(), text, item, path)
        return nodes

    def edges(
        self, items: list[dict[str, Any]], base: str, nodes: Mapping[str, _Node]
    ) -> list[tuple[str, str]]:
        edges: list[tuple[str, str]] = []
        for i, item in enumerate(items):
            path = f"{base}.edges[{i}]"
            source, target = self._id(item, "fromID", path), self._id(item, "toID", path)
            missing = [x for x in (source, target) if x not in nodes]
            if missing:
                self.report(
                    f"edge from {source!r} to {target!r} names a node that is not in the "
                    f"document ({', '.join(map(repr, missing))})",
                    path,
                    {"edge": item},
                )
                continue
            edges.append((source, target))
        return edges

    def participants(self, items: list[dict[str, Any]], base: str) -> dict[str, str]:
        people: dict[str, str] = {}
        for i, item in enumerate(items):
            path = f"{base}.participants[{i}]"
            pid = self._id(item, "participantID", path)
            parts = [item.get(k) for k in ("firstname", "surname")]
            name = " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
            people[pid] = name
        return people

    def locutions(
        self, items: list[dict[str, Any]], base: str, nodes: Mapping[str, _Node]
    ) -> dict[str, tuple[str, dict[str, Any]]]:
        spoken: dict[str, tuple[str, dict[str, Any]]] = {}
        orphans: list[tuple[str, str, Any]] = []
        duplicates = 0
        for i, item in enumerate(items):
            path = f"{base}.locutions[{i}]"
            node_id = self._id(item, "nodeID", path)
            person = item.get("personID")
            if node_id not in nodes:
                orphans.append((node_id, path, item))
                continue
            if isinstance(person, bool) or not isinstance(person, (str, int)):
                continue  # a locution without a person says nothing we can use
            if node_id in spoken:
                if spoken[node_id][0] != str(person):
                    self.report(
                        f"node {node_id!r} has locutions by two people; the first is used",
                        path,
                        item,
                    )
                else:
                    duplicates += 1
                continue
            spoken[node_id] = (str(person), item)
        self.report_all(
            (
                "a locution names a node that is not in the document",
                "locutions name nodes that are not in the document",
            ),
            orphans,
        )
        if duplicates:
            self.report(
                f"{duplicates} repeated locution record{'s' if duplicates > 1 else ''} "
                "(same node, same person) ignored",
                f"{base}.locutions",
            )
        return spoken

    def extension(self, value: object) -> dict[str, Any] | None:
        if value is None:
            return None
        if not isinstance(value, dict) or not isinstance(value.get("version"), str):
            self.report("unreadable debatekit extension; ignored", f"$.{EXTENSION}", value)
            return None
        if value["version"].split(".")[0] != EXT_VERSION.split(".")[0]:
            self.report(
                f"debatekit extension version {value['version']!r} is not {EXT_VERSION}; ignored",
                f"$.{EXTENSION}.version",
                value,
            )
            return None
        return value


def _structure(reader: _Reader, data: object, cls: type[_T], path: str) -> _T | None:
    """Structure one piece of the extension, or report it and return ``None``."""
    try:
        if not isinstance(data, dict):
            raise TypeError("not an object")
        return converter.structure(data, cls)
    except (cattrs.BaseValidationError, ValidationError, ValueError, TypeError, KeyError):
        reader.report(f"unreadable {cls.__name__.lower()} in the extension; ignored", path, data)
        return None


class _Build:
    """Turn the checked AIF graph into a transcript."""

    def __init__(
        self,
        reader: _Reader,
        nodes: dict[str, _Node],
        edges: list[tuple[str, str]],
        people: dict[str, str],
        spoken: dict[str, tuple[str, dict[str, Any]]],
        ext: dict[str, Any] | None,
        extra: dict[str, Any],
    ) -> None:
        self.r = reader
        self.nodes = nodes
        self.people = people
        self.spoken = spoken
        self.ext = ext or {}
        self.extra = extra
        self.out: dict[str, list[str]] = {n: [] for n in nodes}
        self.into: dict[str, list[str]] = {n: [] for n in nodes}
        for source, target in edges:
            self.out[source].append(target)
            self.into[target].append(source)
        self.mapped: set[str] = set()
        self.ext_speaker_list: list[Speaker] = []

    def ext_part(self, key: str) -> dict[str, Any]:
        value = self.ext.get(key)
        return value if isinstance(value, dict) else {}

    def of_type(self, *types: str) -> list[_Node]:
        return [n for n in self.nodes.values() if n.type in types]

    # -- speakers and turns ----------------------------------------------------------

    def transcript(self) -> Transcript:
        speakers = self.ext_speakers()
        turns, speaker_list = self.turns(speakers)
        claims = self.claims(turns)
        relations = self.relations(turns, claims)
        body = self.body(list(turns.values()))
        groups: dict[tuple[str, str], list[tuple[str, str, Any]]] = {}
        for node in self.nodes.values():
            if node.id not in self.mapped and node.type not in {"YA", "TA"}:
                groups.setdefault(_describe(node), []).append((node.id, node.path, node.raw))
        for what, items in groups.items():
            self.r.report_all(what, items)
        meta: dict[str, str] = {}
        ext_meta = self.ext.get("meta")
        if isinstance(ext_meta, dict):
            meta.update({k: v for k, v in ext_meta.items() if isinstance(v, str)})
        for key, value in self.extra.items():
            meta[f"aif:{key}"] = _json.dumps(value, ensure_ascii=False)
        if self.r.unmapped:
            meta["aif:unmapped"] = _json.dumps(self.r.unmapped, ensure_ascii=False)
        event = Event()
        if self.ext.get("event") is not None:
            event = _structure(self.r, self.ext["event"], Event, f"$.{EXTENSION}.event") or event
        # (a dict, because attrs' mypy plugin types the tuple converters' input oddly)
        fields: dict[str, Any] = {
            "event": event,
            "speakers": speaker_list,
            "body": body,
            "claims": list(claims.values()),
            "relations": relations,
            "front": _strings(self.ext.get("front")),
            "back": _strings(self.ext.get("back")),
            "meta": meta,
        }
        try:
            return Transcript(**fields)
        except ValidationError as exc:
            raise self.r.fail(
                f"the document does not make a valid transcript: {exc}", "$"
            ) from None

    def ext_speakers(self) -> dict[str, Speaker]:
        """participantID -> speaker, from the extension (empty without one)."""
        found: dict[str, Speaker] = {}
        by_id: dict[str, Speaker] = {}
        items = self.ext.get("speakers")
        for i, item in enumerate(items if isinstance(items, list) else []):
            speaker = _structure(self.r, item, Speaker, f"$.{EXTENSION}.speakers[{i}]")
            if speaker is not None:
                by_id[speaker.id] = speaker
        self.ext_speaker_list = list(by_id.values())
        for pid, speaker_id in self.ext_part("participants").items():
            if isinstance(speaker_id, str) and speaker_id in by_id:
                found[pid] = by_id[speaker_id]
            else:
                self.r.report(
                    f"participant {pid!r} of the extension names no speaker; ignored",
                    f"$.{EXTENSION}.participants.{pid}",
                )
        return found

    def order(self, locutions: list[_Node]) -> list[_Node]:
        """Locutions in the order their transitions give, else in file order.

        A transition (TA node) orders each locution before it ahead of each after it.
        Rather than one edge per pair (quadratic for a TA with many of each), every TA
        becomes hub nodes in the graph, which keeps the same order: linear.
        """
        ids = {n.id for n in locutions}
        rank: dict[object, int] = {n.id: i for i, n in enumerate(locutions)}
        after: dict[object, list[object]] = {n.id: [] for n in locutions}

        def link(sources: list[str], targets: list[str], hub: object) -> None:
            if sources and targets:
                rank[hub], after[hub] = -1, list(targets)  # a hub goes first when ready
                for source in sources:
                    after[source].append(hub)

        for ta in self.of_type("TA"):
            before = list(dict.fromkeys(x for x in self.into[ta.id] if x in ids))
            later = list(dict.fromkeys(x for x in self.out[ta.id] if x in ids))
            both = set(before) & set(later)
            only_before = [x for x in before if x not in both]
            link(before, [x for x in later if x not in both], (ta.id, 1))
            link(only_before, [x for x in later if x in both], (ta.id, 2))
            if len(both) > 1:  # each before each other: a cycle, as pairs would make
                link(
                    sorted(both, key=rank.__getitem__),
                    sorted(both, key=rank.__getitem__),
                    (ta.id, 3),
                )
        return self._topological(locutions, rank, after)

    def _topological(
        self, locutions: list[_Node], rank: dict[object, int], after: dict[object, list[object]]
    ) -> list[_Node]:
        """Kahn's algorithm, taking the earliest ready locution in file order (a heap)."""
        waiting = dict.fromkeys(after, 0)
        for targets in after.values():
            for target in targets:
                waiting[target] += 1
        ready = [(rank[key], i, key) for i, key in enumerate(after) if waiting[key] == 0]
        heapq.heapify(ready)
        done: list[_Node] = []
        seen: set[object] = set()
        counter = len(ready)
        while ready:
            _, _, key = heapq.heappop(ready)
            seen.add(key)
            if isinstance(key, str):
                done.append(self.nodes[key])
            for target in after[key]:
                waiting[target] -= 1
                if waiting[target] == 0:
                    counter += 1
                    heapq.heappush(ready, (rank[target], counter, target))
        if len(done) < len(locutions):
            rest = [n for n in locutions if n.id not in seen]
            self.r.report(
                f"transitions between {len(rest)} locutions form a cycle; those follow file order",
                rest[0].path,
            )
            done.extend(rest)
        return done

    def turns(self, ext_speakers: dict[str, Speaker]) -> tuple[dict[str, Turn], list[Speaker]]:
        """L-node id -> turn, and the speakers in order."""
        ext_turns = self.ext_part("turns")
        speakers: dict[str, Speaker] = {s.id: s for s in self.ext_speaker_list}
        for speaker_id in speakers:
            self.r.used.add(speaker_id)
        derived: dict[str, Speaker] = {}  # person key -> derived speaker
        for pid, name in self.people.items():
            # Every named participant is a speaker, in the participants' order, even
            # one who says nothing in this document.
            if name and pid not in ext_speakers:
                new = Speaker(id=self.r.fresh_speaker_id(name), name=name)
                derived[f"p:{pid}"] = speakers[new.id] = new
        turns: dict[str, Turn] = {}
        for node in self.order(self.of_type("L")):
            self.mapped.add(node.id)
            person, name, text = self.who(node)
            speaker: Speaker | None = None
            if person.startswith("p:"):
                speaker = ext_speakers.get(person[2:])
            if speaker is not None:
                text = _strip_label(node.text, speaker.name)
            elif person in derived:
                speaker = derived[person]
            else:
                speaker = Speaker(id=self.r.fresh_speaker_id(name), name=name)
                derived[person] = speaker
                speakers[speaker.id] = speaker
            turns[node.id] = self.turn(node, speaker, text, ext_turns.get(node.id))
        return turns, list(speakers.values())

    def who(self, node: _Node) -> tuple[str, str, str]:
        """(person key, name, text without the speaker label) of an L-node."""
        found = self.spoken.get(node.id)
        match = PREFIX.match(node.text)
        label = match.group(1) if match else None
        if found is not None:
            pid = found[0]
            name = self.people.get(pid) or ""
            if name:
                return f"p:{pid}", name, _strip_label(node.text, name)
            if pid not in self.people and self.people:
                self.r.report(
                    f"locution of node {node.id!r} names person {pid!r}, who is not among "
                    "the participants",
                    node.path,
                )
            if label and match:
                return f"p:{pid}", label, node.text[match.end() :]
            return f"p:{pid}", f"Participant {pid}", node.text
        if label and match:
            return f"n:{label}", label, node.text[match.end() :]
        self.r.report(f"nobody is named as the speaker of L-node {node.id!r}", node.path)
        return "unknown", "Unknown", node.text

    def turn(self, node: _Node, speaker: Speaker, text: str, ext: object) -> Turn:
        paragraphs = [p.strip() for p in BLANK_LINE.split(text.strip())] if text.strip() else []
        turn_id = self.r.fresh_id(node.id, "u")
        if isinstance(ext, dict):
            own = {"id": turn_id, "speaker_id": speaker.id, "paragraphs": paragraphs}
            path = f"$.{EXTENSION}.turns.{node.id}"
            restored = _structure(self.r, {**ext, **own}, Turn, path)
            if restored is not None:
                return restored
        meta = {"aif:node": node.id}
        meta.update(_stamps(node.raw, "aif:"))
        locution = self.spoken.get(node.id)
        if locution is not None:
            meta.update(_stamps(locution[1], "aif:locution-"))
        return Turn(id=turn_id, speaker_id=speaker.id, paragraphs=paragraphs, meta=meta)

    def body(self, turns: list[Turn]) -> list[Turn | Incident]:
        order = self.ext.get("body")
        if not isinstance(order, list):
            return list(turns)
        by_node = {t.meta.get("aif:node", t.id): t for t in turns}
        body: list[Turn | Incident] = []
        for i, item in enumerate(order):
            if isinstance(item, str) and item in by_node:
                body.append(by_node.pop(item))
            elif isinstance(item, dict):
                incident = _structure(self.r, item, Incident, f"$.{EXTENSION}.body[{i}]")
                if incident is not None:
                    body.append(incident)
        placed = {id(t) for t in body}
        body.extend(t for t in turns if id(t) not in placed)
        return body

    # -- claims ----------------------------------------------------------------------

    def claims(self, turns: dict[str, Turn]) -> dict[str, Claim]:
        """I-node id -> claim, for every I-node anchored in a locution."""
        ext_claims = self.ext_part("claims")
        claims: dict[str, Claim] = {}
        for node in self.of_type("I"):
            anchors = [
                (ya, source)
                for ya in self.into[node.id]
                if self.nodes[ya].type == "YA"
                for source in self.into[ya]
                if source in turns
            ]
            if not anchors or not turns[anchors[0][1]].text:
                continue  # reported at the end, with the other unmapped nodes
            (ya, l_node), *others = anchors
            for _, other in others:
                self.r.report(
                    f"I-node {node.id!r} is also said in L-node {other!r}; only the first "
                    f"locution ({l_node!r}) is kept as its span",
                    node.path,
                )
            self.mapped.update({node.id, ya})
            claims[node.id] = self.claim(
                node, turns[l_node], self.nodes[ya], ext_claims.get(node.id)
            )
        return claims

    def claim(self, node: _Node, turn: Turn, ya: _Node, ext: object) -> Claim:
        text = turn.text
        span: tuple[int, int] | None = None
        restored: Claim | None = None
        if isinstance(ext, dict):
            start, end = ext.get("start"), ext.get("end")
            if (
                isinstance(start, int)
                and isinstance(end, int)
                and not isinstance(start, bool)
                and not isinstance(end, bool)
                and 0 <= start < end <= len(text)
            ):
                span = (start, end)
            fake = {"id": "c", "turn_id": "u", "start": 0, "end": 1, "text": "x"}
            restored = _structure(self.r, {**ext, **fake}, Claim, f"$.{EXTENSION}.claims.{node.id}")
        if span is None:
            at = text.find(node.text) if node.text else -1
            span = (at, at + len(node.text)) if at >= 0 else (0, len(text))
        start, end = span
        if restored is not None:
            fields: dict[str, Any] = {
                "kind": restored.kind,
                "stance": restored.stance,
                "topics": restored.topics,
                "note": restored.note,
                "meta": restored.meta,
            }
            plain = restored.proposition is None
        else:
            meta = {"aif:node": node.id, "aif:illocution": ya.text}
            meta.update(_stamps(node.raw, "aif:"))
            kind = KIND_OF_ILLOCUTION.get(ya.text.strip().lower(), "claim")
            fields = {"kind": kind, "meta": meta}
            plain = True
        proposition = None if plain and node.text == text[start:end] else node.text
        return Claim(
            id=self.r.fresh_id(node.id, "c"),
            turn_id=turn.id,
            start=start,
            end=end,
            text=text[start:end],
            proposition=proposition,
            **fields,
        )

    # -- relations -------------------------------------------------------------------

    def relations(self, turns: dict[str, Turn], claims: dict[str, Claim]) -> list[Relation]:
        ext_relations = self.ext_part("relations")
        ends: dict[str, str] = {k: c.id for k, c in claims.items()}
        ends.update({k: t.id for k, t in turns.items()})
        relations: list[Relation] = []
        for node in self.nodes.values():
            ext = ext_relations.get(node.id)
            if node.type == "TA" and not isinstance(ext, dict):
                continue  # a transition: the turn order
            if node.type not in S_TYPES and node.type != "TA":
                continue
            sources = [ends[s] for s in self.into[node.id] if s in ends]
            targets = [ends[t] for t in self.out[node.id] if t in ends]
            if isinstance(ext, dict):
                relation = self.ext_relation(node, ext, set(ends.values()))
                if relation is not None:
                    relations.append(relation)
                    continue
            if node.type == "TA":
                continue
            if not sources or not targets:
                continue  # reported at the end as unmapped
            self.mapped.add(node.id)
            anchors = [self.nodes[y].text.strip().lower() for y in self.into[node.id]]
            anchors = [a for a in anchors if a in {"agreeing", "disagreeing"}]
            kind = {"RA": "supports", "CA": "attacks", "MA": "rephrases"}[node.type]
            if anchors and node.type == "RA" and anchors[0] == "agreeing":
                kind = "agrees"
            elif anchors and node.type == "CA" and anchors[0] == "disagreeing":
                kind = "disagrees"
            pairs = [(s, t) for s in sources for t in targets if s != t]
            for k, (source, target) in enumerate(pairs):
                meta = {"aif:node": node.id, "aif:scheme": node.text}
                meta.update(_stamps(node.raw, "aif:"))
                wanted = node.id if len(pairs) == 1 else f"{node.id}-{k + 1}"
                relations.append(
                    Relation(
                        id=self.r.fresh_id(wanted, "r"),
                        kind=kind,
                        source_id=source,
                        target_id=target,
                        meta=meta,
                    )
                )
        return relations

    def ext_relation(self, node: _Node, ext: dict[str, Any], known: set[str]) -> Relation | None:
        restored = _structure(
            self.r, {**ext, "id": "r"}, Relation, f"$.{EXTENSION}.relations.{node.id}"
        )
        if restored is None or not {restored.source_id, restored.target_id} <= known:
            return None
        self.mapped.add(node.id)
        return attrs.evolve(restored, id=self.r.fresh_id(node.id, "r"))


def _describe(node: _Node) -> tuple[str, str]:
    """What kind of unmappable node this is: the phrase for one, and for several."""
    if node.type == "I":
        return (
            "an I-node is a proposition that no locution says",
            "I-nodes are propositions that no locution says",
        )
    if node.type in S_TYPES:
        return (
            f"an {node.type}-node does not join two propositions that locutions say",
            f"{node.type}-nodes do not join two propositions that locutions say",
        )
    return (
        f"a node is of type {node.type!r}, which has no place in a transcript",
        f"nodes are of type {node.type!r}, which has no place in a transcript",
    )


def _stamps(raw: Mapping[str, Any], prefix: str) -> dict[str, str]:
    """The timestamp and time fields of a node or locution, as metadata."""
    return {
        prefix + key: str(raw[key])
        for key in ("timestamp", "start", "end", "source")
        if raw.get(key) not in (None, "")
    }


def _strip_label(text: str, name: str) -> str:
    for label in (f"{name} : ", f"{name}: ", f"{name} :"):
        if text.startswith(label):
            return text[len(label) :]
    return text


def _strings(value: object) -> list[str]:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return []
