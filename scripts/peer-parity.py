#!/usr/bin/env python3
"""Per strategy (a sweep's point), compare-inits's results against the PyTorch peer's on the same
config: the training loss (mean of the last 50 steps) and the validation accuracy, each side's
mean and range over its seeds, and their difference in units of the seeds' spread (the pooled
standard deviation of the two sides' seeds). The two sides draw their splits, batches and
initial weights from different generators, so they agree when that difference stays within
seed noise, not bit for bit. Plain Python, no torch.

With --coordinates, the coordinate check instead: per strategy, step (0 and 1 by default) and
layer, each side's geometric mean over its seeds of the layer's mean |x| on the probe batch, and
their relative difference; it exits 1 when any differs by more than --tolerance (5%). The peer
needs only the first updates for it: scripts/pytorch-peer.py CONFIG --steps 4 --out FILE.

usage: python3 scripts/peer-parity.py RESULTS_JSON PEER_JSON [--coordinates [--steps 0 1] [--tolerance 0.05]]
    (RESULTS_JSON: compare-inits's results.json; PEER_JSON: scripts/pytorch-peer.py CONFIG --out FILE)
"""
import argparse, json, math, statistics, sys


def spread(a, b):
    """The pooled standard deviation of two samples (0 when neither has two values)."""
    parts = [(len(x) - 1, statistics.variance(x)) for x in (a, b) if len(x) >= 2]
    n = sum(d for d, _ in parts)
    return math.sqrt(sum(d * v for d, v in parts) / n) if n else 0.0


def geometric_mean(values):
    values = [v for v in values if v is not None and v > 0]
    return math.exp(sum(map(math.log, values)) / len(values)) if values else None


def coordinates(ours, peer, steps, tolerance):
    """The coordinate checks side by side; the number of (strategy, step, layer) beyond tolerance."""
    records = {}
    for run in ours['runs']:
        for record in run.get('coordinate_check', []):
            records.setdefault((run['strategy'], record['step']), []).append(record['mean_abs'])
    print(f"{'strategy':46s} step layer {'ours':>10s} {'peer':>10s} {'difference':>10s}")
    beyond, compared = 0, 0
    for entry in peer['strategies']:
        for step in steps:
            mine = records.get((entry['id'], step), [])
            theirs = [seed[step] for seed in entry.get('coordinate_check', []) if len(seed) > step]
            if not mine or not theirs:
                continue
            for layer in range(min(len(mine[0]), len(theirs[0]))):
                a, b = geometric_mean([m[layer] for m in mine]), geometric_mean([t[layer] for t in theirs])
                if a is None or b is None:
                    continue  # a zero readout at initialization: both 0
                difference = a / b - 1
                compared += 1
                beyond += abs(difference) > tolerance
                flag = '  <--' if abs(difference) > tolerance else ''
                print(f"{entry['id']:46s} {step:4d} {layer + 1:5d} {a:10.4g} {b:10.4g} {100 * difference:+9.2f}%{flag}")
    print(f"{beyond} of {compared} (strategy, step, layer) coordinates differ by more than {100 * tolerance:g}%")
    if compared == 0:
        print("nothing to compare: no strategy id and step is on both sides", file=sys.stderr)
        return 1
    return beyond


def main():
    p = argparse.ArgumentParser(description='compare-inits against the PyTorch peer on one config.')
    p.add_argument('results')
    p.add_argument('peer')
    p.add_argument('--coordinates', action='store_true', help='compare the coordinate checks instead of the losses')
    p.add_argument('--steps', type=int, nargs='*', default=[0, 1], help='the coordinate check\'s steps to compare')
    p.add_argument('--tolerance', type=float, default=0.05, help='the largest relative difference of a coordinate')
    a = p.parse_args()
    ours, peer = json.load(open(a.results)), json.load(open(a.peer))
    if a.coordinates:
        sys.exit(1 if coordinates(ours, peer, a.steps, a.tolerance) else 0)
    runs = {}
    for run in ours['runs']:
        losses = [x for x in run['batch_losses'][-50:] if x is not None]
        if run['status'] == 'ok' and losses:
            runs.setdefault(run['strategy'], []).append((sum(losses) / len(losses), run['validation_accuracy']))
    print(f"{'strategy':46s} {'loss: ours':>22s} {'peer':>22s} {'Δ/spread':>8s}   accuracy: ours / peer")
    beyond = 0
    for entry in peer['strategies']:
        mine = runs.get(entry['id'])
        if not mine or not entry.get('last_losses'):
            print(f"{entry['id']:46s} (no finished run on {'our' if not mine else 'the peer'}'s side)")
            continue
        a, b = [x[0] for x in mine], entry['last_losses']
        s = spread(a, b)
        gap = statistics.mean(a) - statistics.mean(b)
        d = gap / s if s > 0 else (0.0 if gap == 0 else float('inf'))
        beyond += abs(d) > 3
        print(f"{entry['id']:46s} {statistics.mean(a):.4f} [{min(a):.4f}, {max(a):.4f}] {statistics.mean(b):.4f} [{min(b):.4f}, {max(b):.4f}] "
              f"{d:8.2f}   {percent([x[1] for x in mine])} / {percent(entry['accuracies'])}")
    print(f"{beyond} of {len(peer['strategies'])} losses differ by more than 3 seed spreads")


def percent(accuracies):
    """The mean of the accuracies a run has (a finished run may have none: null)."""
    values = [a for a in accuracies if a is not None]
    return f"{100 * statistics.mean(values):.1f}%" if values else "n/a"


if __name__ == '__main__':
    main()
