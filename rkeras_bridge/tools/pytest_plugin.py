"""The ``parity`` pytest fixture: :func:`assert_parity` and :func:`assert_same_model` in any test.

Registered through the ``pytest11`` entry point of the ``rkeras_bridge`` distribution, so installing
the package makes the fixture available to every pytest run; importing this module imports nothing
heavy (no R, no TensorFlow): R starts in the test process on the fixture's first comparison.

Example::

    def test_relu_port(parity):
        x = np.array([[-1.0, 2.0]], dtype="float32")
        parity.assert_parity("function(x) tf$nn$relu(x) * 2", lambda x: tf.nn.relu(x) * 2, [x])
"""

from __future__ import annotations

from typing import Any

import pytest

__all__ = ["Parity", "parity"]


class Parity:
    """What the ``parity`` fixture gives a test: the in-process comparisons with its tolerances.

    Example:
        >>> p = Parity(rtol=1e-5)
        >>> p.rtol, p.atol
        (1e-05, 1e-08)

    Args:
        rtol: Relative tolerance used when a call does not give one. Defaults to `1e-6`.
        atol: Absolute tolerance used when a call does not give one. Defaults to `1e-8`.
    """

    def __init__(self, rtol: float = 1e-6, atol: float = 1e-8):
        self.rtol = rtol
        self.atol = atol

    def assert_parity(self, r_function: Any, py_function: Any, inputs: Any, **kwargs: Any) -> dict[str, Any]:
        """:func:`rkeras_bridge.tools.parity_inprocess.assert_parity` with this fixture's tolerances."""
        __tracebackhide__ = True
        from .parity_inprocess import assert_parity

        kwargs.setdefault("rtol", self.rtol)
        kwargs.setdefault("atol", self.atol)
        return assert_parity(r_function, py_function, inputs, **kwargs)

    def assert_same_model(self, r_model: Any, py_model: Any, x: Any, y: Any, loss: Any = "mse",
                          **kwargs: Any) -> dict[str, Any]:
        """:func:`rkeras_bridge.tools.parity_inprocess.assert_same_model` with this fixture's tolerances."""
        __tracebackhide__ = True
        from .parity_inprocess import assert_same_model

        kwargs.setdefault("rtol", self.rtol)
        kwargs.setdefault("atol", self.atol)
        return assert_same_model(r_model, py_model, x, y, loss, **kwargs)

    def r(self, code: str) -> Any:
        """Evaluate R code in the embedded R (``rkerasbridge`` attached), e.g. to define helpers."""
        from ..bridge import rsession

        rsession.start_r(load_package=True)
        return rsession.r(code)


@pytest.fixture
def parity() -> Parity:
    """In-process R/Python comparisons (R embedded through rpy2, started on first use)."""
    return Parity()
