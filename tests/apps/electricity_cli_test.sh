#!/usr/bin/env bash
# vkrl experiment electricity as a user runs it, on the first 20 days of the repository's series with tiny settings
# (one setting per model, 2 epochs per net): the five-model table printed, the run folder's files; and a series with
# a gap in its timestamps or a non-numeric demand: exit 1 and one line naming the row.
# usage: electricity_cli_test.sh path/to/vkrl path/to/taylor_2000.csv
set -u
vkrl=$1 series=$2
source "$(dirname "$0")/expect.sh"

head -n 961 "$series" >"$work/short.csv"  # the header and 20 days of half hours
tiny=(--set data="$work/short.csv" --set epochs=2 --set ridge_lambda=1 --set svr_c=1 --set svr_gamma=0.05
      --set svr_epsilon=0.02 --set ff_units=8 --run-dir "$work/runs")
expect 0 0 '^feedforward +[0-9]+\.[0-9]{2} +[0-9]+\.[0-9]{2}' -- "$vkrl" experiment electricity "${tiny[@]}"
for model in 'LSTM' 'convolutional' 'ridge regression' 'SVR, RBF kernel'; do
  grep -qE "^$model +[0-9]+\.[0-9]{2} +[0-9]+\.[0-9]{2}" "$out" ||
    { echo "FAIL: the table printed has no row for $model"; failures=$((failures + 1)); }
done
for file in flags.json metrics.csv results.json summary.md test-week.png conv-weights.png; do
  [ -s "$work/runs/electricity/$file" ] || { echo "FAIL: the run folder has no $file"; failures=$((failures + 1)); }
done
# summary.md: the table's header, its rule and five rows, with the course's numbers beside this run's.
[ "$(grep -c '^| ' "$work/runs/electricity/summary.md")" -eq 7 ] ||
  { echo "FAIL: summary.md lacks the five-model table"; failures=$((failures + 1)); }
grep -q '^| ridge regression | [0-9.]* | [0-9.]* | 29.83 | 31.51 |' "$work/runs/electricity/summary.md" ||
  { echo "FAIL: summary.md lacks the course's ridge regression row"; failures=$((failures + 1)); }

sed '101d' "$work/short.csv" >"$work/gap.csv"  # 2000-06-07T01:30 left out
expect 1 1 "^vkrl: $work/gap.csv:101: timestamp 2000-06-07T02:00:00Z is 60 minutes after the previous row's \
2000-06-07T01:00:00Z \(a gap" -- \
  "$vkrl" experiment electricity --set data="$work/gap.csv" --run-dir "$work/runs"
sed '57s/,.*/,n\/a/' "$work/short.csv" >"$work/text.csv"
expect 1 1 "^vkrl: $work/text.csv:57: column 'demand_mw': 'n/a' is not a number$" -- \
  "$vkrl" experiment electricity --set data="$work/text.csv" --run-dir "$work/runs"
expect 2 1 "svr_c='1;10' is not a comma-separated list of numbers" -- \
  "$vkrl" experiment electricity --set 'svr_c=1;10' --run-dir "$work/runs"

finish electricity
