#!/usr/bin/env bash
# Kill a training run with SIGKILL after its second epoch, start the same command again, and check that it resumed
# from its last checkpoint and ended with the same weights, byte for byte, as a run never interrupted.
set -euo pipefail
program=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$program" "$work/straight" "$work/straight.safetensors" 6 0 > "$work/straight.log"

"$program" "$work/ckpt" "$work/resumed.safetensors" 6 400 > "$work/first.log" &
pid=$!
for _ in $(seq 200); do
  grep -q '^epoch 2/6' "$work/first.log" && break
  sleep 0.05
done
kill -KILL "$pid"
wait "$pid" 2>/dev/null || true
if [ -e "$work/resumed.safetensors" ]; then echo "FAIL: the run finished before it was killed"; exit 1; fi
grep -q '^epoch 2/6' "$work/first.log" || { echo "FAIL: the run never reached epoch 2"; cat "$work/first.log"; exit 1; }

"$program" "$work/ckpt" "$work/resumed.safetensors" 6 0 > "$work/second.log"
if ! grep -Eq '^resumed from epoch [1-5]$' "$work/second.log"; then
  echo "FAIL: the second run did not resume:"; cat "$work/second.log"; exit 1
fi
grep -q '^epoch 6/6' "$work/second.log" || { echo "FAIL: the resumed run did not reach epoch 6"; exit 1; }
if ! cmp -s "$work/straight.safetensors" "$work/resumed.safetensors"; then
  echo "FAIL: the resumed run's weights differ from the uninterrupted run's"; exit 1
fi
echo "ok: $(head -1 "$work/second.log"), weights equal to the uninterrupted run's"
