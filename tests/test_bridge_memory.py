"""Counting the tensor bytes handed to R, so R's collector runs before dead tensors pile up."""
import pytest
import tensorflow as tf

from rkeras_bridge.bridge import conversion, memory


@pytest.fixture(autouse=True)
def fresh_threshold():
    before = memory.tensor_gc_threshold(1)  # 1 MiB; also resets the count and PRESSURE
    yield
    memory.tensor_gc_threshold(before)


def test_tensors_handed_to_r_are_counted_in_bytes():
    memory.handed_to_r(tf.zeros([16, 8]))  # float32
    memory.handed_to_r(tf.zeros([10], dtype=tf.float64))
    memory.handed_to_r(tf.zeros([4], dtype=tf.int8))
    assert memory.pending_bytes() == 16 * 8 * 4 + 10 * 8 + 4
    assert memory.PRESSURE == []


def test_lists_of_tensors_count_and_other_values_do_not():
    memory.handed_to_r([tf.zeros([8]), tf.ones([2, 2]), "not a tensor"])
    memory.handed_to_r((tf.zeros([1]),))
    memory.handed_to_r(tf.Variable(tf.zeros([1000])))  # its model holds a variable, not R
    memory.handed_to_r(tf.zeros([100]).numpy())  # an array becomes R's own memory
    memory.handed_to_r(tf.constant(["a string"]))  # no fixed size: not counted, not an error
    memory.handed_to_r(None)
    assert memory.pending_bytes() == (8 + 4 + 1) * 4


def test_passing_the_threshold_signals_r_and_starts_counting_again():
    quarter = tf.zeros([256, 256])  # 256 KiB
    for _ in range(3):
        memory.handed_to_r(quarter)
    assert memory.PRESSURE == []
    memory.handed_to_r(quarter)
    assert memory.PRESSURE == [1]  # a quick collection
    assert memory.pending_bytes() == 0
    memory.handed_to_r(quarter)
    assert memory.pending_bytes() == 256 * 1024


def test_every_few_signals_ask_for_a_full_collection():
    mib = tf.zeros([512, 512])
    for _ in range(2 * memory._FULL_EVERY):
        memory.handed_to_r(mib)
    levels = [1] * (memory._FULL_EVERY - 1) + [2]
    assert memory.PRESSURE == levels + levels


def test_every_call_from_r_counts_its_result():
    conversion.call(tf.zeros, [512, 512])  # exactly 1 MiB
    assert memory.PRESSURE == [1]
    conversion.call(tf.zeros, [3])
    assert memory.pending_bytes() == 12


def test_a_failed_call_counts_nothing():
    with pytest.raises(ValueError):
        conversion.call(int, "not a number")
    assert memory.pending_bytes() == 0


def test_threshold_zero_turns_the_policy_off():
    assert memory.tensor_gc_threshold(0) == 1.0
    memory.handed_to_r(tf.zeros([1024, 1024]))
    assert memory.pending_bytes() == 0 and memory.PRESSURE == []
    assert memory.tensor_gc_threshold() == 0.0


def test_setting_the_threshold_forgets_what_was_pending():
    memory.handed_to_r(tf.zeros([256, 256]))
    memory.PRESSURE.append(1)
    assert memory.tensor_gc_threshold(0.5) == 1.0
    assert memory.pending_bytes() == 0 and memory.PRESSURE == []


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf"), True, "64", [64]])
def test_a_bad_threshold_is_refused(bad):
    with pytest.raises(ValueError, match=r"Received: mb="):
        memory.tensor_gc_threshold(bad)
    assert memory.tensor_gc_threshold() == 1.0


def test_the_package_exports_the_threshold():
    import rkeras_bridge

    assert rkeras_bridge.tensor_gc_threshold is memory.tensor_gc_threshold
