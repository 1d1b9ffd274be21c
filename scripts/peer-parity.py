#!/usr/bin/env python3
"""Per strategy (a sweep's point), compare-inits's results against the PyTorch peer's on the same
config: the training loss (mean of the last 50 steps) and the validation accuracy, each side's
mean and range over its seeds, and their difference in units of the seeds' spread (the pooled
standard deviation of the two sides' seeds). The two sides draw their splits, batches and
initial weights from different generators, so they agree when that difference stays within
seed noise, not bit for bit. Plain Python, no torch.

usage: python3 scripts/peer-parity.py RESULTS_JSON PEER_JSON
    (RESULTS_JSON: compare-inits's results.json; PEER_JSON: scripts/pytorch-peer.py CONFIG --out FILE)
"""
import json, math, statistics, sys


def spread(a, b):
    """The pooled standard deviation of two samples (0 when neither has two values)."""
    parts = [(len(x) - 1, statistics.variance(x)) for x in (a, b) if len(x) >= 2]
    n = sum(d for d, _ in parts)
    return math.sqrt(sum(d * v for d, v in parts) / n) if n else 0.0


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().split('\n\n')[-1])
    ours, peer = (json.load(open(path)) for path in sys.argv[1:])
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
