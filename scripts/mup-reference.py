#!/usr/bin/env python3
"""Numbers the real `mup` package (microsoft/mup) computes for small MLPs, which the tests of
compare-inits's muP (MaximalUpdateTests) compare against, without torch: it writes
Tests/Fixtures/mup-reference.json, committed beside them.

Each case is an MLP input → hidden widths → classes, nn.Linear hidden layers with biases, ReLU,
and a MuReadout output layer, after `set_base_shapes(model, base, delta=delta)` (default
rescale_params=True) with a base model of the case's base widths and a delta model one wider,
trained with MuAdam or MuSGD. Recorded per case: the values drawn before set_base_shapes (W
(out, in) row-major, then b, layer by layer: compare-inits's parameter order) and after it, each
parameter's learning rate over the optimizer's, and for two steps on two batches the scores,
the loss, every gradient and the parameters after the step. Float32 throughout; the inputs are
drawn by numpy from fixed seeds, so a rerun writes the same file.

Optional, never a dependency of compare-inits (torch and mup stay outside the repository):
    python3 -m venv ~/torch-venv && ~/torch-venv/bin/pip install torch numpy mup
usage: ~/torch-venv/bin/python scripts/mup-reference.py [--out Tests/Fixtures/mup-reference.json]
"""
import argparse, importlib.metadata, json
import numpy as np
import torch, torch.nn as nn, torch.nn.functional as F
import mup
from mup import MuReadout, set_base_shapes, MuAdam, MuSGD

CASES = [
    # Two hidden layers of different width multipliers (2 and 4): MuAdam's 1/width_mult of the
    # hidden W is its fan-in's, MuSGD's ratio fan-in/fan-out is not 1.
    dict(name='adam', widths=[6, 8, 12, 3], base=[4, 3], optimizer='adam', lr=0.01, output_mult=1.0, zero=False),
    dict(name='sgd-momentum', widths=[6, 8, 12, 3], base=[4, 3], optimizer='sgd', lr=0.05, momentum=0.9, output_mult=2.0,
         zero=False),
    # MuReadout's readout_zero_init, and an output multiplier.
    dict(name='adam-zero-readout', widths=[5, 16, 16, 4], base=[4, 4], optimizer='adam', lr=0.02, output_mult=1.5, zero=True),
    # Three hidden layers, one narrower than its base (width_mult < 1), plain SGD.
    dict(name='sgd-narrower', widths=[5, 4, 10, 6, 3], base=[8, 5, 6], optimizer='sgd', lr=0.1, momentum=0.0, output_mult=0.5,
         zero=False),
]


class MLP(nn.Module):
    def __init__(self, widths, output_mult, zero):
        super().__init__()
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths[:-2], widths[1:-1]))
        self.readout = MuReadout(widths[-2], widths[-1], output_mult=output_mult, readout_zero_init=zero)

    def forward(self, x):
        for layer in self.hidden:
            x = F.relu(layer(x))
        return self.readout(x)

    def layers(self):
        return list(self.hidden) + [self.readout]


def flat(tensors):
    return [float(v) for t in tensors for v in t.detach().reshape(-1).tolist()]


def params(model):
    return flat(p for layer in model.layers() for p in (layer.weight, layer.bias))


def grads(model):
    return flat(p.grad for layer in model.layers() for p in (layer.weight, layer.bias))


def run(index, case):
    torch.manual_seed(index)
    rng = np.random.default_rng(1000 + index)
    widths = case['widths']
    model = MLP(widths, case['output_mult'], case['zero'])
    base = MLP([widths[0]] + case['base'] + [widths[-1]], case['output_mult'], case['zero'])
    delta = MLP([widths[0]] + [b + 1 for b in case['base']] + [widths[-1]], case['output_mult'], case['zero'])
    # The values an initializer drew (PyTorch's default scale), before set_base_shapes; a
    # zero-initialized readout keeps its zeros, as MuReadout makes it.
    with torch.no_grad():
        for layer in model.layers():
            if case['zero'] and layer is model.readout:
                continue
            bound = 1 / np.sqrt(layer.in_features)
            layer.weight.copy_(torch.from_numpy(rng.uniform(-bound, bound, layer.weight.shape).astype(np.float32)))
            layer.bias.copy_(torch.from_numpy(rng.uniform(-bound, bound, layer.bias.shape).astype(np.float32)))
    drawn = params(model)
    set_base_shapes(model, base, delta=delta)
    initial = params(model)

    make = MuAdam if case['optimizer'] == 'adam' else MuSGD
    extra = {} if case['optimizer'] == 'adam' else {'momentum': case['momentum']}
    optimizer = make(model.parameters(), lr=case['lr'], **extra)
    rate = {id(p): g['lr'] / case['lr'] for g in optimizer.param_groups for p in g['params']}
    multipliers = [rate[id(p)] for layer in model.layers() for p in (layer.weight, layer.bias)]

    rows = 7
    steps = []
    for _ in range(2):
        x = torch.from_numpy(rng.uniform(0, 1, (rows, widths[0])).astype(np.float32))
        labels = torch.from_numpy(rng.integers(0, widths[-1], rows).astype(np.int64))
        optimizer.zero_grad()
        scores = model(x)
        loss = F.cross_entropy(scores, labels)
        loss.backward()
        gradients = grads(model)
        optimizer.step()
        steps.append(dict(x=flat([x]), labels=labels.tolist(), scores=flat([scores]), loss=float(loss.detach()),
                          gradients=gradients, parameters=params(model)))
    return dict(name=case['name'], widths=widths, base_widths=case['base'], optimizer=case['optimizer'], learning_rate=case['lr'],
                momentum=case.get('momentum', 0.0), output_mult=case['output_mult'], readout_zero_init=case['zero'],
                drawn=drawn, initial=initial, learning_rate_multipliers=multipliers, steps=steps)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--out', default='Tests/Fixtures/mup-reference.json')
    args = parser.parse_args()
    torch.set_num_threads(1)
    cases = [run(i, case) for i, case in enumerate(CASES)]
    # A case a line: small enough to read, and a rerun's difference shows case by case.
    with open(args.out, 'w') as f:
        f.write('{"generator": "scripts/mup-reference.py", "mup": %s, "torch": %s, "cases": [\n'
                % (json.dumps(importlib.metadata.version('mup')), json.dumps(torch.__version__)))
        f.write(',\n'.join(json.dumps(case) for case in cases))
        f.write('\n]}\n')


if __name__ == '__main__':
    main()
