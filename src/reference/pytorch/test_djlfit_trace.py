"""Tests of djlfit_trace against the installed torch (1.13 here): /usr/bin/python3 -m unittest, or
DjlfitTraceModuleTest, which runs them under Maven."""

import json
import os
import sys
import tempfile
import unittest

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from djlfit_trace import TraceRecorder, nudge  # noqa: E402


def small_model(seed):
    torch.manual_seed(seed)
    return torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))


class RecorderTest(unittest.TestCase):

    def test_trace_holds_the_parameters_before_and_after_exactly(self):
        model = small_model(5)
        before = {k: v.clone() for k, v in model.state_dict().items()}
        recorder = TraceRecorder("tiny", 5).initial(model.state_dict())
        with torch.no_grad():
            for p in model.parameters():
                p.mul_(1.5)
        trace = recorder.finish(model.state_dict(), steps=10).trace()
        self.assertEqual(list(trace["initial_parameters"]), ["0.weight", "0.bias", "2.weight", "2.bias"])
        for name, tensor in before.items():
            self.assertTrue(torch.equal(torch.tensor(trace["initial_parameters"][name]), tensor), name)
            self.assertTrue(torch.equal(torch.tensor(trace["final_parameters"][name]), tensor * 1.5), name)
        self.assertEqual(trace["program"], "tiny")
        self.assertEqual(trace["seed"], 5)
        self.assertEqual(trace["steps"], 10)
        self.assertEqual(trace["engine"], "PyTorch " + torch.__version__)

    def test_initial_parameters_are_a_copy_not_a_view(self):
        model = small_model(1)
        recorder = TraceRecorder("tiny", 1).initial(model)
        first = model[0].weight[0, 0].item()
        with torch.no_grad():
            model[0].weight.add_(1.0)
        trace = recorder.finish(model).trace()
        self.assertEqual(trace["initial_parameters"]["0.weight"][0][0], first)
        self.assertEqual(trace["final_parameters"]["0.weight"][0][0], model[0].weight[0, 0].item())

    def test_inputs_are_written_flat_and_only_when_given(self):
        model = small_model(3)
        without = TraceRecorder("tiny", 3).initial(model).finish(model).trace()
        self.assertNotIn("inputs", without)
        x = torch.FloatTensor([[0], [1], [2.5]])
        recorder = TraceRecorder("tiny", 3).inputs(x, [[1.0], [3.0], [6.0]]).initial(model)
        trace = recorder.finish(model).trace()
        self.assertEqual(trace["inputs"], {"x": [0.0, 1.0, 2.5], "y": [1.0, 3.0, 6.0]})
        self.assertEqual(list(trace)[:5], ["program", "seed", "steps", "engine", "inputs"])
        with self.assertRaises(ValueError):
            TraceRecorder("tiny", 3).inputs([1.0, 2.0], [1.0])

    def test_losses_tests_and_values_as_the_trace_format_writes_them(self):
        model = small_model(2)
        recorder = TraceRecorder("tiny", 2).initial(model.state_dict())
        loss = torch.tensor(0.1234567, dtype=torch.float32)
        recorder.loss(0, loss).loss(99, 0.5)
        recorder.test(1, 0.75, torch.tensor(0.25))
        recorder.value("indices", torch.tensor([3, 1, 2]))
        recorder.value("grid", [[1.5, 2.0], [3.0, 4.0]])
        recorder.value("rmse", 0.125)
        trace = recorder.finish(model.state_dict(), epochs=1, result="Done!").trace()
        self.assertEqual(trace["losses"], [[0, loss.item()], [99, 0.5]])
        self.assertEqual(trace["steps"], 100, "defaults to the last logged step + 1")
        self.assertEqual(trace["epochs"], 1)
        self.assertEqual(trace["tests"], [{"epoch": 1, "accuracy": 0.75, "avg_loss": 0.25}])
        self.assertEqual(trace["values"], {"indices": [3, 1, 2], "grid": [[1.5, 2.0], [3.0, 4.0]], "rmse": 0.125})
        self.assertIsInstance(trace["values"]["indices"][0], int)
        self.assertEqual(trace["result"], "Done!")

    def test_a_float32_loss_survives_the_json_exactly(self):
        loss = torch.tensor(1.0, dtype=torch.float32) / 3
        model = small_model(3)
        recorder = TraceRecorder("tiny", 3).initial(model).loss(0, loss).finish(model)
        back = json.loads(json.dumps(recorder.trace()))
        self.assertEqual(torch.tensor(back["losses"][0][1], dtype=torch.float32).item(), loss.item())

    def test_wrong_use_is_refused_with_what_to_do(self):
        model = small_model(4)
        with self.assertRaisesRegex(ValueError, "initial"):
            TraceRecorder("tiny", 4).finish(model)
        with self.assertRaisesRegex(ValueError, "finish"):
            TraceRecorder("tiny", 4).initial(model).trace()
        recorder = TraceRecorder("tiny", 4)
        with self.assertRaises(TypeError):
            recorder.loss(1.5, 0.1)
        with self.assertRaises(TypeError):
            recorder.value("name", "text")
        recorder.value("name", 1)
        with self.assertRaisesRegex(ValueError, "twice"):
            recorder.value("name", 2)

    def test_write_replaces_whole_and_leaves_no_temporary_file(self):
        model = small_model(6)
        recorder = TraceRecorder("tiny", 6).initial(model).loss(0, 1.0).finish(model)
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "trace.json")
            with open(path, "w") as f:
                f.write("old")
            recorder.write(path)
            with open(path) as f:
                self.assertEqual(json.load(f)["program"], "tiny")
            self.assertEqual(os.listdir(folder), ["trace.json"])
            with self.assertRaises(OSError):
                recorder.write(os.path.join(folder, "missing", "trace.json"))
            self.assertEqual(os.listdir(folder), ["trace.json"])


class NudgeTest(unittest.TestCase):

    def test_moves_the_chosen_entries_one_ulp_up_and_no_others(self):
        model = small_model(7)
        before = [p.detach().clone() for p in model.parameters()]
        moved = nudge(model, fraction=0.5, seed=1)
        changed = 0
        for old, p in zip(before, model.parameters()):
            up = torch.nextafter(old, torch.tensor(float("inf")))
            self.assertTrue(torch.all((p == old) | (p == up)))
            changed += int((p != old).sum())
        self.assertEqual(changed, moved)
        self.assertEqual(moved, 6 + 2 + 2 + 1)  # half of 12, 4, 4 and 1 (at least one each)

    def test_ulps_moves_further(self):
        model = small_model(8)
        old = model[2].bias.detach().clone()
        nudge(model, ulps=3)
        expected = old
        for _ in range(3):
            expected = torch.nextafter(expected, torch.tensor(float("inf")))
        self.assertTrue(torch.equal(model[2].bias.detach(), expected))

    def test_is_deterministic_and_leaves_torchs_generator_alone(self):
        a, b = small_model(9), small_model(9)
        nudge(a, fraction=0.3, seed=4)
        after_nudge = torch.rand(5)
        torch.manual_seed(9)
        small_model(9)
        untouched = torch.rand(5)
        nudge(b, fraction=0.3, seed=4)
        self.assertTrue(torch.equal(after_nudge, untouched))
        for pa, pb in zip(a.parameters(), b.parameters()):
            self.assertTrue(torch.equal(pa, pb))
        c = small_model(9)
        nudge(c, fraction=0.3, seed=5)
        self.assertFalse(all(torch.equal(pa, pc) for pa, pc in zip(a.parameters(), c.parameters())))

    def test_nudges_a_tensor_of_data_in_place(self):
        torch.manual_seed(3)
        data = torch.randn(100, 2)
        old = data.clone()
        moved = nudge(data, fraction=0.25, seed=2)
        self.assertEqual(moved, 50)
        self.assertEqual(int((data != old).sum()), 50)
        self.assertTrue(torch.all((data == old) | (data == torch.nextafter(old, torch.tensor(float("inf"))))))

    def test_refuses_a_fraction_outside_zero_to_one(self):
        with self.assertRaises(ValueError):
            nudge(small_model(1), fraction=0)
        with self.assertRaises(ValueError):
            nudge(small_model(1), ulps=0)


if __name__ == "__main__":
    unittest.main()
