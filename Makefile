# semitco: thin wrapper around CMake. Quick start on a fresh Debian 12 machine (as root):
#   make run    # installs what is missing, builds, compares the trucks on the bundled default scenario
#   make test   # installs what is missing, builds, runs every test
JOBS ?= $(shell nproc)
BUILD := build
SEMITCO := $(BUILD)/app/semitco
SCENARIO ?= resources/scenarios/default.json

.PHONY: all deps configure build run test test-mpi bench gui asan fuzz-smoke package clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake --preset default

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(SEMITCO) compare --scenario $(SCENARIO)

# The tests, plus a build of the command line with the GUI switched off (the CLI must never need Qt),
# plus a short libFuzzer run of every route reader and JSON loader.
test: build
	cmake --preset cli >/dev/null
	cmake --build build-cli --target semitco -j $(JOBS)
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	$(MAKE) --no-print-directory test-mpi
	$(MAKE) --no-print-directory fuzz-smoke

# semitco batch under mpirun -np 2 gives the same rows as one process (Open MPI build, CLI only).
test-mpi: deps
	cmake --preset mpi >/dev/null
	cmake --build build-mpi --target semitco test_core -j $(JOBS)
	ctest --test-dir build-mpi --output-on-failure -R 'mpirun'

# Each route reader's and JSON loader's (scenario, vehicle, economics) libFuzzer target for FUZZ_SECONDS
# on the committed seeds (new inputs go to a temporary folder, the committed corpus is only read). Longer runs: FUZZ_SECONDS=600 make fuzz-smoke.
FUZZ_SECONDS ?= 10
fuzz-smoke: deps
	cmake --preset fuzz >/dev/null
	cmake --build build-fuzz --target fuzz_vdri fuzz_cycle fuzz_route_csv fuzz_gpx fuzz_scenario fuzz_vehicle \
	  fuzz_economics -j $(JOBS)
	@set -e; for r in vdri cycle route_csv gpx scenario vehicle economics; do \
	  work=$$(mktemp -d); \
	  build-fuzz/fuzz/fuzz_$$r -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    $$work fuzz/corpus/$$r > $$work.log 2>&1 || { tail -40 $$work.log; exit 1; }; \
	  echo "fuzz $$r: $$(grep -o 'Done [0-9]* runs' $$work.log) in $(FUZZ_SECONDS) s, no crash"; \
	  rm -rf $$work $$work.log; \
	done

# The Debian package build/semitco_<version>_<arch>.deb (CPack): the CLI, the app, the Python module, the
# resources under /usr/share/semitco, man pages. Install with: apt install ./build/semitco_*.deb
package: build
	cmake --build $(BUILD) --target package

# Every benchmark once, then the figures issue 18 sets targets for (medians of 3; the forward model's and
# the quasi-static screening model's), then whole processes on the 10-hour trace against a bare road-load
# loop (and SUMO when installed), both models. docs/performance.md.
bench: build
	$(BUILD)/bench/semitco_bench --benchmark_counters_tabular=true
	python3 bench/headline_figures.py --build $(BUILD) --repetitions 3
	python3 bench/compare_whole_process.py --build $(BUILD) --runs 5 --integrator rk --integrator quasi-static

gui: build
	$(BUILD)/ui/semitco-gui

# AddressSanitizer + UndefinedBehaviorSanitizer run of the whole test suite (no GUI).
asan: deps
	cmake --preset asan >/dev/null
	cmake --build build-asan -j $(JOBS)
	ctest --test-dir build-asan --output-on-failure -j $(JOBS)

clean:
	rm -rf build build-cli build-asan build-mpi build-fuzz
