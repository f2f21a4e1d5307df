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

At the run's end the server is the last thing it waits for. uvicorn looks for a stop request every 0.1 s and, once
stopping, waits 0.1 s for open connections before it looks whether any are left: 0.26 s from the signal to the
exit, measured, of which the app's own shutdown (Prefect's services writing what they hold) was 0.07 s.
:class:`PromptServer` is woken by the signal and looks for connections every few milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import gc
import socket
import sys
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING

import uvicorn
from uvicorn.main import STARTUP_FAILURE

if TYPE_CHECKING:
    from fastapi import FastAPI

HOST = "127.0.0.1"
TICK_SECONDS = 0.1  # uvicorn's period for its housekeeping (the Date header, the request limit)
DRAIN_POLL_SECONDS = 0.005  # how often a stopping server looks whether its connections have closed


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


class PromptServer(uvicorn.Server):
    """uvicorn's server, stopping as soon as it is asked to: woken by the signal, not at its next 0.1-s tick, and
    closing its connections without a fixed 0.1-s wait. Its ticks and the app's shutdown are uvicorn's own."""

    _wake_up: Callable[[], object] | None = None  # wakes the main loop; set while it runs

    async def main_loop(self) -> None:
        woken = asyncio.Event()
        # (a signal handler runs between the loop's steps: only a thread-safe call wakes its selector)
        self._wake_up = functools.partial(asyncio.get_running_loop().call_soon_threadsafe, woken.set)
        ticks = 0
        while not await self.on_tick(ticks):
            ticks = (ticks + 1) % 864_000  # (uvicorn's own wrap: a day of ticks)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(woken.wait(), TICK_SECONDS)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        super().handle_exit(sig, frame)
        if self._wake_up is not None:
            self._wake_up()

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()  # (an idle keep-alive connection closes now; a busy one after its response)
        while (self.server_state.connections or self.server_state.tasks) and not self.force_exit:
            await asyncio.sleep(DRAIN_POLL_SECONDS)
        for server in self.servers:
            await server.wait_closed()
        if not self.force_exit:
            await self.lifespan.shutdown()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m flows.server_boot", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    config = uvicorn.Config(build_app(), host=HOST, port=args.port, log_level="error", lifespan="on")
    server = PromptServer(config)
    server.run()
    if not server.started:  # (e.g. the port was taken: uvicorn logged why)
        sys.exit(STARTUP_FAILURE)


if __name__ == "__main__":
    main()
