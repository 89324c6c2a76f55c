#!/usr/bin/env bash
# Peak memory of reading a 1 GB GPX track (the streamed Expat reader, routes/gpx_reader.cpp).
# Not run in CI (writing 1 GB takes minutes); the CI test reads a 50 MB track against an RSS bound
# (tests/routes/test_gpx_streamed.cpp). The figure goes to docs/performance.md.
#
#   bench/gpx_memory.sh [BUILD_DIR] [SIZE_MB]     (defaults: build-cli, 1024)
set -euo pipefail
build=${1:-build-cli}
size=${2:-1024}
track=$(mktemp --suffix=.gpx)
trap 'rm -f "$track"' EXIT
python3 "$(dirname "$0")/make_long_gpx.py" "$track" "$size"
ls -l "$track"
/usr/bin/time -o "$track.time" -v "$build/app/semitco" route info "$track"
grep -E "Maximum resident|Elapsed" "$track.time"
rm -f "$track.time"
