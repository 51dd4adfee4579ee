"""The shape of the code base that import-linter (`.importlinter`, run by scripts/test.sh) cannot see:
private names stay in their package, packages have empty __init__ files, modules and functions
stay short enough to read. Each rule lists its exceptions with the reason."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "kecamatan"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

# module → why it may be longer than MAX_MODULE_LINES
LONG_MODULES: dict[str, str] = {}
# "module:function" → why it may be longer than MAX_FUNCTION_LINES
LONG_FUNCTIONS: dict[str, str] = {
    "kecamatan/naskah/document_renstra.py:build_naskah_renstra":
        "the outline of the whole Renstra, one line per chapter and section as the document lays it out",
}
# __init__ files that hold code, and why
INIT_WITH_CODE = {"kecamatan/models/__init__.py": "re-exports every model: `from kecamatan.models import X`"}


def _modules() -> list[Path]:
    return sorted(p for p in APP.rglob("*.py") if "migrations" not in p.parts)


def _name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _package(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rsplit(".", 1)[0]


def test_no_module_imports_a_private_name_of_another_package():
    offences = []
    for path in _modules():
        module = _name(path)
        own = _package(module, path)
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kecamatan"):
                source_package = node.module if (ROOT / node.module.replace(".", "/")).is_dir() \
                    else node.module.rsplit(".", 1)[0]
                for alias in node.names:
                    if alias.name.startswith("_") and source_package != own:
                        offences.append(f"{module}:{node.lineno} imports {node.module}.{alias.name}")
    assert offences == []


def test_init_files_are_empty():
    full = [str(p.relative_to(ROOT)) for p in APP.rglob("__init__.py")
            if "migrations" not in p.parts and p.read_text().strip()]
    assert sorted(set(full) - set(INIT_WITH_CODE)) == []


def test_modules_are_short():
    long = {str(p.relative_to(ROOT)): n for p in _modules()
            if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES}
    assert {k: v for k, v in long.items() if k not in LONG_MODULES} == {}
    assert set(LONG_MODULES) <= set(long), "an exception that no longer applies: remove it from LONG_MODULES"


def test_functions_are_short():
    long = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long[f"{path.relative_to(ROOT)}:{node.name}"] = n
    assert {k: v for k, v in long.items() if k not in LONG_FUNCTIONS} == {}
    assert set(LONG_FUNCTIONS) <= set(long), "an exception that no longer applies: remove it from LONG_FUNCTIONS"
