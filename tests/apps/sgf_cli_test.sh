#!/usr/bin/env bash
# vkrl sgf: a record replayed to its final position and area score (worked out by hand), and one-line errors with
# exit 1 for malformed files (position in the file) and illegal moves (the move).
# usage: sgf_cli_test.sh path/to/vkrl
set -u
vkrl=$1
source "$(dirname "$0")/expect.sh"

expect 0 0 'file' -- "$vkrl" sgf --help
expect 2 1 'file is required' -- "$vkrl" sgf
# Black's two setup stones wall off the corner A5 (3 points); after C3 and W D2 every other empty point reaches both
# colours: Black 3 + 1, White 1, komi 0.5: B+2.5.
printf '(;GM[1]FF[4]SZ[5]KM[0.5]PB[Ann]PW[Bo]RE[B+2.5]AB[ba][ab];B[cc];W[dd];B[];W[])\n' >"$work/game.sgf"
expect 0 0 '^area score B\+2\.5$' -- "$vkrl" sgf "$work/game.sgf"
expect 0 0 '^black Ann  white Bo  recorded result B\+2\.5$' -- "$vkrl" sgf "$work/game.sgf"
expect 0 0 '^setup stones 2 black, 0 white; 4 moves in the main line$' -- "$vkrl" sgf "$work/game.sgf"
expect 0 0 "^wrote $work/final.png$" -- "$vkrl" sgf "$work/game.sgf" --png "$work/final.png"
printf '(;GM[1]SZ[9]\n;B[cc];W[dd\n' >"$work/unclosed.sgf"
expect 1 1 "^vkrl: $work/unclosed.sgf:2:9: unbalanced '\[': the value is never closed$" -- "$vkrl" sgf "$work/unclosed.sgf"
printf '(;GM[1]SZ[9];B[cc];W[zz])' >"$work/coordinate.sgf"
expect 1 1 "^vkrl: $work/coordinate.sgf:1:22: bad coordinate \[zz\] on a 9x9 board$" -- "$vkrl" sgf "$work/coordinate.sgf"
printf '(;GM[1]SZ[25];B[cc])' >"$work/size.sgf"
expect 1 1 "^vkrl: $work/size.sgf:1:11: unsupported board size SZ\[25\]" -- "$vkrl" sgf "$work/size.sgf"
printf '(;GM[1]SZ[5];B[cc];W[cc])' >"$work/occupied.sgf"
expect 1 1 "^vkrl: $work/occupied.sgf: sgf move 2: .*illegal move C3 for white: the point is occupied$" -- \
  "$vkrl" sgf "$work/occupied.sgf"
expect 1 1 "^vkrl: $work/missing.sgf: cannot open the file$" -- "$vkrl" sgf "$work/missing.sgf"

finish sgf
