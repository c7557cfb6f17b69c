#!/usr/bin/env python3
"""The PyTorch peer of `vkrl bench nn`: the same nets, batch and update as vkrl measures, in PyTorch at its best.

usage: nn_torch.py NET SECONDS DEVICE
NET is cnn (MinAtar's DQN net: conv 16 3x3 on 4x10x10, ReLU, Linear 1024-128, ReLU, Linear 128-6), mlp (Linear
400-128, ReLU, Linear 128-6) or lstm (nn.LSTM 32-64 over 48 steps, batch first, its last output to Linear 64-6). DEVICE is cpu or cuda. Updates are forward + backward + Adam on a batch of 32 random
inputs with a smooth-L1 loss on one output per row, as a DQN step computes it; after 200 warm-up updates, as many as
fit in SECONDS are timed. Batch-1 forwards are timed the same way under no_grad. Prints one JSON line:
{"updates_per_s": ..., "forward_b1_per_s": ..., "torch": version, "threads": n, "device": ...}, or
{"unavailable": why} when PyTorch is missing or, for cuda, sees no GPU.
Run it with OPENBLAS_NUM_THREADS=1 and torch on one thread (set here), which is PyTorch's fastest setting on a small
CPU; see REFERENCE.md section 8.1.
"""
import json
import sys
import time

try:
    import torch
except ImportError:
    print(json.dumps({"unavailable": "PyTorch is not installed (scripts/install-deps.sh --peers installs it)"}))
    sys.exit(0)

net_name, seconds, device = sys.argv[1], float(sys.argv[2]), sys.argv[3]
if device == "cuda" and not torch.cuda.is_available():
    print(json.dumps({"unavailable": "PyTorch " + torch.__version__ + " sees no CUDA device"}))
    sys.exit(0)
torch.set_num_threads(1)
torch.manual_seed(0)

if net_name == "cnn":
    net = torch.nn.Sequential(torch.nn.Conv2d(4, 16, 3), torch.nn.ReLU(), torch.nn.Flatten(),
                              torch.nn.Linear(16 * 8 * 8, 128), torch.nn.ReLU(), torch.nn.Linear(128, 6))
    shape = (4, 10, 10)
elif net_name == "lstm":
    class LastStep(torch.nn.Module):
        """nn.LSTM's output at the last step, as vkrl's LSTM without return_sequences."""

        def __init__(self):
            super().__init__()
            self.lstm = torch.nn.LSTM(32, 64, batch_first=True)

        def forward(self, x):
            return self.lstm(x)[0][:, -1]

    net = torch.nn.Sequential(LastStep(), torch.nn.Linear(64, 6))
    shape = (48, 32)
else:
    net = torch.nn.Sequential(torch.nn.Linear(400, 128), torch.nn.ReLU(), torch.nn.Linear(128, 6))
    shape = (400,)
net = net.to(device)
optimizer = torch.optim.Adam(net.parameters(), lr=1e-4)
x = torch.rand((32,) + shape, device=device)
actions = torch.randint(0, 6, (32, 1), device=device)
targets = torch.rand(32, device=device)
x1 = torch.rand((1,) + shape, device=device)


def update():
    q = net(x).gather(1, actions).squeeze(1)
    loss = torch.nn.functional.smooth_l1_loss(q, targets)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


def forward_b1():
    with torch.no_grad():
        net(x1)


def rate(step):
    for _ in range(200):
        step()
    if device == "cuda":
        torch.cuda.synchronize()
    count, start = 0, time.perf_counter()
    while True:
        for _ in range(50):
            step()
        count += 50
        if device == "cuda":
            torch.cuda.synchronize()
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count / elapsed


print(json.dumps({"updates_per_s": rate(update), "forward_b1_per_s": rate(forward_b1), "torch": torch.__version__,
                  "threads": torch.get_num_threads(), "device": device}))
