#!/usr/bin/env python3
"""How far does float32 rounding alone move an experiment? PyTorch against PyTorch.

Runs the article's code (article.py) twice in this PyTorch from the same seed: once as written,
once with the loss spelled ((pred - y) ** 2).mean() instead of MSELoss() and the SGD update
spelled p -= lr * grad instead of optimizer.step(). The two are the same mathematics and differ
only in float32 rounding, as a port on another libtorch build does. The differences printed
are the yardstick for the Java-vs-PyTorch tolerances (docs/article-port.md).

    /usr/bin/python3 src/reference/pytorch/rounding_control.py deep-quadratic --seed 0 --steps 1000
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import article  # noqa: E402  (exits with the install hint if torch is missing)
import torch  # noqa: E402


def train(experiment, seed, steps, lr, spelled_out):
    model, data_name = experiment.split("-", 1)
    torch.manual_seed(seed)
    fit = article.make_net(model, 10, "tanh")
    data = article.DATA[data_name]
    x = torch.FloatTensor([[p[0]] for p in data])
    y = torch.FloatTensor([[p[1]] for p in data])
    calc_loss = torch.nn.MSELoss()
    optimizer = torch.optim.SGD(fit.parameters(), lr=lr)
    for _ in range(steps):
        pred = fit(x)
        loss = ((pred - y) ** 2).mean() if spelled_out else calc_loss(pred, y)
        loss.backward()
        if spelled_out:
            with torch.no_grad():
                for p in fit.parameters():
                    p -= lr * p.grad
        else:
            optimizer.step()
        optimizer.zero_grad()
    with torch.no_grad():
        predictions = torch.cat([fit(x), fit(torch.FloatTensor([[2.5], [10]]))]).flatten()
    return {k: v.detach().clone() for k, v in fit.state_dict().items()}, predictions


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("experiment")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--lr", type=float, default=0.01)
    args = parser.parse_args()
    torch.set_num_threads(1)
    p1, y1 = train(args.experiment, args.seed, args.steps, args.lr, False)
    p2, y2 = train(args.experiment, args.seed, args.steps, args.lr, True)
    params = max((p1[k] - p2[k]).abs().max().item() for k in p1)
    scaled = ((y1 - y2).abs() / y1.abs().clamp(min=1)).tolist()
    print("%s seed %d, %d steps: final parameters max |diff| %.2e; predictions |diff|/max(1,|y|):"
          " training inputs %.2e, new inputs (2.5, 10) %.2e"
          % (args.experiment, args.seed, args.steps, params, max(scaled[:4]), max(scaled[4:])))


if __name__ == "__main__":
    main()
