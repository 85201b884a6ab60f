"""The TEI reader, ParlaMint's corpus facts: what a session's metadata needs from the
corpus root, its listOrg and its taxonomies, kept in :attr:`Transcript.meta`.

Part of the TEI reader (see :mod:`debatekit._tei_read`). A ParlaMint session points into
its corpus: ``u/@ana="#chair"`` names a speaker type, ``TEI/@ana="#reference"`` a
subcorpus, ``meeting/@ana`` the body and level, an affiliation's ``@ref`` an
organisation whose ``@ana`` names a political orientation, and the listOrg's
``listRelation`` says which parties were in coalition or opposition when. The reader
keeps the part of those facts the session refers to, as flat keys:

- ``org.<id>.<fact>``: ``role``, ``ana``, ``abb``, ``name`` (``@lang`` where the source
  states a language: ``name@eu``, ``abb``), ``orientation`` (the ``@ana`` of the states
  in ``state[@type="politicalOrientation"]``, as ParlaMint 4 gives a party's orientation);
- ``relation.<n>.<attribute>``: ``name``, ``mutual``, ``active``, ``passive``, ``from``,
  ``to``, ``ana`` of each relation naming one of those organisations;
- ``category.<id>@<lang>``: a taxonomy category's term in each language (``<lang>``
  empty where no ``xml:lang`` is in force);
- ``category.<id>#taxonomy``: the terms of its taxonomy's ``desc`` (``Subcorpora``,
  ``Types of speakers``, ``Topics``...), ``|``-joined; ``category.<id>#within``: the ids
  of the categories it is nested in;
- ``language.<ident>@<lang>``: a language's name, from the corpus ``langUsage``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ._tei_base import Lists, _ref_id
from .models import Incident, Speaker, Turn

__all__ = ["corpus_meta"]

_MEASURE_ANA = re.compile(r'\bana="([^"]*)"')


def _refs(value: str | None) -> list[str]:
    """The ids pointers name: ``#X``, or ``prefix:X`` (a ParlaMint extended pointer,
    ``topic:X``: ParlaMint resolves it to the category ``X``)."""
    ids = []
    for v in (value or "").split():
        ref = _ref_id(v) if "#" in v else v.rsplit(":", 1)[-1]
        if ref:
            ids.append(ref)
    return ids


def corpus_meta(
    lists: Lists | None,
    event_meta: Mapping[str, str],
    speakers: Iterable[Speaker],
    body: Iterable[Turn | Incident],
) -> dict[str, str]:
    """The corpus facts the session refers to (empty when there are no corpus lists)."""
    if lists is None or not (lists.org_facts or lists.categories or lists.languages):
        return {}
    meta: dict[str, str] = {}
    orgs: list[str] = []
    for speaker in speakers:
        for aff in speaker.affiliations:
            oid = _ref_id(aff.ref or "")
            if oid in lists.org_facts and oid not in orgs:
                orgs.append(oid)
    anas = [v for k, v in event_meta.items() if k == "ana" or k.endswith(".ana")]
    for item in body:
        if isinstance(item, Turn):
            anas.append(item.meta.get("ana", ""))
            anas += _MEASURE_ANA.findall(item.meta.get("tei:measure", ""))
            # a sentence's sentiment (ParlaMint 5.0: <measure type="sentiment" ana="senti:X">)
            for sentence in item.sentences:
                anas += _MEASURE_ANA.findall(sentence.meta.get("tei:measure", ""))
    for oid in orgs:
        for fact, value in lists.org_facts[oid].items():
            meta[f"org.{oid}.{fact}"] = value
        anas.append(lists.org_facts[oid].get("ana", ""))
        anas.append(lists.org_facts[oid].get("orientation", ""))
    n = 0
    for relation in lists.relations:
        named = {r for k in ("mutual", "active", "passive") for r in _refs(relation.get(k))}
        if named & set(orgs):
            n += 1
            for key, value in relation.items():
                meta[f"relation.{n}.{key}"] = value
    seen: set[str] = set()
    cids = [c for value in anas for c in _refs(value) if c in lists.categories]
    # and the categories they are nested in (a sentiment's 3-class parent)
    cids += [p for c in cids for p in lists.categories[c].get("within", "").split()]
    for cid in cids:
        if cid in lists.categories and cid not in seen:
            seen.add(cid)
            for lang, term in lists.categories[cid].items():
                if lang in ("taxonomy", "within"):
                    if term:
                        meta[f"category.{cid}#{lang}"] = term
                else:
                    meta[f"category.{cid}@{lang}"] = term
    for key, name in lists.languages.items():
        meta[f"language.{key}"] = name
    return meta
