"""Settings for benchmarks: the real settings, plus a minimal view to compare against."""

from livingwell.config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
