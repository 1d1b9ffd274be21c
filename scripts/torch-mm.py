#!/usr/bin/env python3
"""torch.mm on one thread at the products `compare-inits bench --gemm --peer PYTHON` measures, each
laid out as compare-inits stores it (an operand given transposed is a transposed view of a
row-major tensor, as torch.nn.Linear's weight is in F.linear), so PyTorch's own GEMM (MKL or
oneDNN, whichever this build dispatches to) faces the same layouts.

Optional, never a dependency of compare-inits; set up torch outside the repository.
usage: PYTHON scripts/torch-mm.py ROUNDS M,N,K,OP ...   (OP: NN, NT, TN or TT)
Each product runs about 0.2 ms a timing, ROUNDS timings; the fastest of each is kept (as bench
keeps its own). Prints one JSON object: {"torch": version, "seconds": [one per product]}.
"""
import json, sys, time

import torch

torch.set_num_threads(1)


def operand(rows, cols, transposed):
    """An operand (rows, cols), entries in [-0.5, 0.5): stored transposed, a transposed view."""
    return (torch.rand(cols, rows) - 0.5).t() if transposed else torch.rand(rows, cols) - 0.5


def main():
    rounds = int(sys.argv[1])
    products = []
    for spec in sys.argv[2:]:
        m, n, k, op = spec.split(',')
        m, n, k = int(m), int(n), int(k)
        a, b = operand(m, k, op[0] == 'T'), operand(k, n, op[1] == 'T')
        products.append((a, b, torch.empty(m, n), max(1, int(2e7 / (2 * m * n * k)))))
    best = [float('inf')] * len(products)
    for _ in range(rounds):
        for i, (a, b, c, repetitions) in enumerate(products):
            torch.mm(a, b, out=c)
            start = time.perf_counter()
            for _ in range(repetitions):
                torch.mm(a, b, out=c)
            best[i] = min(best[i], (time.perf_counter() - start) / repetitions)
    print(json.dumps({'torch': torch.__version__, 'seconds': best}))


if __name__ == '__main__':
    main()
