"""How fast the safety net reads what a person writes, next to a floor measured in the same run.

The net reads every free-text answer after each front-door page and wherever a person writes to us, so it
must stay quick however the lexicon grows. Figures per text, over the corpus in safety/tests/corpus:

- the net: making the text plain, correcting typos, blanking exceptions, every lexicon pattern;
- the floor: one compiled regular expression searched in the same text, as the first net did per phrase;
- compiling the shipped lexicon, once per process and per change the clinical lead makes.

    ./lw bench safety
"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from livingwell.safety.lexicon import DEFAULT_LEXICON  # noqa: E402
from livingwell.safety.matching import Entry, Lexicon, pattern_regex  # noqa: E402

CORPUS = ROOT / "src" / "livingwell" / "safety" / "tests" / "corpus"
ROUNDS = 20


def _texts() -> list[str]:
    lines = [line for path in sorted(CORPUS.glob("*.txt")) for line in path.read_text().splitlines()]
    return [line for line in lines if line.strip() and not line.startswith("#")]


def _per_text(read, texts: list[str]) -> list[float]:
    timings = []
    for _round in range(ROUNDS):
        for text in texts:
            start = time.perf_counter()
            read(text)
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def _figures(name: str, timings: list[float]) -> None:
    p95 = statistics.quantiles(timings, n=20)[18]
    print(f"{name:<40} p50 {statistics.median(timings):7.3f} ms   p95 {p95:7.3f} ms")


def main() -> int:
    texts = _texts()
    entries = [Entry(pattern, category) for pattern, category, _note in DEFAULT_LEXICON]
    pattern_regex.cache_clear()
    start = time.perf_counter()
    lexicon = Lexicon(entries)
    compiled = (time.perf_counter() - start) * 1000
    floor = pattern_regex("want to die")
    long_text = " ".join(texts)[:5000]
    print(f"{len(texts)} texts from the corpus, {ROUNDS} rounds; {len(entries)} lexicon entries")
    print(f"{'compiling the shipped lexicon':<40} {compiled:7.1f} ms (once per process and change)")
    _figures("the safety net, per text", _per_text(lambda text: lexicon.risk_in([text]), texts))
    _figures("floor: one regular expression", _per_text(floor.search, texts))
    _figures("the safety net, a 5,000-character text", _per_text(lambda text: lexicon.risk_in([text]), [long_text]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
