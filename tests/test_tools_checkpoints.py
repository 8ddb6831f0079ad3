"""Crash-safe training: the checkpoint helper, and kill/Ctrl-C then --resume of basic_loop (Python and R)."""
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import keras_model_custom, layer_dense, layer_dropout, set_random_seed
from rkeras_bridge import tf as ctf
from rkeras_bridge.tools.checkpoints import (CheckpointError, checkpoint_manager, maybe_save, restore_latest,
                                       save_on_interrupt, track_iterator)
from rkeras_bridge.tools.parity import ROOT

K = 5


def small_model():
    def body(self):
        self.dense = layer_dense(units=4)
        self.dropout = layer_dropout(rate=0.5)
        self.out = layer_dense(units=1)

        def call(x, mask=None, training=False):
            return self.out(self.dropout(self.dense(x), training=training))

        return call

    return keras_model_custom(body, name="small")


def setup(directory, every=2):
    model, optimizer = small_model(), ctf.train.AdamOptimizer(learning_rate=0.01)
    model(np.ones((1, 3)))
    step_var = tf.Variable(0, dtype=tf.int64)
    manager = checkpoint_manager(
        directory, every=every, model=model, optimizer=optimizer, global_step=step_var
    )
    return model, optimizer, step_var, manager


def train(model, optimizer, step_var, manager, iterator, steps):
    losses = []
    for _ in range(steps):
        x, y = next(iterator)
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(model(x, training=True) - y))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(list(zip(grads, model.trainable_variables)), global_step=step_var)
        losses.append(float(loss))
        maybe_save(manager, int(step_var))
    return losses


def dataset():
    x = np.random.RandomState(0).normal(size=(40, 3)).astype("float32")
    return tf.data.Dataset.from_tensor_slices((x, x[:, :1] * 2)).shuffle(40, seed=1).batch(4)


def test_save_restore_round_trip_includes_rng_and_iterator(tmp_path):
    set_random_seed(3)
    model, optimizer, step_var, manager = setup(tmp_path / "ck")
    iterator = track_iterator(manager, iter(dataset()), 1)
    train(model, optimizer, step_var, manager, iterator, 6)  # saves at 2, 4, 6
    seed_state = [v for v in model.non_trainable_variables if "seed" in v.path][0].numpy()
    expected = train(model, optimizer, step_var, manager, iterator, 2)  # steps 7-8, ckpt-8 saved
    assert manager.latest.endswith("ckpt-8")
    state = tmp_path / "ck" / "checkpoint"
    state.write_text(state.read_text().replace("ckpt-8", "ckpt-6"))

    set_random_seed(99)  # a different process: other initial weights and dropout seeds
    model2, optimizer2, step2, manager2 = setup(tmp_path / "ck")
    assert restore_latest(manager2) == 6 and manager2.epoch == 1 and int(step2) == 6
    seeds = [v for v in model2.non_trainable_variables if "seed" in v.path]
    assert seeds and np.array_equal(seeds[0].numpy(), seed_state)
    iterator2 = track_iterator(manager2, iter(dataset()), 1)
    resumed = train(model2, optimizer2, step2, manager2, iterator2, 2)  # steps 7-8 again
    np.testing.assert_allclose(resumed, expected, rtol=1e-6)


def test_resuming_past_the_requested_steps_is_a_clear_error(tmp_path):
    model, optimizer, step_var, manager = setup(tmp_path / "ck")
    train(model, optimizer, step_var, manager, iter(dataset()), 4)  # saves at 2 and 4
    *_, again = setup(tmp_path / "ck")
    with pytest.raises(ValueError, match=r"`max_steps`.*step 4.*--steps >= 4.*Received: max_steps=3"):
        restore_latest(again, max_steps=3)
    *_, fine = setup(tmp_path / "ck")
    assert restore_latest(fine, max_steps=4) == 4


def test_no_checkpoint_gives_step_zero_and_off_switch(tmp_path):
    *_, manager = setup(tmp_path / "empty")
    assert restore_latest(manager) == 0
    *_, off = setup(None)
    assert restore_latest(off) == 0 and maybe_save(off, 10) is None and not save_on_interrupt(off)


def test_state_file_pointing_to_missing_data_is_refused(tmp_path):
    model, optimizer, step_var, manager = setup(tmp_path / "ck")
    step_var.assign(2)
    maybe_save(manager, 2)
    for f in (tmp_path / "ck").glob("ckpt-2.data-*"):
        f.unlink()  # as if the process died before the data was written
    with pytest.raises(CheckpointError, match=re.escape(str(tmp_path / "ck")) + ".*incomplete.*data"):
        restore_latest(setup(tmp_path / "ck")[3])
    (tmp_path / "ck" / "ckpt-2.index").write_bytes(b"garbage")
    (tmp_path / "ck" / "ckpt-2.data-00000-of-00001").write_bytes(b"garbage")
    with pytest.raises(CheckpointError, match=re.escape(str(tmp_path / "ck"))):
        restore_latest(setup(tmp_path / "ck")[3])
    (tmp_path / "ck" / "checkpoint").write_text("this is { not a state file")
    with pytest.raises(CheckpointError, match="state file"):
        restore_latest(setup(tmp_path / "ck")[3])


def test_a_save_is_only_picked_up_once_complete(tmp_path):
    # CheckpointManager writes ckpt-N's files, then rewrites the state file atomically; a
    # checkpoint whose files exist but that the state file does not name yet is ignored.
    model, optimizer, step_var, manager = setup(tmp_path / "ck")
    maybe_save(manager, 2)
    state = (tmp_path / "ck" / "checkpoint").read_text()
    step_var.assign(4)
    maybe_save(manager, 4)
    (tmp_path / "ck" / "checkpoint").write_text(state)  # as if killed between the data and the state file
    assert restore_latest(setup(tmp_path / "ck")[3]) == 2
    assert not list((tmp_path / "ck").glob("*_temp*"))


def test_argument_errors_name_the_argument(tmp_path):
    model = small_model()
    with pytest.raises(ValueError, match="`every`.*Received: every=0"):
        checkpoint_manager(tmp_path, every=0, model=model)
    with pytest.raises(ValueError, match="`step`"):
        checkpoint_manager(tmp_path, step=model)
    with pytest.raises(TypeError, match="`counter`.*trackable"):
        checkpoint_manager(tmp_path, counter=3)
    with pytest.raises(TypeError, match="`manager`"):
        maybe_save("not a manager", 1)


# ---- kill / Ctrl-C and --resume of the basic_loop case study, as subprocesses -------------------

def _env():
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2", RKB_CHECKPOINT_EVERY=str(K))
    return env  # R_LIBS, when set (a private library under test), passes through


def _cmd(lang, out, *flags):
    script = ROOT / ("examples_r/basic_loop.R" if lang == "r" else "examples_py/basic_loop.py")
    runner = ["Rscript", str(script)] if lang == "r" else [sys.executable, str(script)]
    return runner + ["--out", str(out), *flags]


def _latest_step(directory: Path) -> int:
    state = directory / "checkpoint"
    if not state.exists():
        return 0
    found = re.search(r'^model_checkpoint_path: "ckpt-(\d+)"', state.read_text(), re.M)
    return int(found.group(1)) if found else 0


def _start_and_wait(lang, out, beyond=10, timeout=60.0):
    proc = subprocess.Popen(_cmd(lang, out), cwd=ROOT, env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + timeout
    while _latest_step(out.parent / "run-checkpoints") <= beyond:
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            _, err = proc.communicate()
            pytest.fail(f"no checkpoint beyond step {beyond} (exit {proc.returncode}):\n{err[-2000:]}")
        time.sleep(0.01)
    return proc


def _run(cmd):
    proc = subprocess.run(cmd, cwd=ROOT, env=_env(), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def _scalar(value):
    return value[0] if isinstance(value, list) else value


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    out = tmp_path_factory.mktemp("reference") / "run.json"
    _run(_cmd("py", out))
    return json.loads(out.read_text())["losses"]


@pytest.mark.parametrize("lang", ["py", "r"])
def test_checkpoint_kill_and_resume_loses_at_most_k_steps(lang, tmp_path, reference):
    out = tmp_path / "run.json"
    proc = _start_and_wait(lang, out)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    progress = _latest_step(tmp_path / "run-checkpoints")
    _run(_cmd(lang, out, "--resume"))
    record = json.loads(out.read_text())
    first = int(_scalar(record["metrics"]["first_step"]))
    assert first >= progress - K + 1 and first > 11
    assert first + len(record["losses"]) - 1 == len(reference) == 120
    # R's run is compared with Python's uninterrupted one: the parity tests hold them equal.
    np.testing.assert_allclose(record["losses"], reference[first - 1:], rtol=1e-6)


@pytest.mark.parametrize("lang", ["py", "r"])
def test_checkpoint_sigint_saves_the_current_step_and_exits(lang, tmp_path, reference):
    out = tmp_path / "run.json"
    proc = _start_and_wait(lang, out)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err[-2000:]
    stopped = int(re.search(r"Interrupted at step (\d+)", err).group(1))
    assert _latest_step(tmp_path / "run-checkpoints") == stopped > 10
    assert (tmp_path / "run-checkpoints" / f"ckpt-{stopped}.index").exists()
    _run(_cmd(lang, out, "--resume", "--steps", str(stopped + 3)))
    record = json.loads(out.read_text())
    assert int(_scalar(record["metrics"]["first_step"])) == stopped + 1
    np.testing.assert_allclose(record["losses"], reference[stopped:stopped + 3], rtol=1e-6)


@pytest.fixture(scope="module")
def dcgan_reference(tmp_path_factory):
    out = tmp_path_factory.mktemp("dcgan") / "run.json"
    _run([sys.executable, str(ROOT / "examples_py/dcgan.py"), "--out", str(out), "--steps", "6",
          "--checkpoint-every", "3"])
    return json.loads(out.read_text())["losses"]


@pytest.mark.parametrize("lang", ["py", "r"])
def test_dcgan_resumes_with_the_same_noise_data_and_weights(lang, tmp_path, dcgan_reference):
    """Stop after 3 steps, resume to 6: the resumed steps equal an uninterrupted run's (Keras's global
    seed generator, which draws the noise, is in the checkpoint next to models, optimizers and iterator)."""
    script = ROOT / ("examples_r/dcgan.R" if lang == "r" else "examples_py/dcgan.py")
    runner = ["Rscript", str(script)] if lang == "r" else [sys.executable, str(script)]
    out = tmp_path / "run.json"
    _run(runner + ["--out", str(out), "--steps", "3", "--checkpoint-every", "3"])
    _run(runner + ["--out", str(out), "--steps", "6", "--checkpoint-every", "3", "--resume"])
    record = json.loads(out.read_text())
    assert int(_scalar(record["metrics"]["first_step"])) == 4
    for name in ("generator", "discriminator"):
        np.testing.assert_allclose(record["losses"][name], dcgan_reference[name][3:6], rtol=1e-6)
