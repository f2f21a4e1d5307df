"""The run's API server process: Prefect's app, built with the cyclic garbage collector paused, under uvicorn.

``python -m flows.server_boot --port N`` is what :class:`flows.server.ApiServer` starts: the same app and server
as ``uvicorn --factory prefect.server.api.server:create_app`` (Prefect's own temporary server), on loopback.
Building the app imports Prefect's server, which defines thousands of pydantic models and SQLAlchemy mappings;
the collector's passes over that growing heap were a fifth of the import. Everything built then lives as long as
the server, so it is frozen once built (the collector's later passes skip it) and collection resumes for the
requests. The boot is the run's wait for Prefect, so this is the part of Prefect's share zhetl can shorten.

Two more of ``create_app``'s costs buy nothing in a process that builds one app (measured, cProfile):
- it keys its app cache by the settings' ``hash_key``, which serialises every setting, twice (0.23 s): while
  the app is built, the key is a constant;
- Prefect's own temporary server sets ``PREFECT__SERVER_FINAL``, whose one effect with FastAPI 0.137 or newer
  (constraints.txt pins 0.154) is a full collection after the routers are included (0.16 s), which the freeze
  below makes pointless: :data:`flows.server.SERVER_ENVIRONMENT` leaves it out.
The boot went from 2.0 to 1.7 s.
"""

from __future__ import annotations

import argparse
import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

HOST = "127.0.0.1"


def build_app() -> FastAPI:
    """Prefect's server app (what ``create_app()`` returns to uvicorn's factory), built without collections and
    without hashing the settings for its cache key."""
    gc.disable()
    try:
        from prefect.server.api.server import create_app
        from prefect.settings import Settings

        real_hash_key = Settings.hash_key
        Settings.hash_key = _one_app_key  # type: ignore[method-assign]
        try:
            app = create_app()
        finally:
            Settings.hash_key = real_hash_key  # type: ignore[method-assign]
    finally:
        gc.enable()
    gc.freeze()
    return app


def _one_app_key(settings: object) -> str:
    """The settings' key in Prefect's app caches while this process builds its one app."""
    return "zhetl-server-boot"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m flows.server_boot", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    app = build_app()
    import uvicorn

    uvicorn.run(app, host=HOST, port=args.port, log_level="error", lifespan="on")


if __name__ == "__main__":
    main()
