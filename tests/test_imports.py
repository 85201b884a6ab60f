"""The package imports its parts on first use (PEP 562): ``import debatekit`` and the
command line load only what they need, and every public name still resolves."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import debatekit
from debatekit import _io

#: Parts that ``import debatekit`` must leave unimported (each one costs import time:
#: format modules, the corpus layer, the engines, and their third-party libraries).
_LAZY_PARTS = [
    "debatekit.aif",
    "debatekit.arguments",
    "debatekit.captions",
    "debatekit.conllu",
    "debatekit.corpus",
    "debatekit.datasets",
    "debatekit.html",
    "debatekit.json",
    "debatekit.parlamint",
    "debatekit.tei",
    "debatekit.text",
    "debatekit._align",
    "debatekit._dask",
    "debatekit._workers",
    "debatekit._losses",
    "lxml",
    "cattrs",
]


def _modules_after(code: str) -> set[str]:
    """The modules loaded by a fresh interpreter after running ``code``."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_import_debatekit_loads_no_format_module() -> None:
    loaded = _modules_after("import debatekit")
    assert "debatekit.models" in loaded  # (the check itself works)
    assert loaded.isdisjoint(_LAZY_PARTS), sorted(loaded & set(_LAZY_PARTS))


def test_the_command_line_imports_only_what_it_needs() -> None:
    loaded = _modules_after("import debatekit.cli")
    # Reading files goes through the corpus layer (folders, patterns, corpus roots).
    assert "debatekit.corpus" in loaded
    unneeded = set(_LAZY_PARTS) - {"debatekit.corpus"}
    assert loaded.isdisjoint(unneeded), sorted(loaded & unneeded)


def test_a_conversion_imports_its_two_formats_only(tmp_path: object) -> None:
    code = (
        "import sys, tempfile, os\n"
        "from debatekit import cli\n"
        "folder = tempfile.mkdtemp()\n"
        "source = os.path.join(folder, 'a.txt')\n"
        "open(source, 'w').write('A: Hello.\\n\\nB: Hi.\\n')\n"
        "assert cli.main(['convert', source, '-o', os.path.join(folder, 'a.xml')]) == 0\n"
    )
    loaded = _modules_after(code)
    assert {"debatekit.text", "debatekit.tei"} <= loaded
    others = {"debatekit.aif", "debatekit.html", "debatekit.json", "debatekit.captions"}
    assert loaded.isdisjoint(others | {"debatekit.conllu", "debatekit._align"})


@pytest.mark.parametrize("name", debatekit.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(debatekit, name) is not None
    assert name in dir(debatekit)


def test_lazy_names_are_the_modules_and_functions_themselves() -> None:
    from debatekit import align, tei, text
    from debatekit._align import align as align_itself

    assert align is align_itself
    assert tei is sys.modules["debatekit.tei"]
    assert text.dumps is sys.modules["debatekit.text"].dumps
    namespace: dict[str, object] = {}
    exec("from debatekit import *", namespace)
    assert set(debatekit.__all__) <= set(namespace)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        debatekit.nonesuch  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.parametrize("name", sorted(_io.FORMATS))
def test_output_only_formats_are_those_without_a_reader(name: str) -> None:
    # readable_formats() names them without importing every format module.
    module = _io._module(name)
    assert hasattr(module, "load") is (name not in _io.OUTPUT_ONLY)
    assert (name in _io.readable_formats()) is hasattr(module, "load")
