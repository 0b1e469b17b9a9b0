#!/usr/bin/env python3
"""The article's PyTorch code, as the reference the Java port is checked against.

"Machine Learning and Regression Models with PyTorch, part II": its four experiments, with its
typos and its three-layer shape bug fixed exactly as the Java side fixes them:

  * the quadratic data is y = 3x^2 + 2x + 1 (the article writes "3x^2 + 2x^2 + 1");
  * ``tensor.FloatTensor`` is ``torch.FloatTensor``;
  * the article never shows ``calc_loss`` and ``optimizer`` in part II: they are part I's
    ``torch.nn.MSELoss()`` and ``torch.optim.SGD(fit.parameters(), lr=0.01)``;
  * the deep net declares ``l2 = Linear(10, 1)`` feeding ``l3 = Linear(10, 1)``, which cannot run
    (l3 expects 10 inputs): here ``l2 = Linear(10, 10)``, as in the Java port.

Writes the run as a djl-fit trace (docs/trace-format.md) through ``djlfit_trace.TraceRecorder``, as
the tutorials' references do: the data, the parameters before and after training, the loss of
0-based step i every 1000 steps and at the last, and the trained net's predictions as named values
(``final_prediction`` at the training inputs, ``new_prediction`` at ``new_inputs`` 2.5 and 10).

Runs on Debian's python3-torch (PyTorch 1.13, ``/usr/bin/python3``) and on PyTorch 2.x.

    /usr/bin/python3 src/reference/pytorch/article.py tanh-quadratic --seed 0 --steps 100000 --out trace.json
"""

import argparse
import os
import sys

LOSS_EVERY = 1000

DATA = {
    "linear": [[0, 1], [1, 3], [2, 5], [3, 7]],
    "quadratic": [[0, 1], [1, 6], [2, 17], [3, 34]],
}

MODELS = ("linear", "tanh", "deep")
ACTIVATIONS = ("tanh", "sigmoid", "relu")

try:
    import torch
except ImportError:
    sys.stderr.write("error: %s has no PyTorch (import torch failed); on Debian or Ubuntu install it with:"
                     " apt-get install -y python3-torch\n" % sys.executable)
    sys.exit(3)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from djlfit_trace import TraceRecorder  # noqa: E402  (the trace every reference writes)


def make_net(model, hidden, activation):
    act = {"tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu}[activation]

    if model == "linear":
        class NNet(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.l1 = torch.nn.Linear(in_features=1, out_features=hidden)
                self.l2 = torch.nn.Linear(in_features=hidden, out_features=1)

            def forward(self, x):
                x = self.l1(x)
                return self.l2(x)

    elif model == "tanh":
        class NNet(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.l1 = torch.nn.Linear(in_features=1, out_features=hidden)
                self.l2 = torch.nn.Linear(in_features=hidden, out_features=1)

            def forward(self, x):
                x = self.l1(x)
                x = act(x)
                return self.l2(x)

    else:
        class NNet(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.l1 = torch.nn.Linear(in_features=1, out_features=hidden)
                self.l2 = torch.nn.Linear(in_features=hidden, out_features=hidden)  # the article: out_features=1
                self.l3 = torch.nn.Linear(in_features=hidden, out_features=1)

            def forward(self, x):
                x = self.l1(x)
                x = act(x)
                x = self.l2(x)
                x = act(x)
                return self.l3(x)

    return NNet()


def run(experiment, seed, steps, lr, hidden, activation):
    model, data_name = experiment.split("-", 1)
    data = DATA[data_name]

    torch.manual_seed(seed)
    fit = make_net(model, hidden, activation)

    x = []
    y = []
    for i in range(len(data)):
        x.append([data[i][0]])
        y.append([data[i][1]])
    x = torch.FloatTensor(x)
    y = torch.FloatTensor(y)

    recorder = TraceRecorder(experiment, seed).inputs(x, y).initial(fit)
    calc_loss = torch.nn.MSELoss()
    optimizer = torch.optim.SGD(fit.parameters(), lr=lr)
    for i in range(steps):
        pred = fit(x)
        loss = calc_loss(pred, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if i % LOSS_EVERY == 0 or i == steps - 1:
            recorder.loss(i, loss.item())

    with torch.no_grad():
        final_prediction = fit(x)                                    # the article's "final prediction"
        new_inputs = torch.FloatTensor([[2.5], [10]])
        new_prediction = fit(new_inputs)                             # its "new prediction"
    recorder.finish(fit, steps=steps, result="Result: y(2.5) = {:.4f}, y(10) = {:.4f}".format(*new_prediction.flatten().tolist()))
    recorder.value("final_prediction", final_prediction)
    recorder.value("new_inputs", new_inputs)
    recorder.value("new_prediction", new_prediction)
    return recorder


def main():
    experiments = ["%s-%s" % (m, d) for m in MODELS for d in DATA]
    parser = argparse.ArgumentParser(description="The article's PyTorch code: one experiment, as a trace.")
    parser.add_argument("experiment", choices=experiments, help="<model>-<data>, e.g. tanh-quadratic")
    parser.add_argument("--seed", type=int, default=0, help="torch.manual_seed(SEED) (default: 0)")
    parser.add_argument("--steps", type=int, default=100000, help="training steps (default: 100000)")
    parser.add_argument("--lr", type=float, default=0.01, help="SGD learning rate (default: 0.01)")
    parser.add_argument("--hidden", type=int, default=10, help="hidden layer width (default: 10)")
    parser.add_argument("--activation", choices=ACTIVATIONS, default="tanh",
                        help="activation of the tanh and deep nets (default: tanh)")
    parser.add_argument("--out", required=True, help="write the trace (JSON) here")
    args = parser.parse_args()
    if args.steps <= 0 or args.hidden <= 0 or not args.lr > 0:
        parser.error("--steps, --hidden and --lr must be positive")

    torch.set_num_threads(1)  # tiny tensors: threads change nothing but the load on a shared machine
    recorder = run(args.experiment, args.seed, args.steps, args.lr, args.hidden, args.activation)
    print(recorder.trace()["result"])
    recorder.write(args.out)


if __name__ == "__main__":
    main()
