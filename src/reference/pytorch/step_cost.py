#!/usr/bin/env python3
"""What each part of one step of the article's PyTorch loop costs, measured as the Java side's
StepCostBenchmark measures it: growing prefixes of the step (forward; + loss; + backward;
+ zero_grad; + optimizer.step, the whole step), timed in interleaved rounds in this thread's CPU
time, each part the difference of two prefixes. A benchmark, not a reference for parity.

    /usr/bin/python3 src/reference/pytorch/step_cost.py tanh-quadratic 2000 5
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import article  # noqa: E402  (the article's own net, loss and optimiser)
import torch  # noqa: E402

PREFIXES = ["forward", "+loss", "+backward", "+zero_grad", "+step (whole step)"]


def step(prefix, fit, x, y, calc_loss, optimizer):
    pred = fit(x)
    if prefix == 0:
        return
    loss = calc_loss(pred, y)
    if prefix == 1:
        return
    loss.backward()
    if prefix == 2:
        return
    if prefix == 4:
        optimizer.step()
    optimizer.zero_grad()


def timed(prefix, iterations, *args):
    start = time.thread_time_ns()
    for _ in range(iterations):
        step(prefix, *args)
    return (time.thread_time_ns() - start) / 1e3 / iterations


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "tanh-quadratic"
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    torch.set_num_threads(1)
    torch.manual_seed(0)
    model, _ = name.split("-", 1)
    fit = article.make_net(model, 10, "tanh")
    x = torch.FloatTensor([[-1.34], [-0.45], [0.45], [1.34]])
    y = torch.FloatTensor([[-0.9], [-0.6], [0.1], [1.4]])
    calc_loss = torch.nn.MSELoss()
    optimizer = torch.optim.SGD(fit.parameters(), lr=0.01)
    args = (fit, x, y, calc_loss, optimizer)
    for _ in range(2):
        for p in range(len(PREFIXES)):
            timed(p, iterations, *args)
    micros = [[0.0] * rounds for _ in PREFIXES]
    for r in range(rounds):
        for p in range(len(PREFIXES)):
            micros[p][r] = timed(p, iterations, *args)
    with open("/proc/loadavg") as f:
        load = f.read().strip()
    print("%s, PyTorch %s, %d iterations x %d interleaved rounds, thread CPU time, load average %s"
          % (name, torch.__version__, iterations, rounds, load))
    previous = 0.0
    for p, label in enumerate(PREFIXES):
        median = sorted(micros[p])[rounds // 2]
        print("%-20s prefix %7.2f us   part %7.2f us   rounds [%s]"
              % (label, median, median - previous, " ".join("%.1f" % v for v in micros[p])))
        previous = median
    steps = 100
    with torch.autograd.profiler.profile() as prof:
        for _ in range(steps):
            step(len(PREFIXES) - 1, *args)
    counts = {}
    for event in prof.function_events:
        counts[event.name] = counts.get(event.name, 0) + 1
    kept = sorted((n, c) for n, c in counts.items() if c >= steps)
    print("profiler events per step: %.0f: %s" % (sum(c for _, c in kept) / steps,
                                                   " ".join("%s=%.0f" % (n, c / steps) for n, c in kept)))


if __name__ == "__main__":
    main()
