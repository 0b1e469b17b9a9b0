#!/usr/bin/env python3
"""Times one training epoch of the quickstart (beginner_source/basics/quickstart_tutorial.py) in PyTorch.

Our own code, for ``bench --tutorial quickstart``: the quickstart's train() loop as the original
writes it (torchvision's FashionMNIST with ToTensor, DataLoader(batch_size=64), the 784-512-512-10
ReLU stack after Flatten, CrossEntropyLoss, SGD lr 1e-3), one intra-op thread as the Java side,
with the time of each part apart: data (drawing the next batch), forward (model and loss),
backward, update (optimizer.step and zero_grad). The loss is read with .item() every 100 batches,
as the original prints it. Prints one JSON object on stdout:

    /usr/bin/python3 src/reference/pytorch/quickstart_bench.py --data /usr/share/datasets/fashion-mnist --batches 50
"""

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# basics exits 3, saying what to install, where torch or torchvision cannot be imported
from basics import DEFAULT_DATA, NeuralNetwork, torchvision_root  # noqa: E402

import torch  # noqa: E402
from torch import nn  # noqa: E402
from torch.utils.data import DataLoader  # noqa: E402
from torchvision import datasets  # noqa: E402
from torchvision.transforms import ToTensor  # noqa: E402


def blas_info():
    found = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
    return found.group(1) if found else "unknown"


def timed_epoch(dataloader, model, loss_fn, optimizer, limit):
    parts = {"data": 0.0, "forward": 0.0, "backward": 0.0, "update": 0.0}
    model.train()
    batches = 0
    start = time.perf_counter()
    iterator = iter(dataloader)
    while limit is None or batches < limit:
        a = time.perf_counter()
        try:
            X, y = next(iterator)
        except StopIteration:
            break
        b = time.perf_counter()
        pred = model(X)
        loss = loss_fn(pred, y)
        c = time.perf_counter()
        loss.backward()
        d = time.perf_counter()
        optimizer.step()
        optimizer.zero_grad()
        if batches % 100 == 0:
            loss.item()
        e = time.perf_counter()
        parts["data"] += b - a
        parts["forward"] += c - b
        parts["backward"] += d - c
        parts["update"] += e - d
        batches += 1
    return time.perf_counter() - start, batches, parts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--batches", type=int, default=None, help="stop after this many batches")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    scratch = tempfile.mkdtemp(prefix="quickstart-bench-")
    try:
        torchvision_root(args.data, scratch)
        training_data = datasets.FashionMNIST(root=scratch, train=True, download=False, transform=ToTensor())
        dataloader = DataLoader(training_data, batch_size=64)
        model = NeuralNetwork()
        loss_fn = nn.CrossEntropyLoss()
        optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
        seconds, batches, parts = timed_epoch(dataloader, model, loss_fn, optimizer, args.batches)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    json.dump({"torch": torch.__version__, "blas": blas_info(), "threads": torch.get_num_threads(),
               "epoch_batches": len(dataloader), "batches": batches, "seconds": seconds, "parts": parts},
              sys.stdout)
    print()


if __name__ == "__main__":
    main()
