# semitco: thin wrapper around CMake. Quick start on a fresh Debian 12 machine (as root):
#   make run    # installs what is missing, builds, compares the trucks on the bundled default scenario
#   make test   # installs what is missing, builds, runs every test
JOBS ?= $(shell nproc)
BUILD := build
SEMITCO := $(BUILD)/app/semitco
SCENARIO ?= resources/scenarios/default.json

.PHONY: all deps configure build run test bench gui asan fuzz-smoke clean

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

# The tests, plus a build of the command line with the GUI switched off (the CLI must never need Qt).
test: build
	cmake --preset cli >/dev/null
	cmake --build build-cli --target semitco -j $(JOBS)
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

bench: build
	$(BUILD)/bench/semitco_bench --benchmark_counters_tabular=true

gui: build
	$(BUILD)/ui/semitco-gui

# AddressSanitizer + UndefinedBehaviorSanitizer run of the whole test suite (no GUI).
asan: deps
	cmake --preset asan >/dev/null
	cmake --build build-asan -j $(JOBS)
	ctest --test-dir build-asan --output-on-failure -j $(JOBS)

clean:
	rm -rf build build-cli build-asan build-mpi build-fuzz
