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
