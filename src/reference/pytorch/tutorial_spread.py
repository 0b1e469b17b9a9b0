#!/usr/bin/env python3
"""How far does a 1-ulp change of the inputs move a tutorial program? PyTorch against PyTorch.

Runs a program of tutorials.py twice in this PyTorch from the same seed: on its own inputs, and
with x moved by one ulp at K points and y at K others (``--nudge K``; libtorch 2.5.1's linspace and
sin differ from PyTorch 1.13's at a few hundred of the 2000 points), or in reverse order
(``--reverse``: the same sums, added up in another order), or on another trace's inputs
(``--inputs TRACE``, e.g. a Java port's: exactly libtorch 2.5.1's linspace and sin). Prints, per seed,
the largest |difference| of the final parameters and the relative difference of the last printed
loss: the yardstick for the Java-vs-PyTorch tolerances (docs/trace-format.md, "Self-spread").

    /usr/bin/python3 src/reference/pytorch/tutorial_spread.py polynomial-optim --seeds 0-9 --nudge 300
"""

import argparse
import contextlib
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tutorials  # noqa: E402  (exits with the install hint if torch is missing)
import torch  # noqa: E402


def trace(program, seed, steps, nudge, reverse=False, inputs=None):
    function, default_steps = tutorials.PROGRAMS[program]
    args = argparse.Namespace(program=program, seed=seed, steps=steps or default_steps, inputs=inputs,
                              nudge=nudge, reverse=reverse, out=None)
    with contextlib.redirect_stdout(io.StringIO()):
        run = tutorials.run_program(function, args)
    return run.trace()


def flat(values):
    if isinstance(values, list):
        return [v for item in values for v in flat(item)]
    return [values]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", choices=list(tutorials.PROGRAMS))
    parser.add_argument("--seeds", default="0-4", help="first-last (default: 0-4)")
    parser.add_argument("--steps", type=int)
    parser.add_argument("--nudge", type=int, default=300)
    parser.add_argument("--reverse", action="store_true", help="also reverse the points' order")
    parser.add_argument("--inputs", help="the second run trains on this trace's x and y (a Java port's:"
                        " libtorch 2.5.1's linspace and sin)")
    args = parser.parse_args()
    first, last = (int(s) for s in args.seeds.split("-"))
    torch.set_num_threads(1)
    worst_params = worst_loss = 0.0
    for seed in range(first, last + 1):
        plain = trace(args.program, seed, args.steps, 0)
        moved = trace(args.program, seed, args.steps, args.nudge, args.reverse, args.inputs)
        params = max(abs(p - q)
                     for name in plain["final_parameters"]
                     for p, q in zip(flat(plain["final_parameters"][name]), flat(moved["final_parameters"][name])))
        p_loss, q_loss = plain["losses"][-1][1], moved["losses"][-1][1]
        loss = abs(p_loss - q_loss) / abs(p_loss)
        worst_params, worst_loss = max(worst_params, params), max(worst_loss, loss)
        print("%s seed %d, %d steps, %d+%d points nudged%s%s: final parameters max |diff| %.3e;"
              " last printed loss %.9g vs %.9g, relative diff %.3e"
              % (args.program, seed, plain["steps"], args.nudge, args.nudge, ", reversed" if args.reverse else "",
                 ", inputs of " + args.inputs if args.inputs else "", params, p_loss, q_loss, loss))
    print("%s worst over seeds %s: final parameters %.3e, last printed loss %.3e"
          % (args.program, args.seeds, worst_params, worst_loss))


if __name__ == "__main__":
    main()
