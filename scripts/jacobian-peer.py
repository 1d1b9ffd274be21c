#!/usr/bin/env python3
"""The PyTorch peer of compare-inits's Jacobian spectrum: for every strategy of a config, the
singular values of J = dh_L/dh_1 (the last hidden layer's output against the first's) at the
same probe images and for the same initial weights, computed by torch.func.jacrev and
torch.linalg.svdvals in float64, and compared with what compare-inits found.

compare-inits draws the weights (`inspect CONFIG --export FOLDER` writes them, the probe images
and its spectra); this script reads them, so both sides differ only in how they get J and its
singular values: the tool multiplies the layers' D.W factors in float64 (OpenBLAS's dgemm) and
calls LAPACK's dgesdd; PyTorch differentiates the forward pass.

Optional, never a dependency of compare-inits. Set up torch outside the repository:
    python3 -m venv ~/torch-venv && ~/torch-venv/bin/pip install torch numpy
usage: ~/torch-venv/bin/python scripts/jacobian-peer.py CONFIG [--tool PATH] [--tolerance 0.01]
Runs `compare-inits inspect CONFIG --export TMP` (PATH: .build/release/compare-inits by default),
prints a table per strategy: mean s^2, the largest and the smallest singular value on both
sides and their relative differences; exits 1 if one is off by more than the tolerance. The
smallest is compared only where it is above Float rounding of the largest (2^-24 of it) on both
sides: below, its digits are the arithmetic's (a ReLU network's J has exact zeros).
"""
import argparse, json, math, os, subprocess, sys, tempfile

import numpy as np
import torch

ROUNDING = 2.0 ** -24


def activation(spec):
    name = spec['name'] if isinstance(spec, dict) else spec
    if name == 'relu':
        return torch.relu
    if name == 'tanh':
        return torch.tanh
    if name == 'sigmoid':
        return torch.sigmoid
    if name == 'selu':
        return torch.selu
    if name == 'leaky_relu':
        slope = spec.get('slope', 0.01) if isinstance(spec, dict) else 0.01
        return lambda x: torch.nn.functional.leaky_relu(x, slope)
    if name in ('identity', 'linear'):
        return lambda x: x
    raise SystemExit(f'jacobian-peer: unknown activation {name!r}')


def spectrum(entry, folder, probe):
    """The pooled singular values of J at every probe image, float64."""
    params = np.fromfile(os.path.join(folder, entry['parameters']), dtype='<f4')
    f = activation(entry['activation'])
    layers = []
    for layer in entry['layers']:
        n, k, w, b = layer['outputs'], layer['inputs'], layer['weight_offset'], layer['bias_offset']
        # A parametrization's multipliers: the layer computes forward * (W x) + bias * b.
        forward, bias = layer.get('forward_multiplier', 1), layer.get('bias_multiplier', 1)
        layers.append((forward * torch.from_numpy(params[w:w + n * k].astype(np.float64).reshape(n, k)),
                       bias * torch.from_numpy(params[b:b + n].astype(np.float64))))
    hidden = layers[:-1]

    def top(h):
        for weight, bias in hidden[1:]:
            h = f(weight @ h + bias)
        return h

    values = []
    for x in probe:
        h1 = f(hidden[0][0] @ x + hidden[0][1])
        j = torch.func.jacrev(top)(h1)
        values.append(torch.linalg.svdvals(j))
    return torch.cat(values).numpy()


def compare(ours, theirs, tolerance):
    """Rows of (quantity, ours, peer's, relative difference or None) and whether all agree."""
    ours = np.sort(np.asarray(ours, dtype=np.float64))
    theirs = np.sort(theirs)
    rows = [('mean s^2', float(np.mean(ours ** 2)), float(np.mean(theirs ** 2))),
            ('largest s', float(ours[-1]), float(theirs[-1]))]
    small_ours, small_theirs = float(ours[0]), float(theirs[0])
    if small_ours >= ours[-1] * ROUNDING and small_theirs >= theirs[-1] * ROUNDING:
        rows.append(('smallest s', small_ours, small_theirs))
    else:
        rows.append(('smallest s', small_ours, small_theirs, 'rounding'))
    table, agree = [], True
    for row in rows:
        name, a, b = row[:3]
        if len(row) == 4:
            table.append((name, a, b, None))
            continue
        diff = abs(a - b) / max(abs(b), 1e-300)
        agree &= diff <= tolerance
        table.append((name, a, b, diff))
    return table, agree


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('config')
    parser.add_argument('--tool', default='.build/release/compare-inits')
    parser.add_argument('--tolerance', type=float, default=0.01)
    args = parser.parse_args()
    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as folder:
        export = os.path.join(folder, 'export')
        subprocess.run([args.tool, 'inspect', args.config, '--export', export], check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(export, 'export.json')) as file:
            index = json.load(file)
        probe = np.fromfile(os.path.join(export, index['probe']), dtype='<f4').astype(np.float64)
        probe = torch.from_numpy(probe.reshape(index['probe_images'], index['features']))
        all_agree = True
        print(f"{'strategy':<44}{'quantity':<12}{'compare-inits':>16}{'PyTorch':>16}{'rel. diff':>12}")
        for entry in index['strategies']:
            if entry['jacobian'] is None:
                print(f"{entry['id']:<44}no spectrum (fewer than two hidden layers, residual, or not finite)")
                continue
            if entry['batch_norm']:
                # Its γ/σ come from the probe batch's statistics, which the export does not carry.
                print(f"{entry['id']:<44}skipped: batch normalization")
                continue
            ours = [s for image in entry['jacobian']['singular_values'] for s in image]
            table, agree = compare(ours, spectrum(entry, export, probe), args.tolerance)
            all_agree &= agree
            for k, (name, a, b, diff) in enumerate(table):
                label = entry['id'] if k == 0 else ''
                shown = 'rounding' if diff is None else f'{diff:.2e}'
                print(f'{label:<44}{name:<12}{a:>16.6g}{b:>16.6g}{shown:>12}')
        print(f"{'all agree' if all_agree else 'DISAGREE'} within {args.tolerance:.0%} (relative)")
        sys.exit(0 if all_agree else 1)


if __name__ == '__main__':
    main()
