"""The Python half of R's with(): entering and leaving context managers for R."""
import pytest
import tensorflow as tf

from rkeras_bridge.bridge.contexts import RError, enter, exit_cleanly, exit_with_condition


class Recorder:
    def __init__(self, suppress=False):
        self.events, self.suppress = [], suppress

    def __enter__(self):
        self.events.append("enter")
        return "bound"

    def __exit__(self, exc_type, exc, tb):
        self.events.append(("exit", exc_type))
        return self.suppress


def test_enter_and_exit_cleanly():
    ctx = Recorder()
    assert enter(ctx) == "bound"
    assert exit_cleanly(ctx) is False
    assert ctx.events == ["enter", ("exit", None)]


def test_a_tape_entered_and_left_records_gradients():
    x = tf.Variable(3.0)
    tape = tf.GradientTape()
    assert enter(tape) is tape
    loss = x * x
    exit_cleanly(tape)
    assert float(tape.gradient(loss, x)) == 6.0


@pytest.mark.parametrize("classes, expected", [(["simpleError", "error", "condition"], RError),
                                               (["interrupt", "condition"], KeyboardInterrupt)])
def test_exit_with_an_r_condition(classes, expected):
    ctx = Recorder(suppress=True)
    enter(ctx)
    assert exit_with_condition(ctx, None, "boom", classes) is True
    assert ctx.events[-1] == ("exit", expected)
