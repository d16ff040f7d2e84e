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
        "engine/whoosh_query.py",
        "engine/whoosh_schema.py",
    }
