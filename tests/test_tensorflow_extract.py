"""rkeras_bridge.tensorflow.extract: tf_extract_opts(), the options of `[` (rules: test_bridge_conversion)."""

import pytest

import rkeras_bridge
from rkeras_bridge.bridge import conversion


def test_tf_extract_opts_is_exported_from_the_tensorflow_surface():
    assert rkeras_bridge._EXPORTS["tf_extract_opts"] == "tensorflow.extract"
    assert rkeras_bridge.tf_extract_opts is conversion.tf_extract_opts


@pytest.mark.parametrize(
    "style, expected",
    [
        (None, {"one_based": True, "inclusive_stop": True, "disallow_out_of_bounds": True,
                "warn_tensors_passed_asis": True, "warn_negatives_pythonic": True}),
        ("R", {"one_based": True, "inclusive_stop": True, "disallow_out_of_bounds": True,
               "warn_tensors_passed_asis": False, "warn_negatives_pythonic": False}),
        ("python", {"one_based": False, "inclusive_stop": False, "disallow_out_of_bounds": False,
                    "warn_tensors_passed_asis": False, "warn_negatives_pythonic": False}),
    ],
)
def test_styles(style, expected):
    warned = {"negative_indices": False, "tensors_passed_asis": False}
    assert rkeras_bridge.tf_extract_opts(style, warned=warned) == expected


def test_style_overrides_the_other_options():
    assert rkeras_bridge.tf_extract_opts("python", one_based=True)["one_based"] is False
    assert rkeras_bridge.tf_extract_opts(None, inclusive_stop=False)["inclusive_stop"] is False
