"""What zhetl must never do with what it reads: run it, unpickle it, echo it, or serve it beyond loopback."""

from __future__ import annotations

import ast
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
CODE = [p for folder in ("zhetl", "flows", "tasks") for p in (ROOT / folder).rglob("*.py")]
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "dill", "cloudpickle"}


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield node


# The one module that starts a program: the Prefect API server, from a fixed argument list (no shell).
STARTS_THE_SERVER = ROOT / "flows" / "server.py"


def test_no_eval_pickle_or_shell_in_our_code() -> None:
    assert CODE
    for path in CODE:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        forbidden = FORBIDDEN_MODULES | ({"subprocess"} if path != STARTS_THE_SERVER else set())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = {alias.name.split(".")[0] for alias in node.names}
                if isinstance(node, ast.ImportFrom) and node.module:
                    names.add(node.module.split(".")[0])
                assert not names & forbidden, f"{path}: imports {names}"
        for call in _calls(tree):
            name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
            builtin = isinstance(call.func, ast.Name)  # re.compile is fine; the builtin compile is not
            assert not (builtin and name in FORBIDDEN_CALLS), f"{path}:{call.lineno} calls {name}"
            assert not (name in ("system", "popen") and getattr(call.func, "value", None) is not None
                        and getattr(call.func.value, "id", "") == "os"), f"{path}:{call.lineno} runs a shell"
            for keyword in call.keywords:
                assert not (keyword.arg == "shell" and getattr(keyword.value, "value", False) is True), \
                    f"{path}:{call.lineno} uses shell=True"


def test_output_paths_come_from_table_names_only() -> None:
    """Part files live under <output>/<table>/ whatever a source path looks like."""
    from zhetl.schemas import TABLES
    from zhetl.storage import part_key

    key = part_key([("../../etc/passwd", "x"), ("/abs/path", "y")], "v1")
    assert all(c in "0123456789abcdef" for c in key)
    assert all(name.isidentifier() for name in TABLES)


@pytest.mark.flow
def test_the_server_zhetl_starts_listens_on_loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    psutil = pytest.importorskip("psutil")
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    from flows.server import api_server, configure_environment

    configure_environment()
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: None}), api_server() as url:
        assert urlparse(url).hostname == "127.0.0.1"
        port = urlparse(url).port
        listening = [c for c in psutil.net_connections(kind="inet")
                     if c.status == psutil.CONN_LISTEN and c.laddr and c.laddr.port == port]
        if not listening:  # no permission to see other processes' sockets: the URL is all we can check
            pytest.skip("cannot list listening sockets here")
        assert {c.laddr.ip for c in listening} == {"127.0.0.1"}
    assert os.environ.get("PREFECT_API_URL") is None


def test_the_server_module_starts_only_the_api_server() -> None:
    """flows/server.py may start a program, but only one: our launcher of uvicorn over Prefect's app (on loopback),
    with a fixed argument list and no shell."""
    tree = ast.parse(STARTS_THE_SERVER.read_text(encoding="utf-8"))
    popens = [call for call in _calls(tree) if getattr(call.func, "attr", None) == "Popen"]
    assert len(popens) == 1
    argv = popens[0].args[0]
    assert isinstance(argv, ast.List)
    words = [element.value for element in argv.elts if isinstance(element, ast.Constant)]
    assert words == ["-m", "flows.server_boot", "--port"]  # (and the port, a number)
    launcher = (STARTS_THE_SERVER.parent / "server_boot.py").read_text(encoding="utf-8")
    assert "from prefect.server.api.server import create_app" in launcher
    assert 'HOST = "127.0.0.1"' in launcher and "uvicorn.Config(build_app(), host=HOST" in launcher
    assert not any(keyword.arg == "shell" for keyword in popens[0].keywords)
