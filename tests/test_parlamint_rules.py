"""The -meta.tsv rules of ParlaMint 5.0 that the real samples do not all exercise, on a
small corpus written in ParlaMint's encoding (a root with listPerson, listOrg, langUsage
and taxonomies; one session): each test names the rule it checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from debatekit import parlamint, tei

ROOT = """<?xml version="1.0" encoding="UTF-8"?>
<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xml:id="ParlaMint-XX" xml:lang="xx">
 <teiHeader>
  <encodingDesc>
   <listPrefixDef>
    <prefixDef ident="topic" matchPattern="(.+)" replacementPattern="#$1"/>
   </listPrefixDef>
   <classDecl>
    <taxonomy>
     <desc xml:lang="en"><term>Legislature</term></desc>
     <category xml:id="parla.organization">
      <catDesc xml:lang="en"><term>Organization</term></catDesc>
      <category xml:id="parla.lower">
       <catDesc xml:lang="en"><term>Lower house</term></catDesc>
       <catDesc xml:lang="xx"><term>Dom niski</term></catDesc>
      </category>
      <category xml:id="parla.national">
       <catDesc xml:lang="en"><term>National legislature</term></catDesc>
      </category>
     </category>
     <category xml:id="parla.term"><catDesc xml:lang="en"><term>Term</term></catDesc></category>
    </taxonomy>
    <taxonomy>
     <desc xml:lang="en"><term>Subcorpora</term></desc>
     <category xml:id="reference"><catDesc xml:lang="xx"><term>Ref</term></catDesc></category>
     <category xml:id="covid"><catDesc xml:lang="xx"><term>Kovid</term></catDesc></category>
    </taxonomy>
    <taxonomy>
     <desc xml:lang="en"><term>Types of speakers</term></desc>
     <category xml:id="chair"><catDesc xml:lang="xx"><term>Predsjednik</term></catDesc></category>
     <category xml:id="regular"><catDesc xml:lang="en"><term>Regular</term></catDesc></category>
    </taxonomy>
    <taxonomy>
     <desc xml:lang="en"><term>Topics</term></desc>
     <category xml:id="educa"><catDesc xml:lang="en"><term>Education</term></catDesc></category>
     <category xml:id="healt"><catDesc xml:lang="en"><term>Health</term></catDesc></category>
    </taxonomy>
    <taxonomy>
     <desc xml:lang="en"><term>Political orientation</term></desc>
     <category xml:id="orientation.L"><catDesc xml:lang="en"><term>Left</term></catDesc></category>
     <category xml:id="orientation.R"><catDesc xml:lang="en"><term>Right</term></catDesc></category>
    </taxonomy>
   </classDecl>
  </encodingDesc>
  <profileDesc>
   <langUsage>
    <language ident="xx" xml:lang="xx">iksiški</language>
    <language ident="xx" xml:lang="en">Xish</language>
    <language ident="yy" xml:lang="xx">ipsilonski</language>
   </langUsage>
   <particDesc>
    <listOrg>
     <org xml:id="HOUSE" role="parliament"><orgName full="yes">House</orgName></org>
     <org xml:id="GOV" role="government"><orgName full="yes">Government</orgName></org>
     <org xml:id="party.A" role="politicalParty">
      <orgName full="yes" xml:lang="xx">Stranka A</orgName>
      <orgName full="yes" xml:lang="en">Party A</orgName>
      <orgName full="abb">A</orgName>
      <state type="politicalOrientation">
       <state type="encoder" ana="#orientation.L"/>
       <state type="Wikipedia" ana="#orientation.R"/>
      </state>
     </org>
     <org xml:id="group.G" role="parliamentaryGroup">
      <orgName full="yes" xml:lang="en">Group G</orgName>
     </org>
     <listRelation>
      <relation name="coalition" mutual="#party.A" from="2019" to="2021-06-30"/>
      <relation name="opposition" active="#group.G" passive="#party.A" from="2019-01-01"/>
     </listRelation>
    </listOrg>
    <listPerson>
     <person xml:id="P1">
      <persName><surname>Kirilenko</surname><forename>Vjačeslav</forename>
       <surname type="patronym">Anatolijovič</surname></persName>
      <sex value="M"/><birth when="1968-06-07"/>
      <affiliation role="member" ref="#HOUSE" from="2019-05"/>
      <affiliation role="member" ref="#party.A" from="2018"/>
     </person>
     <person xml:id="P2">
      <persName><forename>Ana</forename><nameLink>van</nameLink><surname>Dijk</surname></persName>
      <affiliation role="member" ref="#party.A"/>
      <affiliation role="member" ref="#group.G" from="2020-01-01" to="2020-12-31"/>
      <affiliation role="minister" ref="#GOV" from="2020-03-01" to="2020-03-31"/>
     </person>
     <person xml:id="P3">
      <persName xml:lang="en"><surname>Smith</surname><forename>Ann</forename></persName>
      <persName xml:lang="xx"><surname>Smitova</surname><forename>Ana</forename></persName>
     </person>
     <person xml:id="P4">
      <persName to="2019-12-31"><surname>Old</surname><forename>Eva</forename></persName>
      <persName from="2020-01-01"><surname>New</surname><forename>Eva</forename></persName>
     </person>
    </listPerson>
   </particDesc>
  </profileDesc>
 </teiHeader>
</teiCorpus>
"""

SESSION = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="ParlaMint-XX_2020-03-10" xml:lang="xx"
     ana="#parla.sitting #reference #covid">
 <teiHeader>
  <fileDesc>
   <titleStmt>
    <title type="main" xml:lang="xx">Korpus XX, 2020-03-10 [ParlaMint.ana SAMPLE]</title>
    <title type="main" xml:lang="en">Corpus XX, 2020-03-10 [ParlaMint.ana SAMPLE]</title>
    <meeting ana="#parla.national #parla.lower #parla.term" n="8">8. saziv</meeting>
    <meeting ana="#parla.lower #parla.sitting" n="2020-03-10"/>
   </titleStmt>
   <publicationStmt><p/></publicationStmt>
   <sourceDesc><p/></sourceDesc>
  </fileDesc>
  <profileDesc>
   <settingDesc><setting><date when="2020-03-10">10. 3. 2020</date></setting></settingDesc>
  </profileDesc>
 </teiHeader>
 <text>
  <body>
   <div type="debateSection">
    <u xml:id="u1" who="#P1" ana="#chair topic:healt topic:educa">
     <seg xml:lang="xx">Dobar dan.</seg>
    </u>
    <u xml:id="u2" who="#P2" ana="#regular">
     <seg xml:lang="xx">Hvala.</seg>
     <seg xml:lang="yy">Thanks.</seg>
    </u>
    <u xml:id="u3" who="#P2" ana="#regular" xml:lang="yy">
     <seg>Again.</seg>
    </u>
    <u xml:id="u4" who="#P3" ana="#regular"><seg>Four.</seg></u>
    <u xml:id="u5" who="#P4" ana="#regular"><seg>Five.</seg></u>
   </div>
  </body>
 </text>
</TEI>
"""


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    folder: Path = tmp_path_factory.mktemp("ParlaMint-XX")
    (folder / "ParlaMint-XX.xml").write_text(ROOT, "utf-8")
    session = folder / "ParlaMint-XX_2020-03-10.xml"
    session.write_text(SESSION, "utf-8")
    transcript = tei.loads(session.read_bytes(), lists=[folder / "ParlaMint-XX.xml"])
    return {r["ID"]: r for r in parlamint.meta_rows(transcript)}


def test_session_columns(rows: dict[str, dict[str, str]]) -> None:
    """No subtitle: the main title in the session's language without its stamp; Body
    is the parla.organization category that names a house, not the national level;
    a meeting without text gives its @n; Subcorpus terms are ','-joined."""
    row = rows["u1"]
    assert row["Title"] == "Korpus XX, 2020-03-10"
    assert row["Body"] == "Dom niski"
    assert (row["Term"], row["Sitting"], row["Session"]) == ("8. saziv", "2020-03-10", "-")
    assert row["Subcorpus"] == "Ref,Kovid"


def test_language_of_each_utterance(rows: dict[str, dict[str, str]]) -> None:
    """The segments' language by its name in the session's language; segments in two
    languages: Multilingual; none stated: the utterance's own."""
    assert [rows[u]["Lang"] for u in ("u1", "u2", "u3")] == [
        "iksiški",
        "Multilingual",
        "ipsilonski",
    ]


def test_role_and_topics(rows: dict[str, dict[str, str]]) -> None:
    """A term missing in the session's language falls back on English; topics (extended
    pointers topic:X) sorted and '|'-joined."""
    assert rows["u1"]["Speaker_role"] == "Predsjednik"
    assert rows["u2"]["Speaker_role"] == "Regular"
    assert rows["u1"]["Topic"] == "Education|Health"
    assert rows["u2"]["Topic"] == "-"


def test_speaker_at_the_sitting_date(rows: dict[str, dict[str, str]]) -> None:
    """A partial date is its first day (from 2019-05: MP on 2020-03-10); the party's
    orientation is Wikipedia's before the encoder's; patronyms follow the forenames."""
    row = rows["u1"]
    assert (row["Speaker_MP"], row["Speaker_minister"]) == ("MP", "notMinister")
    assert (row["Speaker_party"], row["Speaker_party_name"]) == ("A", "Stranka A")
    assert (row["Party_status"], row["Party_orientation"]) == ("Coalition", "Right")
    assert row["Speaker_name"] == "Kirilenko, Vjačeslav Anatolijovič"
    assert (row["Speaker_gender"], row["Speaker_birth"]) == ("M", "1968")


def test_groups_before_parties(rows: dict[str, dict[str, str]]) -> None:
    """A member of a parliamentary group is named by the group, not the party; a group
    without an abbreviation by its id's last part; its status is the first found
    (Coalition, through the party); the orientation, the group having none, is the
    party's; a minister then; a nameLink before a surname belongs to the surname."""
    row = rows["u2"]
    assert (row["Speaker_party"], row["Speaker_party_name"]) == ("G", "Group G")
    assert row["Party_status"] == "Coalition"
    assert row["Party_orientation"] == "Right"
    assert (row["Speaker_MP"], row["Speaker_minister"]) == ("notMP", "Minister")
    assert row["Speaker_name"] == "van Dijk, Ana"
    assert (row["Speaker_gender"], row["Speaker_birth"]) == ("-", "-")


def test_the_name_of_the_date_in_the_session_language(rows: dict[str, dict[str, str]]) -> None:
    """Of several persNames, the one in the session's language; of names changed at a
    date, the one of the sitting's date."""
    assert rows["u4"]["Speaker_name"] == "Smitova, Ana"
    assert rows["u5"]["Speaker_name"] == "New, Eva"
