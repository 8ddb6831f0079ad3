"""Progress of long training loops: a Keras ``Progbar`` on a terminal, plain periodic lines elsewhere.

One implementation serves both languages (the R package calls it through the bridge), so an R
run and a Python run print the same display. Off a terminal (CI logs, ``Rscript ... > log``) a
bar that redraws itself with carriage returns makes unreadable logs, so the display degrades to
one plain line every ``every`` steps and one at the end.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument

__all__ = ["TrainingProgress", "progress_bar"]


def _values(values: Any) -> dict[str, float]:
    if values is None:
        return {}
    if not isinstance(values, dict):
        raise bad_argument("values", values, "a named list / dict of numbers, e.g. list(loss = 0.5)",
                           TypeError)
    out = {}
    for name, value in values.items():
        try:
            out[str(name)] = float(value)
        except (TypeError, ValueError):
            raise bad_argument(f"values${name}", value, "a number", TypeError) from None
    return out


class TrainingProgress:
    """A progress display for ``total`` steps (see :func:`progress_bar`)."""

    def __init__(self, total: Any = None, title: str = "", every: Any = None, interactive: Any = None,
                 stream: TextIO | None = None) -> None:
        self.total = as_integer(total, "total", minimum=1, allow_none=True)
        self.title = str(title or "")
        self.stream = stream if stream is not None else sys.stdout
        if interactive is None:
            isatty = getattr(self.stream, "isatty", None)
            interactive = bool(isatty()) if callable(isatty) else False
        self.interactive = bool(interactive)
        default_every = max(1, (self.total or 100) // 10)
        self.every = as_integer(every, "every", minimum=1, allow_none=True) or default_every
        self.step = 0
        self.values: dict[str, float] = {}
        self._start = time.perf_counter()
        self._closed = False
        self._bar = None
        if self.interactive:
            from keras.utils import Progbar

            if self.title:
                self.stream.write(self.title + "\n")
            # stateful: show the value given (callers pass running means), not Keras's own average
            self._bar = Progbar(self.total, stateful_metrics=None, unit_name="step")
            self._start = time.perf_counter()

    def _line(self) -> str:
        count = f"{self.step}/{self.total}" if self.total else str(self.step)
        figures = "  ".join(f"{k} {v:.4f}" for k, v in self.values.items())
        head = f"{self.title}: " if self.title else ""
        return f"{head}step {count}  {figures}  ({time.perf_counter() - self._start:.1f} s)"

    def tick(self, values: Any = None, n: Any = 1) -> None:
        """Advance by ``n`` steps and show ``values`` (e.g. ``{"loss": 0.7}``)."""
        if self._closed:
            raise RuntimeError("This progress display is closed; make a new one with progress_bar().")
        self.step += as_integer(n, "n", minimum=0)
        self.values.update(_values(values))
        if self._bar is not None:
            self._bar.stateful_metrics = set(self.values)
            self._bar.update(self.step, values=list(self.values.items()))
        elif self.step % self.every == 0 and self.step != self.total:
            self.stream.write(self._line() + "\n")
            self.stream.flush()

    def close(self, values: Any = None) -> str:
        """Finish the display with the final ``values``; return the summary line it printed."""
        self.values.update(_values(values))
        line = self._line()
        if not self._closed:
            self._closed = True
            if self._bar is not None:
                if self.total is None or self.step < self.total:
                    # a Progbar that reached its target has already drawn its final line
                    self._bar.stateful_metrics = set(self.values)
                    self._bar.update(self.step, values=list(self.values.items()), finalize=True)
            else:
                self.stream.write(line + "\n")
            self.stream.flush()
        return line


def progress_bar(total: Any = None, title: str = "", every: Any = None,
                 interactive: Any = None) -> TrainingProgress:
    """Start a progress display for a training loop.

    Example:
        >>> bar = progress_bar(total=3, title="epoch 1", every=5, interactive=False)
        >>> for loss in (0.9, 0.8, 0.7):
        ...     bar.tick({"loss": loss})
        >>> _ = bar.close()  # doctest: +ELLIPSIS
        epoch 1: step 3/3  loss 0.7000  (... s)

    Args:
        total: Number of steps, or `None` when unknown. Defaults to `None`.
        title: Shown before the figures (e.g. ``"epoch 3"``). Defaults to `""`.
        every: Off a terminal, print a line every this many steps. Defaults to `None` (a tenth of
            ``total``, or every 10 steps).
        interactive: `True` forces the redrawing Keras ``Progbar``, `False` the plain lines.
            Defaults to `None` (a ``Progbar`` when standard output is a terminal).

    Returns:
        A :class:`TrainingProgress` with ``tick(values, n=1)`` and ``close(values)``.

    R equivalent: ``progress_bar(total, title)`` then ``bar$tick(list(loss = x))`` and ``bar$close()``
    (the role of the R ``progress`` package's ``progress_bar$new()``).
    """
    return TrainingProgress(total=total, title=title, every=every, interactive=interactive)
