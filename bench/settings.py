"""Settings for benchmarks: the real settings, plus a minimal view to compare against."""

from livingwell.config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# The intake benchmark is 50 people on one address: a flood by design, so the limit is set out of reach.
LW_RATE_INTRODUCTIONS = "1000000/h"
LW_RATE_PUBLIC_FORMS = "1000000/h"
