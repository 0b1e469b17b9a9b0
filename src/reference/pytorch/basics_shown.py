#!/usr/bin/env python3
"""The five programs of PyTorch's "Learn the Basics" that train nothing, as references for the ports.

Our own code computing what tensorqs_tutorial.py, data_tutorial.py, transforms_tutorial.py,
buildmodel_tutorial.py and autogradqs_tutorial.py (pytorch/tutorials, beginner_source/basics/)
compute, printing what they print (stdout carries nothing else), statement by statement, so that
each reads side by side with its original and with the Java port in src/main/java/dev/djlfit/tutorials/.
What we add, and the originals lack:

  * ``torch.manual_seed(SEED)`` before the first draw (the originals do not seed);
  * FashionMNIST from a local folder (``--data DIR``, as in basics.py) instead of ``download=True``;
  * no figures: matplotlib's calls are left out (the Java port writes PNG files instead);
  * data: the custom dataset class is left out, as the original only defines it; ``--out FILE`` writes
    ``{"grid_indices": [...], "first_batch_labels": [...]}``, the nine indices torch.randint picked
    and the labels of the first shuffled batch;
  * tensors: no ``.to('cuda')`` (the reference runs on the CPU).

    /usr/bin/python3 src/reference/pytorch/basics_shown.py data --seed 11 --data DIR --out picks.json
"""

import argparse
import json
import os
import sys
import tempfile

try:
    import numpy as np
    import torch
    from torch import nn
    from torch.utils.data import DataLoader
    from torchvision import datasets
    from torchvision.transforms import ToTensor, Lambda
except ImportError:
    sys.stderr.write("error: %s has no PyTorch and torchvision (import failed); on Debian or Ubuntu install them"
                     " with: apt-get install -y python3-torch python3-torchvision\n" % sys.executable)
    sys.exit(3)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from djlfit_trace import write_atomically  # noqa: E402
from basics import DEFAULT_DATA, torchvision_root  # noqa: E402


def tensors(args):
    data = [[1, 2], [3, 4]]
    x_data = torch.tensor(data)
    np_array = np.array(data)
    x_np = torch.from_numpy(np_array)

    x_ones = torch.ones_like(x_data)
    print(f"Ones Tensor: \n {x_ones} \n")
    x_rand = torch.rand_like(x_data, dtype=torch.float)
    print(f"Random Tensor: \n {x_rand} \n")

    shape = (2, 3,)
    rand_tensor = torch.rand(shape)
    ones_tensor = torch.ones(shape)
    zeros_tensor = torch.zeros(shape)
    print(f"Random Tensor: \n {rand_tensor} \n")
    print(f"Ones Tensor: \n {ones_tensor} \n")
    print(f"Zeros Tensor: \n {zeros_tensor}")

    tensor = torch.rand(3, 4)
    print(f"Shape of tensor: {tensor.shape}")
    print(f"Datatype of tensor: {tensor.dtype}")
    print(f"Device tensor is stored on: {tensor.device}")

    tensor = torch.ones(4, 4)
    print('First row: ', tensor[0])
    print('First column: ', tensor[:, 0])
    print('Last column:', tensor[..., -1])
    tensor[:, 1] = 0
    print(tensor)
    t1 = torch.cat([tensor, tensor, tensor], dim=1)
    print(t1)

    y1 = tensor @ tensor.T
    y2 = tensor.matmul(tensor.T)
    y3 = torch.rand_like(tensor)
    torch.matmul(tensor, tensor.T, out=y3)
    z1 = tensor * tensor
    z2 = tensor.mul(tensor)
    z3 = torch.rand_like(tensor)
    torch.mul(tensor, tensor, out=z3)

    agg = tensor.sum()
    agg_item = agg.item()
    print(agg_item, type(agg_item))
    print(tensor, "\n")
    tensor.add_(5)
    print(tensor)

    t = torch.ones(5)
    print(f"t: {t}")
    n = t.numpy()
    print(f"n: {n}")
    t.add_(1)
    print(f"t: {t}")
    print(f"n: {n}")

    n = np.ones(5)
    t = torch.from_numpy(n)
    np.add(n, 1, out=n)
    print(f"t: {t}")
    print(f"n: {n}")


def data(args):
    with tempfile.TemporaryDirectory(prefix="djlfit-fashion-mnist-") as scratch:
        root = torchvision_root(args.data, scratch)
        training_data = datasets.FashionMNIST(root=root, train=True, download=False, transform=ToTensor())
        test_data = datasets.FashionMNIST(root=root, train=False, download=False, transform=ToTensor())

        grid_indices = []
        cols, rows = 3, 3
        for i in range(1, cols * rows + 1):
            sample_idx = torch.randint(len(training_data), size=(1,)).item()
            img, label = training_data[sample_idx]
            grid_indices.append(sample_idx)

        train_dataloader = DataLoader(training_data, batch_size=64, shuffle=True)
        test_dataloader = DataLoader(test_data, batch_size=64, shuffle=True)

        train_features, train_labels = next(iter(train_dataloader))
        print(f"Feature batch shape: {train_features.size()}")
        print(f"Labels batch shape: {train_labels.size()}")
        img = train_features[0].squeeze()
        label = train_labels[0]
        print(f"Label: {label}")
        if args.out:
            write_atomically(args.out, json.dumps({"grid_indices": grid_indices,
                                                   "first_batch_labels": train_labels.tolist()}) + "\n")


def transforms(args):
    with tempfile.TemporaryDirectory(prefix="djlfit-fashion-mnist-") as scratch:
        root = torchvision_root(args.data, scratch)
        ds = datasets.FashionMNIST(
            root=root,
            train=True,
            download=False,
            transform=ToTensor(),
            target_transform=Lambda(lambda y: torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(y), value=1))
        )
        target_transform = Lambda(lambda y: torch.zeros(
            10, dtype=torch.float).scatter_(dim=0, index=torch.tensor(y), value=1))
        if args.out:
            write_atomically(args.out, json.dumps({"one_hot": [target_transform(y).tolist() for y in range(10)],
                                                   "first_targets": [ds[i][1].tolist() for i in range(5)]}) + "\n")


class NeuralNetwork(nn.Module):
    def __init__(self):
        super(NeuralNetwork, self).__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(28 * 28, 512),
            nn.ReLU(),
            nn.Linear(512, 512),
            nn.ReLU(),
            nn.Linear(512, 10),
            nn.ReLU()
        )

    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits


def buildmodel(args):
    device = 'cpu'
    print('Using {} device'.format(device))
    model = NeuralNetwork().to(device)
    print(model)

    X = torch.rand(1, 28, 28, device=device)
    logits = model(X)
    pred_probab = nn.Softmax(dim=1)(logits)
    y_pred = pred_probab.argmax(1)
    print(f"Predicted class: {y_pred}")

    input_image = torch.rand(3, 28, 28)
    print(input_image.size())
    flatten = nn.Flatten()
    flat_image = flatten(input_image)
    print(flat_image.size())
    layer1 = nn.Linear(in_features=28 * 28, out_features=20)
    hidden1 = layer1(flat_image)
    print(hidden1.size())
    print(f"Before ReLU: {hidden1}\n\n")
    hidden1 = nn.ReLU()(hidden1)
    print(f"After ReLU: {hidden1}")

    seq_modules = nn.Sequential(
        flatten,
        layer1,
        nn.ReLU(),
        nn.Linear(20, 10)
    )
    input_image = torch.rand(3, 28, 28)
    logits = seq_modules(input_image)
    softmax = nn.Softmax(dim=1)
    pred_probab = softmax(logits)

    print("Model structure: ", model, "\n\n")
    for name, param in model.named_parameters():
        print(f"Layer: {name} | Size: {param.size()} | Values : {param[:2]} \n")


def autograd(args):
    x = torch.ones(5)
    y = torch.zeros(3)
    w = torch.randn(5, 3, requires_grad=True)
    b = torch.randn(3, requires_grad=True)
    z = torch.matmul(x, w) + b
    loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y)

    print(f"Gradient function for z = {z.grad_fn}")
    print(f"Gradient function for loss = {loss.grad_fn}")

    loss.backward()
    print(w.grad)
    print(b.grad)

    z = torch.matmul(x, w) + b
    print(z.requires_grad)
    with torch.no_grad():
        z = torch.matmul(x, w) + b
    print(z.requires_grad)

    z = torch.matmul(x, w) + b
    z_det = z.detach()
    print(z_det.requires_grad)

    inp = torch.eye(4, 5, requires_grad=True)
    out = (inp + 1).pow(2).t()
    out.backward(torch.ones_like(out), retain_graph=True)
    print(f"First call\n{inp.grad}")
    out.backward(torch.ones_like(out), retain_graph=True)
    print(f"\nSecond call\n{inp.grad}")
    inp.grad.zero_()
    out.backward(torch.ones_like(out), retain_graph=True)
    print(f"\nCall after zeroing gradients\n{inp.grad}")


PROGRAMS = {"tensors": tensors, "data": data, "transforms": transforms, "buildmodel": buildmodel,
            "autograd": autograd}


def main():
    parser = argparse.ArgumentParser(description="A program of PyTorch's 'Learn the Basics' that trains nothing.")
    parser.add_argument("program", choices=list(PROGRAMS))
    parser.add_argument("--seed", type=int, default=0, help="torch.manual_seed (default: 0)")
    parser.add_argument("--data", default=DEFAULT_DATA, help="the four FashionMNIST idx files (default: %s)"
                        % DEFAULT_DATA)
    parser.add_argument("--out", help="data: the picked indices and first batch's labels (JSON);"
                                      " transforms: the one-hot targets")
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(1)
    PROGRAMS[args.program](args)


if __name__ == "__main__":
    main()
