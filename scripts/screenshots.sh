#!/bin/bash
# Regenerates docs/screenshots (docs/gui.md, "Screenshots"): every view of the default scenario at
# 1280x720 and 1920x1080, and the views that need another scenario from that one: Months (the default
# with Reno's year of weather), Depot (the 20-truck depot), Charging cost (NACFE's measured run), and the
# 2x-scale pair. Needs a GUI build (make build) and xvfb-run (Debian's xvfb).
#   scripts/screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shots="$build/ui/semitco-gui-screenshots"
[ -x "$shots" ] || { echo "no $shots: build the app first (make build)" >&2; exit 2; }
out=docs/screenshots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {  # run SIZE SCENARIO DIR [env...]
  local size=$1 scenario=$2 dir=$3
  shift 3
  mkdir -p "$dir"
  env "$@" xvfb-run -a "$shots" "$dir" "$scenario" "$size" >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; exit 1; }
}

# The default scenario with Reno's year of weather, next to it so its relative paths hold.
reno=resources/scenarios/.screenshots_reno.json
trap 'rm -rf "$tmp" "$reno"' EXIT
python3 - "$reno" <<'EOF'
import json, sys
s = json.load(open("resources/scenarios/default.json"))
s["weather"] = {"region": "reno"}
json.dump(s, open(sys.argv[1], "w"), indent=2)
EOF

for size in 1280x720 1920x1080; do
  dest=$out
  [ "$size" = 1920x1080 ] && dest=$out/1920x1080
  run "$size" resources/scenarios/default.json "$tmp/default_$size"
  run "$size" "$reno" "$tmp/reno_$size"
  run "$size" resources/scenarios/depot_20_trucks.json "$tmp/depot_$size"
  run "$size" resources/scenarios/verdicts/nacfe_run_on_less_measured.json "$tmp/nacfe_$size"
  # Only the files the folder already holds (the 1920x1080 one keeps the window and editor views).
  for f in "$dest"/*.png; do
    name=$(basename "$f")
    case "$name" in
      window_months.png) src=$tmp/reno_$size ;;
      window_depot.png) src=$tmp/depot_$size ;;
      window_charging_cost.png) src=$tmp/nacfe_$size ;;
      *) src=$tmp/default_$size ;;
    esac
    [ -f "$src/$name" ] && cp "$src/$name" "$f"
  done
done
run 1280x720 resources/scenarios/default.json "$tmp/scale2x" QT_SCALE_FACTOR=2
for f in "$out"/scale2x/*.png; do cp "$tmp/scale2x/$(basename "$f")" "$f"; done
echo "screenshots written to $out (the Run menu's two come from tests/ui/test_gui_trip_model.cpp, docs/gui.md)"
