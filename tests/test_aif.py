"""debatekit.aif: the Argument Interchange Format (AIF) JSON, both ways."""

from __future__ import annotations

import io
import json
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import debatekit
from debatekit import ParseError, ParseWarning, Transcript, aif, arguments, datasets
from tests.strategies import transcripts

DATA = Path(__file__).parent / "data" / "aif"
# The generated transcripts are slow to draw on a shared machine: stay under ~20 s.
FEW = settings(max_examples=min(settings.default.max_examples, 40))

#: How relation kinds survive plain AIF (without the debatekit extension).
PLAIN_KIND = {
    "supports": "supports",
    "agrees": "agrees",
    "attacks": "attacks",
    "disagrees": "disagrees",
    "rebuts": "disagrees",
    "rephrases": "rephrases",
}


RELATION_KINDS = [*arguments.RELATION_KINDS, "elaborates"]
CLAIM_KINDS = [*arguments.CLAIM_KINDS, "thesis"]


@st.composite
def annotated(draw: st.DrawFn) -> Transcript:
    """transcripts(), with claim and relation kinds drawn from the whole vocabulary
    (and one kind outside it)."""
    t = draw(transcripts())
    claims = [attrs.evolve(c, kind=draw(st.sampled_from(CLAIM_KINDS))) for c in t.claims]
    relations = [attrs.evolve(r, kind=draw(st.sampled_from(RELATION_KINDS))) for r in t.relations]
    return attrs.evolve(t, claims=claims, relations=relations)


def _read(name: str, **options: Any) -> tuple[Transcript, list[ParseWarning]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = aif.loads((DATA / name).read_bytes(), source=name, **options)
    found = [w.message for w in caught if isinstance(w.message, ParseWarning)]
    return t, found


def _unmapped(t: Transcript) -> list[Any]:
    return json.loads(t.meta.get("aif:unmapped", "[]"))


# -- round trips ---------------------------------------------------------------------


@FEW
@given(annotated())
def test_round_trip_with_the_extension_is_exact(t):
    """Transcript -> AIF -> Transcript gives the same transcript, field for field."""
    assert aif.loads(aif.dumps(t)) == t


@FEW
@given(annotated())
def test_plain_aif_keeps_speakers_turn_texts_claims_and_relations(t):
    """Without the extension, what AIF itself holds comes back: speaker names, turn
    texts in order, one claim per I-node with its proposition, and relations whose
    kinds map through RA, CA and MA (the table in docs/formats/aif.md)."""
    back = aif.loads(aif.dumps(t, extension=False))
    assert [s.name for s in back.speakers] == [s.name for s in t.speakers]
    assert [u.text for u in back.turns] == [u.text for u in t.turns]
    names = {s.id: s.name for s in t.speakers}
    back_names = {s.id: s.name for s in back.speakers}
    assert [back_names[u.speaker_id] for u in back.turns] == [names[u.speaker_id] for u in t.turns]
    said = [c for c in t.claims if t.turn(c.turn_id).text]
    assert [(c.proposition or c.text) for c in back.claims] == [
        (c.proposition or c.text) for c in said
    ]
    for old, new in zip(said, back.claims, strict=True):
        assert new.text == back.turn(new.turn_id).text[new.start : new.end]
        if old.proposition is None:
            assert (new.start, new.end) == (old.start, old.end) or new.text == old.text
        kept = {"question", "rhetorical-question", "concession"}
        assert new.kind == (old.kind if old.kind in kept else "claim")
    claim_ids = {c.id for c in said}
    expected = Counter(
        PLAIN_KIND[r.kind]
        for r in t.relations
        if r.kind in PLAIN_KIND and {r.source_id, r.target_id} <= claim_ids
    )
    assert Counter(r.kind for r in back.relations) == expected


def test_the_annotated_dataset_survives_the_trip():
    """The bundled, annotated transcript comes back unchanged."""
    t = datasets.load("us-mexico-2023")
    assert aif.loads(aif.dumps(t)) == t


# -- export --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported() -> dict[str, Any]:
    return aif.to_dict(datasets.load("us-mexico-2023"))


def test_export_has_the_aif_shape_other_tools_read(exported):
    """Every node has a string nodeID, text and type; every edge joins two nodes."""
    ids = {n["nodeID"] for n in exported["nodes"]}
    assert len(ids) == len(exported["nodes"])
    for node in exported["nodes"]:
        assert {type(node[k]) for k in ("nodeID", "text", "type")} == {str}
        assert node["type"] in {"I", "L", "YA", "TA", "RA", "CA", "MA"}
    for edge in exported["edges"]:
        assert edge["fromID"] in ids
        assert edge["toID"] in ids
    assert len({e["edgeID"] for e in exported["edges"]}) == len(exported["edges"])


def test_export_maps_turns_claims_and_relations_to_nodes(exported):
    """Turns are L-nodes with locutions, claims I-nodes anchored by YA, turn order TA."""
    t = datasets.load("us-mexico-2023")
    by_type = Counter(n["type"] for n in exported["nodes"])
    assert by_type["L"] == len(t.turns) == len(exported["locutions"])
    assert by_type["I"] == len(t.claims)
    kinds = Counter(r.kind for r in t.relations)
    assert by_type["RA"] == kinds["supports"] + kinds["agrees"]
    assert by_type["CA"] == kinds["attacks"] + kinds["disagrees"] + kinds["rebuts"]
    assert by_type["MA"] == kinds["rephrases"]
    assert by_type["TA"] == len(t.turns) - 1 + kinds["answers"]
    assert len(exported["participants"]) == len(t.speakers)
    nodes = {n["nodeID"]: n for n in exported["nodes"]}
    into = Counter(
        (nodes[e["fromID"]]["type"], nodes[e["toID"]]["type"]) for e in exported["edges"]
    )
    assert into[("L", "YA")] >= into[("YA", "I")] == len(t.claims)
    people = {p["participantID"]: p for p in exported["participants"]}
    for locution in exported["locutions"]:
        person = people[locution["personID"]]
        name = f"{person['firstname']} {person['surname']}".strip()
        assert nodes[locution["nodeID"]]["text"].startswith(f"{name} : ")


def test_question_claims_are_questioning_illocutions(exported):
    """A question claim's I-node is anchored by 'Pure Questioning', others by 'Asserting'."""
    t = datasets.load("us-mexico-2023")
    nodes = {n["nodeID"]: n for n in exported["nodes"]}
    anchor = {
        e["toID"]: nodes[e["fromID"]]["text"]
        for e in exported["edges"]
        if nodes[e["fromID"]]["type"] == "YA"
    }
    for claim in t.claims:
        expected = aif.ILLOCUTIONS.get(claim.kind, "Asserting")
        assert anchor[claim.id] == expected


def test_dump_writes_utf8_with_a_final_newline():
    """dump() writes bytes that load() reads back; text-mode files are refused."""
    t = datasets.load("us-mexico-2023")
    buffer = io.BytesIO()
    aif.dump(t, buffer)
    assert buffer.getvalue().endswith(b"}\n")
    assert aif.load(io.BytesIO(buffer.getvalue())) == t
    with pytest.raises(TypeError, match="binary"):
        aif.dump(t, io.StringIO())  # type: ignore[arg-type]


def test_read_and_write_use_the_aif_format_by_name(tmp_path):
    """format="aif" picks this module; a .json suffix alone still means debatekit JSON."""
    t = datasets.load("us-mexico-2023")
    path = tmp_path / "debate.json"
    debatekit.write(t, path, format="aif")
    assert "nodes" in json.loads(path.read_text(encoding="utf-8"))
    assert debatekit.read(path, format="aif") == t
    with pytest.raises(ParseError, match="not a debatekit document"):
        debatekit.read(path)


# -- import of real files ------------------------------------------------------------


def test_aifdb_nodeset_6064_speakers_come_from_the_locution_text():
    """No participants: speakers are the 'CL : ' labels; turns follow the TA chain."""
    t, found = _read("6064-original.json")
    names = {s.name for s in t.speakers}
    assert {"CL", "NL"} <= names
    cl = next(s.id for s in t.speakers if s.name == "CL")
    texts = [u.text for u in t.turns if u.speaker_id == cl]
    # The transitions order the dialogue; file order would put "and decided" first.
    chain = [
        "when news first came",
        "The key point",
        "you often have",
        "and decided",
        "and therefore",
        "But my point is",
        "Was he wrong",
    ]
    starts = [next(i for i, x in enumerate(texts) if x.startswith(c)) for c in chain]
    assert starts == sorted(starts)
    assert any("repeated locution" in w.msg for w in found)


def test_aifdb_nodeset_6064_claims_and_relations():
    """I-nodes become claims spanning their words; RA-nodes become supports; the
    questioning illocution makes a question with its reconstructed proposition."""
    t, _ = _read("6064-original.json")
    source = json.loads((DATA / "6064-original.json").read_text(encoding="utf-8"))
    i_nodes = [n for n in source["nodes"] if n["type"] == "I"]
    ra_nodes = [n for n in source["nodes"] if n["type"] == "RA"]
    assert len(t.claims) == len(i_nodes)
    assert Counter(r.kind for r in t.relations) == {"supports": len(ra_nodes)}
    for claim in t.claims:
        assert claim.text == t.turn(claim.turn_id).text[claim.start : claim.end]
        assert claim.meta["aif:node"] in {n["nodeID"] for n in i_nodes}
    (question,) = [c for c in t.claims if c.kind == "question"]
    assert question.text == "Was he wrong"
    assert question.proposition == "McMillan was / was not wrong"
    concessions = {c.text for c in t.claims if c.kind == "concession"}
    assert "you often have public inquiries and open investigations" in concessions


def test_aifdb_nodeset_6064_strict_mode_raises():
    """Strict mode turns the first problem into a ParseError with its JSON path."""
    with pytest.raises(ParseError) as caught:
        aif.loads((DATA / "6064-original.json").read_bytes(), strict=True)
    assert caught.value.path == "$.locutions"


def test_argument_only_file_is_reported_and_kept():
    """A file with no locutions at all gives no turns, but nothing is lost: every node
    and dangling locution is reported and kept in meta['aif:unmapped']."""
    t, found = _read("6064-reconstructed.json")
    source = json.loads((DATA / "6064-reconstructed.json").read_text(encoding="utf-8"))
    assert t.turns == ()
    assert t.claims == ()
    kept = _unmapped(t)
    nodes = [n for n in kept if "nodeID" in n and "type" in n]
    assert sorted(nodes, key=lambda n: n["nodeID"]) == sorted(
        source["nodes"], key=lambda n: n["nodeID"]
    )
    assert len([x for x in kept if "personID" in x]) == len(source["locutions"])
    messages = " ".join(w.msg for w in found)
    assert "I-nodes are propositions that no locution says" in messages
    assert "MA-nodes" in messages
    assert "RA-nodes" in messages


def test_xaif_document_with_integer_ids_and_participants():
    """The xAIF wrapper, integer ids, participants' names, a person without a participant,
    and the wrapper's other keys kept as metadata."""
    t, found = _read("xaif-tutorial-example.json")
    assert [s.name for s in t.speakers] == ["Speaker 1", "Speaker 2", "Participant 2"]
    assert [u.text for u in t.turns][1] == "the SNP has disagreements."
    assert [c.proposition for c in t.claims] == [None, None, None]
    (relation,) = t.relations
    assert relation.kind == "supports"
    assert t.claim(relation.target_id).text.startswith("it's not uncommon")
    assert "person '2'" in found[0].msg
    assert "Speaker 1" in json.loads(t.meta["aif:text"])["txt"]


# -- hand-made variants --------------------------------------------------------------


def _graph(**extra: Any) -> dict[str, Any]:
    """Two speakers; B disagrees with A, and a CA undercuts an RA."""
    nodes = [
        {"nodeID": 1, "text": "Ann : Taxes are too high", "type": "L"},
        {"nodeID": 2, "text": "Bob : No, they are not", "type": "L"},
        {"nodeID": 3, "text": "Taxes are too high", "type": "I"},
        {"nodeID": 4, "text": "Taxes are not too high", "type": "I"},
        {"nodeID": 5, "text": "Asserting", "type": "YA"},
        {"nodeID": 6, "text": "Asserting", "type": "YA"},
        {"nodeID": 7, "text": "Default Transition", "type": "TA"},
        {"nodeID": 8, "text": "Default Conflict", "type": "CA"},
        {"nodeID": 9, "text": "Disagreeing", "type": "YA"},
    ]
    pairs = [(1, 5), (5, 3), (2, 6), (6, 4), (1, 7), (7, 2), (4, 8), (8, 3), (7, 9), (9, 8)]
    edges = [{"edgeID": i, "fromID": a, "toID": b} for i, (a, b) in enumerate(pairs)]
    return {"nodes": nodes, "edges": edges, **extra}


def test_conflict_anchored_in_disagreeing_is_a_disagreement():
    """A CA anchored by a 'Disagreeing' YA becomes 'disagrees'; names come from L text."""
    t = aif.from_dict(_graph())
    assert [s.name for s in t.speakers] == ["Ann", "Bob"]
    (relation,) = t.relations
    assert relation.kind == "disagrees"
    assert t.claim(relation.target_id).text == "Taxes are too high"
    assert t.claim(relation.source_id).proposition == "Taxes are not too high"


def test_a_proposition_not_in_the_words_spans_the_whole_locution():
    """The span is the locution; the reconstructed proposition is kept beside it."""
    t = aif.from_dict(_graph())
    claim = t.claims[1]
    assert (claim.start, claim.end) == (0, len("No, they are not"))


def test_undercutter_is_reported_and_kept():
    """A conflict aimed at an inference (not a proposition) has no relation to map to."""
    data = _graph()
    data["nodes"].append({"nodeID": 10, "text": "Default Inference", "type": "RA"})
    data["nodes"].append({"nodeID": 11, "text": "Default Conflict", "type": "CA"})
    data["edges"] += [
        {"edgeID": 90, "fromID": 3, "toID": 10},
        {"edgeID": 91, "fromID": 10, "toID": 4},
        {"edgeID": 92, "fromID": 4, "toID": 11},
        {"edgeID": 93, "fromID": 11, "toID": 10},
    ]
    with pytest.warns(ParseWarning, match="CA-node does not join"):
        t = aif.from_dict(data, source="undercut.json")
    assert {n["nodeID"] for n in _unmapped(t)} == {11}
    assert {r.kind for r in t.relations} == {"disagrees", "supports"}


@pytest.mark.parametrize(
    ("document", "path", "message"),
    [
        ("[]", "$", "expected an object"),
        ('{"edges": []}', "$.nodes", "no array of nodes"),
        ('{"nodes": [{"text": "x", "type": "I"}]}', "$.nodes[0].nodeID", "nodeID is missing"),
        ('{"nodes": [{"nodeID": true, "type": "I"}]}', "$.nodes[0].nodeID", "boolean"),
        ('{"nodes": [{"nodeID": "1", "type": 3}]}', "$.nodes[0].type", "not a string"),
        ('{"nodes": [], "edges": {}}', "$.edges", "expected an array"),
        ('{"AIF": {"nodes": [], "edges": [3]}}', "$.AIF.edges[0]", "expected an object"),
    ],
)
def test_bad_shapes_raise_parse_errors_with_a_path(document, path, message):
    """Input that is not AIF-shaped fails with the JSON path of the problem."""
    with pytest.raises(ParseError, match=message) as caught:
        aif.loads(document, source="bad.json")
    assert caught.value.path == path
    assert str(caught.value).startswith(f"bad.json: {path}: ")


def test_invalid_json_reports_line_and_column():
    """A JSON syntax error carries its line and column: the standard library's, which
    points after a trailing comma before Python 3.13 and at it from 3.13 on."""
    doc = '{"nodes": [\n  {"nodeID": 1,}\n]}'
    with pytest.raises(ParseError) as caught:
        aif.loads(doc, source="x.json")
    with pytest.raises(json.JSONDecodeError) as stdlib:
        json.loads(doc)
    assert (caught.value.lineno, caught.value.colno) == (stdlib.value.lineno, stdlib.value.colno)
    assert (caught.value.lineno, caught.value.colno) in ((2, 15), (2, 16))


def test_edges_to_missing_nodes_are_reported_and_kept():
    """An edge naming a node that is not there is warned about and kept."""
    data = _graph()
    data["edges"].append({"edgeID": 77, "fromID": 3, "toID": 404})
    with pytest.warns(ParseWarning, match="404"):
        t = aif.from_dict(data)
    assert {"edge": {"edgeID": 77, "fromID": 3, "toID": 404}} in _unmapped(t)


def test_a_damaged_extension_falls_back_to_the_aif_graph():
    """An extension that no longer fits is reported; the AIF content still loads."""
    data = aif.to_dict(datasets.load("us-mexico-2023"))
    data["debatekit"]["speakers"][0] = {"name": 3}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = aif.from_dict(data)
    messages = [str(w.message) for w in caught]
    assert any("unreadable speaker in the extension" in m for m in messages)
    assert any("names no speaker" in m for m in messages)
    assert len(t.claims) == len(datasets.load("us-mexico-2023").claims)
    assert t.turns[0].speaker_id in {s.id for s in t.speakers if s.name == "Tino Cuéllar"}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("event", "not an object"),
        ("participants", {"1": {"id": "x"}}),
        ("claims", {"c1.outsized": {"kind": 3}}),
        ("turns", {"u15": {"incidents": [{"kind": "nonsense"}]}}),
        ("relations", {"r1": {"kind": "supports", "source_id": "nowhere", "target_id": "c1"}}),
    ],
)
def test_damaged_extension_parts_are_reported_not_raised(key, value):
    """Each unreadable part of the extension is reported; the rest still loads."""
    data = aif.to_dict(datasets.load("us-mexico-2023"))
    data["debatekit"][key] = value
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = aif.from_dict(data)
    assert len(t.turns) == 18
    assert len(t.claims) == 149
    assert any(isinstance(w.message, ParseWarning) for w in caught) or key == "relations"
