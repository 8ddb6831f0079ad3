import pytest

from rkeras_bridge.tools.conformance import check, main, parse_counts, raise_floors, read_floors

SUMMARY = """
keras: Pass rate over scored tests: 30 / 214 = 14.0%
tfdatasets: Pass rate over scored tests: 6 / 82 = 7.3%
conformance: 36 passed, 260 failed (of 296 scored)
"""


def test_parse_counts_reads_each_suite():
    assert parse_counts(SUMMARY) == {"keras": (30, 214), "tfdatasets": (6, 82)}


def test_check_fails_below_a_floor_or_on_a_missing_suite():
    counts = parse_counts(SUMMARY)
    assert check(counts, {"keras": 27, "tfdatasets": 6}) == []
    problems = check(counts, {"keras": 31, "tensorflow": 5})
    assert problems == ["keras: 30 passed, below the floor of 31: a regression",
                        "tensorflow: no result (the suite did not run or its summary is missing)"]


def test_floors_only_rise(tmp_path):
    floors = tmp_path / "floors.txt"
    floors.write_text("# comment\nkeras 27\ntfdatasets 7\n")
    assert read_floors(floors) == {"keras": 27, "tfdatasets": 7}
    assert raise_floors(parse_counts(SUMMARY), read_floors(floors), floors) == {"keras": 30, "tfdatasets": 7}
    assert floors.read_text() == "# comment\nkeras 30\ntfdatasets 7\n"


def test_main_exit_status_and_bad_floor_lines(tmp_path, capsys):
    summary = tmp_path / "summary.txt"
    summary.write_text(SUMMARY)
    floors = tmp_path / "floors.txt"
    floors.write_text("keras 31\n")
    assert main([str(summary), "--floors", str(floors)]) == 1
    assert "REGRESSION keras" in capsys.readouterr().err
    floors.write_text("keras 29\n")
    assert main([str(summary), "--floors", str(floors), "--raise"]) == 0
    assert read_floors(floors) == {"keras": 30, "tfdatasets": 6}
    floors.write_text("keras twenty\n")
    with pytest.raises(ValueError, match="Received: 'keras twenty'"):
        read_floors(floors)


def test_the_project_floors_name_every_suite():
    assert set(read_floors()) == {"keras", "tensorflow", "tensorflow-2.0", "tfdatasets"}
