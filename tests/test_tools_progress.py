"""The training progress display: plain lines off a terminal, a Keras Progbar on one."""
import io

import pytest

from rkeras_bridge.tools.progress import TrainingProgress, progress_bar


def test_plain_lines_off_a_terminal():
    stream = io.StringIO()
    bar = TrainingProgress(total=20, title="epoch 2", every=5, stream=stream)
    assert not bar.interactive  # StringIO is not a terminal
    for i in range(20):
        bar.tick({"loss": 1.0 / (i + 1)})
    summary = bar.close({"loss": 0.25})
    lines = stream.getvalue().splitlines()
    assert [line.split("  ")[0] for line in lines] == [f"epoch 2: step {k}/20" for k in (5, 10, 15, 20)]
    assert "loss 0.2000" in lines[0] and summary == lines[-1] and "loss 0.2500" in summary
    bar.close()  # a second close prints nothing more
    assert stream.getvalue().count("\n") == 4


def test_progbar_on_a_terminal(capsys):
    bar = progress_bar(total=3, title="epoch 1", interactive=True)
    for loss in (0.9, 0.8, 0.7):
        bar.tick({"loss": loss})
    bar.close()
    out = capsys.readouterr().out
    assert "epoch 1" in out and "3/3" in out and "loss: 0.7000" in out


def test_bad_values_are_clear_errors():
    bar = TrainingProgress(total=2, stream=io.StringIO())
    with pytest.raises(TypeError, match="`values`"):
        bar.tick([0.5])
    with pytest.raises(TypeError, match=r"`values\$loss`"):
        bar.tick({"loss": "low"})
    with pytest.raises(ValueError, match="`total`"):
        progress_bar(total=0)
    bar.close()
    with pytest.raises(RuntimeError, match="closed"):
        bar.tick()
