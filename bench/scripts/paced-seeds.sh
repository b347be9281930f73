#!/usr/bin/env bash
# The issue-10 latency runs over several seeds, with one core kept busy by another process (a line PC is
# never idle): for each seed, the paced demo at 30 m/min (20 m) and at 120 m/min (20 m), both stages.
# Run from the project root on an otherwise quiet machine; prints one line per run (paced_summary.py).
#   bench/scripts/paced-seeds.sh [OUT_DIR] [SEED...]      (default: /tmp/sinterscope-paced, seeds 7 8 9 10 11)
set -euo pipefail
out="${1:-/tmp/sinterscope-paced}"
shift || true
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(7 8 9 10 11)
mkdir -p "$out"
./sinterscope --help > /dev/null 2>&1   # build first, outside the timed runs
sh -c 'while :; do :; done' &
busy=$!
trap 'kill $busy 2>/dev/null || true' EXIT
for s in "${seeds[@]}"; do
  ./sinterscope demo --seed "$s" --no-web --json > "$out/paced30-$s.json" 2> "$out/paced30-$s.err" || true
  cp var/journal/station-1.jsonl "$out/paced30-$s.jsonl"
  ./sinterscope demo --seed "$s" --speed 120 --meters 20 --no-web --json > "$out/paced120-$s.json" 2> "$out/paced120-$s.err" || true
  cp var/journal/station-1.jsonl "$out/paced120-$s.jsonl"
done
kill $busy 2>/dev/null || true
python3 "$(dirname "$0")/paced_summary.py" "$out"
