#!/usr/bin/env bash
# Installs the Debian 12 packages semitco needs to build, test and benchmark.
# Idempotent: asks dpkg what is already installed and only calls apt-get for the rest,
# so a second run finishes in a second or two.
#
# Usage: scripts/install-deps.sh [--no-gui] [--no-mpi]
set -euo pipefail

want_gui=1
want_mpi=1
for arg in "$@"; do
  case "$arg" in
    --no-gui) want_gui=0 ;;
    --no-mpi) want_mpi=0 ;;
    *) echo "install-deps.sh: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

packages=(
  build-essential cmake pkg-config
  libsundials-dev        # CVODE (SUNDIALS 6.4)
  libeigen3-dev
  nlohmann-json3-dev     # scenario and vehicle files
  libcli11-dev           # command line
  libexpat1-dev          # GPX, streamed (a 1 GB track in bounded memory)
  libgdal-dev            # terrain models: SRTM .hgt tiles and GeoTIFF DEMs (--dem)
  libxlsxwriter-dev      # XLSX export
  coinor-libclp-dev      # COIN-OR Clp: the depot charging schedule's linear programme (pkg-config clp)
  catch2                 # unit tests (2.13)
  libbenchmark-dev       # make bench
  unzip                  # tests read XLSX back
  clang libclang-rt-14-dev  # libFuzzer targets for the route readers (fuzz smoke run in make test)
  pybind11-dev python3-dev  # the Python module semitco (python/)
  python3-numpy          # its time series are NumPy arrays
  python3-pytest         # its test suite (make test runs it through CTest)
  dpkg-dev file          # make package: dpkg-shlibdeps finds the .deb's library dependencies (CPack finds ELF files with file)
)
# Optional, not installed here (CI stays lean): python3-pandas for to_pandas(), python3-matplotlib for the
# figure of docs/examples/fleet_diesel_price.py. Tests and the example run without them.
if [ "$want_gui" = 1 ]; then
  packages+=(qt6-base-dev libqcustomplot-dev libgl-dev xvfb xauth)
fi
if [ "$want_mpi" = 1 ]; then
  packages+=(libopenmpi-dev openmpi-bin)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

echo "install-deps.sh: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
