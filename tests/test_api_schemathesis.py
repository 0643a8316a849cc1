"""A bounded schemathesis run against /openapi.json: generated requests never cause a server error.

Every operation (web pages and their JSON twins, the REST API, feeds, push with a valid
outlet key) gets ``EXAMPLES`` generated cases; the whole run stays well under a minute.
The app is built when this module is collected (schemathesis 4's lazy fixture loader does
not work with pytest 9), over the small hand-built corpus in a temporary folder.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from e2e.corpus import build_workspace  # noqa: E402
from newsbridge.api.app import create_app  # noqa: E402
from newsbridge.api.keys import create_key  # noqa: E402
from newsbridge.pipeline import EXTRACT_STAGES  # noqa: E402

EXAMPLES = 15

_tmp = Path(tempfile.mkdtemp(prefix="nb-fuzz-"))
atexit.register(shutil.rmtree, _tmp, True)
_ws, _ = build_workspace(_tmp, rate_limit_per_minute=100_000)
_, TOKEN = create_key(_ws.store, "Fuzz Outlet")
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_ws.settings, _ws, stages=EXTRACT_STAGES))


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_schemathesis_no_server_errors(case):
    case.call_and_validate(checks=[not_a_server_error], headers={"X-API-Key": TOKEN})


def test_api_schemathesis_reached_past_the_key_check():
    """The generated pushes carried a valid key, so some were stored (the run was not all 401s)."""
    assert _ws.store.count() > 6
