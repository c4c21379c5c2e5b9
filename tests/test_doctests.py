"""The docstring examples in every module, and the README's Python example, run as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import gongextract

MODULES = sorted(m.name for m in pkgutil.iter_modules(gongextract.__path__, "gongextract.") if m.name != "gongextract.__main__")


@pytest.mark.parametrize("name", ["gongextract", *MODULES])
def test_module_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_readme_examples() -> None:
    readme = Path(__file__).resolve().parents[1] / "README.md"
    if not readme.exists():
        pytest.skip("README.md not beside the tests")
    result = doctest.testfile(str(readme), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
