"""Audit the production dependencies in uv.lock for known vulnerabilities, with pip-audit (``./lw audit``).

It asks PyPI's advisory data first, then OSV's. Where neither can be reached (a machine without the
internet, or a package index that mirrors packages but not advisories), it says so plainly and which
packages went unchecked, and does not fail: an audit that could not run is not a pass, and the output says
so. A known vulnerability always fails.
"""

import json
import subprocess
import sys
from pathlib import Path

VENV_BIN = Path(sys.executable).parent


def _export() -> Path:
    """The production dependencies, pinned with hashes, as a requirements file."""
    target = Path("var") / "requirements-production.txt"
    target.parent.mkdir(exist_ok=True)
    exported = subprocess.run(  # noqa: S603
        [str(VENV_BIN / "uv"), "export", "--locked", "--no-dev", "--group", "production", "--no-emit-project",
         "--format", "requirements-txt", "--quiet"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    target.write_text(exported.stdout)
    return target


def _audit(requirements: Path, service: str) -> dict | None:
    """pip-audit's findings from one advisory service, or None when it could not be reached at all."""
    run = subprocess.run(  # noqa: S603
        [str(VENV_BIN / "pip-audit"), "-r", str(requirements), "--disable-pip", "--require-hashes",
         "--progress-spinner", "off", "--format", "json", "--vulnerability-service", service],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    try:
        found = json.loads(run.stdout)
    except json.JSONDecodeError:
        return None  # it stopped before answering: the service could not be reached
    if all("skip_reason" in dependency for dependency in found["dependencies"]):
        return None
    return found


def main() -> int:
    requirements = _export()
    for service in ("pypi", "osv"):
        found = _audit(requirements, service)
        if found is not None:
            break
    else:
        count = sum(1 for line in requirements.read_text().splitlines() if "==" in line)
        print(
            f"Dependency audit NOT RUN: neither PyPI's nor OSV's advisory data could be reached from here, so "
            f"none of the {count} production packages was checked for known vulnerabilities. Run `./lw audit` "
            "where the internet is reachable."
        )
        return 0
    vulnerable = [dependency for dependency in found["dependencies"] if dependency.get("vulns")]
    unchecked = [dependency["name"] for dependency in found["dependencies"] if "skip_reason" in dependency]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed release yet"
            print(f"VULNERABLE {dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixed})")
    if unchecked:
        print(f"Not checked ({service} has no data for them): {', '.join(unchecked)}")
    checked = len(found["dependencies"]) - len(unchecked)
    print(f"Dependency audit ({service}): {checked} packages checked, {len(vulnerable)} with known vulnerabilities.")
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
