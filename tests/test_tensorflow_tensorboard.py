"""rkeras_bridge.tensorflow.tensorboard: starting and stopping TensorBoard."""

import importlib.util

import pytest

from rkeras_bridge import tensorboard

HAVE_TENSORBOARD = importlib.util.find_spec("tensorboard") is not None


def test_stop_with_nothing_running():
    assert tensorboard(action="stop") is None


@pytest.mark.parametrize(
    "kwargs, name",
    [({"action": "restart"}, "action"), ({"log_dir": None}, "log_dir"), ({"log_dir": 3}, "log_dir"),
     ({"log_dir": "logs", "port": 0}, "port"),
     ({"log_dir": "logs", "launch_browser": "no"}, "launch_browser"),
     ({"log_dir": "logs", "reload_interval": -1}, "reload_interval")],
)
def test_bad_arguments(kwargs, name):
    with pytest.raises(ValueError, match=f"`{name}`"):
        tensorboard(**kwargs)


@pytest.mark.skipif(HAVE_TENSORBOARD, reason="tensorboard is installed")
def test_start_without_tensorboard_says_how_to_add_it(tmp_path):
    with pytest.raises(ModuleNotFoundError, match="pip install tensorboard"):
        tensorboard(str(tmp_path))


@pytest.mark.skipif(not HAVE_TENSORBOARD, reason="tensorboard is not installed")
def test_start_and_stop(tmp_path):  # pragma: no cover - only where tensorboard is installed
    import urllib.request

    url = tensorboard(str(tmp_path))
    try:
        assert urllib.request.urlopen(url, timeout=10).status == 200
    finally:
        tensorboard(action="stop")
