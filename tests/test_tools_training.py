import json

import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    dataset_batch, dataset_shuffle, iter_next, keras_model_custom, layer_dense, make_iterator_one_shot,
    tensor_slices_dataset, tf_function, until_out_of_range,
)
from rkeras_bridge.tensorflow.compat import tf as tf1
from rkeras_bridge.tools.training import TrainingRun, training_run

X = np.arange(40, dtype=np.float32).reshape(20, 2) / 40
Y = X.sum(axis=1, keepdims=True)


def _dataset(seed):
    # 4 steps per epoch
    return dataset_batch(dataset_shuffle(tensor_slices_dataset([X, Y]), 20, seed=seed), 5)


def _train(argv):
    """A small eager loop written as the examples write theirs; returns the run."""
    run = training_run("tiny", argv=argv, epochs=3, steps_per_epoch=4)

    def build(self):
        self.dense = layer_dense(units=1)
        return lambda x, mask=None, training=False: self.dense(x)

    model = keras_model_custom(build, name="tiny")
    optimizer = tf1.train.GradientDescentOptimizer(0.1)
    model(X[:1])

    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss = tf1.losses.mean_squared_error(y, model(x))
        grads = tape.gradient(loss, model.variables)
        optimizer.apply_gradients(zip(grads, model.variables))
        return loss

    dataset = _dataset(run.seed)
    run.protect(model=model, optimizer=optimizer)
    for epoch in run.epochs(dataset):
        iterator = run.track(make_iterator_one_shot(dataset), epoch)
        for batch in until_out_of_range(iterator):
            run.step(train_step, batch[0], batch[1])
    return run


def test_training_run_parses_and_seeds():
    run = training_run("tiny", argv=["--steps", "6", "--seed", "7"], epochs=3, steps_per_epoch=4)
    assert isinstance(run, TrainingRun)
    assert (run.max_steps, run.seed, run.n_epochs, run.first_step) == (6, 7, 3, 1)
    assert run.epochs() == [1, 2]  # --steps 6 needs two epochs of 4
    first = tf.random.uniform([3]).numpy()
    training_run("tiny", argv=["--seed", "7"])
    np.testing.assert_array_equal(tf.random.uniform([3]).numpy(), first)
    full = training_run("tiny", argv=[], epochs=3, steps_per_epoch=4)
    assert (full.max_steps, full.epochs()) == (12, [1, 2, 3])
    assert training_run("tiny", argv=["--epochs", "2"], epochs=9).n_epochs == 2


def test_track_ends_the_epoch_at_steps_for_get_next_and_next():
    run = training_run("tiny", argv=["--steps", "3"], epochs=1, steps_per_epoch=4)
    iterator = run.track(make_iterator_one_shot(_dataset(1)), 1)
    seen = [run.step(lambda b: tf.reduce_sum(b[0]), batch) for batch in until_out_of_range(iterator)]
    assert len(seen) == 3 and run.steps_done == 3 and len(run.losses["loss"]) == 3
    run = training_run("tiny", argv=["--steps", "2"], epochs=1, steps_per_epoch=4)
    iterator = run.track(iter(_dataset(1)), 1)
    count = 0
    while (batch := iter_next(iterator)) is not None:
        run.step(lambda b: 1.0, batch)
        count += 1
    assert count == 2


def test_step_records_named_losses_and_refuses_vectors():
    run = training_run("tiny", argv=[])
    run.track(iter([0]), 1)
    run.step(lambda: {"generator": tf.constant(1.5), "discriminator": np.float32(0.5)})
    run.step(lambda: {"generator": 1.0, "discriminator": 0.25})
    assert run.losses == {"generator": [1.5, 1.0], "discriminator": [0.5, 0.25]}
    assert run.epoch_mean("generator") == 1.25 and run.last("discriminator") == 0.25
    with pytest.raises(ValueError, match=r"scalar loss.*Received"):
        run.step(lambda: {"generator": tf.constant([1.0, 2.0]), "discriminator": 1.0})
    with pytest.raises(ValueError, match="several named ones"):
        run.step(lambda: [1.0, 2.0])
    with pytest.raises(TypeError, match="`fn`"):
        run.step("train_step")
    with pytest.raises(ValueError, match="`name`"):
        run.epoch_mean("nope")


def test_finish_writes_the_record_with_timings_and_mode(tmp_path):
    out = tmp_path / "tiny-py.json"
    run = training_run("tiny", argv=["--out", str(out)])
    step = tf_function(lambda x: x * 2.0)
    for i in range(3):
        run.step(step, tf.constant(float(i)))
    record = run.finish(metrics={"answer": 42})
    saved = json.loads(out.read_text())
    assert saved["losses"] == [0.0, 2.0, 4.0] == record["losses"]
    assert saved["metrics"] == {"answer": 42, "first_step": 1}
    assert saved["timings"]["mode"] == "compiled" and saved["timings"]["seconds_per_step"] > 0
    assert training_run("tiny", argv=[]).finish()["timings"] == {"seconds_per_step": None, "mode": "eager"}


def test_resume_continues_as_the_uninterrupted_run(tmp_path):
    reference = _train(["--steps", "10"]).losses["loss"]
    out = str(tmp_path / "tiny-py.json")
    first = _train(["--steps", "6", "--out", out, "--checkpoint-every", "3"])
    assert first.losses["loss"] == pytest.approx(reference[:6], rel=1e-6)
    resumed = _train(["--steps", "10", "--out", out, "--checkpoint-every", "3", "--resume"])
    # the checkpoint of step 6 sits in epoch 2: epoch 1's iterator is drawn again, epoch 2 resumes at batch 3
    assert (resumed.first_step, len(resumed.losses["loss"])) == (7, 4)
    assert resumed.losses["loss"] == pytest.approx(reference[6:], rel=1e-6)


def test_ctrl_c_saves_then_exits_130(tmp_path):
    out = str(tmp_path / "tiny-py.json")
    run = training_run("tiny", argv=["--out", out, "--checkpoint-every", "100"])
    counter = tf.Variable(0.0)
    run.protect(counter=counter)
    run.manager.stop_requested = True  # what the SIGINT handler does
    with pytest.raises(SystemExit) as stopped:
        run.step(lambda: counter.assign_add(1.0))
    assert stopped.value.code == 130 and run.stopped
    assert run.manager.latest.endswith("ckpt-1")


def test_progress_prints_one_summary_per_epoch(capsys):
    run = training_run("tiny", argv=[], epochs=2, steps_per_epoch=2, progress=True)
    for epoch in run.epochs():
        iterator = run.track(iter([1.0, 3.0]), epoch)
        while (x := iter_next(iterator)) is not None:
            run.step(lambda v: v, x)
    run.finish()
    lines = [line for line in capsys.readouterr().out.splitlines() if "step 2/2" in line]
    assert len(lines) == 2 and lines[0].startswith("epoch 1:") and "loss 2.0000" in lines[0]


def test_bad_arguments_name_themselves():
    with pytest.raises(ValueError, match="`steps_per_epoch`"):
        training_run("tiny", argv=[], steps_per_epoch=0)
    with pytest.raises(ValueError, match="`case`"):
        training_run("", argv=[])
    with pytest.raises(TypeError, match="`dataset`"):
        training_run("tiny", argv=[]).epochs("train")
    with pytest.raises(TypeError, match="`iterator`"):
        training_run("tiny", argv=[]).track(42, 1)


def test_steps_per_epoch_known_once_the_data_are_read():
    run = training_run("tiny", argv=[], epochs=3)
    assert run.max_steps is None and run.epochs() == [1, 2, 3]
    assert run.set_steps_per_epoch(4.0) is run
    assert (run.steps_per_epoch, run.max_steps) == (4, 12)
    limited = training_run("tiny", argv=["--steps", "5"], epochs=3).set_steps_per_epoch(4)
    assert (limited.max_steps, limited.epochs()) == (5, [1, 2])
    with pytest.raises(ValueError, match="`steps_per_epoch`"):
        run.set_steps_per_epoch(0)
