#!/usr/bin/env bash
# A DQN run killed with SIGKILL at a random moment and restarted with --resume until it finishes ends with exactly the
# weights, target net, optimizer state and metrics.csv of an uninterrupted run with the same seed (CPU backend).
# usage: train_kill_test.sh path/to/vkrl
set -u
vkrl=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/tiny.toml" <<'TOML'
frames = 4000
replay_start = 300
batch_size = 8
hidden_units = 16
conv_filters = 4
num_envs = 2
epsilon_frames = 1000
checkpoint_every = 400
eval_episodes = 2
TOML
args=(train --config "$work/tiny.toml" --device cpu --seed 5 --quiet --run-name run)

start=$(date +%s%N)
"$vkrl" "${args[@]}" --run-dir "$work/straight" >/dev/null || { echo "FAIL: the uninterrupted run failed"; exit 1; }
run_ms=$((($(date +%s%N) - start) / 1000000))

kills=0 finished=0
for attempt in $(seq 1 20); do
  "$vkrl" "${args[@]}" --run-dir "$work/killed" --resume >"$work/log" 2>&1 &  # $! is vkrl itself
  pid=$!
  # A random moment between a tenth and four fifths of the uninterrupted run's time, so that the first attempt, which
  # starts from nothing, is always killed, on a fast machine or a slow one.
  ms=$((run_ms / 10 + RANDOM % (run_ms * 7 / 10 + 1)))
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null
    kills=$((kills + 1))
  else
    wait "$pid" || { echo "FAIL: a resumed run failed"; cat "$work/log"; exit 1; }
    finished=1
    break
  fi
done
[ "$kills" -gt 0 ] || { echo "FAIL: the run finished before any kill"; exit 1; }
# On a loaded machine every attempt may be killed before the end: the last resume then runs to completion.
if [ "$finished" -eq 0 ]; then
  "$vkrl" "${args[@]}" --run-dir "$work/killed" --resume >"$work/log" 2>&1 || {
    echo "FAIL: the last resumed run failed"; cat "$work/log"; exit 1; }
fi
echo "killed $kills times; $(grep -o 'resumed run at frame [0-9]*' "$work/log" || echo 'finished in one go')"

status=0
for f in checkpoint/online.safetensors checkpoint/target.safetensors checkpoint/optimizer.safetensors \
         checkpoint/replay.zst metrics.csv; do
  if cmp -s "$work/straight/run/$f" "$work/killed/run/$f"; then echo "same: $f"; else echo "FAIL: $f differs"; status=1; fi
done
exit $status
