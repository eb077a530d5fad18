#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), all targets at once
# (each libFuzzer process on its own; on 2 cores they share them), on seed
# corpora written from the test fixtures (seeds.py) plus what earlier runs
# found (corpus/, git-ignored), and prints a markdown table: executions,
# coverage (libFuzzer's `cov` and `ft`), corpus size and crashes. Crashing
# inputs are kept in artifacts/TARGET/; the exit code is 1 if any.
#
#   bash fuzz/run.sh 900         # 15 minutes each
#   TARGETS="query bz2" bash fuzz/run.sh 20
#
# cargo-fuzz needs nightly features; on stable Rust they are enabled with
# RUSTC_BOOTSTRAP=1, as cargo-fuzz documents for such toolchains. Leak
# detection is off: glibc's registration of thread-local destructors for the
# indexing threads (32 bytes a thread, freed at exit) is reported as a leak.
set -uo pipefail
cd "$(dirname "$0")"
SECS=${1:-60}
ALL="dataset quotebank bz2 import_text import_html query index_open"
TARGETS=${TARGETS:-$ALL}
export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
python3 seeds.py
cargo fuzz build -O >/dev/null 2>build.log || { cat build.log; exit 2; }

# Inputs larger than these are cut: whole articles and datasets for the
# readers, a line or two for the query, a few operations for the index.
declare -A MAXLEN=([dataset]=262144 [quotebank]=65536 [bz2]=65536 [import_text]=131072
  [import_html]=131072 [query]=512 [index_open]=64)
mkdir -p logs
pids=()
for t in $TARGETS; do
  mkdir -p "corpus/$t" "artifacts/$t"
  cargo fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$SECS" -max_len="${MAXLEN[$t]}" -rss_limit_mb=2048 -timeout=20 \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="artifacts/$t/" >"logs/$t.log" 2>&1 &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || true; done

echo "| target | seconds | executions | exec/s | coverage (cov) | features (ft) | corpus | crashes |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
crashed=0
for t in $TARGETS; do
  log="logs/$t.log"
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  corpus=$(find "corpus/$t" -type f | wc -l)
  crashes=$(find "artifacts/$t" -type f | wc -l)
  [ "$crashes" -gt 0 ] && crashed=1
  echo "| $t | $SECS | ${execs:-?} | ${rate:-?} | ${cov:-?} | ${ft:-?} | $corpus | $crashes |"
done
exit $crashed
