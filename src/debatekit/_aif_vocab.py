"""The AIF vocabulary debatekit reads and writes: the extension key, illocutions,
relation schemes, the label before a locution's text."""

from __future__ import annotations

import re

__all__ = ["EXTENSION", "ILLOCUTIONS"]

#: The top-level key of the debatekit extension (what plain AIF cannot hold).
EXTENSION = "debatekit"
EXT_VERSION = "1.0"

#: The YA-node text written for each claim kind; any other kind is "Asserting".
ILLOCUTIONS: dict[str, str] = {
    "question": "Pure Questioning",
    "rhetorical-question": "Rhetorical Questioning",
    "concession": "Conceding",
}
KIND_OF_ILLOCUTION: dict[str, str] = {
    "pure questioning": "question",
    "assertive questioning": "question",
    "questioning": "question",
    "rhetorical questioning": "rhetorical-question",
    "conceding": "concession",
    "popular conceding": "concession",
}

# Relation kind -> (S-node type, S-node text, text of the YA-node that anchors it).
SCHEMES: dict[str, tuple[str, str, str]] = {
    "supports": ("RA", "Default Inference", "Arguing"),
    "agrees": ("RA", "Default Inference", "Agreeing"),
    "attacks": ("CA", "Default Conflict", "Arguing"),
    "disagrees": ("CA", "Default Conflict", "Disagreeing"),
    "rebuts": ("CA", "Default Conflict", "Disagreeing"),
    "rephrases": ("MA", "Default Rephrase", "Restating"),
}
TRANSITION = "Default Transition"
S_TYPES = frozenset({"RA", "CA", "MA"})

# "Fiona Bruce : text", "CL : text", "HFC: text": a short label before a colon.
PREFIX = re.compile(r"\s*([^:\n]{1,60}?)\s*:\s+")
