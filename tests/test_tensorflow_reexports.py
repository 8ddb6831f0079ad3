"""rkeras_bridge.tensorflow.reexports: Python twins of the reticulate functions R tensorflow re-exported."""

import builtins
import sys

import numpy as np
import pytest

from rkeras_bridge import dict as r_dict
from rkeras_bridge import iterate, np_array, use_condaenv, use_python, use_virtualenv


def test_dict():
    made = r_dict(x=1, y="two")
    assert type(made) is builtins.dict and made == {"x": 1, "y": "two"}
    assert r_dict([("a", 1)], b=2) == {"a": 1, "b": 2}
    with pytest.raises(ValueError, match="one dict"):
        r_dict({"a": 1}, {"b": 2})


def test_np_array():
    a = np_array([[1, 2], [3, 4]], dtype="float32", order="F")
    assert a.dtype == np.float32 and a.flags["F_CONTIGUOUS"]
    np.testing.assert_array_equal(a, [[1, 2], [3, 4]])
    with pytest.raises(ValueError, match="`order`"):
        np_array([1], order="K")


def test_iterate():
    assert iterate(iter([1, 2, 3]), lambda x: x * 2) == [2, 4, 6]
    assert iterate(c for c in "ab") == ["a", "b"]
    with pytest.raises(TypeError, match="`f`"):
        iterate([1], f=3)


def test_use_python_and_environments_check_the_running_python():
    use_python(sys.executable, required=True)
    use_virtualenv(sys.prefix, required=True)
    use_condaenv(sys.prefix, required=True)
    use_python("/no/such/python")  # not required: ignored, as reticulate ignores it once Python runs
    for call in (lambda: use_python("/no/such/python", required=True),
                 lambda: use_virtualenv("/no/such/env", required=True),
                 lambda: use_condaenv("no-such-env", required=True)):
        with pytest.raises(RuntimeError, match="cannot be switched"):
            call()


# Every name R tensorflow 1.13 exported (its NAMESPACE), in both languages. `%as%` is R syntax (Python
# has `with ... as`); Python spells `import` `import_`.
TENSORFLOW_1_13 = """
%as% all_dims array_reshape dict evaluate export_savedmodel flag_boolean flag_integer flag_numeric flag_string
flags import install_tensorflow install_tensorflow_extras iterate np_array parse_arguments parse_flags run_dir
shape tensorboard tf tf_config tf_extract_opts tf_function tf_gpu_configured tf_probability tf_version
tfe_enable_eager_execution train train_and_evaluate tuple use_compat use_condaenv use_python
use_session_with_seed use_virtualenv view_savedmodel
""".split()


def test_every_tensorflow_1_13_export_exists_in_python():
    import rkeras_bridge

    assert len(TENSORFLOW_1_13) == 38
    python_names = [{"import": "import_"}.get(n, n) for n in TENSORFLOW_1_13 if n != "%as%"]
    missing = [n for n in python_names if n not in rkeras_bridge.__all__ or getattr(rkeras_bridge, n) is None]
    assert not missing


def test_every_tensorflow_1_13_export_exists_in_r():
    import subprocess

    out = subprocess.run(["Rscript", "-e", 'cat(getNamespaceExports("rkerasbridge"), sep = "\\n")'],
                         capture_output=True, text=True, check=True).stdout.split()
    assert sorted(set(TENSORFLOW_1_13) - set(out)) == []
