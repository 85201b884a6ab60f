"""ParlaMint 5.0's CoNLL-U: the speech's and each sentence's sentiment comments
(``# senti_3``, ``# senti_6``, ``# senti_n``), against ParlaMint's published file."""

from __future__ import annotations

from pathlib import Path

import conllu as conllu_package
import pytest

from debatekit import conllu, tei
from debatekit.errors import LossWarning

DATA = Path(__file__).parent / "data"
ANA = DATA / "parlamint-ana" / "ParlaMint-SI" / "ParlaMint-SI_2022-04-06-SDZ8-Izredna-99.ana.xml"
SI = DATA / "conllu-sentiment" / "ParlaMint-SI"
PUBLISHED = SI / "ParlaMint-SI_2022-04-06-SDZ8-Izredna-99.conllu"
TAXONOMY = SI / "ParlaMint-taxonomy-sentiment.ana.xml"


def _read() -> str:
    """The CoNLL-U of the .ana excerpt (what CoNLL-U cannot carry: a LossWarning)."""
    with pytest.warns(LossWarning):
        return conllu.dumps(tei.loads(ANA.read_bytes(), lists=[TAXONOMY]))


def test_sentiment_comments_equal_published_file() -> None:
    """Byte for byte, but for one term: the taxonomy copied (SOURCE.md) spells the
    category ``neupos`` "neutral postive", the one the file was made with "neutral
    positive"; the line must carry the copied taxonomy's term."""
    ours = _read().splitlines(keepends=True)
    published = PUBLISHED.read_text("utf-8").splitlines(keepends=True)
    assert len(ours) == len(published)
    term = "neutral postive"
    assert term in TAXONOMY.read_text("utf-8")
    for mine, theirs in zip(ours, published, strict=True):
        if mine != theirs:
            assert mine == f"# senti_6 = {term}\n"
            assert theirs == "# senti_6 = neutral positive\n"


def test_sentiment_without_the_taxonomy_keeps_the_score() -> None:
    """Without the sentiment taxonomy the classes are unknown: only ``senti_n`` is written."""
    with pytest.warns(LossWarning):
        text = conllu.dumps(tei.loads(ANA.read_bytes()))
    comments = [line for line in text.splitlines() if line.startswith("# senti")]
    assert comments == ["# senti_n = 2.420", "# senti_n = 4.052", "# senti_n = 3.223"]


def test_comments_parse_and_read_back() -> None:
    """The conllu package reads them as sentence metadata; debatekit reads them back and
    writes them again unchanged."""
    text = _read()
    sentences = conllu_package.parse(text)
    assert [s.metadata["senti_6"] for s in sentences] == ["mixed positive", "neutral postive"]
    again = conllu.dumps(conllu.loads(text))
    ours = [line for line in text.splitlines() if line.startswith("# sent")]
    theirs = [line for line in again.splitlines() if line.startswith("# sent")]
    assert theirs == ours
