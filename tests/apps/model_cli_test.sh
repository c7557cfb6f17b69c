#!/usr/bin/env bash
# vkrl model: the layer table of each example spec in models/, and one-line errors (exit 1) for malformed specs.
# usage: model_cli_test.sh path/to/vkrl path/to/models
set -u
vkrl=$1 models=$2
source "$(dirname "$0")/expect.sh"

expect 0 0 'file' -- "$vkrl" model --help
expect 0 0 '--seed' -- "$vkrl" model --help
expect 2 1 'file is required' -- "$vkrl" model
# MinAtar's DQN: conv 16 3x3 (4*9*16 + 16 = 592), dense 1024 -> 128 (131,200), dense 128 -> 6 (774).
expect 0 0 'conv2d \(Conv2D\) +\(None, 16, 8, 8\) +592$' -- "$vkrl" model "$models/minatar-dqn.json"
expect 0 0 'dense_1 \(Dense\) +\(None, 6\) +774$' -- "$vkrl" model "$models/minatar-dqn.json"
expect 0 0 '^Total params: 132,566$' -- "$vkrl" model "$models/minatar-dqn.json" --seed 3
# The Fashion CNN: batch norm's running statistics are the non-trainable parameters (2 * (16 + 32)).
expect 0 0 'batchnorm_1 \(BatchNorm\) +\(None, 32, 14, 14\) +128$' -- "$vkrl" model "$models/fashion-cnn.toml"
expect 0 0 '^Non-trainable params: 96$' -- "$vkrl" model "$models/fashion-cnn.toml"

printf '{"input": [4], "layers": [{"type": "dense", "units": 8}, {"type": "dense", "unit": 2}]}' >"$work/typo.json"
expect 1 1 "^vkrl: $work/typo.json: layers\[1\].unit: unknown key 'unit'; did you mean 'units'\? valid: units, " -- "$vkrl" model "$work/typo.json"
printf 'input = [4]\n[[layers]]\ntype = "dense"\nunits = -3\n' >"$work/negative.toml"
expect 1 1 "^vkrl: $work/negative.toml: layers\[0\].units: must be at least 1, got -3$" -- "$vkrl" model "$work/negative.toml"
printf '{"input": [4], "layers": [' >"$work/broken.json"
expect 1 1 "^vkrl: $work/broken.json: not valid JSON at line 1" -- "$vkrl" model "$work/broken.json"
expect 1 1 "^vkrl: $work/missing.json: cannot open the model spec$" -- "$vkrl" model "$work/missing.json"

finish model
