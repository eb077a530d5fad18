#!/usr/bin/env bash
# Benchmarks of `reactions` at scale (not timed tests). Builds in release,
# generates Quotebank-format corpora if missing (in target/bench-data,
# git-ignored), indexes them, and prints markdown tables with the command
# behind each figure:
#   1. `reactions index` of the plain JSON Lines: time, peak memory, index
#      size against the JSON's;
#   2. `reactions --data IDX search QUERY --limit 100`, whole process, against
#      `fzf --filter QUERY` over the same quotations as lines (one per line,
#      "speaker: quotation"), alternating runs, medians and the ratio; with
#      `rg -c -i` as the floor of a scan;
#   3. per-keystroke latency of the explorer's search path (the search
#      worker) typing "lankov ammunition" on the index;
#   4. time to the explorer's first frame on the index (in tmux).
# Environment: RUNS (runs per figure, default 5), SIZES (default "1m"; "10m"
# adds the corpus written as 10 files, about 5.5 GB, and its 10 shards).
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
missing=()
need fzf || missing+=(fzf)
need rg || missing+=(ripgrep)
need tmux || missing+=(tmux)
[ -x /usr/bin/time ] || missing+=(time)
# The generator's vocabulary (it falls back to a small built-in one).
[ -s /usr/share/dict/american-english-large ] || missing+=(wamerican-large)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cargo build --release --quiet --bin reactions --example gen_quotebank --example keystrokes
BIN=target/release/reactions
GEN=target/release/examples/gen_quotebank
DATA=target/bench-data
mkdir -p "$DATA"
# Corpora and indexes from another version of the generator, the word list or
# the index layout are made again.
STAMP=$(cat examples/gen_quotebank.rs /usr/share/dict/american-english-large 2>/dev/null | sha256sum | cut -c1-16)
if [ "$(cat "$DATA/generator" 2>/dev/null)" != "$STAMP" ]; then
  rm -rf "$DATA"/quotes-* "$DATA"/index-*
  echo "$STAMP" > "$DATA/generator"
fi
RUNS=${RUNS:-5}
SIZES=${SIZES:-"1m"}
QUERIES=("lankov" "lankov ammunition" "a" "stagnarone ammunition")

TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
# Runs "$@" with GNU time, output thrown away; prints "seconds max_rss_kb".
measure() {
  /usr/bin/time -f "%e %M" -o "$TIMES" "$@" >/dev/null 2>/dev/null || true
  tail -1 "$TIMES"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Inputs of a size: the JSON Lines file(s) and the lines for fzf and rg.
inputs() {
  case "$1" in
    1m) echo "$DATA/quotes-1m.jsonl" ;;
    10m) ls "$DATA"/quotes-10m-*.jsonl ;;
  esac
}
for size in $SIZES; do
  case "$size" in
    1m)
      if [ ! -s "$DATA/quotes-1m.jsonl" ] || [ ! -s "$DATA/quotes-1m.txt" ]; then
        echo "generating $DATA/quotes-1m.jsonl ..." >&2
        "$GEN" --quotes 1000000 --out "$DATA/quotes-1m.jsonl" --lines "$DATA/quotes-1m.txt"
      fi ;;
    10m)
      if [ ! -s "$DATA/quotes-10m-10.jsonl" ] || [ ! -s "$DATA/quotes-10m.txt" ]; then
        echo "generating $DATA/quotes-10m-*.jsonl (10 files) ..." >&2
        "$GEN" --quotes 10000000 --files 10 --out "$DATA/quotes-10m.jsonl" --lines "$DATA/quotes-10m.txt"
      fi ;;
    *) echo "unknown size $size (1m, 10m)" >&2; exit 2 ;;
  esac
done

echo
echo "## Building the index"
echo
echo "$(nproc) cores. Command: \`$BIN index INPUT... --out IDX\`."
echo
echo "| corpus | files | JSON (MB) | build (s) | peak (MB) | index (MB) | index / JSON |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for size in $SIZES; do
  mapfile -t files < <(inputs "$size")
  idx="$DATA/index-$size"
  read -r t m < <(measure "$BIN" index "${files[@]}" --out "$idx")
  json=$(cat "${files[@]}" | wc -c)
  index=$(du -sb "$idx" | cut -f1)
  printf '| %s | %d | %d | %.1f | %d | %d | %.2f |\n' "$size" "${#files[@]}" $((json / 1048576)) "$t" \
    $((m / 1024)) $((index / 1048576)) "$(echo "$index / $json" | bc -l)"
done

echo
echo "## reactions search on the index vs fzf --filter (and rg -c -i)"
echo
echo "$(fzf --version | head -1 | sed 's/^/fzf /'), $(rg --version | head -1); medians of $RUNS alternating runs; peak is the largest max RSS."
echo
echo "| corpus | query | reactions (s) | fzf (s) | reactions / fzf | rg -c -i (s) | reactions peak (MB) | fzf peak (MB) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for size in $SIZES; do
  idx="$DATA/index-$size"
  lines="$DATA/quotes-$size.txt"
  for q in "${QUERIES[@]}"; do
    r_t=(); f_t=(); g_t=(); r_m=0; f_m=0
    for _ in $(seq "$RUNS"); do
      read -r t m < <(measure "$BIN" --data "$idx" search --limit 100 "$q")
      r_t+=("$t"); [ "$m" -gt "$r_m" ] && r_m=$m
      read -r t m < <(measure sh -c 'exec fzf --filter "$1" < "$2"' sh "$q" "$lines")
      f_t+=("$t"); [ "$m" -gt "$f_m" ] && f_m=$m
      read -r t _ < <(measure rg -c -i "${q%% *}" "$lines")
      g_t+=("$t")
    done
    rt=$(printf '%s\n' "${r_t[@]}" | median); ft=$(printf '%s\n' "${f_t[@]}" | median)
    gt=$(printf '%s\n' "${g_t[@]}" | median)
    printf '| %s | `%s` | %.3f | %.2f | %.4f | %.3f | %d | %d |\n' "$size" "$q" "$rt" "$ft" \
      "$(echo "$rt / $ft" | bc -l)" "$gt" $((r_m / 1024)) $((f_m / 1024))
  done
done
echo
echo "Commands (output to /dev/null, timed with \`/usr/bin/time -f '%e %M'\`):"
echo
echo "    $BIN --data $DATA/index-SIZE search --limit 100 QUERY"
echo "    fzf --filter QUERY < $DATA/quotes-SIZE.txt"
echo "    rg -c -i FIRST_WORD_OF_QUERY $DATA/quotes-SIZE.txt"

for size in $SIZES; do
  echo
  echo "## Per-keystroke latency on the $size index (search worker, limit 100)"
  echo
  echo "    target/release/examples/keystrokes --data $DATA/index-$size --query 'lankov ammunition'"
  echo
  target/release/examples/keystrokes --data "$DATA/index-$size" --query "lankov ammunition"
done

echo
echo "## First frame of the explorer on an index (tmux, 160x45)"
echo
echo "| corpus | runs | first frame (s, median) |"
echo "|---|---:|---:|"
for size in $SIZES; do
  ts=()
  for _ in $(seq "$RUNS"); do
    tmux kill-session -t bench 2>/dev/null || true
    start=$(date +%s.%N)
    tmux new-session -d -s bench -x 160 -y 45 "$BIN --data $DATA/index-$size"
    until tmux capture-pane -p -t bench 2>/dev/null | grep -q "Quotes ("; do sleep 0.002; done
    end=$(date +%s.%N)
    tmux kill-session -t bench 2>/dev/null || true
    ts+=("$(echo "$end - $start" | bc -l)")
  done
  printf '| %s | %s | %.3f |\n' "$size" "$RUNS" "$(printf '%s\n' "${ts[@]}" | median)"
done
echo
echo "Measured from starting \`$BIN --data IDX\` in a new tmux session to the Quotes pane on screen."

echo
echo "## Importing one long article: time against its size"
echo
echo "The test fixtures' articles joined on one line (no paragraph breaks), cut"
echo "to 3, 6 and 12 MB; \`rg -c said\` over the same file as the floor of a"
echo "scan. Medians of $RUNS runs."
echo
echo "| size (MB) | reactions import (s) | s per MB | peak (MB) | rg -c (s) |"
echo "|---:|---:|---:|---:|---:|"
cat tests/fixtures/articles/*.txt | tr '\n' ' ' > "$DATA/import-1.txt"
for mb in 3 6 12; do
  f="$DATA/import-$mb.txt"
  : > "$f"
  while [ "$(stat -c %s "$f")" -lt $((mb * 1000000)) ]; do cat "$DATA/import-1.txt" >> "$f"; done
  truncate -s $((mb * 1000000)) "$f"
  # A cut in the middle of a character is no valid UTF-8: back to a space.
  python3 -c "import sys; p=sys.argv[1]; b=open(p,'rb').read(); open(p,'wb').write(b[:b.rfind(b' ')])" "$f"
  its=(); gts=(); m=0
  for _ in $(seq "$RUNS"); do
    read -r t mm < <(measure "$BIN" import "$f" -o "$DATA/import-out.json")
    its+=("$t"); [ "$mm" -gt "$m" ] && m=$mm
    read -r g _ < <(measure rg -c said "$f")
    gts+=("$g")
  done
  it=$(printf '%s\n' "${its[@]}" | median)
  printf '| %d | %.2f | %.3f | %d | %.3f |\n' "$mb" "$it" "$(echo "$it / $mb" | bc -l)" $((m / 1024)) \
    "$(printf '%s\n' "${gts[@]}" | median)"
done
echo
echo "Command: \`$BIN import FILE -o OUT\`. Linear time shows as a constant s per MB."
