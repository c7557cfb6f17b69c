#!/usr/bin/env python3
"""The peer of `vkrl bench dqn`: MinAtar's own examples/dqn.py, unmodified, for a given number of frames.

usage: minatar_dqn_speed.py MINATAR_DIR GAME FRAMES DEVICE [THREADS]
Imports examples/dqn.py as a module, sets its NUM_FRAMES (a module constant; 5M in the file) and, for DEVICE cuda,
its device, then runs its dqn() with the paper's settings exactly as its main() does. PyTorch runs on THREADS threads,
1 by default (run this with OPENBLAS_NUM_THREADS=1, PyTorch's fastest CPU setting on a small machine). Prints one
JSON line:
{"frames_per_s": ..., "peak_rss_mb": ..., "torch": version}, or {"unavailable": why} when PyTorch is missing or,
for cuda, sees no GPU.
"""
import importlib.util
import json
import logging
import os
import resource
import sys
import tempfile
import time

logging.disable(logging.WARNING)
minatar_dir, game, frames, device = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
threads = int(sys.argv[5]) if len(sys.argv) > 5 else 1
sys.path.insert(0, minatar_dir)
try:
    import torch  # noqa: E402
except ImportError:
    print(json.dumps({"unavailable": "PyTorch is not installed (scripts/install-deps.sh --peers installs it)"}))
    sys.exit(0)

if device == "cuda" and not torch.cuda.is_available():
    print(json.dumps({"unavailable": "PyTorch " + torch.__version__ + " sees no CUDA device"}))
    sys.exit(0)
torch.set_num_threads(threads)
spec = importlib.util.spec_from_file_location("minatar_dqn", os.path.join(minatar_dir, "examples", "dqn.py"))
dqn = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dqn)
dqn.NUM_FRAMES = frames
dqn.device = torch.device(device)
env = dqn.Environment(game)
with tempfile.TemporaryDirectory() as scratch:
    start = time.perf_counter()
    dqn.dqn(env, False, False, os.path.join(scratch, game))
    seconds = time.perf_counter() - start
print(json.dumps({"frames_per_s": frames / seconds, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "torch": torch.__version__}))
