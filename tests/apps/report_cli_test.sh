#!/usr/bin/env bash
# vkrl report and the experiments it gathers: tiny autoencoder and vae runs write their files; the report page holds
# every experiment that ran (its summary, figures as data URIs, the command that reproduces it); an empty run folder
# is one clear error line; and `experiment --list` names each experiment's published reference.
# usage: report_cli_test.sh path/to/vkrl
set -u
vkrl=$1
source "$(dirname "$0")/expect.sh"
runs=$work/runs

expect 0 0 'report.html' -- "$vkrl" report --help
expect 0 0 '--run-dir' -- "$vkrl" report --help
expect 1 1 "^vkrl: report: no experiment runs under $work/empty " -- "$vkrl" report --run-dir "$work/empty"
expect 0 0 'sb-cliff .*\[Sutton & Barto Fig 6.4' -- "$vkrl" experiment --list
expect 0 0 'vae .*\[Kingma & Welling 2014' -- "$vkrl" experiment --list

expect 0 - '8-3-8 autoencoder: [0-8] of 8 inputs reconstructed' -- "$vkrl" experiment autoencoder --run-dir "$runs" \
  --set identity_epochs=100 --set train_limit=300 --set test_limit=200 --set epochs=1 --set batch=100
for file in flags.json metrics.csv results.json summary.md latent.png decoded-grid.png; do
  [ -s "$runs/autoencoder/$file" ] || { echo "FAIL: autoencoder wrote no $file"; failures=$((failures + 1)); }
done
expect 0 - 'vae: test loss [0-9.]+ nats per image' -- "$vkrl" experiment vae --run-dir "$runs" --run-name vae-tiny \
  --set train_limit=300 --set test_limit=200 --set epochs=1 --set batch=100
for file in flags.json metrics.csv results.json summary.md samples.png latent.png decoded-grid.png loss.png; do
  [ -s "$runs/vae-tiny/$file" ] || { echo "FAIL: vae wrote no $file"; failures=$((failures + 1)); }
done

# A figure that the summary does not show still makes the page, after the summary.
cp "$runs/vae-tiny/latent.png" "$runs/vae-tiny/extra.png"
expect 0 0 'report: 2 experiments \(autoencoder, vae\)' -- "$vkrl" report --run-dir "$runs"
page=$runs/report.html
check_page() {
  grep -qF -- "$1" "$page" || { echo "FAIL: report.html lacks '$1'"; failures=$((failures + 1)); }
}
check_page '<section id="autoencoder">'
check_page '<section id="vae">'
check_page 'build/vkrl experiment autoencoder --seed 0 --set batch=100 --set epochs=1 --set identity_epochs=100'
check_page '--run-name vae-tiny</pre>'
check_page '<img alt="latent plane" src="data:image/png;base64,iVBORw0KGgo'
check_page '<img alt="samples" src="data:image/png;base64,'
check_page '<p><img alt="extra.png" src="data:image/png;base64,'
check_page 'The 8-3-8 identity autoencoder</h3>'
# Figures are inside the page, never links to files beside it.
if grep -qE 'src="[^d][^"]*\.png"' "$page"; then echo "FAIL: report.html links a PNG file"; failures=$((failures + 1)); fi

finish report
