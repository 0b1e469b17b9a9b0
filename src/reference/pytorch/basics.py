#!/usr/bin/env python3
"""The three programs of PyTorch's "Learn the Basics" that train, as references for the ports.

Our own code computing what quickstart_tutorial.py, optimization_tutorial.py and
saveloadrun_tutorial.py (pytorch/tutorials, beginner_source/basics/; quickstart as of commit
afcd669d, optimization 802d6867, saveloadrun 71d9f09f) compute, printing what they print (stdout
carries nothing else). Each function below follows its program statement by statement, so that
it reads side by side with the original and with the Java port in src/main/java/dev/djlfit/tutorials/.
What we add, and the originals lack:

  * ``torch.manual_seed(SEED)`` before the first draw (the originals do not seed at all);
  * the data from a local folder (``--data DIR``: the four idx files, gzipped or not, as Debian's
    dataset-fashion-mnist installs them) instead of ``download=True``;
  * ``--epochs N`` instead of the fixed 5 (quickstart) or 10 (optimization);
  * ``--nudge K``: move K entries of every parameter (all of a smaller one) one ulp up after the model
    is made (positions drawn from the seed): PyTorch against itself when only rounding changes, the
    self-spread yardstick;
  * ``--out FILE``: the trace (docs/trace-format.md): initial and final parameters, the printed
    losses at their batch (counted from 0 across epochs), each epoch's test accuracy and average loss;
  * ``--model FILE``: where the program's ``model.pth`` (saveloadrun: ``model_weights.pth``) goes
    (default: that name in the working folder, as the original);
  * saveloadrun: the quickstart's model, trained here, stands in for VGG16's downloaded weights
    (``models.vgg16(weights='IMAGENET1K_V1')``); ``--load FILE`` instead loads a state_dict and
    prints its test accuracy in the quickstart's format. ``torch.save(model)`` of the whole pickled
    module is left out: it has no Java counterpart.

    /usr/bin/python3 src/reference/pytorch/basics.py quickstart --seed 5 --epochs 1 --out qs-5.json
"""

import argparse
import gzip
import json
import os
import random
import shutil
import sys
import tempfile
import time

try:
    import torch
    from torch import nn
    from torch.utils.data import DataLoader
    from torchvision import datasets
    from torchvision.transforms import ToTensor
except ImportError:
    sys.stderr.write("error: %s has no PyTorch and torchvision (import failed); on Debian or Ubuntu install them"
                     " with: apt-get install -y python3-torch python3-torchvision\n" % sys.executable)
    sys.exit(3)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from djlfit_trace import write_atomically  # noqa: E402  (one way every reference writes its output)

DEFAULT_DATA = "/usr/share/datasets/fashion-mnist"
FILES = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]
CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
STAND_IN = ("(saveloadrun: the quickstart's model, trained for {} epoch{} here, stands in for VGG16's downloaded"
            " weights; torch.save(model) of the whole pickled module is left out)")


def torchvision_root(data, scratch):
    """A root torchvision's FashionMNIST reads: scratch/FashionMNIST/raw with the four files unpacked."""
    raw = os.path.join(scratch, "FashionMNIST", "raw")
    os.makedirs(raw)
    for name in FILES:
        plain, packed = os.path.join(data, name), os.path.join(data, name + ".gz")
        if os.path.isfile(plain):
            os.symlink(os.path.abspath(plain), os.path.join(raw, name))
        elif os.path.isfile(packed):
            with gzip.open(packed, "rb") as src, open(os.path.join(raw, name), "wb") as dst:
                shutil.copyfileobj(src, dst)
        else:
            sys.stderr.write("error: FashionMNIST not found: %s has no %s(.gz); install the Debian package"
                             " dataset-fashion-mnist or name a folder with the four files with --data DIR\n"
                             % (data, name))
            sys.exit(2)
    return scratch


class Run:
    """What a program hands back besides its printing: the trace's parts."""

    def __init__(self, args):
        self.args = args
        self.losses = []
        self.tests = []
        self.initial = None
        self.final = None
        self.result = None
        self.batches = 0
        self.loop_start = None
        self.loop_seconds = None

    def started(self, model):
        if self.args.nudge:
            nudge(model, self.args.nudge, self.args.seed)
        self.initial = state(model)
        self.loop_start = time.perf_counter()

    def printed_loss(self, step, loss, line):
        print(line)
        self.losses.append([step, loss])

    def tested(self, epoch, accuracy, avg_loss, line):
        print(line)
        self.tests.append({"epoch": epoch, "accuracy": accuracy, "avg_loss": avg_loss})

    def trained(self, model):
        self.loop_seconds = time.perf_counter() - self.loop_start
        self.final = state(model)

    def last(self, line):
        print(line)
        self.result = line

    def trace(self):
        return {
            "program": self.args.program,
            "seed": self.args.seed,
            "steps": self.batches,
            "epochs": self.args.epochs,
            "engine": "PyTorch " + torch.__version__,
            "initial_parameters": self.initial,
            "final_parameters": self.final,
            "losses": self.losses,
            "tests": self.tests,
            "result": self.result,
            "loop_seconds": self.loop_seconds,
        }


def nudge(model, k, seed):
    """k entries of every parameter (all of a smaller one) one ulp up, positions drawn from seed, in place."""
    draw = random.Random(seed)
    up = torch.tensor(float("inf"))
    with torch.no_grad():
        for p in model.parameters():
            flat = p.detach().view(-1)
            for i in draw.sample(range(flat.numel()), min(k, flat.numel())):
                flat[i] = torch.nextafter(flat[i], up)


def state(model):
    return {name: t.detach().tolist() for name, t in model.state_dict().items()}


def datasets_from(args, scratch):
    root = torchvision_root(args.data, scratch)
    training_data = datasets.FashionMNIST(root=root, train=True, download=False, transform=ToTensor())
    test_data = datasets.FashionMNIST(root=root, train=False, download=False, transform=ToTensor())
    return training_data, test_data


class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10)
        )

    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits


def train(run, epoch, dataloader, model, loss_fn, optimizer, batch_size=None):
    """The quickstart's train(); with batch_size, optimization's train_loop() (its `current` differs)."""
    size = len(dataloader.dataset)
    model.train()
    for batch, (X, y) in enumerate(dataloader):
        pred = model(X)
        loss = loss_fn(pred, y)

        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

        if batch % 100 == 0:
            step = epoch * len(dataloader) + batch
            if batch_size is None:
                loss, current = loss.item(), (batch + 1) * len(X)
            else:
                loss, current = loss.item(), batch * batch_size + len(X)
            run.printed_loss(step, loss, f"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]")
    run.batches += len(dataloader)


def test(run, epoch, dataloader, model, loss_fn):
    size = len(dataloader.dataset)
    num_batches = len(dataloader)
    model.eval()
    test_loss, correct = 0, 0
    with torch.no_grad():
        for X, y in dataloader:
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    test_loss /= num_batches
    correct /= size
    line = f"Test Error: \n Accuracy: {(100*correct):>0.1f}%, Avg loss: {test_loss:>8f} \n"
    run.tested(epoch, correct, test_loss, line)
    return line


def quickstart(run, scratch):
    training_data, test_data = datasets_from(run.args, scratch)

    batch_size = 64

    train_dataloader = DataLoader(training_data, batch_size=batch_size)
    test_dataloader = DataLoader(test_data, batch_size=batch_size)

    for X, y in test_dataloader:
        print(f"Shape of X [N, C, H, W]: {X.shape}")
        print(f"Shape of y: {y.shape} {y.dtype}")
        break

    device = "cpu"
    print(f"Using {device} device")

    model = NeuralNetwork().to(device)
    print(model)

    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)

    run.started(model)
    epochs = run.args.epochs
    for t in range(epochs):
        print(f"Epoch {t+1}\n-------------------------------")
        train(run, t, train_dataloader, model, loss_fn, optimizer)
        test(run, t + 1, test_dataloader, model, loss_fn)
    print("Done!")
    run.trained(model)

    torch.save(model.state_dict(), run.args.model or "model.pth")
    print("Saved PyTorch Model State to model.pth")

    model = NeuralNetwork().to(device)
    model.load_state_dict(torch.load(run.args.model or "model.pth"))

    model.eval()
    x, y = test_data[0][0], test_data[0][1]
    with torch.no_grad():
        pred = model(x)
        predicted, actual = CLASSES[pred[0].argmax(0)], CLASSES[y]
        run.last(f'Predicted: "{predicted}", Actual: "{actual}"')


def optimization(run, scratch):
    training_data, test_data = datasets_from(run.args, scratch)

    train_dataloader = DataLoader(training_data, batch_size=64)
    test_dataloader = DataLoader(test_data, batch_size=64)

    model = NeuralNetwork()

    learning_rate = 1e-3
    batch_size = 64

    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

    run.started(model)
    epochs = run.args.epochs
    for t in range(epochs):
        print(f"Epoch {t+1}\n-------------------------------")
        train(run, t, train_dataloader, model, loss_fn, optimizer, batch_size)
        test(run, t + 1, test_dataloader, model, loss_fn)
    run.trained(model)
    run.last("Done!")


def saveloadrun(run, scratch):
    training_data, test_data = datasets_from(run.args, scratch)
    train_dataloader = DataLoader(training_data, batch_size=64)
    test_dataloader = DataLoader(test_data, batch_size=64)
    loss_fn = nn.CrossEntropyLoss()
    weights = run.args.model or "model_weights.pth"

    if run.args.load is None:
        print(STAND_IN.format(run.args.epochs, "" if run.args.epochs == 1 else "s"))
        model = NeuralNetwork()
        optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
        run.started(model)
        for t in range(run.args.epochs):
            train(run, t, train_dataloader, model, loss_fn, optimizer)
        run.trained(model)
        torch.save(model.state_dict(), weights)
    else:
        weights = run.args.load

    model = NeuralNetwork()
    model.load_state_dict(torch.load(weights))
    model.eval()
    if run.initial is None:
        run.initial = run.final = state(model)
    run.result = test(run, run.args.epochs, test_dataloader, model, loss_fn)


PROGRAMS = {
    "quickstart": (quickstart, 5),
    "optimization": (optimization, 10),
    "saveloadrun": (saveloadrun, 5),
}


def run_program(program, args):
    """Seeds torch with args.seed, as the Java ports do, then runs the program on the local data."""
    torch.manual_seed(args.seed)
    run = Run(args)
    with tempfile.TemporaryDirectory(prefix="djlfit-fashion-mnist-") as scratch:
        program(run, scratch)
    return run


def main():
    parser = argparse.ArgumentParser(description="A program of PyTorch's 'Learn the Basics' on local FashionMNIST.")
    parser.add_argument("program", choices=list(PROGRAMS))
    parser.add_argument("--seed", type=int, default=0, help="torch.manual_seed (default: 0)")
    parser.add_argument("--epochs", type=int, help="epochs (default: the program's, 5 or 10)")
    parser.add_argument("--data", default=DEFAULT_DATA, help="the four FashionMNIST idx files (default: %s)"
                        % DEFAULT_DATA)
    parser.add_argument("--model", help="where model.pth (saveloadrun: model_weights.pth) is written")
    parser.add_argument("--load", help="saveloadrun: test this state_dict instead of training one")
    parser.add_argument("--nudge", type=int, default=0, help="move this many entries of each parameter by one ulp")
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default: 1)")
    parser.add_argument("--out", help="write the trace (JSON) here")
    args = parser.parse_args()
    program, default_epochs = PROGRAMS[args.program]
    if args.epochs is None:
        args.epochs = default_epochs
    if args.epochs <= 0 and args.load is None or not 0 <= args.nudge <= 100000:
        parser.error("--epochs must be positive, --nudge between 0 and 100000")
    if args.load is not None:
        if args.program != "saveloadrun":
            parser.error("--load is saveloadrun's")
        args.epochs = 0

    torch.set_num_threads(args.threads)
    run = run_program(program, args)
    if args.out:
        write_atomically(args.out, json.dumps(run.trace()) + "\n")


if __name__ == "__main__":
    main()
