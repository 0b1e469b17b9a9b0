#!/usr/bin/env python3
"""K independent nets of one architecture trained at once in PyTorch: the reference the Java
sweep's batched training (dev.djlfit.sweep) is timed against.

Each layer's parameters are stacked over the nets, weights as [K, out, in] and biases as
[K, 1, out]; activations flow as [K, points, features] and every layer is one ``torch.bmm``
(``torch.baddbmm``, the bias added in the same call). The loss is each net's own MSE (the mean
over its points, as ``torch.nn.MSELoss``) summed over the nets, so each net gets the gradient it
would get alone; ``torch.optim.SGD`` on the stacked parameters then updates each net as its own
optimiser would. Net k starts from the parameters ``torch.manual_seed(first_seed + k)`` gives the
article's net (article.py's make_net), drawn before the clock starts.

Writes one JSON document:

  {"nets": 1024, "model": "tanh", "hidden": 10, "activation": "tanh", "steps": 2000, "lr": 0.01,
   "engine": "PyTorch 1.13.0", "loop_seconds": 1.23, "init_seconds": 0.4,
   "last_losses": [...]}     # each net's loss at the last step (before its update)

    /usr/bin/python3 src/reference/pytorch/batched.py --nets 1024 --steps 2000
"""

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import article  # noqa: E402  (exits with a clear message when torch is missing)
from djlfit_trace import write_atomically  # noqa: E402

torch = article.torch


def stacked_nets(model, hidden, activation, nets, first_seed):
    """[(weight [K,out,in], bias [K,1,out]), ...] per layer, net k as seed first_seed + k makes it."""
    per_net = []
    for k in range(nets):
        torch.manual_seed(first_seed + k)
        fit = article.make_net(model, hidden, activation)
        per_net.append([(layer.weight.detach(), layer.bias.detach()) for layer in (fit.l1, fit.l2, getattr(fit, "l3", None)) if layer is not None])
    layers = []
    for i in range(len(per_net[0])):
        w = torch.stack([net[i][0] for net in per_net]).clone().requires_grad_(True)
        b = torch.stack([net[i][1] for net in per_net]).unsqueeze(1).clone().requires_grad_(True)
        layers.append((w, b))
    return layers


def forward(layers, x, act):
    h = x
    for i, (w, b) in enumerate(layers):
        h = torch.baddbmm(b, h, w.transpose(1, 2))
        if act is not None and i < len(layers) - 1:
            h = act(h)
    return h


def run(model, data_name, hidden, activation, nets, first_seed, steps, lr):
    data = article.DATA[data_name]
    init_start = time.perf_counter()
    layers = stacked_nets(model, hidden, activation, nets, first_seed)
    init_seconds = time.perf_counter() - init_start
    act = None if model == "linear" else {"tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu}[activation]

    x = torch.FloatTensor([[p[0]] for p in data]).expand(nets, -1, -1).contiguous()   # [K, points, 1]
    y = torch.FloatTensor([[p[1]] for p in data]).expand(nets, -1, -1).contiguous()
    optimizer = torch.optim.SGD([p for layer in layers for p in layer], lr=lr)
    last = None
    loop_start = time.perf_counter()
    for i in range(steps):
        pred = forward(layers, x, act)
        per_net = ((pred - y) ** 2).mean(dim=(1, 2))
        loss = per_net.sum()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if i == steps - 1:
            last = per_net.detach().tolist()
    loop_seconds = time.perf_counter() - loop_start
    return {
        "nets": nets,
        "model": model,
        "data": data_name,
        "hidden": hidden,
        "activation": None if model == "linear" else activation,
        "first_seed": first_seed,
        "steps": steps,
        "lr": lr,
        "engine": "PyTorch " + torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "init_seconds": init_seconds,
        "loop_seconds": loop_seconds,
        "last_losses": last,
    }


def main():
    parser = argparse.ArgumentParser(description="K nets trained at once with torch.bmm; timings as JSON.")
    parser.add_argument("--nets", type=int, default=1024, help="K, the nets in the batch (default: 1024)")
    parser.add_argument("--model", choices=article.MODELS, default="tanh", help="the article's net (default: tanh)")
    parser.add_argument("--data", choices=sorted(article.DATA), default="quadratic", help="(default: quadratic)")
    parser.add_argument("--hidden", type=int, default=10, help="hidden width (default: 10)")
    parser.add_argument("--activation", choices=article.ACTIVATIONS, default="tanh", help="(default: tanh)")
    parser.add_argument("--first-seed", type=int, default=0, help="net k starts as seed FIRST+k (default: 0)")
    parser.add_argument("--steps", type=int, default=2000, help="training steps (default: 2000)")
    parser.add_argument("--lr", type=float, default=0.01, help="SGD learning rate (default: 0.01)")
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default: 1)")
    parser.add_argument("--out", default="-", help="output JSON file, or - for stdout (default: -)")
    args = parser.parse_args()
    if args.nets <= 0 or args.steps <= 0 or args.hidden <= 0 or not args.lr > 0 or args.threads <= 0:
        parser.error("--nets, --steps, --hidden, --lr and --threads must be positive")

    torch.set_num_threads(args.threads)
    document = run(args.model, args.data, args.hidden, args.activation, args.nets, args.first_seed,
                   args.steps, args.lr)
    text = json.dumps(document)
    if args.out == "-":
        sys.stdout.write(text + "\n")
    else:
        write_atomically(args.out, text + "\n")


if __name__ == "__main__":
    main()
