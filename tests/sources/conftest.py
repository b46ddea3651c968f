"""Importer tests run with the network cut off: no importer may ever fetch anything."""

from __future__ import annotations

import socket
from typing import NoReturn

import pytest


def _no_network(*_args: object, **_kwargs: object) -> NoReturn:
    raise AssertionError("an importer tried to use the network")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", _no_network)
    monkeypatch.setattr(socket, "create_connection", _no_network)
    monkeypatch.setattr(socket, "getaddrinfo", _no_network)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """After the run: the fuzz cases each importer got, what the limit tests measured."""
    import fuzz_report

    lines = fuzz_report.summary()
    if lines:
        terminalreporter.section("importer fuzz cases and limits")
        for line in lines:
            terminalreporter.write_line(line)
