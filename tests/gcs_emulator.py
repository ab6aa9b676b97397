"""A real GCS protocol server (gcp-storage-emulator) on 127.0.0.1 for tests of gs:// input and output."""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Iterator

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gcs_emulator(bucket: str) -> Iterator[str]:
    """Starts the emulator with `bucket`, points Beam and google-cloud-storage at it; yields 'host:port'."""
    from apache_beam.internal.gcp import auth
    from gcp_storage_emulator.server import create_server

    port = free_port()
    server = create_server("127.0.0.1", port, in_memory=True, default_bucket=bucket)
    server.start()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STORAGE_EMULATOR_HOST", f"http://127.0.0.1:{port}")
        patch.setenv("NO_GCE_CHECK", "true")  # google-auth must never probe the cloud metadata address
        # no credentials here: without this Beam retries google.auth.default() with backoff for ~21 s per process
        patch.setattr(auth._Credentials, "_credentials_init", True)
        patch.setattr(auth._Credentials, "_credentials", None)
        try:
            yield f"127.0.0.1:{port}"
        finally:
            server.stop()


def upload(bucket: str, name: str, data: bytes) -> None:
    from google.cloud import storage

    assert os.environ.get("STORAGE_EMULATOR_HOST"), "only ever upload to the emulator"
    storage.Client.create_anonymous_client().bucket(bucket).blob(name).upload_from_string(data)
