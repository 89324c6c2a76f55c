#!/usr/bin/env bash
# The Debian package, unpacked into a temporary root, works without the source tree:
#   - builds it (cpack) unless a package newer than the programs is there already (make package does the same);
#   - dpkg-deb -I lists its runtime dependencies;
#   - semitco compare runs from an empty folder, with a clean environment, on the scenario bundled in the
#     package, and on the default one found through the installed tree (marked in the copy to prove it);
#   - the man page, and with the GUI the desktop entry and icon, are there; the Python module, when built,
#     imports from the unpacked dist-packages and finds the unpacked resources.
# Usage: test_deb.sh <build dir> <cpack> <with python: ON|OFF> <python3> <with gui: ON|OFF>
set -euo pipefail
build=$1 cpack=$2 with_python=$3 python=$4 with_gui=$5

fail() { echo "test_deb: $*" >&2; exit 1; }

newest_deb() { ls -t "$build"/semitco_*.deb 2>/dev/null | head -1 || true; }
deb=$(newest_deb)
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
# Stale when anything the package holds is newer: programs, module, man pages, resources, packaging files.
stale=0
if [ -z "$deb" ]; then
  stale=1
else
  inputs=()
  for f in "$build/app/semitco" "$build/lib/semitco" "$build/ui/semitco-gui" "$build/python/semitco" "$build/man" \
           "$source_dir/resources" "$source_dir/packaging"; do
    [ -e "$f" ] && inputs+=("$f")
  done
  [ -n "$(find "${inputs[@]}" -newer "$deb" -print -quit)" ] && stale=1
fi
if [ "$stale" = 1 ]; then
  echo "building the package (cpack -G DEB in $build)"
  (cd "$build" && "$cpack" -G DEB >cpack.log 2>&1) || { tail -30 "$build/cpack.log"; fail "cpack failed"; }
  deb=$(newest_deb)
fi
[ -n "$deb" ] || fail "no semitco_*.deb in $build"
echo "package: $deb ($(du -k "$deb" | cut -f1) KiB)"

info=$(dpkg-deb -I "$deb")
depends=$(printf '%s\n' "$info" | sed -n 's/^ Depends: //p')
echo "Depends: $depends"
[ -n "$depends" ] || fail "dpkg-deb -I lists no Depends"
for lib in libc6 libstdc++6 libsundials libgdal; do
  printf '%s' "$depends" | grep -q "$lib" || fail "Depends lacks $lib"
done
if [ "$with_python" = ON ]; then
  printf '%s' "$depends" | grep -q "python3-numpy" || fail "Depends lacks python3-numpy"
fi

root=$(mktemp -d /tmp/semitco-deb.XXXXXX)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
share="$root/usr/share/semitco"
[ -f "$share/scenarios/default.json" ] || fail "no bundled scenario in the package"
[ -f "$root/usr/lib/semitco/libsemitco_dem_gdal.so" ] || fail "no terrain-model module usr/lib/semitco/libsemitco_dem_gdal.so"
[ -s "$root/usr/share/man/man1/semitco.1.gz" ] || fail "no man page semitco.1.gz"
man1=$(zcat "$root/usr/share/man/man1/semitco.1.gz")
printf '%s\n' "$man1" | grep -q 'Usage: semitco compare' || fail "the man page lacks semitco compare's usage"

# A clean environment and an empty working folder: nothing points at the source tree.
mkdir "$root/empty"
cd "$root/empty"
run() { env -i PATH=/usr/bin:/bin HOME="$root/empty" LC_ALL=C.UTF-8 "$@"; }

out=$(run "$root/usr/bin/semitco" compare --scenario "$share/scenarios/default.json") || fail "semitco compare failed"
printf '%s\n' "$out" | grep -q '^verdict: ' || fail "no verdict from semitco compare:
$out"
echo "unpacked semitco compare: $(printf '%s\n' "$out" | grep '^verdict: ')"

# The default scenario comes from the unpacked tree, not from the source tree the program was built from.
sed -i '0,/"name": "/s//"name": "unpacked copy: /' "$share/scenarios/default.json"
out=$(run "$root/usr/bin/semitco" compare) || fail "semitco compare (default scenario) failed"
printf '%s\n' "$out" | head -1 | grep -q '^unpacked copy: ' || fail "the default scenario was not the unpacked one:
$(printf '%s\n' "$out" | head -1)"
list=$(run "$root/usr/bin/semitco" vehicles list) || fail "semitco vehicles list failed"
printf '%s\n' "$list" | grep -q '^tesla_semi_long_range ' || fail "vehicles list lacks the library:
$list"

# --dem loads the unpacked module (usr/lib/semitco, found beside usr/bin): a flat SRTM tile of zeros.
mkdir "$root/empty/srtm"
head -c $((1201 * 1201 * 2)) /dev/zero >"$root/empty/srtm/N00E000.hgt"
printf 'lat,lon\n0.5,0.1\n0.5,0.2\n0.5,0.3\n' >"$root/empty/track.csv"
out=$(run "$root/usr/bin/semitco" route info track.csv --dem srtm 2>&1) || fail "semitco route info --dem failed:
$out"
printf '%s\n' "$out" | grep -q 'climb' || fail "no climb from semitco route info --dem:
$out"
echo "unpacked semitco --dem: ok"

if [ "$with_gui" = ON ]; then
  [ -x "$root/usr/bin/semitco-gui" ] || fail "no semitco-gui"
  [ -f "$root/usr/share/applications/semitco.desktop" ] || fail "no desktop entry"
  [ -f "$root/usr/share/icons/hicolor/scalable/apps/semitco.svg" ] || fail "no icon"
  if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$root/usr/share/applications/semitco.desktop"; fi
fi

if [ "$with_python" = ON ]; then
  site=$(ls -d "$root"/usr/lib/python3/dist-packages)
  run PYTHONPATH="$site" PYTHONDONTWRITEBYTECODE=1 "$python" -c '
import sys, semitco
root = sys.argv[1]
assert semitco.__file__.startswith(root), semitco.__file__
assert semitco.resources_dir().startswith(root), semitco.resources_dir()
c = semitco.compare()
assert c.scenario.startswith("unpacked copy: "), c.scenario
print("unpacked python module: electric %.4f $/mi, diesel %.4f $/mi" % (c.cost.electric.usd_per_mi, c.cost.diesel.usd_per_mi))
' "$root" || fail "the unpacked Python module failed"
fi
echo "test_deb: ok"
