# The two commands of the README: `make demo` and `make test`. Both set everything up first and are
# idempotent: each step leaves a stamp in .stamps/ and re-runs only when its inputs change.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# Debian's interpreter: it ships libpython3.11.so (python3-dev), which reticulate must load.
PYTHON_BASE ?= /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
# r-cran-rcpp ... r-cran-withr: what reticulate 1.46 builds against (../shared/vendor/README.md).
APT_PACKAGES := r-base-core r-base-dev r-cran-reticulate r-cran-testthat r-cran-purrr r-cran-r6 \
  r-cran-jsonlite r-cran-magrittr r-cran-ggplot2 r-cran-dslabs python3-venv python3-dev libpython3.11 \
  chromium r-cran-roxygen2 r-cran-rcpp r-cran-rcpptoml r-cran-here r-cran-png r-cran-rappdirs r-cran-rlang r-cran-withr
R_SOURCES := $(shell find r -type f -not -path 'r/inst/python-path' -not -name '*.o' -not -name '*.so' 2>/dev/null)

# The two test grounds. Ground 1: Debian's reticulate 1.28 + .venv (constraints.txt, NumPy 1.26).
# Ground 2: reticulate 1.46 + .venv-numpy2 (constraints-numpy2.txt, NumPy 2), in its own R library
# .rlib-reticulate146 that goes first on R_LIBS, so Debian's 1.28 stays usable side by side.
# reticulate 1.46 comes from RETICULATE_146_SOURCE (a source tarball) or RETICULATE_146_LIB (an R library
# that already has reticulate >= 1.46; rkerasbridge is still installed into .rlib-reticulate146).
VENV2 := .venv-numpy2
PY2 := $(VENV2)/bin/python
RLIB146 := .rlib-reticulate146
RETICULATE_146_SOURCE ?= ../shared/vendor/reticulate_1.46.0.tar.gz
RETICULATE_146_LIB ?=
GROUND2 := $(if $(RETICULATE_146_LIB),lib,$(if $(wildcard $(RETICULATE_146_SOURCE)),source,))
R_LIBS_146 := $(CURDIR)/$(RLIB146)$(if $(RETICULATE_146_LIB),:$(abspath $(RETICULATE_146_LIB)))
# What R and Python of ground 2 run with (R_LIBS first, so its reticulate and rkerasbridge win).
ENV_146 := R_LIBS="$(R_LIBS_146)$${R_LIBS:+:$$R_LIBS}" RETICULATE_PYTHON="$(CURDIR)/$(PY2)"
NO_GROUND2 := no $(RETICULATE_146_SOURCE); set RETICULATE_146_SOURCE=... or RETICULATE_146_LIB=...
# Where reticulate 1.46 comes from, in a file whose date changes only when the choice does.
ifneq ($(GROUND2),)
$(shell mkdir -p $(STAMPS); conf='$(GROUND2) $(abspath $(RETICULATE_146_SOURCE)) $(abspath $(RETICULATE_146_LIB))'; \
  [ "$$(cat $(STAMPS)/reticulate146.conf 2>/dev/null)" = "$$conf" ] || echo "$$conf" > $(STAMPS)/reticulate146.conf)
endif

.PHONY: conformance conformance-raise document setup setup-146 demo test test-py test-r check-r test-r-146 check-r-146 parity-146 parity bench clean
setup: $(STAMPS)/r-package setup-146

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
	R CMD INSTALL --preclean --clean --no-multiarch --no-test-load r >$(STAMPS)/r-install.log 2>&1 || { cat $(STAMPS)/r-install.log; exit 1; }
	@touch $@

# r/NAMESPACE and r/man/ from the roxygen comments in r/R/ (run after adding or changing an R function).
# roxygen2 reads the package installed from a scratch copy with its sources kept (R6 method docs need
# them), so r/ itself gets no build files and the installed package stays as it is.
document: $(STAMPS)/apt
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	cp -r r "$$tmp/r"; rm -f "$$tmp"/r/src/*.o "$$tmp"/r/src/*.so; mkdir -p "$$tmp/lib"; \
	R CMD INSTALL --no-multiarch --no-test-load --with-keep.source -l "$$tmp/lib" "$$tmp/r" >"$$tmp/install.log" 2>&1 \
	  || { cat "$$tmp/install.log"; exit 1; }; \
	(cd "$$tmp/r" && R_LIBS="$$tmp/lib" Rscript -e \
	  'roxygen2::roxygenise(roclets = c("rd", "namespace"), load_code = roxygen2::load_installed)') 2>&1 \
	  | grep -v '^$$' || true; \
	cp "$$tmp/r/NAMESPACE" r/NAMESPACE; rm -f r/man/*.Rd; cp "$$tmp"/r/man/*.Rd r/man/

# Ground 2, built only when reticulate 1.46 is available (see GROUND2 above).
ifeq ($(GROUND2),)
setup-146:
	@echo "second ground (reticulate 1.46 + NumPy 2) NOT set up: $(NO_GROUND2)"
else
setup-146: $(STAMPS)/r-package-146

$(STAMPS)/venv-numpy2: $(STAMPS)/apt pyproject.toml constraints-numpy2.txt
	@[ -x $(PY2) ] || $(PYTHON_BASE) -m venv $(VENV2)
	$(PY2) -m pip install -q --disable-pip-version-check -c constraints-numpy2.txt -e '.[test,examples]'
	@touch $@

$(STAMPS)/reticulate146: $(STAMPS)/apt $(STAMPS)/reticulate146.conf \
  $(if $(RETICULATE_146_LIB),,$(RETICULATE_146_SOURCE))
	@mkdir -p $(RLIB146)
ifeq ($(GROUND2),source)
	R CMD INSTALL --no-multiarch -l $(RLIB146) $(RETICULATE_146_SOURCE) >$(STAMPS)/reticulate146-install.log 2>&1 \
	  || { cat $(STAMPS)/reticulate146-install.log; exit 1; }
else
	@rm -rf $(RLIB146)/reticulate   # a copy built earlier from a tarball would shadow the named library
endif
	@v=$$($(ENV_146) Rscript -e 'cat(format(packageVersion("reticulate")))'); \
	echo "reticulate $$v from $$($(ENV_146) Rscript -e 'cat(dirname(find.package("reticulate")))')"; \
	$(ENV_146) Rscript -e 'if (packageVersion("reticulate") < "1.46") quit(status = 1)' \
	  || { echo "reticulate $$v is not >= 1.46 (RETICULATE_146_SOURCE / RETICULATE_146_LIB)"; exit 1; }
	@touch $@

# rkerasbridge for ground 2 is installed from a temporary copy of r/ whose recorded Python is
# .venv-numpy2/bin/python (r/inst/python-path stays ground 1's).
define R_COPY_146
tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; mkdir "$$tmp/src"; cp -r r "$$tmp/src/rkerasbridge"; rm -f "$$tmp"/src/rkerasbridge/src/*.o "$$tmp"/src/rkerasbridge/src/*.so; \
mkdir -p "$$tmp/src/rkerasbridge/inst"; echo "$(CURDIR)/$(PY2)" > "$$tmp/src/rkerasbridge/inst/python-path"
endef

$(STAMPS)/r-package-146: $(STAMPS)/venv-numpy2 $(STAMPS)/reticulate146 $(R_SOURCES)
	@$(R_COPY_146); \
	$(ENV_146) R CMD INSTALL --preclean --no-multiarch --no-test-load -l $(RLIB146) "$$tmp/src/rkerasbridge" \
	  >$(STAMPS)/r-install-146.log 2>&1 || { cat $(STAMPS)/r-install-146.log; exit 1; }
	@touch $@
endif

demo: setup
	$(PY) -m rkeras_bridge.tools.parity

parity: setup
	$(PY) -m rkeras_bridge.tools.parity --quick

# The benchmark suite (R through the bridge against Python, on both grounds side by side; ~80 min on
# 2 cores with 3 repeats): out/bench/bench.md and bench.json. BENCH_ARGS="--repeats 1 --cases dcgan"
# narrows it.
BENCH_ARGS ?=
bench: setup
	$(PY) -m rkeras_bridge.tools.bench --out out/bench \
	  $(if $(GROUND2),--ground2 $(CURDIR)/$(PY2) $(R_LIBS_146),--no-ground2) $(BENCH_ARGS)

# Both grounds: R suite and R CMD check on each, then pytest (with the parity tests) on ground 1, then the
# conformance suites against their floors (ground 1), whose per-suite lines close the output. Ground 2 is
# set up inside the -k run: if it fails, ground 1's results still come (and make test fails).
test: $(STAMPS)/r-package
	$(MAKE) --no-print-directory -k test-r check-r test-r-146 check-r-146 test-py conformance

test-py:
	$(PY) -m pytest -q

TEST_DIR_R := testthat::test_dir("r/tests/testthat", package = "rkerasbridge", load_package = "installed", stop_on_failure = TRUE)
test-r:
	Rscript -e '$(TEST_DIR_R)'

# R CMD check of the built source package in a temporary directory: code, documentation, examples and
# NAMESPACE (--no-tests: test-r and test-r-146 run the testthat suite on each ground already, and it is the
# longest part of make test); fails on any ERROR or WARNING (NOTEs pass). $(1): the package source, $(2):
# the environment.
define R_CHECK
(cd "$$tmp" && $(2) R CMD build --no-manual $(1) >build.log 2>&1) || { cat "$$tmp/build.log"; exit 1; }; \
(cd "$$tmp" && $(2) _R_CHECK_FORCE_SUGGESTS_=false R CMD check --no-manual --no-tests rkerasbridge_*.tar.gz >check.log 2>&1) || true; \
log="$$tmp/rkerasbridge.Rcheck/00check.log"; \
status=$$(grep '^Status:' "$$log" 2>/dev/null || echo 'Status: no result'); echo "R CMD check$(3): $$status"; \
if ! echo "$$status" | grep -qE '^Status: OK$$|^Status: [0-9]+ NOTEs?$$'; then cat "$$tmp/check.log"; exit 1; fi
endef

check-r: $(STAMPS)/r-package
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(call R_CHECK,$(CURDIR)/r,,)

# The same on ground 2 (reticulate 1.46 + NumPy 2); parity-146 runs the R-vs-Python parity tests there.
ifeq ($(GROUND2),)
test-r-146 check-r-146 parity-146:
	@echo "second ground (reticulate 1.46 + NumPy 2) NOT tested ($@): $(NO_GROUND2)"
else
test-r-146: $(STAMPS)/r-package-146
	$(ENV_146) Rscript -e '$(TEST_DIR_R)'

check-r-146: $(STAMPS)/r-package-146
	@$(R_COPY_146); \
	$(call R_CHECK,"$$tmp/src/rkerasbridge",$(ENV_146), (reticulate 1.46 + NumPy 2))

parity-146: $(STAMPS)/r-package-146
	$(ENV_146) $(PY2) -m pytest -q tests/test_tools_parity.py
endif

# The original packages' own testthat suites (keras 2.2.4, tensorflow 1.13 and 2.0, tfdatasets 1.13) against
# the installed package (ground 1), when ../shared/conformance is there (CI always has it). Fails when a
# suite passes fewer tests than its floor in tests/conformance-floors.txt; conformance-raise raises the
# floors to the counts just measured (they never go down). Results: out/conformance/.
CONFORMANCE_DIR ?= ../shared/conformance
CONFORMANCE_SUITES ?= keras tensorflow tfdatasets tensorflow-2.0
ifeq ($(wildcard $(CONFORMANCE_DIR)/run),)
conformance conformance-raise:
	@echo "conformance NOT run ($@): no $(CONFORMANCE_DIR)/run"
else
conformance: $(STAMPS)/r-package
	@rm -rf out/conformance; mkdir -p out/conformance; \
	CONFORMANCE_OUT=$(CURDIR)/out/conformance $(CONFORMANCE_DIR)/run $(CONFORMANCE_SUITES) \
	  | tee out/conformance/summary.txt; \
	$(PY) -m rkeras_bridge.tools.conformance out/conformance/summary.txt

conformance-raise: conformance
	$(PY) -m rkeras_bridge.tools.conformance out/conformance/summary.txt --raise
endif

clean:
	rm -rf $(STAMPS) $(VENV) $(VENV2) $(RLIB146) out r/inst/python-path
