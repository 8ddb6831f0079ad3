# A Python helper module for the tests, defined once per test run.
test_py <- function() {
  if (is.null(.test_env$py)) {
    .test_env$py <- reticulate::py_run_string("
class RecordingContext:
    def __init__(self, suppress=False):
        self.suppress = suppress
        self.exit_args = None
        self.entered = False
    def __enter__(self):
        self.entered = True
        return 'entered-value'
    def __exit__(self, exc_type, exc, tb):
        self.exit_args = (exc_type, exc)
        return self.suppress

def raise_value_error(x):
    raise ValueError('bad x: %r' % (x,))

def identity(x):
    return x
", local = TRUE, convert = TRUE)
  }
  .test_env$py
}
.test_env <- new.env()

# Set or unset an environment variable as Python sees it (os.environ); returns the old value.
py_env <- function() {
  reticulate::py_run_string("
def set_env(name, value):
    import os
    old = os.environ.get(name)
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value
    return old
", local = TRUE)
}

# Evaluate `code` with Python's KERAS_HOME set to `home`, restoring the old value afterwards.
with_keras_home <- function(home, code) {
  env <- py_env()
  old <- env$set_env("KERAS_HOME", home)
  on.exit(env$set_env("KERAS_HOME", old))
  force(code)
}
