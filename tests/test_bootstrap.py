"""./lw on a machine whose Python is older than 3.12 (Debian 12, RHEL 9): it obtains 3.12 through uv, saying
what it is doing, and where nothing can be downloaded it stops with a clear message. A stand-in uv plays the
download, so that this runs without the internet; the real download was tried by hand (decision 0048)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LW = Path(__file__).resolve().parents[1] / "lw"
OLDER = shutil.which("python3.11", path="/usr/bin:/bin")


def _machine(tmp_path: Path, uv_script: str | None) -> tuple[Path, dict[str, str]]:
    """A checkout holding only ./lw, on a PATH with no Python 3.12 (the system's own, older one) and, when
    given, a uv that behaves as ``uv_script`` says."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    shutil.copy(LW, checkout / "lw")
    tools = tmp_path / "bin"
    tools.mkdir()
    for tool in ("bash", "sed", "mkdir", "dirname", "cat"):
        if found := shutil.which(tool, path="/usr/bin:/bin"):
            (tools / tool).symlink_to(found)
    (tools / "python3").symlink_to(OLDER or "/nonexistent")
    if uv_script is not None:
        uv = tools / "uv"
        uv.write_text("#!/bin/bash\n" + uv_script)
        uv.chmod(0o755)
    return checkout, {"PATH": str(tools), "HOME": str(tmp_path)}


pytestmark = pytest.mark.skipif(OLDER is None, reason="needs an older Python 3 (3.11) in /usr/bin, as Debian 12 has")


def test_an_older_python_obtains_3_12_through_uv(tmp_path: Path) -> None:
    found = sys.executable  # stands for the Python that uv downloaded
    checkout, env = _machine(tmp_path, f'[ "$1 $2" = "python install" ] && exit 0\necho "{found}"\n')
    run = subprocess.run([str(checkout / "lw"), "python"], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == found
    assert "Obtaining Python 3.12 through uv (uv python install 3.12)" in run.stderr


def test_where_nothing_can_be_downloaded_it_says_so(tmp_path: Path) -> None:
    checkout, env = _machine(tmp_path, 'echo "error: failed to download" >&2\nexit 2\n')
    run = subprocess.run([str(checkout / "lw"), "python"], env=env, capture_output=True, text=True)
    assert run.returncode == 1
    assert "uv could not download Python 3.12" in run.stderr
    assert "Living Well needs Python 3.12 or later" in run.stderr
