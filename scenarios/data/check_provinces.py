#!/usr/bin/env python3
"""Check scenarios/data/provinces.csv (standard library only).

Usage:
    python3 check_provinces.py [provinces.csv] [--reference PATH/TO/reference/provinces.csv]

Exits with status 1 if any hard check fails. Lines starting "NOTE" are
information (known limits of the fallbacks), not failures.
"""
import csv
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

HEADER = ["code", "gb_code", "name_en", "name_zh", "capital_en", "capital_zh",
          "capital_lat", "capital_lon", "population_2010", "rural_income_rmb",
          "rural_income_basis", "srb", "srb_basis", "police_per_10k", "police_basis",
          "left_behind_share_pct", "left_behind_basis", "neighbours", "foreign_neighbours"]
BASIS = {
    "rural_income_basis": {"csy2009_2008"},
    "srb_basis": {"census2010_wikipedia", "survey2005_age1to4_fallback"},
    "police_basis": {"national_mps_2007"},
    "left_behind_basis": {"acwf2013", "derived_acwf_top6_by_population", "derived_acwf_rest_by_population"},
}
POP_SUM_31 = 1332774867             # NBS 2010 census communique No. 2, 31 provinces
SERVICEMEN, UNDETERMINED = 2300000, 4649985
NATIONAL_TOTAL = 1339724852         # published national total
EXPECTED_PAIRS = 68
ACWF = {"CN-SC": Decimal("11.34"), "CN-HA": Decimal("10.73"), "CN-GZ": Decimal("5.15")}
# ACWF 2013 (chujuan.cn, as quoted in provinces-sources.md): these six hold 52%,
# and these ten are the top ten.
ACWF_TOP6 = {"CN-SC", "CN-AH", "CN-HA", "CN-GD", "CN-HN", "CN-JX"}
ACWF_TOP10 = ACWF_TOP6 | {"CN-GX", "CN-HB", "CN-GZ", "CN-JS"}

failures = []


def check(ok, msg):
    msg = msg.rstrip()
    print(("ok    " if ok else "FAIL  ") + msg)
    if not ok:
        failures.append(msg)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    path, ref = os.path.join(here, "provinces.csv"), None
    args = list(argv)
    if "--reference" in args:
        i = args.index("--reference")
        ref = args[i + 1]
        del args[i:i + 2]
    if args:
        path = args[0]

    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        raw = list(reader)
    check(header == HEADER, "header has the %d expected columns in order" % len(HEADER))
    rows = [dict(zip(header, r)) for r in raw]
    check(all(len(r) == len(header) for r in raw), "every row has %d fields" % len(header))
    check(len(rows) == 31, "row count = %d (expected 31)" % len(rows))

    codes = [r["code"] for r in rows]
    gbs = [int(r["gb_code"]) for r in rows]
    check(len(set(codes)) == len(codes), "code unique (%d distinct)" % len(set(codes)))
    check(len(set(gbs)) == len(gbs), "gb_code unique")
    check(len({r["name_en"] for r in rows}) == 31 and len({r["name_zh"] for r in rows}) == 31,
          "name_en and name_zh unique")
    check(gbs == sorted(gbs), "rows in GB-code order (%d ... %d)" % (gbs[0], gbs[-1]))
    check(all(c.startswith("CN-") and len(c) == 5 for c in codes), "codes look like CN-XX")

    blank_ok = {"neighbours", "foreign_neighbours"}
    bad = [(r["code"], k) for r in rows for k in HEADER
           if (not r[k] and k not in blank_ok) or "UNCONFIRMED" in r[k]]
    check(not bad, "no empty or UNCONFIRMED cell outside neighbours/foreign_neighbours %s" % (bad or ""))

    for col, allowed in BASIS.items():
        got = {}
        for r in rows:
            got[r[col]] = got.get(r[col], 0) + 1
        check(set(got) <= allowed, "%s values %s" % (col, dict(sorted(got.items()))))

    lat_ok = all(18 <= float(r["capital_lat"]) <= 54 for r in rows)
    lon_ok = all(73 <= float(r["capital_lon"]) <= 135 for r in rows)
    check(lat_ok and lon_ok, "capital coordinates inside China's bounding box")

    pop = sum(int(r["population_2010"]) for r in rows)
    check(pop == POP_SUM_31, "population_2010 sum = {:,} (expected {:,})".format(pop, POP_SUM_31))
    total = pop + SERVICEMEN + UNDETERMINED
    check(total == NATIONAL_TOTAL,
          "sum + 2,300,000 servicemen + 4,649,985 undetermined = {:,} (national total {:,})".format(
              total, NATIONAL_TOTAL))

    # Neighbours
    nb = {r["code"]: [n for n in r["neighbours"].split(";") if n] for r in rows}
    unknown = sorted({n for v in nb.values() for n in v if n not in nb})
    check(not unknown, "every neighbour code is a province code %s" % (unknown or ""))
    check(all(c not in v for c, v in nb.items()), "no province lists itself")
    check(all(len(v) == len(set(v)) for v in nb.values()), "no duplicate neighbour in a list")
    asym = sorted((a, b) for a, v in nb.items() for b in v if a not in nb.get(b, []))
    check(not asym, "neighbour lists symmetric %s" % (asym or ""))
    pairs = {tuple(sorted((a, b))) for a, v in nb.items() for b in v}
    check(len(pairs) == EXPECTED_PAIRS, "undirected neighbour pairs = %d (expected %d)" % (len(pairs), EXPECTED_PAIRS))
    check(nb["CN-HI"] == [], "Hainan has no land neighbour")
    deg = sorted(((len(v), c) for c, v in nb.items()), reverse=True)
    print("      degree: max %s, min %s" % (
        ", ".join(c for d, c in deg if d == deg[0][0]) + " = %d" % deg[0][0],
        ", ".join(c for d, c in deg if d == deg[-1][0]) + " = %d" % deg[-1][0]))
    fn = {r["code"]: r["foreign_neighbours"] for r in rows if r["foreign_neighbours"]}
    countries = sorted({c for v in fn.values() for c in v.split(";")})
    check(len(countries) == 14, "foreign neighbours: %d provinces, %d distinct countries (expected 14)" % (
        len(fn), len(countries)))

    # Fallback columns
    check(all(r["police_per_10k"] == "11" for r in rows), "police_per_10k = 11 for all 31")
    srb_fb = [r["code"] for r in rows if r["srb_basis"] == "survey2005_age1to4_fallback"]
    print("      srb fallback (2005 age 1-4) used for %d: %s" % (len(srb_fb), " ".join(srb_fb)))

    share = {r["code"]: Decimal(r["left_behind_share_pct"]) for r in rows}
    for c, v in ACWF.items():
        check(share[c] == v and next(r for r in rows if r["code"] == c)["left_behind_basis"] == "acwf2013",
              "%s left_behind_share_pct = %s (acwf2013)" % (c, v))
    # Derived shares honour the report's statement that the top six hold 52%: the top-six
    # remainder (52 - Sichuan - Henan) goes to Anhui, Guangdong, Hunan, Jiangxi by population;
    # the rest (100 - 52 - Guizhou) to the other 21 by population.
    groups = [
        ("derived_acwf_top6_by_population", [c for c in ACWF_TOP6 if c not in ACWF],
         Decimal(52) - ACWF["CN-SC"] - ACWF["CN-HA"]),
        ("derived_acwf_rest_by_population", [r["code"] for r in rows if r["code"] not in ACWF_TOP6 and r["code"] not in ACWF],
         Decimal(100) - Decimal(52) - ACWF["CN-GZ"]),
    ]
    popc = {r["code"]: int(r["population_2010"]) for r in rows}
    basis = {r["code"]: r["left_behind_basis"] for r in rows}
    for name, codes, total in groups:
        pop_g = sum(popc[c] for c in codes)
        mism = [c for c in codes
                if (total * popc[c] / pop_g).quantize(Decimal("0.01"), ROUND_HALF_UP) != share[c] or basis[c] != name]
        check(not mism, "%d shares (%s) = round(%s x pop / %s, 2) %s" % (
            len(codes), name, total, "{:,}".format(pop_g), mism or ""))
    s_all = sum(share.values())
    print("      all 31 shares sum to %s" % s_all)
    check(abs(s_all - 100) <= Decimal("0.15"), "all 31 shares sum to 100 within rounding (0.15)")
    n_lb = Decimal("61.0255")
    print("NOTE  implied counts (share x 61.0255 M): Sichuan %.2f M, Henan %.2f M, Guizhou %.2f M "
          "(ACWF/secondary: Guizhou 3.1428 M)" % (
              share["CN-SC"] * n_lb / 100, share["CN-HA"] * n_lb / 100, share["CN-GZ"] * n_lb / 100))
    top6 = sum(share[c] for c in ACWF_TOP6)
    print("NOTE  ACWF says Sichuan, Anhui, Henan, Guangdong, Hunan, Jiangxi hold 52%%; "
          "in this file they hold %s%%" % top6)
    ranked = [c for c, _ in sorted(share.items(), key=lambda kv: -kv[1])][:10]
    print("NOTE  top ten in this file: %s" % " ".join(ranked))
    print("NOTE  ACWF top ten not in file's top ten: %s; in file's top ten but not ACWF's: %s" % (
        " ".join(sorted(ACWF_TOP10 - set(ranked))) or "none",
        " ".join(sorted(set(ranked) - ACWF_TOP10)) or "none"))

    if ref:
        compare_reference(rows, ref)

    print("\n%s: %d hard check(s) failed" % ("FAILED" if failures else "PASSED", len(failures)))
    return 1 if failures else 0


def compare_reference(rows, ref):
    with open(ref, encoding="utf-8", newline="") as f:
        refr = {r["iso_3166_2"]: r for r in csv.DictReader(f)}
    same = {"gb_code": "gb_code", "name_en": "name_en", "name_zh": "name_zh",
            "capital_en": "capital_en", "capital_zh": "capital_zh", "capital_lat": "capital_lat",
            "capital_lon": "capital_lon", "population_2010": "pop_census_2010",
            "rural_income_rmb": "rural_net_income_2008_rmb", "neighbours": "land_neighbours_iso",
            "foreign_neighbours": "foreign_neighbours"}
    diffs = [(r["code"], k) for r in rows for k, rk in same.items() if r[k] != refr[r["code"]][rk]]
    check(set(refr) == {r["code"] for r in rows} and not diffs,
          "copied columns identical to reference %s %s" % (os.path.basename(ref), diffs or ""))
    bad = []
    for r in rows:
        rr = refr[r["code"]]
        want = (rr["srb_census_2010"], "census2010_wikipedia") if rr["srb_census_2010"] != "UNCONFIRMED" \
            else (rr["sex_ratio_age_1to4_2005"], "survey2005_age1to4_fallback")
        if (r["srb"], r["srb_basis"]) != want:
            bad.append(r["code"])
    check(not bad, "srb follows the rule (census 2010 where confirmed, else 2005 ages 1-4) %s" % (bad or ""))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
