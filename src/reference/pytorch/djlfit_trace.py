"""Record a PyTorch run as a djl-fit trace, to judge a Java port against it.

Import it into your own PyTorch script (copy this file beside it, or put this folder on
PYTHONPATH), then::

    from djlfit_trace import TraceRecorder, nudge

    torch.manual_seed(seed)
    model = ...
    recorder = TraceRecorder("my-program", seed)
    recorder.inputs(x, y)                     # optional: the data, where it is x and y
    recorder.initial(model.state_dict())      # before the first step
    ...
    recorder.loss(step, loss.item())          # wherever the program prints a loss
    recorder.test(epoch, accuracy, avg_loss)  # optional: a classifier's test loop
    recorder.value("first_batch_labels", y)   # optional: any named numbers
    recorder.finish(model.state_dict()).write("pytorch.json")

The Java side records the same with ``dev.djlfit.torch.trace.TraceRecorder``, and
``java -jar target/djl-fit.jar judge java.json pytorch.json`` says whether the two match
(docs/porting-guide.md, docs/trace-format.md). ``nudge(model)`` moves initial weights by an ulp:
run the script once more with it to measure how far PyTorch moves against itself, and give that
trace to ``judge --spread``.

Depends on torch and the standard library only.
"""

import json
import math
import numbers
import os
import random
import tempfile
import time

import torch

__all__ = ["TraceRecorder", "nudge", "write_atomically"]


class TraceRecorder:
    """One run's trace: parameters at the start and the end, logged losses, tests, named values."""

    def __init__(self, program, seed):
        if not isinstance(program, str) or not program:
            raise ValueError("program: a non-empty name, the same on both sides")
        self.program = program
        self.seed = int(seed)
        self._initial = None
        self._final = None
        self._losses = []
        self._tests = []
        self._values = {}
        self._inputs = None
        self._steps = None
        self._epochs = 0
        self._result = ""
        self._start = None
        self._seconds = 0.0

    def inputs(self, x, y):
        """The x and y the program trains on (tensors or lists of numbers, the same count of each)."""
        x = [float(v) for v in _flat(_numbers(x, "x"))]
        y = [float(v) for v in _flat(_numbers(y, "y"))]
        if len(x) != len(y):
            raise ValueError("inputs: %d x but %d y values" % (len(x), len(y)))
        self._inputs = {"x": x, "y": y}
        return self

    def initial(self, state_dict):
        """The parameters before training: a ``state_dict()`` (or a module, whose state_dict is taken)."""
        self._initial = _state(state_dict)
        self._start = time.perf_counter()
        return self

    def loss(self, step, value):
        """A loss the program logs at ``step`` (a float, or a one-element tensor)."""
        self._losses.append([_integer(step, "step"), _number(value, "loss")])
        return self

    def test(self, epoch, accuracy, avg_loss):
        """A test loop's figures: ``accuracy`` as a fraction (correct / size), ``avg_loss`` the batches' mean."""
        self._tests.append({"epoch": _integer(epoch, "epoch"), "accuracy": _number(accuracy, "accuracy"),
                            "avg_loss": _number(avg_loss, "avg_loss")})
        return self

    def value(self, name, value):
        """Any named numbers: a number, a list (nested lists: rows) or a tensor. The name is kept once."""
        if not isinstance(name, str) or not name:
            raise ValueError("value: a non-empty name")
        if name in self._values:
            raise ValueError("value %r recorded twice" % name)
        self._values[name] = _numbers(value, name)
        return self

    def finish(self, state_dict, steps=None, epochs=0, result=""):
        """The parameters after training. ``steps`` defaults to the last logged step + 1."""
        if self._initial is None:
            raise ValueError("finish() before initial(): record the parameters before training first")
        self._seconds = time.perf_counter() - self._start
        self._final = _state(state_dict)
        if steps is None:
            steps = self._losses[-1][0] + 1 if self._losses else 0
        self._steps = _integer(steps, "steps")
        self._epochs = _integer(epochs, "epochs")
        self._result = str(result)
        return self

    def trace(self):
        """The trace as a dict, the JSON document of docs/trace-format.md."""
        if self._final is None:
            raise ValueError("trace() before finish(): record the parameters after training first")
        document = {
            "program": self.program,
            "seed": self.seed,
            "steps": self._steps,
            "engine": "PyTorch " + torch.__version__,
        }
        if self._inputs is not None:
            document["inputs"] = self._inputs
        document.update({
            "initial_parameters": self._initial,
            "final_parameters": self._final,
            "losses": self._losses,
        })
        if self._epochs:
            document["epochs"] = self._epochs
        if self._tests:
            document["tests"] = self._tests
        if self._values:
            document["values"] = self._values
        document["result"] = self._result
        document["loop_seconds"] = self._seconds
        return document

    def write(self, path):
        """Writes the trace to ``path`` whole or not at all (a file already there stays until replaced)."""
        write_atomically(path, json.dumps(self.trace()) + "\n")
        return path


def write_atomically(path, text):
    """Writes ``text`` to ``path`` whole or not at all: a file already there stays until replaced."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def nudge(model, ulps=1, fraction=1.0, seed=0):
    """Moves ``fraction`` of the entries of every parameter of ``model`` (or of a tensor, or of each tensor
    of a list) ``ulps`` ulps up, in place; returns how many entries moved.

    Deterministic (the entries are drawn from ``random.Random(seed)``, never from torch's generator or
    Python's global one, so the program's own draws stay the same). Call it after the model is made and
    before ``recorder.initial`` (the trace then records the nudged start), and on the data where the
    engines may round differently (a matrix product, sin): the run says how far PyTorch moves against
    itself when only the rounding changes. A run that converges tightly can absorb a nudge of its
    initial weights entirely; its data's nudge then shows what rounding does.
    """
    if int(ulps) < 1:
        raise ValueError("ulps: at least 1")
    if not 0 < fraction <= 1:
        raise ValueError("fraction: in (0, 1]")
    draw = random.Random(seed)
    up = torch.tensor(math.inf)
    moved = 0
    if isinstance(model, torch.Tensor):
        tensors = [model]
    elif hasattr(model, "parameters"):
        tensors = list(model.parameters())
    else:
        tensors = list(model)
    with torch.no_grad():
        for p in tensors:
            flat = p.detach().view(-1)
            count = max(1, round(fraction * flat.numel())) if flat.numel() else 0
            for i in sorted(draw.sample(range(flat.numel()), count)):
                entry = flat[i]
                for _ in range(int(ulps)):
                    entry = torch.nextafter(entry, up.to(entry.dtype))
                flat[i] = entry
            moved += count
    return moved


def _flat(value):
    return [v for item in value for v in _flat(item)] if isinstance(value, list) else [value]


def _state(state_dict):
    if hasattr(state_dict, "state_dict"):
        state_dict = state_dict.state_dict()
    return {name: t.detach().cpu().tolist() for name, t in state_dict.items()}


def _integer(value, what):
    if isinstance(value, torch.Tensor):
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError("%s: an integer, not %r" % (what, value))
    return int(value)


def _number(value, what):
    if isinstance(value, torch.Tensor):
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError("%s: a number, not %r" % (what, value))
    return int(value) if isinstance(value, numbers.Integral) else float(value)


def _numbers(value, what):
    if isinstance(value, torch.Tensor):
        value = value.detach().cpu().tolist()
    if isinstance(value, (list, tuple)):
        return [_numbers(v, what) for v in value]
    return _number(value, what)
