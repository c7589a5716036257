"""Wait until a Living Well web server says it is ready (``/health/ready/``), for up to a minute: systemd's
ExecStartPost, so that a server counts as started only once it can serve. Exits 1 if it never is."""

import sys
import time
import urllib.error
import urllib.request

WAIT_SECONDS = 60


def main(address: str) -> int:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{address}/health/ready/", timeout=5) as response:
                if response.status == 200:
                    return 0
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    print(f"{address} was not ready within {WAIT_SECONDS} seconds", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
