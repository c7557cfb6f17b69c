#!/usr/bin/env bash
# The vkrl command as a user meets it: help, exit codes (0 ok, 1 error, 2 usage) and one-line errors.
# usage: cli_test.sh path/to/vkrl path/to/gif_info
set -u
vkrl=$1 gif_info=$2
source "$(dirname "$0")/expect.sh"

expect 0 0 'Subcommands:' -- "$vkrl"
expect 0 0 'Subcommands:' -- "$vkrl" --help
expect 0 0 '^vkrl 0\.' -- "$vkrl" --version
expect 2 1 "unknown command 'frobnicate'" -- "$vkrl" frobnicate
expect 2 1 'frobnicate' -- "$vkrl" info --frobnicate
expect 2 1 "expected auto, cpu, vulkan or vulkan:N, got 'gpu'" -- "$vkrl" info --device gpu
expect 2 1 "^vkrl: VKRL_DEVICE: expected auto" -- env VKRL_DEVICE=gpu "$vkrl" info
expect 1 1 'device vulkan:7 not found' -- env VKRL_DEVICE=vulkan:7 "$vkrl" info
expect 0 0 'llvmpipe' -- "$vkrl" info
expect 0 0 'no Vulkan driver' -- env VK_ICD_FILENAMES=/nonexistent/icd.json "$vkrl" info
expect 1 1 'device vulkan:0 not found: no Vulkan device' -- env VK_ICD_FILENAMES=/nonexistent/icd.json "$vkrl" info --device vulkan:0
for command in info train eval watch play experiment gtp; do
  expect 0 0 '--seed' -- "$vkrl" "$command" --help
done
expect 0 0 '--seed' -- "$vkrl" runs list --help
expect 0 0 'compare' -- "$vkrl" runs --help
expect 0 0 'envs' -- "$vkrl" bench --help
expect 0 0 'gemm' -- "$vkrl" bench --help
expect 0 0 '--shapes' -- "$vkrl" bench gemm --help
expect 2 1 'bench' -- "$vkrl" bench
# train: bad settings are one line naming the key (with a suggestion) or the preset; a tiny DQN run writes its run
# folder, refuses to overwrite its checkpoint, and plays through eval; a checkpoint is refused for another env.
cat >"$work/tiny.toml" <<'TOML'
frames = 1500
replay_start = 300
batch_size = 8
hidden_units = 16
conv_filters = 4
epsilon_frames = 500
checkpoint_every = 500
eval_episodes = 3
TOML
printf 'frames = 100\nlerning_rate = 0.1\n' >"$work/typo.toml"
expect 1 1 "unknown preset 'minatr'; did you mean 'minatar'\\?" -- "$vkrl" train --preset minatr
expect 1 1 "typo.toml:2: unknown config key 'lerning_rate'; did you mean 'learning_rate'\\?" -- \
  "$vkrl" train --config "$work/typo.toml"
expect 1 1 "^vkrl: --set: gamma: gamma must be in \\[0, 1\\]" -- "$vkrl" train --set gamma=2
expect 2 1 "unknown agent 'ppo'" -- "$vkrl" train --agent ppo
expect 0 0 'dqn after 1500 frames' -- "$vkrl" train --config "$work/tiny.toml" --run-dir "$work/runs" --run-name tiny --quiet
for file in tiny/metrics.csv tiny/learning_curve.png tiny/summary.md tiny/results.json tiny/checkpoint/online.safetensors \
            tiny/checkpoint/replay.zst; do
  [ -s "$work/runs/$file" ] || { echo "FAIL: train wrote no $file"; failures=$((failures + 1)); }
done
expect 2 1 'holds a checkpoint; pass --resume' -- "$vkrl" train --config "$work/tiny.toml" --run-dir "$work/runs" --run-name tiny
expect 0 0 '^return +[0-9]+\.[0-9]+ ± ' -- "$vkrl" eval --env minatar/breakout --agent "$work/runs/tiny" --episodes 2
expect 0 0 '^return +[0-9]+\.[0-9]+ ± ' -- "$vkrl" eval --env minatar/breakout --agent "$work/runs/tiny" --episodes 2 \
  --device vulkan
expect 1 1 'trained on minatar/breakout \(observations \[4, 10, 10\], 6 actions\), not on minatar/seaquest' -- \
  "$vkrl" eval --env minatar/seaquest --agent "$work/runs/tiny" --episodes 1
expect 2 1 "unknown Go agent 'mctz'; did you mean 'mcts'\\? valid: random, mcts" -- "$vkrl" gtp --agent mctz
# DQN trains on the power grid's flat observation (an MLP), and eval scores it beside DoNothing (L2RPN 2020 score).
expect 0 0 'dqn after 1500 frames' -- "$vkrl" train --env powergrid/case14,max_steps=100 --config "$work/tiny.toml" \
  --run-dir "$work/grid-runs" --run-name grid --quiet
expect 0 0 '^ +mean +-?[0-9]+\.[0-9]+ ' -- "$vkrl" eval --env powergrid/case14,max_steps=100 --agent "$work/grid-runs/grid" \
  --episodes 2
expect 0 0 '^ +1 +0\.00 +40 +40 ' -- "$vkrl" eval --env powergrid/case14 --agent do-nothing --episodes 1 --max-steps 40

# experiment: lists without a name, rejects an unknown one, and each Sutton & Barto experiment writes its run folder.
expect 0 0 'sb-cliff .*Figure 6.4' -- "$vkrl" experiment
expect 1 1 'device vulkan:7 not found' -- "$vkrl" experiment blobs2d --device vulkan:7 --run-dir "$work/runs"
expect 2 1 "^vkrl: experiment: unknown experiment 'nope'; valid: autoencoder, blobs2d, charlstm, electricity, fashion-cnn, fashion-cnn-bn-l2, fashion-mlp, optimizers, playground, sb-cliff" -- "$vkrl" experiment nope
expect 0 0 'max \|v - book\| = [0-9.e-]+ \(match\)' -- "$vkrl" experiment sb-gridworld --run-dir "$work/runs"
expect 0 0 'gridworld/windy +optimal 15 steps' -- "$vkrl" experiment sb-windy --run-dir "$work/runs" --seed 3
expect 0 0 'Q-learning +mean online return' -- "$vkrl" experiment sb-cliff --run-dir "$work/runs" --run-name cliff-a
expect 0 0 'training accuracy of the trained model: (9[7-9]|100)\.[0-9] %' -- "$vkrl" experiment blobs2d --run-dir "$work/runs"
for file in blobs2d/probability-class1.png blobs2d/loss.png sb-gridworld/fig3.5-optimal.png sb-gridworld/summary.md sb-windy/fig6.3.png sb-windy/metrics.csv \
            cliff-a/fig6.4.png cliff-a/route-sarsa.png cliff-a/flags.json; do
  [ -s "$work/runs/$file" ] || { echo "FAIL: experiment wrote no $file"; failures=$((failures + 1)); }
done
# runs: the folders just written, listed with their results; two compared side by side.
expect 0 0 '^cliff-a +sb-cliff +0 +q_learning_last100_return=' -- "$vkrl" runs list --run-dir "$work/runs"
expect 0 0 'sarsa_route_steps' -- "$vkrl" runs compare cliff-a sb-windy --run-dir "$work/runs"
expect 1 1 "^vkrl: no run 'nope' under $work/runs; runs: blobs2d, cliff-a, sb-gridworld, sb-windy, tiny$" -- \
  "$vkrl" runs compare cliff-a nope --run-dir "$work/runs"
expect 2 1 'runs: name an action: list or compare' -- "$vkrl" runs
grep -q 'Sarsa.s online return is above' "$work/runs/cliff-a/summary.md" ||
  { echo "FAIL: sb-cliff's summary does not put Sarsa above Q-learning"; failures=$((failures + 1)); }

# watch, play and eval: unknown names are one line listing the valid ones; watch records headless.
for command in eval watch; do
  expect 2 1 '--env is required' -- "$vkrl" "$command" --agent random
  expect 1 1 "^vkrl: unknown environment 'nowhere'; valid: .*gridworld/cliff" -- "$vkrl" "$command" --env nowhere --agent random
  expect 1 1 "^vkrl: unknown agent 'nobody'; valid: random" -- "$vkrl" "$command" --env gridworld/cliff --agent nobody
done
expect 1 1 "^vkrl: unknown environment 'nowhere'" -- "$vkrl" play --env nowhere
# Options after an env's name: one line naming the env, the key and the valid keys.
expect 1 1 "^vkrl: environment 'gridworld/cliff': unknown option 'x'; it takes no options$" -- \
  "$vkrl" eval --env gridworld/cliff,x=1 --agent random
# Tabular agents: value iteration walks the cliff's 13-step optimum.
expect 0 0 '^return +-13\.000 ± 0\.000' -- "$vkrl" eval --env gridworld/cliff --agent value-iteration --episodes 3
expect 0 0 '^return +-13\.000 ± 0\.000' -- "$vkrl" eval --env gridworld/cliff --agent q-learning --episodes 3
# A gridworld map file works as --env; a bad one is one line naming file, line and column.
printf 'wind: 0 1 0\nS.G\n...\n' >"$work/ok.map"
printf 'reward: -1\nS..#\n..G\n' >"$work/ragged.map"
printf 'S..x\n...G\n' >"$work/unknown.map"
printf '...\n..G\n' >"$work/nostart.map"
expect 0 0 '^episode length' -- "$vkrl" eval --env "$work/ok.map" --agent random --episodes 5
expect 1 1 "^vkrl: $work/ragged.map:3:4: row has 3 tiles, the first row has 4$" -- "$vkrl" eval --env "$work/ragged.map" --agent random
expect 1 1 "^vkrl: $work/unknown.map:1:4: unknown tile 'x'$" -- "$vkrl" watch --env "$work/unknown.map" --agent random
expect 1 1 "^vkrl: $work/nostart.map:1:1: no start tile 'S'" -- "$vkrl" eval --env "$work/nostart.map" --agent random
expect 1 1 '^vkrl: play needs a window: SDL_VIDEODRIVER=dummy' -- env SDL_VIDEODRIVER=dummy "$vkrl" play --env gridworld/cliff
expect 0 0 '^return +-?[0-9]+\.[0-9]+ ± [0-9]+\.[0-9]+ \(mean ± standard error\)$' -- \
  "$vkrl" eval --env gridworld/cliff --agent random --episodes 20 --seed 1 --csv "$work/eval.csv"
grep -qE '^episode length +[0-9.]+ steps' "$out" && grep -qE '^speed +[0-9]+ steps/s' "$out" ||
  { echo "FAIL: eval prints no episode length or speed line"; failures=$((failures + 1)); }
[ "$(wc -l <"$work/eval.csv")" -eq 21 ] && head -1 "$work/eval.csv" | grep -q '^episode,return,length,truncated$' ||
  { echo "FAIL: eval --csv wrote no header and 20 rows"; failures=$((failures + 1)); }
# The same seed prints the same numbers (the speed line aside).
"$vkrl" eval --env gridworld/cliff --agent random --episodes 20 --seed 1 | grep -v '^speed' >"$work/a"
"$vkrl" eval --env gridworld/cliff --agent random --episodes 20 --seed 1 | grep -v '^speed' >"$work/b"
cmp -s "$work/a" "$work/b" || { echo "FAIL: eval with the same seed printed different numbers"; failures=$((failures + 1)); }
expect 0 0 "wrote $work/cliff.gif \([0-9]+ frames\)" -- env SDL_VIDEODRIVER=dummy \
  "$vkrl" watch --env gridworld/cliff --agent random --max-steps 20 --record "$work/cliff.gif" --screenshot "$work/last.png"
expect 0 0 '^[0-9]+x[0-9]+ 21 frames ([2-9]|[1-9][0-9]+) distinct$' -- "$gif_info" "$work/cliff.gif"
[ "$(head -c 8 "$work/last.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
  { echo "FAIL: watch --screenshot wrote no PNG"; failures=$((failures + 1)); }
# MinAtar: an unknown option names the valid ones; watch records Seaquest headless, frames differing.
expect 1 1 "^vkrl: environment 'minatar/breakout': unknown option 'frameskip'; valid: sticky, ramping, minimal_actions, pixels$" -- \
  "$vkrl" eval --env minatar/breakout,frameskip=4 --agent random
expect 0 0 '^return +[0-9]+\.[0-9]+ ± ' -- "$vkrl" eval --env minatar/breakout,sticky=0,pixels=true --agent random --episodes 3
expect 0 0 "wrote $work/seaquest.gif \([0-9]+ frames\)" -- env SDL_VIDEODRIVER=dummy \
  "$vkrl" watch --env minatar/seaquest --agent random --max-steps 100 --record "$work/seaquest.gif"
expect 0 0 '^[0-9]+x[0-9]+ [0-9]+ frames ([2-9]|[1-9][0-9]+) distinct$' -- "$gif_info" "$work/seaquest.gif"
expect 0 0 '^breakout +[0-9]+ +[0-9]+ ' -- "$vkrl" bench envs --games breakout --seconds 0.05
expect 2 1 "unknown MinAtar game 'pong'" -- "$vkrl" bench envs --games pong
expect 2 1 "'sq' is not sqN" -- "$vkrl" bench gemm --shapes sq
expect 0 0 'sq64 .*[0-9]' -- "$vkrl" bench gemm --shapes sq64,7x9x5 --seconds 0.01

finish CLI
