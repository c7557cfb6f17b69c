#!/usr/bin/env python3
"""Drives `vkrl gtp` through one scripted session of good and malformed lines and checks every reply.
usage: gtp_session_test.py path/to/vkrl
Each entry is a line sent and the reply it must get (a regular expression over the whole reply, ids included), or
None for a line GTP ignores (empty, comment, blanks). The engine must answer everything, exit 0 after quit, and do it
within the time limit (a hang fails)."""
import os, re, subprocess, sys, tempfile

vkrl = sys.argv[1]
work = tempfile.mkdtemp()
good_sgf = os.path.join(work, "good.sgf")
bad_sgf = os.path.join(work, "bad.sgf")
with open(good_sgf, "w") as f:
    f.write("(;FF[4]GM[1]SZ[7]KM[0.5]AB[aa][bb]AW[gg];B[cc];W[dd](;B[ee])(;B[ff]))")
with open(bad_sgf, "w") as f:
    f.write("(;FF[4]SZ[7]\n;B[cc];W[dd")

LIST = "\n".join(["protocol_version", "name", "version", "known_command", "list_commands", "boardsize", "clear_board",
                  "komi", "play", "genmove", "undo", "showboard", "final_score", "time_settings", "time_left", "loadsgf",
                  "printsgf", "quit"])
MOVE = r"([A-HJ-T]([1-9]|1[0-9])|pass)"
session = [
    ("protocol_version", r"= 2"),
    ("1 protocol_version", r"=1 2"),
    ("name", r"= vkrl"),
    ("version", r"= 0\.1\.0"),
    ("known_command play", r"= true"),
    ("known_command frobnicate", r"= false"),
    ("known_command", r"\? syntax error: known_command needs 1 argument"),
    ("list_commands", "= " + LIST),
    ("", None),
    ("# a comment line", None),
    (" \t  ", None),
    ("2 frobnicate", r"\?2 unknown command"),
    ("boardsize 99999999999999999999999", r"\? unacceptable size"),
    ("boardsize 25", r"\? unacceptable size"),
    ("boardsize 4", r"\? unacceptable size"),
    ("boardsize -9", r"\? unacceptable size"),
    ("boardsize nine", r"\? boardsize not an integer"),
    ("boardsize", r"\? syntax error: boardsize needs 1 argument"),
    ("3 boardsize 9 # with a comment", r"=3"),
    ("clear_board", r"="),
    ("komi 7.5", r"="),
    ("komi lots", r"\? komi not a float"),
    ("play b D4", r"="),
    ("play w D4", r"\? illegal move"),
    ("play b Z9", r"\? invalid coordinate"),
    ("play b I5", r"\? invalid coordinate"),
    ("play b J10", r"\? invalid coordinate"),
    ("play b D0", r"\? invalid coordinate"),
    ("play purple C3", r"\? invalid color"),
    ("play b", r"\? syntax error: play needs a colour and a vertex"),
    ("PLAY b A2", r"\? unknown command"),  # command names are case-sensitive
    ("play B a2", r"="),
    ("play black B1", r"="),
    ("play w A1", r"\? illegal move"),  # suicide
    ("final_score", r"= B\+73\.5"),
    ("showboard", r"=\s*\n\s+A B C D E F G H J\n\s+9 (\. ){9}9\n(.*\n){4}\s+4 \. \. \. X (\. ){5}4\n(.*\n){3}\s+A B C D E F G H J\nwhite to play, move 3"),
    ("play w pass", r"="),
    ("play b pass", r"="),
    ("play w E5", r"="),  # after two passes the controller may go on
    ("10 genmove w", r"=10 " + MOVE),
    ("undo", r"="),
    ("undo", r"="),
    ("undo", r"="),
    ("undo", r"="),
    ("undo", r"="),
    ("undo", r"="),
    ("undo", r"="),
    ("undo", r"\? cannot undo"),
    ("time_settings 300 30 5", r"="),
    ("time_settings 300 thirty 5", r"\? syntax error: time_settings needs three non-negative integers"),
    ("time_left b 120 0", r"="),
    ("time_left b soon 0", r"\? syntax error: time_left needs integers"),
    ("genmove b", r"= " + MOVE),
    ("genmove", r"\? syntax error: genmove needs a colour"),
    ("loadsgf /nonexistent/game.sgf", r"\? cannot load file /nonexistent/game\.sgf"),
    ("loadsgf " + bad_sgf, r"\? cannot load file: .*bad\.sgf:2:9: unbalanced '\[': the value is never closed"),
    ("loadsgf " + good_sgf, r"="),
    # The main line: black aa bb cc ee, white gg dd; 7x7, komi 0.5, no territory for either: 4 - 2 - 0.5.
    ("final_score", r"= B\+1\.5"),
    ("genmove w", r"= " + MOVE),
    ("printsgf", r"= \(;FF\[4\]GM\[1\]CA\[UTF-8\]AP\[vkrl\]SZ\[7\]KM\[0\.5\]AB\[aa\]\[bb\]AW\[gg\]\n"
                 r";B\[cc\];W\[dd\];B\[ee\];W\[[a-g][a-g]\]\n?\)"),
    ("printsgf " + os.path.join(work, "saved.sgf"), r"="),
    ("printsgf /nonexistent/dir/saved.sgf", r"\? cannot write file: .*"),
    ("loadsgf " + os.path.join(work, "saved.sgf"), r"="),
    ("final_score", r"= B\+[0-9.]+|= W\+[0-9.]+|= 0"),
    ("loadsgf " + good_sgf + " 2", r"="),
    ("showboard", r"(?s)=.*\s7 X \. \. \. \. \. \. 7\n\s+6 \. X \. \. \. \. \. 6\n\s+5 \. \. X \. \. \. \. 5\n\s+4 \. \. \. \. .*white to play, move 1"),
    ("name\r", r"= vkrl"),
    ("\x01\x02name\x7f", r"= vkrl"),
    ("x" * 100000, r"\? unknown command"),
    ("12345", r"\?12345 no command"),
    ("4 quit", r"=4"),
    ("name", None),  # after quit nothing more is read
]

text = "".join(line + "\n" for line, _ in session)
try:
    done = subprocess.run([vkrl, "gtp", "--agent", "random", "--seed", "7"], input=text.encode(), capture_output=True,
                          timeout=60)
except subprocess.TimeoutExpired:
    print("FAIL: vkrl gtp did not finish the session within 60 s")
    sys.exit(1)
out = done.stdout.decode()
replies = out.split("\n\n")
if replies and replies[-1] == "":
    replies.pop()
expected = [(line, pattern) for line, pattern in session if pattern is not None]
failures = 0
if done.returncode != 0:
    print(f"FAIL: exit code {done.returncode}, stderr: {done.stderr.decode()[:500]}")
    failures += 1
if len(replies) != len(expected):
    print(f"FAIL: {len(replies)} replies for {len(expected)} commands")
    failures += 1
for (line, pattern), reply in zip(expected, replies):
    shown = line if len(line) < 80 else line[:40] + "..."
    if re.fullmatch(pattern, reply):
        print(f"ok: {shown!r}")
    else:
        print(f"FAIL: {shown!r} -> {reply!r}, want /{pattern}/")
        failures += 1
# The search agent answers genmove with a legal move within its playout budget, and resigns a hopeless game (komi 30
# on 5x5 is more than Black can win) unless told never to; a resignation leaves the board as it was.
searches = [
    (["--seed", "3"], "boardsize 9\nclear_board\nplay b E5\ngenmove w\n", r"= (?!E5$)" + MOVE),
    (["--seed", "3"], "boardsize 5\nclear_board\nkomi 30\ngenmove b\n", r"= resign"),
    (["--seed", "3", "--resign-below", "0"], "boardsize 5\nclear_board\nkomi 30\ngenmove b\n", r"= " + MOVE),
]
for flags, commands, pattern in searches:
    try:
        search = subprocess.run([vkrl, "gtp", "--agent", "mcts", "--playouts", "2000", *flags],
                                input=(commands + "showboard\nquit\n").encode(), capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        print(f"FAIL: vkrl gtp --agent mcts {flags} did not answer within 60 s")
        failures += 1
        continue
    replies = search.stdout.decode().split("\n\n")
    genmove = commands.count("\n") - 1
    stones = replies[genmove + 1].count("X") if len(replies) > genmove + 1 else -1
    resigned = pattern == r"= resign"
    if search.returncode == 0 and re.fullmatch(pattern, replies[genmove]) and (stones == 0) == resigned:
        print(f"ok: mcts {' '.join(flags)}: genmove -> {replies[genmove]!r}")
    else:
        print(f"FAIL: mcts {' '.join(flags)} -> exit {search.returncode}, {replies!r}")
        failures += 1
print(f"{failures} failures")
sys.exit(1 if failures else 0)
