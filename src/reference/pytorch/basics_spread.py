#!/usr/bin/env python3
"""How far does PyTorch move against itself on a "Learn the Basics" program when only rounding changes?

Runs a program of basics.py twice in this PyTorch from the same seed: as it is, and with K entries
of every parameter moved one ulp up after the model is made (``--nudge K``; libtorch 2.5.1 rounds
matrix products differently from PyTorch 1.13 by about an ulp). Prints, per seed, the largest
|difference| of the final parameters, of the printed losses (relative), of the test accuracy
(as a fraction) and of the average test loss (relative): the yardstick for the Java-vs-PyTorch
tolerances of these programs (docs/trace-format.md, "Self-spread").

    /usr/bin/python3 src/reference/pytorch/basics_spread.py quickstart --seeds 1-2 --epochs 1 --nudge 1000
"""

import argparse
import contextlib
import io
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import basics  # noqa: E402  (exits with the install hint if torch is missing)
import torch  # noqa: E402


def trace(args, seed, nudge):
    function, _ = basics.PROGRAMS[args.program]
    with tempfile.TemporaryDirectory(prefix="djlfit-spread-") as folder:
        run_args = argparse.Namespace(program=args.program, seed=seed, epochs=args.epochs, data=args.data,
                                      model=os.path.join(folder, "model.pth"), load=None, nudge=nudge, threads=1,
                                      out=None)
        with contextlib.redirect_stdout(io.StringIO()):
            run = basics.run_program(function, run_args)
    return run.trace()


def flat(values):
    if isinstance(values, list):
        return [v for item in values for v in flat(item)]
    return [values]


def relative(a, b):
    return 0.0 if a == b else abs(a - b) / abs(a)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", choices=list(basics.PROGRAMS))
    parser.add_argument("--seeds", default="1-2", help="first-last (default: 1-2)")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--data", default=basics.DEFAULT_DATA)
    parser.add_argument("--nudge", type=int, default=1000)
    args = parser.parse_args()
    first, last = (int(s) for s in args.seeds.split("-"))
    torch.set_num_threads(1)
    worst = [0.0, 0.0, 0.0, 0.0]
    for seed in range(first, last + 1):
        plain = trace(args, seed, 0)
        moved = trace(args, seed, args.nudge)
        params = max(abs(p - q)
                     for name in plain["final_parameters"]
                     for p, q in zip(flat(plain["final_parameters"][name]), flat(moved["final_parameters"][name])))
        losses = max(relative(p[1], q[1]) for p, q in zip(plain["losses"], moved["losses"]))
        accuracy = max(abs(p["accuracy"] - q["accuracy"]) for p, q in zip(plain["tests"], moved["tests"]))
        avg_loss = max(relative(p["avg_loss"], q["avg_loss"]) for p, q in zip(plain["tests"], moved["tests"]))
        figures = [params, losses, accuracy, avg_loss]
        worst = [max(w, f) for w, f in zip(worst, figures)]
        print("%s seed %d, %d epoch(s), %d batches, %d entries per parameter nudged: final parameters max |diff|"
              " %.3e; printed losses relative %.3e; accuracy |diff| %.4g (%s vs %s); avg loss relative %.3e"
              % (args.program, seed, args.epochs, plain["steps"], args.nudge, params, losses, accuracy,
                 [t["accuracy"] for t in plain["tests"]], [t["accuracy"] for t in moved["tests"]], avg_loss),
              flush=True)
    print("%s worst over seeds %s, data %s: final parameters %.3e, printed losses %.3e, accuracy %.4g,"
          " avg loss %.3e" % (args.program, args.seeds, args.data, *worst))


if __name__ == "__main__":
    main()
