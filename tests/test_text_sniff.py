"""The sniffer judges a long document on all of it: windows from its start to its end."""

from __future__ import annotations

import warnings

import pytest

from debatekit import text
from debatekit._text_sniff import SAMPLE, _sample

PROSE = "The committee met in the morning and heard the witnesses of the day.\n"


def _speeches(count: int) -> str:
    return "".join(
        f"  Mr. {name}. I thank the gentleman for yielding the time.\n"
        for name in ("DOE", "ROE") * (count // 2)
    )


def test_labels_after_a_long_preface_are_found() -> None:
    """A preface longer than the sample the sniffer reads at the start does not hide
    the document's labels (the sniffer once read its first 200,000 characters only)."""
    preface = PROSE * (2 * SAMPLE // len(PROSE))
    source = preface + "\n" + _speeches(2000)
    found = text.sniff(source)
    assert found.convention == "congressional"
    assert set(found.names) == {"mr doe", "mr roe"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = text.loads(source)
    assert len(t.turns) == 2000
    assert {s.name for s in t.speakers} == {"Mr. DOE", "Mr. ROE"}


def test_labels_in_the_middle_only_are_found() -> None:
    middle = _speeches(4000)
    tail = PROSE * (SAMPLE // len(PROSE))
    source = tail + middle + tail
    assert len(source) > 2 * SAMPLE
    assert text.sniff(source).convention == "congressional"


def test_the_sample_is_whole_lines_of_the_document_and_bounded() -> None:
    lines = [f"line {i} of the document" for i in range(100_000)]
    source = "\n".join(lines)
    sample = _sample(source)
    assert len(sample) <= SAMPLE
    taken = sample.split("\n")
    assert set(taken) <= set(lines)
    assert taken[0] == lines[0]
    assert taken[-1] == lines[-1]
    # spread over the document: its middle too
    middle = {int(line.split()[1]) for line in taken}
    assert any(40_000 < n < 60_000 for n in middle)


def test_a_short_document_is_read_whole() -> None:
    source = PROSE * 100
    assert _sample(source) == source


def test_names_alone_on_their_lines_yield_to_labels_of_their_own() -> None:
    # A page header and a heading alone on their lines recur, as names alone on their
    # lines do ('name-lines'); the colon labels are the document's convention.
    page = "Twelfth Meeting\n\nSupplementary Budget\n\n"
    source = (
        page
        + "MR SPEAKER: Order. The honourable member.\n\n"
        + "HON. A. NICHOLAS: Thank you, Sir.\n\n"
        + page
        + "MR SPEAKER: The question is that the bill be read.\n\n"
        + "HON. A. NICHOLAS: I move.\n"
    )
    assert text.sniff(source).convention == "colon"
    assert [turn.label for turn in text.loads(source).turns] == [
        "MR SPEAKER",
        "HON. A. NICHOLAS",
        "MR SPEAKER",
        "HON. A. NICHOLAS",
    ]


def test_a_name_whose_colon_stands_on_the_next_line_is_no_name_line() -> None:
    source = "Paula Risikko\n:\n\nSpeech one.\n\nJuha Sipilä\n:\n\nSpeech two.\n\n" * 2
    assert text.sniff(source).convention != "name-lines"


def _judged_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the samples the sniffer judges from now on, in order."""
    from debatekit import _text_sniff

    sizes: list[int] = []
    judge = _text_sniff._judge

    def counted(sample: str) -> tuple[_text_sniff.Sniffed, bool]:
        sizes.append(len(sample))
        return judge(sample)

    monkeypatch.setattr(_text_sniff, "_judge", counted)
    return sizes


def test_a_long_document_plainly_of_one_convention_is_judged_on_a_quarter_sample(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Sniffing a long document costs what its doubt costs: one convention winning
    plainly on a quarter of the sample is the verdict; the whole sample gives the same."""
    from debatekit import _text_sniff

    source = (PROSE + _speeches(2)) * (SAMPLE // 40)
    assert len(source) > 4 * SAMPLE
    judge = _text_sniff._judge
    sizes = _judged_sizes(monkeypatch)
    found = text.sniff(source)
    assert len(sizes) == 1
    assert sizes[0] <= SAMPLE // 4
    assert found.convention == "congressional"
    assert found.score >= _text_sniff.CLEAR
    assert judge(_sample(source))[0].convention == found.convention


def test_a_long_document_in_doubt_is_judged_on_the_whole_sample(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = PROSE * (2 * SAMPLE // len(PROSE))  # no label at all: nothing is plain
    sizes = _judged_sizes(monkeypatch)
    text.sniff(source)
    assert len(sizes) == 2
    assert sizes[0] <= SAMPLE // 4 < sizes[1] <= SAMPLE
