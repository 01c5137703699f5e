#!/usr/bin/env bash
# bench-sweeps.sh — how fast sweeps run: one JVM for all runs (crackdown sweep) against one JVM
# per run (crackdown run in a loop), 1 against 2 threads, and strategies that share their
# burn-in (forked at FORK_AT) against the same strategies run whole, on the 2011 scenario.
#
#   bash scripts/bench-sweeps.sh                 # scale 1, 4 runs per mode (several minutes)
#   SCALE=0.1 RUNS=10 bash scripts/bench-sweeps.sh
#   STRATEGIES=4 bash scripts/bench-sweeps.sh    # forking with 4 strategies (default 2; 0: skip)
#
# Prints wall-clock and CPU seconds and runs per minute for each mode, and checks that the
# in-process sweep and the separate runs give the same numbers (same scenario, same seeds), and
# that the forked sweep gives the same runs.csv with 1 and 2 threads.
# A benchmark, not a test: figures depend on the machine and on what else runs on it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCALE=${SCALE:-1}
RUNS=${RUNS:-4}
JAR=${CRACKDOWN_JAR:-$here/simulation/target/crackdown.jar}
SCENARIO=${SCENARIO:-$here/scenarios/china-2011.yaml}
JAVA=${JAVA:-java}
STRATEGIES=${STRATEGIES:-2}
FORK_AT=${FORK_AT:-2011-01-01}

if [ ! -f "$JAR" ]; then
  echo "bench-sweeps: no jar at $JAR; build it with: mvn -q -B -DskipTests package" >&2
  exit 2
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-sweeps.XXXXXX")
trap 'rm -rf "$work"' EXIT

cat >"$work/bench.yaml" <<EOF
name: bench
description: "benchmark of $RUNS replicates of the 2011 scenario at scale $SCALE"
base: $SCENARIO
set: {scale: $SCALE}
replicates: $RUNS
EOF

# The strategies of the forking comparison: the baseline and police budgets from FORK_AT on.
fork_file() { # file, extra line
  {
    echo "name: bench-fork"
    echo "description: \"$STRATEGIES strategies x $RUNS replicates at scale $SCALE, from $FORK_AT\""
    echo "base: $SCENARIO"
    echo "set: {scale: $SCALE}"
    echo "replicates: $RUNS"
    [ -n "$2" ] && echo "$2"
    echo "strategies:"
    echo "  baseline: {}"
    for k in $(seq 2 "$STRATEGIES"); do
      echo "  police-x$k: {from: $FORK_AT, police.budget: $k}"
    done
  } >"$1"
}

TIMEFORMAT='%R %U %S'
declare -a rows=()
runs=$RUNS # runs in the mode measured next
measure() { # label, then the command; appends "label wall cpu runs" to rows
  local label=$1; shift
  local t
  t=$( { time "$@" >"$work/last.out" 2>"$work/last.err" ; } 2>&1 ) || {
    echo "bench-sweeps: '$label' failed:" >&2; cat "$work/last.err" >&2; exit 1; }
  local wall user sys
  read -r wall user sys <<<"$t"
  rows+=("$label|$wall|$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.1f", u+s}')|$runs")
  echo "  $label: ${wall}s" >&2
}

echo "bench-sweeps: $RUNS runs of $(basename "$SCENARIO") at scale $SCALE; $(nproc) CPUs;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" >&2

measure "sweep, 1 JVM, 1 thread" "$JAVA" -jar "$JAR" sweep "$work/bench.yaml" --threads 1 --out "$work/t1" --quiet
measure "sweep, 1 JVM, 2 threads" "$JAVA" -jar "$JAR" sweep "$work/bench.yaml" --threads 2 --out "$work/t2" --quiet
per_jvm() {
  for r in $(seq 1 "$RUNS"); do
    "$JAVA" -jar "$JAR" run "$SCENARIO" --set scale="$SCALE" --seed "$r" --out "$work/jvm/r$r" --quiet
  done
}
measure "1 JVM per run, one at a time" per_jvm
if [ "$STRATEGIES" -ge 2 ]; then
  fork_file "$work/forked.yaml" ""
  fork_file "$work/whole.yaml" "fork_at: none"
  runs=$((RUNS * STRATEGIES))
  measure "$STRATEGIES strategies forked, 1 thread" "$JAVA" -jar "$JAR" sweep "$work/forked.yaml" --threads 1 --out "$work/f1" --quiet
  measure "$STRATEGIES strategies whole, 1 thread" "$JAVA" -jar "$JAR" sweep "$work/whole.yaml" --threads 1 --out "$work/w1" --quiet
  measure "$STRATEGIES strategies forked, 2 threads" "$JAVA" -jar "$JAR" sweep "$work/forked.yaml" --threads 2 --out "$work/f2" --quiet
  cmp -s "$work/f1/runs.csv" "$work/f2/runs.csv" || { echo "bench-sweeps: forked runs.csv differs between 1 and 2 threads" >&2; exit 1; }
fi

cmp -s "$work/t1/runs.csv" "$work/t2/runs.csv" || { echo "bench-sweeps: runs.csv differs between 1 and 2 threads" >&2; exit 1; }
# The same run in its own JVM gives the same numbers: women_rescued of replicate 1 in both.
a=$(awk -F, 'NR==1{for(i=1;i<=NF;i++) if($i=="women_rescued") c=i} NR==2{print $c}' "$work/t1/runs.csv")
b=$(awk -F, 'NR==1{for(i=1;i<=NF;i++) if($i=="women_rescued") c=i} NR==2{print $c}' "$work/jvm/r1/summary.csv")
[ "$a" = "$b" ] || { echo "bench-sweeps: sweep and run disagree on replicate 1 ($a vs $b)" >&2; exit 1; }

printf '\n%-36s %6s %10s %10s %12s %16s\n' "mode (scale $SCALE)" "runs" "wall s" "CPU s" "runs/min" "runs/CPU-min"
for row in "${rows[@]}"; do
  IFS='|' read -r label wall cpu n <<<"$row"
  printf '%-36s %6s %10s %10s %12s %16s\n' "$label" "$n" "$wall" "$cpu" \
    "$(awk -v n="$n" -v w="$wall" 'BEGIN{printf "%.1f", 60*n/w}')" "$(awk -v n="$n" -v c="$cpu" 'BEGIN{printf "%.1f", 60*n/c}')"
done
echo "(runs.csv identical with 1 and 2 threads, forked or not; replicate 1 identical in the sweep and in its own JVM)"
