#!/usr/bin/env bash
# The course's network experiments with tiny settings, as a user runs them: fashion-mlp on a slice of Fashion-MNIST
# (alone and as a grid ranked by test accuracy), playground, optimizers and charlstm; each run folder must hold its
# files.
# usage: experiments_cli_test.sh path/to/vkrl
set -u
vkrl=$1
failures=0
work=$(mktemp -d) log=$(mktemp)
trap 'rm -rf "$work" "$log"' EXIT

# run PATTERN -- ARGS...: exit code 0 and the output matching PATTERN.
run() {
  local pattern=$1; shift 2
  if "$@" >"$log" 2>&1 && grep -qE -- "$pattern" "$log"; then
    echo "ok: $*"
  else
    echo "FAIL: $* (pattern '$pattern')"; tail -5 "$log" | sed 's/^/  /'
    failures=$((failures + 1))
  fi
}

# has RUN FILE...: each file exists and is not empty.
has() {
  local dir=$work/runs/$1; shift
  for file in "$@"; do
    [ -s "$dir/$file" ] || { echo "FAIL: $dir has no $file"; failures=$((failures + 1)); }
  done
}

tiny=(--set train_limit=1000 --set test_limit=300 --set epochs=2 --set hidden_units=32)
run 'fashion-mlp: test accuracy [0-9.]+ %' -- "$vkrl" experiment fashion-mlp "${tiny[@]}" --run-dir "$work/runs"
has fashion-mlp flags.json metrics.csv learning-curves.png confusion.png results.json summary.md
grep -q '"test_accuracy"' "$work/runs/fashion-mlp/results.json" || { echo "FAIL: results.json lacks test_accuracy"; failures=$((failures + 1)); }
grep -q 'MLP 256-128-100' "$work/runs/fashion-mlp/summary.md" || { echo "FAIL: summary.md lacks the baselines"; failures=$((failures + 1)); }
# metrics.csv: a header and one row per epoch run (2, or fewer if stopped early).
rows=$(($(wc -l <"$work/runs/fashion-mlp/metrics.csv") - 1))
[ "$rows" -ge 1 ] && [ "$rows" -le 2 ] || { echo "FAIL: metrics.csv has $rows epoch rows"; failures=$((failures + 1)); }

run 'rank .*test_accuracy' -- "$vkrl" experiment fashion-mlp "${tiny[@]}" --grid dropout=0.2,0.5 --run-dir "$work/runs"
has fashion-mlp-dropout0.2 results.json
has fashion-mlp-dropout0.5 results.json

run 'spiral .*test loss' -- "$vkrl" experiment playground --set points=100 --set epochs=3 --run-dir "$work/runs"
has playground playground-two-blobs.png playground-xor.png playground-circle.png playground-spiral.png summary.md

run 'nadam .*test accuracy' -- "$vkrl" experiment optimizers --set train_limit=300 --set test_limit=100 --set epochs=2 \
  --run-dir "$work/runs"
has optimizers loss-curves.png results.json summary.md
[ "$(grep -c '^| ' "$work/runs/optimizers/summary.md")" -eq 13 ] || { echo "FAIL: optimizers table lacks rows"; failures=$((failures + 1)); }

# charlstm: a tiny LSTM on the fortunes-es corpus writes its files; an empty corpus file is one line on stderr, exit 1.
run 'held-out perplexity [0-9.]+' -- "$vkrl" experiment charlstm --set units=16 --set seq=8 --set batch=4 \
  --set updates=6 --set eval_every=3 --set eval_chars=256 --set samples=2 --set sample_length=20 --run-dir "$work/runs"
has charlstm metrics.csv perplexity.png results.json summary.md
grep -q 'Temperature 0.5' "$work/runs/charlstm/summary.md" || { echo "FAIL: charlstm summary lacks samples"; failures=$((failures + 1)); }
: >"$work/empty.u8"
"$vkrl" experiment charlstm --set corpus="$work/empty.u8" --run-dir "$work/runs" >/dev/null 2>"$log"
code=$?
if [ "$code" -ne 1 ] || [ "$(wc -l <"$log")" -ne 1 ] || ! grep -q 'empty.u8: the corpus file is empty' "$log"; then
  echo "FAIL: an empty corpus gave exit $code and: $(cat "$log")"; failures=$((failures + 1))
else
  echo "ok: an empty corpus file is one line, exit 1"
fi

[ "$failures" -eq 0 ] && echo "all passed" || echo "$failures failed"
exit $((failures > 0))
