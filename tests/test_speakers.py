"""Speaker identity within a document (debatekit._speakers), shared by the text and
caption readers."""

from __future__ import annotations

import pytest

from debatekit._speakers import Roster, name_key, split_label


def resolve_all(labels: list[str]) -> list[int]:
    roster = Roster()
    return [roster.resolve(label) for label in labels]


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["Mr. DOE", "Senator Doe", "DOE", "Mr. ROE"], [0, 0, 0, 1]),
        (["Dan Smith", "Ann Lee", "Dan", "Smith"], [0, 1, 0, 0]),
        (
            [
                "Präsident Dr. Norbert Lammert",
                "Dr. Angela Merkel, Bundeskanzlerin",
                "Bundeskanzlerin Dr. Angela Merkel",
                "Präsident Lammert",
            ],
            [0, 1, 1, 0],
        ),
        (["THE PRESIDENT", "THE VICE PRESIDENT", "THE PRESIDENT"], [0, 1, 0]),
        (["REAR ADMIRAL POLOWCZYK", "Q", "REAR ADMIRAL POLOWCYZK"], [0, 1, 0]),
        (["Mr. JENSEN", "Mr. JANSEN"], [0, 1]),
        # a first name misspelt once before the same surname; a changed letter is not
        (["Mark Erhardt", "Paul Sztorc", "Mrk Erhardt"], [0, 1, 0]),
        (["Mark Erhardt", "Mary Erhardt"], [0, 1]),
        (["Audience Member 1", "Audience Member 2", "Audience member 1"], [0, 1, 0]),
        (["Audience Member 1", "Audience", "Audience Member 1"], [0, 1, 0]),
        (["Audience 1", "Speaker 1", "Audience 1", "Speaker 1"], [0, 1, 0, 1]),
        # a label naming people already known who speak together is no new person
        (["Adam Doe", "Safia Roe", "Adam Doe & Safia Roe", "All"], [0, 1, 0, 2]),
        (["Jen", "Jason", "Jen and Jason", "Jason, Jen, & Jason"], [0, 1, 0, 1]),
        (["Procter", "Procter & Gamble"], [0, 1]),
        # initials declared as printed, with the particle in lower case
        (["Aaron van Wirdum (AvW)", "Sjors Provoost (SP)", "AvW", "SP"], [0, 1, 0, 1]),
        (
            [
                "The PRESIDING OFFICER (Mr. Kyl)",
                "Mr. BOND",
                "The PRESIDING OFFICER",
                "The PRESIDING OFFICER (Mr. Ashcroft)",
                "The PRESIDING OFFICER",
            ],
            [0, 1, 0, 2, 2],
        ),
        (["M. le président", "M. Clémenceau", "M. le président"], [0, 1, 0]),
        # the short form first: a surname, or else a first name, then the full name
        (["BLITZER", "KING", "WOLF BLITZER, CNN ANCHOR"], [0, 1, 0]),
        (["Kirk", "Dan Ott", "Kirk Shillingford", "Kirk"], [0, 1, 0, 0]),
        (["Kirk", "Kim", "Kirk Kim"], [0, 1, 1]),
        (["Senator", "Senator Black", "Senator M"], [0, 1, 2]),
    ],
)
def test_forms_of_one_person_resolve_to_one_speaker(labels: list[str], expected: list[int]) -> None:
    assert resolve_all(labels) == expected


def test_roles_and_aliases_reach_the_speaker() -> None:
    roster = Roster()
    for label in [
        "Dr. Angela Merkel, Bundeskanzlerin",
        "Bundeskanzlerin Dr. Angela Merkel",
        "MERKEL",
    ]:
        roster.resolve(label)
    (merkel,) = roster.speakers()
    assert (merkel.id, merkel.name, merkel.role, merkel.aliases) == (
        "merkel",
        "Dr. Angela Merkel",
        "Bundeskanzlerin",
        ("MERKEL",),
    )


@pytest.mark.parametrize(
    ("label", "name", "role", "affiliation", "meta"),
    [
        ("Müller (Frankfurt) (KPD)", "Müller", None, "KPD", {"constituency": "Frankfurt"}),
        ("Dr. Dietmar Bartsch (DIE LINKE)", "Dr. Dietmar Bartsch", None, "DIE LINKE", {}),
        (
            "Schäffer, Bundesminister der Finanzen",
            "Schäffer",
            "Bundesminister der Finanzen",
            None,
            {},
        ),
        ("Präsident Dr. Ehlers", "Dr. Ehlers", "Präsident", None, {}),
        ("ANDERSON COOPER, CNN ANCHOR, CNN", "ANDERSON COOPER", "CNN ANCHOR", "CNN", {}),
        (
            "The Prime Minister (Mr David Cameron)",
            "Mr David Cameron",
            "The Prime Minister",
            None,
            {},
        ),
        ("Si&ocirc;n Simon", "Siôn Simon", None, None, {}),
    ],
)
def test_split_label(
    label: str, name: str, role: str | None, affiliation: str | None, meta: dict[str, str]
) -> None:
    split = split_label(label)
    assert (split.name, split.role, split.affiliation, split.meta) == (
        name,
        role,
        affiliation,
        meta,
    )


def test_name_key_ignores_titles_case_and_dots_but_keeps_offices() -> None:
    assert name_key("Präsident Dr. LAMMERT") == name_key("lammert") == "lammert"
    assert name_key("The CHAIRMAN") == "the chairman"
    assert name_key("Mr. O’Brien") == name_key("MR. O'BRIEN")


def test_known_speakers_win_and_ambiguity_is_reported() -> None:
    roster = Roster({"HOST": "Jane Roe"})
    assert roster.resolve("HOST") == 0
    assert roster.speakers()[0].name == "Jane Roe"
    roster.resolve("Ann Smith")
    roster.resolve("Bob Smith")
    messages: list[str] = []
    assert roster.resolve("Smith", on_ambiguous=messages.append) == 2
    assert messages
    assert "may be any of" in messages[0]
    assert roster.resolve("X", explicit_id="x1") == roster.resolve("Y", explicit_id="x1")
