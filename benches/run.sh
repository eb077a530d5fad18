#!/usr/bin/env bash
# Benchmarks of `reactions` at scale (not timed tests): builds in release,
# generates Quotebank-format corpora of 100k and 1M quotes if missing (in
# target/bench-data, git-ignored), and prints markdown tables with the
# command behind each figure:
#   1. `reactions search QUERY --data corpus` against `fzf --filter QUERY` over
#      the same quotations, one per line ("speaker: quotation"), alternating,
#      median wall time of several runs, and the ratio;
#   2. peak memory (max RSS from GNU time) of the same runs;
#   3. per-keystroke latency of the explorer's search path at 1M quotes;
#   4. load time of the 1M corpus, plain and bzip2.
# Environment: RUNS (runs per figure, default 5 at 100k, 3 at 1M), SIZES
# (default "100k 1m"), QUERIES is fixed: lankov, "lankov ammunition", a.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
if ! need fzf || [ ! -x /usr/bin/time ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fzf time >/dev/null
fi
# The generator's vocabulary (it falls back to a small built-in one).
if [ ! -s /usr/share/dict/american-english-large ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wamerican-large >/dev/null
fi

cargo build --release --quiet --bin reactions --example gen_quotebank --example keystrokes
BIN=target/release/reactions
GEN=target/release/examples/gen_quotebank
DATA=target/bench-data
mkdir -p "$DATA"
# Corpora from another version of the generator or word list are made again.
STAMP=$(cat examples/gen_quotebank.rs /usr/share/dict/american-english-large 2>/dev/null | sha256sum | cut -c1-16)
if [ "$(cat "$DATA/generator" 2>/dev/null)" != "$STAMP" ]; then
  rm -f "$DATA"/quotes-*
  echo "$STAMP" > "$DATA/generator"
fi

declare -A QUOTES=([100k]=100000 [1m]=1000000)
SIZES=${SIZES:-"100k 1m"}
for size in $SIZES; do
  if [ ! -s "$DATA/quotes-$size.jsonl" ] || [ ! -s "$DATA/quotes-$size.txt" ]; then
    echo "generating $DATA/quotes-$size.jsonl ..." >&2
    "$GEN" --quotes "${QUOTES[$size]}" --out "$DATA/quotes-$size.jsonl" --lines "$DATA/quotes-$size.txt"
  fi
done
if [[ " $SIZES " == *" 1m "* ]] && [ ! -s "$DATA/quotes-1m.jsonl.bz2" ]; then
  echo "compressing $DATA/quotes-1m.jsonl.bz2 ..." >&2
  if need bzip2; then
    bzip2 -k -c "$DATA/quotes-1m.jsonl" > "$DATA/quotes-1m.jsonl.bz2.part"
    mv "$DATA/quotes-1m.jsonl.bz2.part" "$DATA/quotes-1m.jsonl.bz2"
  else
    "$GEN" --quotes 1000000 --out "$DATA/quotes-1m.jsonl.bz2"
  fi
fi

# Runs "$@" with GNU time; prints "seconds max_rss_kb".
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
measure() {
  /usr/bin/time -f "%e %M" -o "$TIMES" "$@" >/dev/null 2>/dev/null || true
  tail -1 "$TIMES"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo
echo "## reactions search vs fzf --filter"
echo
echo "$(nproc) cores; $(fzf --version | head -1 | sed 's/^/fzf /'); medians of alternating runs; peak memory is the largest max RSS of the runs."
echo
echo "| corpus | query | runs | reactions (s) | fzf (s) | reactions / fzf | reactions peak (MB) | fzf peak (MB) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for size in $SIZES; do
  runs=${RUNS:-$([ "$size" = 1m ] && echo 3 || echo 5)}
  for q in "lankov" "lankov ammunition" "a"; do
    r_t=(); f_t=(); r_m=0; f_m=0
    for _ in $(seq "$runs"); do
      read -r t m < <(measure "$BIN" search "$q" --data "$DATA/quotes-$size.jsonl")
      r_t+=("$t"); [ "$m" -gt "$r_m" ] && r_m=$m
      read -r t m < <(measure sh -c 'exec fzf --filter "$1" < "$2"' sh "$q" "$DATA/quotes-$size.txt")
      f_t+=("$t"); [ "$m" -gt "$f_m" ] && f_m=$m
    done
    rt=$(printf '%s\n' "${r_t[@]}" | median); ft=$(printf '%s\n' "${f_t[@]}" | median)
    printf '| %s | `%s` | %s | %.2f | %.2f | %.2f | %d | %d |\n' "$size" "$q" "$runs" "$rt" "$ft" \
      "$(echo "$rt / $ft" | bc -l)" $((r_m / 1024)) $((f_m / 1024))
  done
done
echo
echo "Commands (output to /dev/null, timed with \`/usr/bin/time -f '%e %M'\`):"
echo
echo "    $BIN search QUERY --data $DATA/quotes-SIZE.jsonl"
echo "    fzf --filter QUERY < $DATA/quotes-SIZE.txt"

if [[ " $SIZES " == *" 1m "* ]]; then
  echo
  echo "## Per-keystroke latency at 1M quotes (SearchWorker, limit 100)"
  echo
  echo "    target/release/examples/keystrokes --data $DATA/quotes-1m.jsonl --query lankov"
  echo
  target/release/examples/keystrokes --data "$DATA/quotes-1m.jsonl" --query lankov
  echo
  echo "## Load time of the 1M-quote corpus"
  echo
  echo "| file | size (MB) | runs | load (s, median) | peak (MB) |"
  echo "|---|---:|---:|---:|---:|"
  for f in quotes-1m.jsonl quotes-1m.jsonl.bz2; do
    runs=3; [ "${f##*.}" = bz2 ] && runs=2
    ts=(); pm=0
    for _ in $(seq "$runs"); do
      read -r t m < <(measure "$BIN" --data "$DATA/$f" categories)
      ts+=("$t"); [ "$m" -gt "$pm" ] && pm=$m
    done
    printf '| %s | %d | %s | %.2f | %d |\n' "$f" $(( $(stat -c %s "$DATA/$f") / 1048576 )) "$runs" \
      "$(printf '%s\n' "${ts[@]}" | median)" $((pm / 1024))
  done
  echo
  echo "Command: \`$BIN --data $DATA/FILE categories\` (load, index, print the 24 month categories)."
fi
