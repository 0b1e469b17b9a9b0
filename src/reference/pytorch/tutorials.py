#!/usr/bin/env python3
"""The seven programs of PyTorch's "Learning PyTorch with Examples", as references for the ports.

Our own code computing what each program in pytorch/tutorials beginner_source/examples_* computes
and printing what it prints (stdout carries nothing else). Each function below follows its
program statement by statement, so that it reads side by side with the original and with the Java
port in src/main/java/dev/djlfit/tutorials/. What we add, and the originals lack:

  * ``torch.manual_seed(SEED)`` before the first draw (and ``random.seed(SEED)`` for dynamic-net);
  * ``--steps N`` instead of the fixed 2000 (30000) iterations;
  * ``--inputs TRACE``: train on the x and y of another trace (a Java port's, say) instead of
    this PyTorch's ``linspace`` and ``sin``, to tell a porting error from an engine difference;
  * ``--nudge K``: move x by one ulp (towards +inf) at K points drawn from the seed, and y by one
    ulp at K others, as a different libtorch build's linspace and sin do: the self-spread yardstick;
  * ``--reverse``: the same points in reverse order: the same sums, added in another order;
  * ``--out FILE``: the trace (docs/trace-format.md): inputs, initial and final parameters, the
    printed losses, the result line, the loop's seconds.

polynomial-autograd follows the newest stored version (commit 02e5a75d), which first prints
``Using cpu device`` (it asks torch.accelerator, PyTorch 2.6+, for the device; on this CPU-only
PyTorch 1.13 the answer is cpu). That version clears the gradients with ``a.grad, ... = 0., ...``,
which PyTorch refuses (TypeError: a grad must be a tensor or None); here they are set to None, as
the version before it (92f11a17) does. polynomial-optim uses RMSprop at lr 1e-3 (issue 11's list;
the stored version uses SGD at lr 1e-6).

    /usr/bin/python3 src/reference/pytorch/tutorials.py polynomial-nn --seed 7 --out nn-7.json
"""

import argparse
import json
import math
import os
import random
import sys
import time

try:
    import torch
except ImportError:
    sys.stderr.write("error: %s has no PyTorch (import torch failed); on Debian or Ubuntu install it with:"
                     " apt-get install -y python3-torch\n" % sys.executable)
    sys.exit(3)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from djlfit_trace import write_atomically  # noqa: E402  (one way every reference writes its output)


class Run:
    """What a program hands back besides its printing: the trace's parts."""

    def __init__(self, args):
        self.args = args
        self.losses = []
        self.initial = None
        self.final = None
        self.result = None
        self.x = None
        self.y = None
        self.loop_start = None
        self.loop_seconds = None

    def inputs(self):
        """x = linspace(-pi, pi, 2000), y = sin(x); or another trace's; then nudged if asked."""
        if self.args.inputs:
            with open(self.args.inputs) as f:
                given = json.load(f)["inputs"]
            x = torch.tensor(given["x"], dtype=torch.float)
            y = torch.tensor(given["y"], dtype=torch.float)
        else:
            x = torch.linspace(-math.pi, math.pi, 2000)
            y = torch.sin(x)
        if self.args.nudge:
            x, y = nudged(x, y, self.args.nudge, self.args.seed)
        if self.args.reverse:
            x, y = x.flip(0), y.flip(0)
        self.x, self.y = x, y
        return x, y

    def printed(self, t, value):
        print(t, value)
        self.losses.append([t, value])

    def start(self, named):
        self.initial = state(named)
        self.loop_start = time.perf_counter()

    def end(self, named, result_line):
        self.loop_seconds = time.perf_counter() - self.loop_start
        self.final = state(named)
        self.result = result_line
        print(result_line)

    def trace(self):
        return {
            "program": self.args.program,
            "seed": self.args.seed,
            "steps": self.args.steps,
            "engine": "PyTorch " + torch.__version__,
            "inputs": {"x": self.x.tolist(), "y": self.y.tolist()},
            "initial_parameters": self.initial,
            "final_parameters": self.final,
            "losses": self.losses,
            "result": self.result,
            "loop_seconds": self.loop_seconds,
        }


def nudged(x, y, k, seed):
    """x one ulp up at k points, y one ulp up at k other points (positions drawn from seed)."""
    picks = random.Random(seed).sample(range(len(x)), 2 * k)
    x, y = x.clone(), y.clone()
    up = torch.tensor(math.inf)
    for i in picks[:k]:
        x[i] = torch.nextafter(x[i], up)
    for i in picks[k:]:
        y[i] = torch.nextafter(y[i], up)
    return x, y


def state(named):
    return {name: t.detach().tolist() for name, t in named.items()}


def polynomial_tensor(run):
    x, y = run.inputs()

    a = torch.randn((), dtype=torch.float)
    b = torch.randn((), dtype=torch.float)
    c = torch.randn((), dtype=torch.float)
    d = torch.randn((), dtype=torch.float)
    named = {"a": a, "b": b, "c": c, "d": d}

    learning_rate = 1e-6
    run.start(named)
    for t in range(run.args.steps):
        y_pred = a + (b * x) + (c * x.pow(2)) + (d * x.pow(3))

        loss = (y_pred - y).pow(2).sum().item()
        if t % 100 == 99:
            run.printed(t, loss)

        grad_y_pred = -2.0 * (y - y_pred)
        grad_a = grad_y_pred.sum()
        grad_b = torch.matmul(grad_y_pred, x).sum()
        grad_c = torch.matmul(grad_y_pred, x.pow(2)).sum()
        grad_d = torch.matmul(grad_y_pred, x.pow(3)).sum()

        a -= learning_rate * grad_a
        b -= learning_rate * grad_b
        c -= learning_rate * grad_c
        d -= learning_rate * grad_d

    run.end(named, f'Result: y = {a.item()} + {b.item()} x + {c.item()} x^2 + {d.item()} x^3')


def polynomial_autograd(run):
    print("Using cpu device")
    x, y = run.inputs()

    a = torch.randn((), dtype=torch.float, requires_grad=True)
    b = torch.randn((), dtype=torch.float, requires_grad=True)
    c = torch.randn((), dtype=torch.float, requires_grad=True)
    d = torch.randn((), dtype=torch.float, requires_grad=True)
    named = {"a": a, "b": b, "c": c, "d": d}

    learning_rate = 1e-6
    run.start(named)
    for t in range(run.args.steps):
        y_pred = a + b * x + c * x ** 2 + d * x ** 3

        loss = (y_pred - y).pow(2).sum()
        if t % 100 == 99:
            run.printed(t, loss.item())

        loss.backward()

        with torch.no_grad():
            a -= learning_rate * a.grad
            b -= learning_rate * b.grad
            c -= learning_rate * c.grad
            d -= learning_rate * d.grad
            a.grad, b.grad, c.grad, d.grad = None, None, None, None

    run.end(named, f'Result: y = {a.item()} + {b.item()} x + {c.item()} x^2 + {d.item()} x^3')


class LegendreP3(torch.autograd.Function):
    """P3(z) = (5z^3 - 3z) / 2 forward; P3'(z) = 1.5 (5z^2 - 1) backward."""

    @staticmethod
    def forward(ctx, z):
        ctx.save_for_backward(z)
        return 0.5 * (5 * z ** 3 - 3 * z)

    @staticmethod
    def backward(ctx, grad_output):
        z, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * z ** 2 - 1)


def polynomial_custom_function(run):
    x, y = run.inputs()

    a = torch.full((), 0.0, dtype=torch.float, requires_grad=True)
    b = torch.full((), -1.0, dtype=torch.float, requires_grad=True)
    c = torch.full((), 0.0, dtype=torch.float, requires_grad=True)
    d = torch.full((), 0.3, dtype=torch.float, requires_grad=True)
    named = {"a": a, "b": b, "c": c, "d": d}

    learning_rate = 5e-6
    run.start(named)
    for t in range(run.args.steps):
        P3 = LegendreP3.apply

        y_pred = a + b * P3(c + d * x)

        loss = (y_pred - y).pow(2).sum()
        if t % 100 == 99:
            run.printed(t, loss.item())

        loss.backward()

        with torch.no_grad():
            a -= learning_rate * a.grad
            b -= learning_rate * b.grad
            c -= learning_rate * c.grad
            d -= learning_rate * d.grad
            a.grad, b.grad, c.grad, d.grad = None, None, None, None

    run.end(named, f'Result: y = {a.item()} + {b.item()} * P3({c.item()} + {d.item()} x)')


def cubic_features(x):
    p = torch.tensor([1, 2, 3])
    return x.unsqueeze(-1).pow(p)


def linear_result(model):
    layer = model[0]
    return (f'Result: y = {layer.bias.item()} + {layer.weight[:, 0].item()} x'
            f' + {layer.weight[:, 1].item()} x^2 + {layer.weight[:, 2].item()} x^3')


def polynomial_nn(run):
    x, y = run.inputs()
    xx = cubic_features(x)

    model = torch.nn.Sequential(
        torch.nn.Linear(3, 1),
        torch.nn.Flatten(0, 1)
    )
    loss_fn = torch.nn.MSELoss(reduction='sum')

    learning_rate = 1e-6
    run.start(model.state_dict())
    for t in range(run.args.steps):
        y_pred = model(xx)

        loss = loss_fn(y_pred, y)
        if t % 100 == 99:
            run.printed(t, loss.item())

        model.zero_grad()

        loss.backward()

        with torch.no_grad():
            for param in model.parameters():
                param -= learning_rate * param.grad

    run.end(model.state_dict(), linear_result(model))


def polynomial_optim(run):
    x, y = run.inputs()
    xx = cubic_features(x)

    model = torch.nn.Sequential(
        torch.nn.Linear(3, 1),
        torch.nn.Flatten(0, 1)
    )
    loss_fn = torch.nn.MSELoss(reduction='sum')

    learning_rate = 1e-3
    optimizer = torch.optim.RMSprop(model.parameters(), lr=learning_rate)
    run.start(model.state_dict())
    for t in range(run.args.steps):
        y_pred = model(xx)

        loss = loss_fn(y_pred, y)
        if t % 100 == 99:
            run.printed(t, loss.item())

        optimizer.zero_grad()

        loss.backward()

        optimizer.step()

    run.end(model.state_dict(), linear_result(model))


class Polynomial3(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.a = torch.nn.Parameter(torch.randn(()))
        self.b = torch.nn.Parameter(torch.randn(()))
        self.c = torch.nn.Parameter(torch.randn(()))
        self.d = torch.nn.Parameter(torch.randn(()))

    def forward(self, x):
        return self.a + self.b * x + self.c * x ** 2 + self.d * x ** 3

    def string(self):
        return f'y = {self.a.item()} + {self.b.item()} x + {self.c.item()} x^2 + {self.d.item()} x^3'


def polynomial_module(run):
    x, y = run.inputs()

    model = Polynomial3()

    criterion = torch.nn.MSELoss(reduction='sum')
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-6)
    run.start(model.state_dict())
    for t in range(run.args.steps):
        y_pred = model(x)

        loss = criterion(y_pred, y)
        if t % 100 == 99:
            run.printed(t, loss.item())

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    run.end(model.state_dict(), f'Result: {model.string()}')


class DynamicNet(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.a = torch.nn.Parameter(torch.randn(()))
        self.b = torch.nn.Parameter(torch.randn(()))
        self.c = torch.nn.Parameter(torch.randn(()))
        self.d = torch.nn.Parameter(torch.randn(()))
        self.e = torch.nn.Parameter(torch.randn(()))

    def forward(self, x):
        y = self.a + self.b * x + self.c * x ** 2 + self.d * x ** 3
        for exp in range(4, random.randint(4, 6)):
            y = y + self.e * x ** exp
        return y

    def string(self):
        return (f'y = {self.a.item()} + {self.b.item()} x + {self.c.item()} x^2 + {self.d.item()} x^3'
                f' + {self.e.item()} x^4 ? + {self.e.item()} x^5 ?')


def dynamic_net(run):
    x, y = run.inputs()

    model = DynamicNet()

    criterion = torch.nn.MSELoss(reduction='sum')
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-8, momentum=0.9)
    run.start(model.state_dict())
    for t in range(run.args.steps):
        y_pred = model(x)

        loss = criterion(y_pred, y)
        if t % 2000 == 1999:
            run.printed(t, loss.item())

        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    run.end(model.state_dict(), f'Result: {model.string()}')


PROGRAMS = {
    "polynomial-tensor": (polynomial_tensor, 2000),
    "polynomial-autograd": (polynomial_autograd, 2000),
    "polynomial-custom-function": (polynomial_custom_function, 2000),
    "polynomial-nn": (polynomial_nn, 2000),
    "polynomial-optim": (polynomial_optim, 2000),
    "polynomial-module": (polynomial_module, 2000),
    "dynamic-net": (dynamic_net, 30000),
}


def run_program(program, args):
    """Seeds torch and random with args.seed, as the Java ports do, then runs the program."""
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    run = Run(args)
    program(run)
    return run


def main():
    parser = argparse.ArgumentParser(description="A program of PyTorch's 'Learning PyTorch with Examples'.")
    parser.add_argument("program", choices=list(PROGRAMS))
    parser.add_argument("--seed", type=int, default=0, help="torch.manual_seed (and random.seed) (default: 0)")
    parser.add_argument("--steps", type=int, help="training steps (default: the program's, 2000 or 30000)")
    parser.add_argument("--inputs", help="train on the inputs x, y of this trace")
    parser.add_argument("--nudge", type=int, default=0, help="move x and y by one ulp at this many points each")
    parser.add_argument("--reverse", action="store_true",
                        help="train on the points in reverse order (the same sums, rounded in another order)")
    parser.add_argument("--out", help="write the trace (JSON) here")
    args = parser.parse_args()
    program, default_steps = PROGRAMS[args.program]
    if args.steps is None:
        args.steps = default_steps
    if args.steps <= 0 or not 0 <= args.nudge <= 1000:
        parser.error("--steps must be positive, --nudge between 0 and 1000")

    torch.set_num_threads(1)
    run = run_program(program, args)
    if args.out:
        write_atomically(args.out, json.dumps(run.trace()) + "\n")


if __name__ == "__main__":
    main()
