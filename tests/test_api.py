from __future__ import annotations

import searchlib


def test_all_is_sorted_and_complete() -> None:
    assert searchlib.__all__ == sorted(searchlib.__all__)
    for name in searchlib.__all__:
        assert hasattr(searchlib, name), name


def test_every_error_is_a_searchlib_error() -> None:
    for name in searchlib.__all__:
        obj = getattr(searchlib, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, searchlib.SearchlibError), name


def test_whoosh_is_imported_only_by_the_engine() -> None:
    from pathlib import Path

    package = Path(searchlib.__file__).parent
    importers = {
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if "import whoosh" in path.read_text() or "from whoosh" in path.read_text()
    }
    assert importers <= {
        "engine/whoosh_engine.py",
        "engine/whoosh_feedback.py",
        "engine/whoosh_query.py",
        "engine/whoosh_words.py",
        "engine/whoosh_schema.py",
    }


def test_extract_stays_the_function_after_the_subpackage_loads() -> None:
    import importlib

    importlib.import_module("searchlib.extraction.body")
    assert callable(searchlib.extract) and searchlib.extract.__name__ == "extract"


def test_searching_does_not_import_extraction() -> None:
    import subprocess
    import sys

    code = (
        "import sys, searchlib.cli; "
        "print(any(m.startswith('searchlib.extraction') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
