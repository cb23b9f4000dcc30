"""The test session keeps report-lint's caches in a folder of its own, never in the user's
~/.cache: a test run compiles thousands of patterns (configurations, hostile inputs) that every
later start of the user's report-lint would otherwise load from the regex cache. Set before any
test module is imported; tests of the caches themselves point XDG_CACHE_HOME elsewhere."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

_CACHE = tempfile.mkdtemp(prefix="report-lint-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, True)
