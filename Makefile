# The two commands of the README: `make demo` and `make test`. Both set everything up first and are
# idempotent: each step leaves a stamp in .stamps/ and re-runs only when its inputs change.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# Debian's interpreter: it ships libpython3.11.so (python3-dev), which reticulate must load.
PYTHON_BASE ?= /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
APT_PACKAGES := r-base-core r-base-dev r-cran-reticulate r-cran-testthat r-cran-purrr r-cran-r6 \
  r-cran-jsonlite r-cran-magrittr r-cran-ggplot2 r-cran-dslabs python3-venv python3-dev libpython3.11 \
  chromium
R_SOURCES := $(shell find r -type f -not -path 'r/inst/python-path' 2>/dev/null)

.PHONY: setup demo test test-py test-r check-r parity bench clean
setup: $(STAMPS)/r-package

$(STAMPS)/apt: Makefile
	@mkdir -p $(STAMPS)
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "apt: installing $$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@touch $@

$(STAMPS)/venv: $(STAMPS)/apt pyproject.toml constraints.txt
	@[ -x $(PY) ] || $(PYTHON_BASE) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[test,examples]'
	@touch $@

# The R package records which Python it belongs to; RETICULATE_PYTHON or
# options(rkerasbridge.python=) still override it at run time.
$(STAMPS)/r-package: $(STAMPS)/venv $(R_SOURCES)
	@mkdir -p r/inst
	@$(PY) -c 'import sys; print(sys.executable)' > r/inst/python-path
	R CMD INSTALL --no-multiarch --no-test-load r >$(STAMPS)/r-install.log 2>&1 || { cat $(STAMPS)/r-install.log; exit 1; }
	@touch $@

demo: setup
	$(PY) -m rkeras_bridge.parity

parity: setup
	$(PY) -m rkeras_bridge.parity --quick

# The benchmark suite (R through the bridge against Python; ~50 min on 2 cores with 3 repeats):
# out/bench/bench.md and bench.json. BENCH_ARGS="--repeats 1 --cases dcgan" narrows it.
BENCH_ARGS ?=
bench: setup
	$(PY) -m rkeras_bridge.bench --out out/bench $(BENCH_ARGS)

# R first, so that pytest's summary (which includes the parity tests) is the closing line.
test: setup
	$(MAKE) --no-print-directory -k test-r check-r test-py

test-py:
	$(PY) -m pytest -q

test-r:
	Rscript -e 'testthat::test_dir("r/tests/testthat", package = "rkerasbridge", load_package = "installed", stop_on_failure = TRUE)'

# R CMD check of the built source package (with its testthat suite, about a minute), in a temporary
# directory; fails on any ERROR or WARNING (NOTEs pass).
check-r: $(STAMPS)/r-package
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	(cd "$$tmp" && R CMD build --no-manual $(CURDIR)/r >build.log 2>&1) || { cat "$$tmp/build.log"; exit 1; }; \
	(cd "$$tmp" && _R_CHECK_FORCE_SUGGESTS_=false R CMD check --no-manual rkerasbridge_*.tar.gz >check.log 2>&1) || true; \
	log="$$tmp/rkerasbridge.Rcheck/00check.log"; \
	status=$$(grep '^Status:' "$$log" 2>/dev/null || echo 'Status: no result'); echo "R CMD check: $$status"; \
	if ! echo "$$status" | grep -qE '^Status: OK$$|^Status: [0-9]+ NOTEs?$$'; then cat "$$tmp/check.log"; exit 1; fi

clean:
	rm -rf $(STAMPS) $(VENV) out r/inst/python-path
