"""The GIL is released while C++ simulates: Python threads run trips in parallel.

test_python_runs_during_a_trip holds on any machine: the interpreter keeps running Python code in the
main thread while another thread simulates. test_two_threads_run_in_parallel is the timing: two threads
at once take about half the time of one after the other on 2 cores. CTest runs this file alone
(RUN_SERIAL), but other programs on the machine may still take the cores; the timing is then skipped with
the figures that show it, rather than failed."""

import os
import threading
import time

import numpy as np
import pytest

import semitco

pytestmark = pytest.mark.timing


@pytest.fixture(scope="module")
def long_route(source_dir):
    """The Donner route driven there and back thirty-two times (about 13,400 km): long enough that a trip
    takes a good part of a second with the default Runge-Kutta integrator (sixteen times took only 0.14 s
    a trip after the solver's speed-ups of issue 18, too short to time against the machine's noise)."""
    cols = semitco.load_route(source_dir / "resources" / "routes" / "i80_donner.csv").columns
    d, z, v = cols["distance_m"], cols["elevation_m"], cols["speed_limit_mps"]
    length = d[-1]
    dist, elev, speed = [d], [z], [v]
    for lap in range(1, 64):
        back = lap % 2 == 1
        dist.append(lap * length + (length - d[::-1] if back else d)[1:])
        elev.append((z[::-1] if back else z)[1:])
        speed.append((v[::-1] if back else v)[1:])
    return semitco.load_route({"distance_m": np.concatenate(dist), "elevation_m": np.concatenate(elev),
                               "speed_limit_mps": np.concatenate(speed)}, name="donner_laps.csv")


@pytest.fixture(scope="module")
def truck(source_dir):
    return semitco.load_vehicle(source_dir / "resources" / "vehicles" / "diesel_tractor.json")


def test_python_runs_during_a_trip(long_route, truck):
    """With the GIL held for the whole trip, the main thread could not count at all meanwhile."""
    done = threading.Event()
    worker = threading.Thread(target=lambda: (semitco.simulate(long_route, truck), done.set()))
    worker.start()
    counted = 0
    while not done.is_set():
        counted += 1
    worker.join()
    assert counted > 10000, f"the main thread counted to {counted} during the trip"


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def test_two_threads_run_in_parallel(long_route, truck):
    cores = os.cpu_count() or 1
    if cores < 2:
        pytest.skip(f"needs 2 cores to run two threads at once, this machine has {cores}")
    run = lambda: semitco.simulate(long_route, truck)  # noqa: E731
    run()  # warm up (page faults, lazy loading)

    def in_a_thread():
        t = threading.Thread(target=run)
        t.start()
        t.join()

    def sequential():
        # Each trip in a fresh thread, as in parallel(): a thread keeps the speed envelope it built last
        # (physics/driver.cpp), so trips one after the other in one thread would skip building it.
        in_a_thread()
        in_a_thread()

    def parallel():
        threads = [threading.Thread(target=run) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    # Best of three of each, interleaved, so a burst of load elsewhere hits both alike.
    seq, par = [], []
    for _ in range(3):
        seq.append(timed(sequential))
        par.append(timed(parallel))
    (seq_wall, seq_cpu), (par_wall, par_cpu) = min(seq), min(par)
    report = (f"2 trips one after the other {seq_wall:.3f} s (CPU {seq_cpu:.3f} s), at once {par_wall:.3f} s "
              f"(CPU {par_cpu:.3f} s): ratio {par_wall / seq_wall:.2f}; load average {os.getloadavg()[0]:.1f} "
              f"on {cores} cores")
    print(report)
    assert seq_wall > 0.2, "the trips are too short to time: " + report
    if par_wall >= 0.8 * seq_wall:
        # One after the other, the trips should have had a core to themselves: if they got much less, or the
        # machine has more runnable work than cores, the cores were taken by other programs.
        busy = seq_cpu < 0.85 * seq_wall or os.getloadavg()[0] > cores + 0.5
        if busy:
            pytest.skip("the machine is busy with other programs, the timing would mean nothing: " + report)
    assert par_wall < 0.8 * seq_wall, report
