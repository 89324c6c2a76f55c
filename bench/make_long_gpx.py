#!/usr/bin/env python3
"""Writes a long GPX track of a given size for the streaming-reader memory benchmark (bench/gpx_memory.sh).

A truck at 1 Hz on a gentle sine road heading east along 40 N from 105 W (Colorado, across the
antimeridian), each point with <ele>, <time> and a Garmin-style <extensions> block as telematics exports
carry, so ~1 GB holds ~3.9 million points (~15,600 km at 4 m a second, under the readers' 20,000 km limit).

    bench/make_long_gpx.py OUT.gpx [SIZE_MB]      (default 1024)
"""
import math
import sys
import time

out_path = sys.argv[1]
target = int(float(sys.argv[2]) * 1024 * 1024) if len(sys.argv) > 2 else 1024 * 1024 * 1024
M_PER_DEG = 111_320.0
step_m = 4.0
with open(out_path, "w", buffering=1 << 20) as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<gpx version="1.1" creator="semitco bench" xmlns="http://www.topografix.com/GPX/1/1" '
            'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2">\n'
            '<trk><name>long bench track</name><trkseg>\n')
    written = f.tell()
    i = 0
    lat, lon = 40.0, -105.0
    while written < target:
        ele = 1600.0 + 40.0 * math.sin(i * step_m / 5000.0)
        t = i
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1704067200 + t))  # from 2024-01-01
        line = ('<trkpt lat="%.7f" lon="%.7f"><ele>%.1f</ele><time>%s</time><extensions><gpxtpx:TrackPointExtension>'
                '<gpxtpx:speed>%.2f</gpxtpx:speed><gpxtpx:course>45.0</gpxtpx:course><gpxtpx:hr>0</gpxtpx:hr>'
                '</gpxtpx:TrackPointExtension></extensions></trkpt>\n' % (lat, lon, ele, stamp, step_m))
        f.write(line)
        written += len(line)
        lon += step_m / (M_PER_DEG * math.cos(math.radians(lat)))
        if lon > 180.0:
            lon -= 360.0
        i += 1
    f.write("</trkseg></trk>\n</gpx>\n")
print(f"{out_path}: {i} points")
