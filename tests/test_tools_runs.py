import json
from pathlib import Path

import pytest

from rkeras_bridge.tools.runs import case_args, checkpoint_dir, write_run


def test_case_args_defaults_and_flags(monkeypatch):
    monkeypatch.delenv("RKB_CHECKPOINT_EVERY", raising=False)
    assert case_args([]) == {"steps": None, "epochs": None, "seed": 42, "out": None, "resume": False,
                             "checkpoint_every": 10, "eager": False, "compiled": False, "data": None}
    assert case_args(["--steps", "5", "--seed", "3", "--out", "x.json"]) == {
        "steps": 5, "epochs": None, "seed": 3, "out": "x.json", "resume": False, "checkpoint_every": 10,
        "eager": False, "compiled": False, "data": None}
    assert case_args(["--eager", "--data", "spa.txt"])["eager"] is True
    assert case_args(["--compiled"])["compiled"] is True
    with pytest.raises(SystemExit):  # one mode or the other
        case_args(["--eager", "--compiled"])
    assert case_args(["--data", "spa.txt"])["data"] == "spa.txt"
    assert case_args(["--seed", "9", "--epochs", "2", "--resume"])["epochs"] == 2
    assert case_args(["--resume"])["resume"] is True


def test_checkpoint_every_flag_env_and_dir(monkeypatch):
    monkeypatch.setenv("RKB_CHECKPOINT_EVERY", "5")
    assert case_args([])["checkpoint_every"] == 5
    assert case_args(["--checkpoint-every", "3"])["checkpoint_every"] == 3
    monkeypatch.setenv("RKB_CHECKPOINT_EVERY", "often")
    with pytest.raises(SystemExit):
        case_args([])
    assert checkpoint_dir({"out": "runs/x.json"}) == str(Path("runs") / "x-checkpoints")
    assert checkpoint_dir({"out": None}) is None


@pytest.mark.parametrize("argv", [["--steps", "-1"], ["--epochs", "0"], ["--steps", "two"],
                                  ["--checkpoint-every", "0"]])
def test_case_args_rejects_bad_counts(argv):
    with pytest.raises(SystemExit):
        case_args(argv)


def test_write_run_record(tmp_path):
    out = tmp_path / "sub" / "run.json"
    record = write_run({"seed": 1, "out": str(out)}, "demo", "py", losses=[1, 0.5], metrics={"acc": 0.9})
    on_disk = json.loads(out.read_text())
    assert on_disk == record
    assert on_disk["steps"] == 2 and on_disk["losses"] == [1.0, 0.5] and on_disk["lang"] == "py"
    assert {"python", "tensorflow", "keras", "numpy"} <= set(on_disk["versions"])
    assert not list(out.parent.glob("*.tmp"))


def test_write_run_named_losses_and_bad_lang(tmp_path):
    record = write_run({"seed": 1, "out": None}, "gan", "r", losses={"gen": [1, 2, 3], "disc": [4, 5, 6]})
    assert record["steps"] == 3 and record["losses"]["gen"] == [1.0, 2.0, 3.0]
    with pytest.raises(ValueError, match="`lang`"):
        write_run({"seed": 1}, "x", "julia", losses=[])
