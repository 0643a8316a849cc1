"""The command line: a thin layer over newsbridge.workspace.

Each command group lives in its own module and adds its commands to ``app``.
"""
from __future__ import annotations

from .app import app

# command modules register themselves on import
from . import core  # noqa: F401,E402

for _optional in ("link", "serve", "scale"):
    try:
        __import__(f"{__name__}.{_optional}")
    except ModuleNotFoundError as _exc:  # a command group not written yet
        if _exc.name != f"{__name__}.{_optional}":
            raise


def main() -> None:
    app()
