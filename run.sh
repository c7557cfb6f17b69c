#!/usr/bin/env bash
# Installs what is missing (apt-get), builds, and runs the main job: `vkrl info` (the devices and the backend chosen),
# then DQN with the MinAtar paper's settings trained on MinAtar Breakout for 150k frames (about 2-3 minutes on 2 cores),
# evaluated beside the random policy and the paper, with its learning curve in runs/dqn-breakout/. A run stopped
# midway continues from its last checkpoint when run.sh is started again. With arguments, runs `vkrl ARGS...` instead.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-deps.sh
# The build is quiet when it succeeds and shows its whole log when it fails.
if ! build_log=$(./scripts/build.sh 2>&1); then
  echo "$build_log"
  exit 1
fi
if [ $# -gt 0 ]; then
  exec build/vkrl "$@"
fi
build/vkrl info
echo
build/vkrl train --env minatar/breakout --agent dqn --preset minatar --frames 150000 --seed 0 \
  --run-name dqn-breakout --resume
