#!/usr/bin/env python3
"""Province outlines for the teaching GUI's map, from Apache ECharts 4.9.0's map of China.

Source: the npm package echarts@4.9.0 (Apache-2.0), file package/map/json/china.json: the 34
provincial-level units of China as GeoJSON, with quantised coordinates ("UTF8Encoding": true).
This script

1. reads china.json (and the package's LICENSE and NOTICE) straight from the npm tarball, after
   checking the tarball's SHA-1 against the one the registry publishes;
2. decodes the coordinates exactly as ECharts does (src/coord/geo/parseGeoJson.js, functions
   decode and decodePolygon, ported below);
3. gives each feature its ISO 3166-2 code by its Chinese name and its administrative-division
   code, matched against scenarios/data/provinces.csv (both must agree, and all 31 provinces
   must be found); Taiwan, Hong Kong and Macao get CN-TW, CN-HK and CN-MO and are drawn as grey
   context, without data;
4. simplifies every outline (Douglas-Peucker, tolerance 0.05 degrees of longitude/latitude). A
   border between two provinces is simplified once and used by both, so that neighbours still
   meet without gaps; parts smaller than the tolerance (small islands, Macao) vanish;
5. checks that every provincial capital of provinces.csv lies inside its own province;
6. writes analysis/src/main/resources/org/crackdown/outlines/province-outlines.csv (code, ring,
   lon, lat: one row per vertex, rings numbered from 0 within a province, not closed) with the
   source in its header, and the Apache licence text and ECharts NOTICE next to it
   (province-outlines.LICENSE.txt), as the licence requires of redistributed derived works.

The outlines are for display only: the model never reads them.

To regenerate (from the repository root; needs npm once, then works offline):

    cd /tmp && npm pack echarts@4.9.0          # echarts-4.9.0.tgz, SHA-1 checked below
    cd - && python3 scripts/gui-map/convert_echarts_china.py /tmp/echarts-4.9.0.tgz

Do not commit the tarball or china.json. The output is deterministic: the same tarball gives
the same bytes.
"""

import argparse
import csv
import hashlib
import io
import json
import math
import os
import sys
import tarfile

PACKAGE = "echarts@4.9.0"
# From `npm view echarts@4.9.0 dist`.
TARBALL_SHA1 = "a9b9baa03f03a2a731e6340c55befb57a9e1347d"
TARBALL_INTEGRITY = ("sha512-+ugizgtJ+KmsJyyDPxaw2Br5FqzuBnyOWwcxPKO6y0gc5caYcfnEUIlNStx02necw8jmKmTafmpHhGo4X"
                     "DtEIA==")
MEMBER = "package/map/json/china.json"
TOLERANCE = 0.05

# Not among the model's 31 provinces; drawn grey. ISO 3166-2 codes.
CONTEXT = {"台湾": ("CN-TW", "71"), "香港": ("CN-HK", "81"), "澳门": ("CN-MO", "82")}
CONTEXT_CODES = [code for code, _ in CONTEXT.values()]

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
PROVINCES = os.path.join(ROOT, "scenarios", "data", "provinces.csv")
OUT_DIR = os.path.join(ROOT, "analysis", "src", "main", "resources", "org", "crackdown", "outlines")
OUT = os.path.join(OUT_DIR, "province-outlines.csv")
OUT_LICENCE = os.path.join(OUT_DIR, "province-outlines.LICENSE.txt")


def fail(msg):
    sys.exit("convert_echarts_china.py: " + msg)


# --- decoding: a port of ECharts 4.9.0 src/coord/geo/parseGeoJson.js -------------------------

def decode_polygon(coordinate, encode_offsets, encode_scale):
    """decodePolygon: zigzag- and delta-encoded character pairs to [lon, lat] points.

    JavaScript's charCodeAt counts UTF-16 code units, so the string is read as such."""
    units = coordinate.encode("utf-16-le")
    codes = [int.from_bytes(units[k:k + 2], "little") for k in range(0, len(units), 2)]
    result = []
    prev_x = encode_offsets[0]
    prev_y = encode_offsets[1]
    for i in range(0, len(codes), 2):
        x = codes[i] - 64
        y = codes[i + 1] - 64
        # ZigZag decoding
        x = (x >> 1) ^ (-(x & 1))
        y = (y >> 1) ^ (-(y & 1))
        # Delta decoding
        x += prev_x
        y += prev_y
        prev_x = x
        prev_y = y
        # Dequantise: kept as integers of 1/encode_scale degree here (exact, and shared borders
        # compare equal); divided by encode_scale on output.
        result.append((x, y))
    return result


def decode(data):
    """decode: every ring of every feature, in place; returns the scale (units per degree)."""
    if not data.get("UTF8Encoding"):
        fail("china.json is not UTF8Encoding-quantised; this converter expects the encoded file")
    encode_scale = data.get("UTF8Scale")
    if encode_scale is None:
        encode_scale = 1024
    for feature in data["features"]:
        geometry = feature["geometry"]
        coordinates = geometry["coordinates"]
        encode_offsets = geometry["encodeOffsets"]
        for c, coordinate in enumerate(coordinates):
            if geometry["type"] == "Polygon":
                coordinates[c] = decode_polygon(coordinate, encode_offsets[c], encode_scale)
            elif geometry["type"] == "MultiPolygon":
                for c2, polygon in enumerate(coordinate):
                    coordinate[c2] = decode_polygon(polygon, encode_offsets[c][c2], encode_scale)
    data["UTF8Encoding"] = False
    return encode_scale


def exteriors(feature):
    """The outer ring of each polygon of a feature (parseGeoJson: first ring is the exterior)."""
    g = feature["geometry"]
    polygons = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
    out = []
    for poly in polygons:
        if len(poly) > 1:
            fail("%s has holes; this converter draws exterior rings only" % feature["properties"]["name"])
        if poly:
            ring = list(poly[0])
            if len(ring) > 1 and ring[0] == ring[-1]:
                ring.pop()
            out.append(ring)
    return out


# --- names to codes ----------------------------------------------------------------------------

def read_provinces():
    with open(PROVINCES, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != 31:
        fail("%s: expected 31 provinces, found %d" % (PROVINCES, len(rows)))
    return rows


def code_of(feature, provinces):
    """ECharts names are short ("河北" for 河北省, "广西" for 广西壮族自治区): a province matches if
    its full name starts with the short one, and the feature's division code (130000) must begin
    with the province's GB code (13), so a wrong match cannot pass silently."""
    name = feature["properties"]["name"]
    division = str(feature["properties"].get("id", ""))
    if name in CONTEXT:
        code, gb = CONTEXT[name]
        if not division.startswith(gb):
            fail("%s: division code %s, expected %s...." % (name, division, gb))
        return code
    hits = [p for p in provinces if p["name_zh"].startswith(name)]
    if len(hits) != 1:
        fail("ECharts feature %r matches %d provinces of provinces.csv" % (name, len(hits)))
    p = hits[0]
    if not division.startswith(p["gb_code"]):
        fail("%s: ECharts division code %s does not match %s's GB code %s" % (name, division, p["code"], p["gb_code"]))
    return p["code"]


# --- topology-keeping simplification ------------------------------------------------------------

def perpendicular(p, a, b):
    ax, ay = a
    bx, by = b
    px, py = p
    dx = bx - ax
    dy = by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    return abs(dx * (py - ay) - dy * (px - ax)) / math.hypot(dx, dy)


def douglas_peucker(points, tol):
    """Keeps both end points; iterative, so long borders do not hit the recursion limit."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        worst = -1.0
        at = -1
        for k in range(i + 1, j):
            d = perpendicular(points[k], points[i], points[j])
            if d > worst:
                worst = d
                at = k
        if at >= 0 and worst > tol:
            keep[at] = True
            stack.append((i, at))
            stack.append((at, j))
    return [p for p, k in zip(points, keep) if k]


def simplify(rings, tol):
    """Simplifies rings (lists of points in one unit) so that shared borders stay shared.

    A vertex is a node where the set of rings through it changes along some ring (the end of a
    border, a triple point, a coast). Rings are cut at nodes into arcs; each arc is simplified
    once, and a ring that runs along the same arc backwards gets the same points reversed."""
    owners = {}
    for r, ring in enumerate(rings):
        for p in ring:
            owners.setdefault(p, set()).add(r)
    nodes = set()
    for ring in rings:
        n = len(ring)
        for k, p in enumerate(ring):
            if owners[p] != owners[ring[k - 1]] or owners[p] != owners[ring[(k + 1) % n]]:
                nodes.add(p)
    done = {}
    out = []
    for ring in rings:
        n = len(ring)
        cuts = [k for k, p in enumerate(ring) if p in nodes]
        if not cuts:
            # An island, or a ring wholly shared: start where any ring through it would.
            cuts = [ring.index(min(ring))]
        result = []
        for c, start in enumerate(cuts):
            end = cuts[(c + 1) % len(cuts)]
            length = (end - start) % n or n
            arc = tuple(ring[(start + k) % n] for k in range(length + 1))
            if arc in done:
                simple = done[arc]
            elif arc[::-1] in done:
                simple = done[arc[::-1]][::-1]
            else:
                simple = douglas_peucker(list(arc), tol)
                done[arc] = simple
            result.extend(simple[:-1])
        out.append(result)
    return out


def area(ring):
    s = 0.0
    for k in range(len(ring)):
        x0, y0 = ring[k - 1]
        x1, y1 = ring[k]
        s += x0 * y1 - x1 * y0
    return abs(s) / 2


def inside(x, y, ring):
    """Even-odd rule, as java.awt.geom.Path2D uses it."""
    hit = False
    n = len(ring)
    for k in range(n):
        x0, y0 = ring[k - 1]
        x1, y1 = ring[k]
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


# --- main ----------------------------------------------------------------------------------------

def read_tarball(path):
    try:
        with open(path, "rb") as f:
            blob = f.read()
    except OSError as e:
        fail("cannot read the tarball: %s (get it with `npm pack %s`)" % (e, PACKAGE))
    sha1 = hashlib.sha1(blob).hexdigest()
    if sha1 != TARBALL_SHA1:
        fail("%s: SHA-1 %s, expected %s (npm view %s dist)" % (path, sha1, TARBALL_SHA1, PACKAGE))
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as tar:
        def member(name):
            return tar.extractfile(name).read()
        return member(MEMBER), member("package/LICENSE").decode("utf-8"), member("package/NOTICE").decode("utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tarball", help="echarts-4.9.0.tgz from `npm pack echarts@4.9.0`")
    args = ap.parse_args()

    raw, licence, notice = read_tarball(args.tarball)
    data = json.loads(raw.decode("utf-8"))
    scale = decode(data)
    provinces = read_provinces()

    codes = []
    rings = []
    for feature in data["features"]:
        code = code_of(feature, provinces)
        if code in codes:
            fail("%s appears twice in china.json" % code)
        codes.append(code)
        rings.append(exteriors(feature))
    missing = sorted({p["code"] for p in provinces} - set(codes))
    if missing:
        fail("no outline in china.json for " + ", ".join(missing))

    flat = [r for rs in rings for r in rs]
    simple = iter(simplify(flat, TOLERANCE * scale))
    kept = {}
    for code, rs in zip(codes, rings):
        parts = []
        for _ in rs:
            r = next(simple)
            if len(r) >= 3 and area(r) > (TOLERANCE * scale) ** 2:
                parts.append(r)
        if not parts:
            if code in CONTEXT_CODES:
                continue
            fail("%s vanishes at tolerance %g" % (code, TOLERANCE))
        # Largest part first: the mainland part of a province before its islands.
        parts.sort(key=lambda r: -area(r))
        kept[code] = parts

    for p in provinces:
        x = float(p["capital_lon"]) * scale
        y = float(p["capital_lat"]) * scale
        if not any(inside(x, y, r) for r in kept[p["code"]]):
            fail("%s's capital %s (%s, %s) is outside its simplified outline"
                 % (p["code"], p["capital_en"], p["capital_lat"], p["capital_lon"]))

    order = [p["code"] for p in provinces] + [c for c in CONTEXT_CODES if c in kept]
    vertices = sum(len(r) for c in order for r in kept[c])
    header = [
        "Province outlines for the GUI's map and the analysis report's maps. FOR DISPLAY ONLY: the model never reads them.",
        "Source: Apache ECharts 4.9.0, npm package %s, file %s" % (PACKAGE, MEMBER),
        "  (tarball SHA-1 %s," % TARBALL_SHA1,
        "   integrity %s)." % TARBALL_INTEGRITY,
        "Licence: Apache License 2.0; text and the ECharts NOTICE in province-outlines.LICENSE.txt.",
        "Changes: coordinates decoded as ECharts' parseGeoJson.js does (scale 1/%d degree);" % scale,
        "  exterior rings only; Douglas-Peucker simplified to %g degrees, shared borders once;" % TOLERANCE,
        "  parts smaller than that dropped. CN-TW, CN-HK, CN-MO are context (no model data).",
        "Generated by scripts/gui-map/convert_echarts_china.py (see its docstring to regenerate).",
        "code: ISO 3166-2; ring: part of the province from 0, largest first; lon, lat: degrees (WGS84 as",
        "  published by ECharts), one row per vertex, rings not closed. %d vertices." % vertices,
    ]
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        for line in header:
            f.write("# " + line + "\n")
        f.write("code,ring,lon,lat\n")
        for code in order:
            for k, ring in enumerate(kept[code]):
                for x, y in ring:
                    f.write("%s,%d,%.4f,%.4f\n" % (code, k, x / scale, y / scale))
    with open(OUT_LICENCE, "w", encoding="utf-8", newline="\n") as f:
        f.write("province-outlines.csv is derived from Apache ECharts 4.9.0 (map/json/china.json),\n"
                "licensed under the Apache License, Version 2.0, reproduced below with its NOTICE.\n"
                "Changes made: see the header of province-outlines.csv.\n\n")
        f.write("=" * 72 + "\nNOTICE\n" + "=" * 72 + "\n" + notice.rstrip() + "\n\n")
        f.write("=" * 72 + "\nLICENSE\n" + "=" * 72 + "\n" + licence.rstrip() + "\n")
    print("%s: %d provinces + %d context units, %d rings, %d vertices, %d bytes"
          % (os.path.relpath(OUT, ROOT), len(provinces), len(order) - len(provinces),
             sum(len(kept[c]) for c in order), vertices, os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
