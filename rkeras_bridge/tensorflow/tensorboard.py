"""``tensorboard()``: start (and stop) TensorBoard on a folder of event logs, as R tensorflow 1.13 did.

TensorBoard runs as a separate process of this Python (``python -m tensorboard.main``). The
``tensorboard`` Python package is not a dependency of rkeras_bridge (TensorFlow 2.21's CPU wheel does
not bring it) and nothing is installed at run time, so without it starting is a classed error that
says how to add it; stopping always works.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
from typing import Any

from ..bridge.conversion import as_flag, as_integer, as_number
from ..bridge.errors import bad_argument

__all__ = ["tensorboard"]

_RUNNING: list[subprocess.Popen] = []


def _free_port(host: str, first: int = 6006) -> int:
    for port in range(first, first + 100):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            if s.connect_ex((host, port)) != 0:
                return port
    raise RuntimeError(f"no free port for TensorBoard on {host} between {first} and {first + 99}")


def _log_dirs(log_dir: Any) -> list[str]:
    dirs = [log_dir] if isinstance(log_dir, (str, os.PathLike)) else log_dir
    paths = isinstance(dirs, (list, tuple)) and all(isinstance(d, (str, os.PathLike)) for d in dirs)
    if not paths or not dirs:
        raise bad_argument("log_dir", log_dir, "a folder of event logs (or a vector of them)")
    return [os.path.abspath(os.fspath(d)) for d in dirs]


def tensorboard(log_dir: Any = None, action: Any = "start", host: Any = "127.0.0.1", port: Any = "auto",
                launch_browser: Any = False, reload_interval: Any = 5,
                purge_orphaned_data: Any = True) -> str | None:
    """Start TensorBoard on ``log_dir`` (and wait until it answers), or stop the TensorBoards started.

    Example:
        >>> url = tensorboard("logs")  # doctest: +SKIP
        Started TensorBoard at http://127.0.0.1:6006
        >>> tensorboard(action="stop")  # doctest: +SKIP

    Args:
        log_dir: The folder of event logs (``callback_tensorboard()`` writes them), or several
            folders (shown side by side, each named after its folder). Defaults to `None` (needed
            to start).
        action: ``"start"`` or ``"stop"`` (every TensorBoard this process started). Defaults to
            `"start"`.
        host: The address to serve on. Defaults to `"127.0.0.1"`.
        port: A port number, or ``"auto"`` for the first free one from 6006. Defaults to `"auto"`.
        launch_browser: Open the page in a web browser. Defaults to `False` (R: ``interactive()``).
        reload_interval: Seconds between reloads of the logs. Defaults to `5`.
        purge_orphaned_data: Discard data of runs that restarted. Defaults to `True`.

    Returns:
        The URL TensorBoard serves (``None`` for ``"stop"``).

    Raises:
        ModuleNotFoundError: when the ``tensorboard`` Python package is not installed.
        RuntimeError: when TensorBoard exits before it answers (its message is included).

    Mirrors ``tensorflow::tensorboard()``.
    """
    if action not in ("start", "stop"):
        raise bad_argument("action", action, '"start" or "stop"')
    if action == "stop":
        while _RUNNING:
            process = _RUNNING.pop()
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        return None
    dirs = _log_dirs(log_dir)
    if not isinstance(host, str) or not host:
        raise bad_argument("host", host, "a host name or address")
    port = _free_port(host) if port == "auto" else as_integer(port, "port", minimum=1)
    reload_interval = as_number(reload_interval, "reload_interval", low=0)
    purge = as_flag(purge_orphaned_data, "purge_orphaned_data")
    browser = as_flag(launch_browser, "launch_browser")
    if importlib.util.find_spec("tensorboard") is None:
        raise ModuleNotFoundError(
            "tensorboard(): the Python package tensorboard is not installed in this environment, and "
            "nothing is installed at run time. Add tensorboard to the environment (pip install "
            "tensorboard) to browse the logs; callback_tensorboard() writes them either way.",
            name="tensorboard",
        )
    if len(dirs) == 1:
        logs = ["--logdir", dirs[0]]
    else:
        logs = ["--logdir_spec", ",".join(f"{os.path.basename(d)}:{d}" for d in dirs)]
    command = [sys.executable, "-m", "tensorboard.main", *logs, "--host", host, "--port", str(port),
               "--reload_interval", str(reload_interval), f"--purge_orphaned_data={str(purge).lower()}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"TensorBoard exited before it answered: {process.stderr.read()[-2000:]}")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            if s.connect_ex((host, port)) == 0:
                break
        time.sleep(0.2)
    else:
        process.kill()
        raise RuntimeError(f"TensorBoard did not answer on {host}:{port} within 60 seconds")
    _RUNNING.append(process)
    url = f"http://{host}:{port}"
    print(f"Started TensorBoard at {url}")
    if browser:
        import webbrowser

        webbrowser.open(url)
    return url
