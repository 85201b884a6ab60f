"""Benchmark TEI -> CoNLL-U of a ParlaMint ``.ana`` session against a bare lxml parse plus
token extraction.

Run from the repository root::

    python benchmarks/conllu_write.py            # 40 MB .ana session
    python benchmarks/conllu_write.py --quick    # 4 MB, for a smoke test

It writes a synthetic ParlaMint-style ``.ana`` session (utterances, segments, sentences
of ``w``/``pc`` with lemma, ``pos``, ``msd`` and ``join``, named entities, a
``linkGrp type="UD-SYN"`` per sentence) into a temporary folder and prints the time of
``debatekit.tei.load`` plus ``debatekit.conllu.dumps`` over the time of
``lxml.etree.parse`` plus the extraction of every token's fields and dependency link
(the columns CoNLL-U needs), best of ``--repeat`` runs each, in the same process.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import warnings
from pathlib import Path
from typing import TextIO

from _common import Figure
from _common import best as common_best
from lxml import etree

from debatekit import conllu, tei

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_WORDS = [
    ("Señorías", "señoría", "NOUN", "NCFP000", "Gender=Fem|Number=Plur"),
    ("el", "el", "DET", "DA0MS0", "Definite=Def|Gender=Masc|Number=Sing|PronType=Art"),
    ("Gobierno", "gobierno", "NOUN", "NCMS000", "Gender=Masc|Number=Sing"),
    ("ha", "haber", "AUX", "VAIP3S0", "Mood=Ind|Number=Sing|Person=3|Tense=Pres"),
    ("presentado", "presentar", "VERB", "VMP00SM", "Gender=Masc|Number=Sing|VerbForm=Part"),
    ("una", "uno", "DET", "DI0FS0", "Definite=Ind|Gender=Fem|Number=Sing|PronType=Art"),
    ("ley", "ley", "NOUN", "NCFS000", "Gender=Fem|Number=Sing"),
]


def _sentence(f: TextIO, sid: str, n: int) -> None:
    write = f.write
    write(f'<s xml:id="{sid}">\n')
    ids = []
    for k in range(n):
        form, lemma, upos, xpos, feats = _WORDS[k % len(_WORDS)]
        wid = f"{sid}.w{k + 1}"
        ids.append(wid)
        msd = f"UPosTag={upos}|{feats}"
        if k == 2:
            write('<name type="ORG">')
        write(f'<w xml:id="{wid}" lemma="{lemma}" pos="{xpos}" msd="{msd}">{form}</w>')
        if k == 2:
            write("</name>")
        write("\n")
    wid = f"{sid}.w{n + 1}"
    ids.append(wid)
    write(f'<pc xml:id="{wid}" pos="Fp" msd="UPosTag=PUNCT">.</pc>\n')
    write('<linkGrp targFunc="head argument" type="UD-SYN">\n')
    for k, wid in enumerate(ids):
        head = sid if k == 4 else ids[4]
        rel = "root" if k == 4 else "nsubj" if k == 2 else "punct" if k == n else "dep"
        write(f'<link ana="ud-syn:{rel}" target="#{head} #{wid}"/>\n')
    write("</linkGrp>\n</s>\n")


def write_session(path: Path, size: int) -> int:
    """Write a ParlaMint-style ``.ana`` session of at least ``size`` bytes; return the
    number of sentences."""
    sentences = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="S.ana" xml:lang="es">\n'
            "<teiHeader><fileDesc><titleStmt><title type='main'>Synthetic sitting</title>"
            "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc>"
            '</fileDesc></teiHeader>\n<text><body><div type="debateSection">\n'
        )
        i = 0
        while f.tell() < size:
            f.write(f'<u who="#p{i % 50}" xml:id="S.u{i}">\n')
            for j in range(3):
                seg = f"S.seg{i}.{j}"
                f.write(f'<seg xml:id="{seg}">\n')
                for k in range(2):
                    _sentence(f, f"{seg}.s{k + 1}", 7 + (i + j + k) % 5)
                    sentences += 1
                f.write("</seg>\n")
            f.write("</u>\n")
            i += 1
        f.write("</div></body></text></TEI>\n")
    return sentences


def baseline(path: Path) -> int:
    """A bare lxml parse, then for every sentence the fields of each token (form, lemma,
    UPOS and features from ``msd``, XPOS, join) and its head and relation."""
    root = etree.parse(str(path)).getroot()
    rows = 0
    for s in root.iter(TEI + "s"):
        heads: dict[str, tuple[str, str]] = {}
        for link in s.iter(TEI + "link"):
            head, dep = link.get("target", "").split()
            heads[dep[1:]] = (head[1:], link.get("ana", "").partition(":")[2])
        for token in s.iter(TEI + "w", TEI + "pc"):
            upos, _, feats = (token.get("msd") or "").partition("|")
            fields = (
                token.text,
                token.get("lemma"),
                upos[8:],
                token.get("pos"),
                feats,
                token.get("join"),
                heads.get(token.get(XML_ID) or ""),
            )
            rows += len(fields) > 0
    return rows


def ours(path: Path) -> int:
    with open(path, "rb") as fp, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # LossWarning: speakers, a ParseWarning: who=
        return len(conllu.dumps(tei.load(fp)))


def _tokens_read(path: Path) -> bool:
    """Whether this debatekit's TEI reader keeps the tokens of an ``.ana`` file."""
    with open(path, "rb") as fp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return any(t.sentences for t in tei.load(fp).turns)


def figures(quick: bool, repeat: int = 3) -> list[Figure]:
    """The CoNLL-U figure for benchmarks/run.py."""
    size = (4 if quick else 40) * 1_000_000
    with tempfile.TemporaryDirectory(prefix="debatekit-bench-") as tmp:
        session = Path(tmp) / "session.ana.xml"
        sentences = write_session(session, size)
        mb = os.path.getsize(session) / 1e6
        name = f"TEI -> CoNLL-U of an .ana session ({mb:.0f} MB)"
        small = Path(tmp) / "small.ana.xml"
        write_session(small, 10_000)
        if not _tokens_read(small):
            return [Figure.absent(name, "the TEI reader keeps no tokens of .ana files")]
        base = common_best(lambda: baseline(session), repeat)
        mine = common_best(lambda: ours(session), repeat)
    return [
        Figure(
            name=name,
            value=mine / base,
            target=3.0,
            detail=f"{mine:.2f}s vs {base:.2f}s, {sentences} sentences",
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a 4 MB file (smoke test)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement")
    args = parser.parse_args(argv)
    for figure in figures(args.quick, args.repeat):
        print(figure.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
