#!/usr/bin/env python3
"""The PyTorch peer of any compare-inits config: the same experiment (model, optimizer, batches,
epochs, split fraction, seeds, every strategy whose initializers PyTorch has) trained in PyTorch,
written the fast way (the whole dataset preloaded as one float tensor, batches sliced by a
permutation, no DataLoader). It serves speed A/B runs and parity checks: the accuracies must land
where compare-inits's do (within seed noise: the split, batch order and dropout masks are drawn
by PyTorch's generator, not compare-inits's).

Optional, never a dependency of compare-inits. Set up torch outside the repository:
    python3 -m venv ~/torch-venv && ~/torch-venv/bin/pip install torch numpy
usage: ~/torch-venv/bin/python scripts/pytorch-peer.py CONFIG [--threads N] [--out FILE]
Prints one JSON object: per strategy its accuracies (one per seed), mean, training seconds; the
strategies it skipped and why (data-dependent procedures, which PyTorch does not ship); and the
whole process's time. A progress line per run goes to stderr.
"""
import argparse, gzip, json, math, sys, time

T0 = time.time()
import numpy as np
import torch, torch.nn as nn, torch.nn.functional as F

GAINS = {'relu': math.sqrt(2), 'tanh': 5 / 3, 'sigmoid': 1, 'selu': 0.75, 'identity': 1, 'linear': 1}


def read_idx(path):
    """An IDX file of unsigned bytes, gzip'd or plain, as a numpy array of its dimensions."""
    with open(path, 'rb') as f:
        data = f.read()
    if data[:2] == b'\x1f\x8b':
        data = gzip.decompress(data)
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(rank)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * rank).reshape(dims)


def activation_spec(value):
    """("relu", None) or ("leaky_relu", slope) from a config's activation."""
    if isinstance(value, dict):
        return value['name'], value.get('slope', 0.01)
    return value, 0.01


def gain(spec, default):
    if 'gain' in spec:
        return spec['gain']
    if 'nonlinearity' in spec:
        name = spec['nonlinearity']
        if name == 'leaky_relu':
            return math.sqrt(2 / (1 + spec.get('slope', 0.01) ** 2))
        return GAINS[name]
    return default


def fill(tensor, spec, fan_in, fan_out):
    """Initializes `tensor` in place as compare-inits's initializer `spec` (a name or an object)."""
    if isinstance(spec, str):
        spec = {'kind': spec}
    kind = spec['kind']
    fans = {'fan_in': fan_in, 'fan_out': fan_out, 'fan_avg': (fan_in + fan_out) / 2}
    with torch.no_grad():
        if kind in ('zeros', 'ones', 'constant'):
            tensor.fill_({'zeros': 0.0, 'ones': 1.0}.get(kind, spec.get('value', 0.0)))
        elif kind == 'uniform':
            tensor.uniform_(spec.get('low', 0.0), spec.get('high', 1.0))
        elif kind == 'normal':
            tensor.normal_(spec.get('mean', 0.0), spec.get('std', 1.0))
        elif kind == 'truncated_normal':
            nn.init.trunc_normal_(tensor, spec.get('mean', 0.0), spec.get('std', 1.0), spec.get('a', -2.0), spec.get('b', 2.0))
        elif kind == 'tf_truncated_normal':
            mean, std = spec.get('mean', 0.0), spec.get('std', 0.1)
            nn.init.trunc_normal_(tensor, mean, std, mean - 2 * std, mean + 2 * std)
        elif kind in ('fan_in_uniform', 'pytorch_default'):
            y = spec.get('scale', 1.0) / math.sqrt(fan_in)
            tensor.uniform_(-y, y)
        elif kind == 'fan_in_normal':
            tensor.normal_(0, spec.get('scale', 1.0) / math.sqrt(fan_in))
        elif kind in ('xavier_uniform', 'glorot_uniform', 'keras_default'):
            bound = gain(spec, 1.0) * math.sqrt(6 / (fan_in + fan_out))
            tensor.uniform_(-bound, bound)
        elif kind in ('xavier_normal', 'glorot_normal'):
            tensor.normal_(0, gain(spec, 1.0) * math.sqrt(2 / (fan_in + fan_out)))
        elif kind in ('kaiming_uniform', 'he_uniform', 'kaiming_normal', 'he_normal'):
            std = gain(spec, math.sqrt(2)) / math.sqrt(fans[spec.get('mode', 'fan_in')])
            if kind.endswith('uniform'):
                tensor.uniform_(-math.sqrt(3) * std, math.sqrt(3) * std)
            else:
                tensor.normal_(0, std)
        elif kind in ('lecun_uniform', 'lecun_normal', 'variance_scaling'):
            scale = spec.get('scale', 1.0)
            fan = fans[spec.get('mode', 'fan_in')]
            distribution = {'lecun_uniform': 'uniform', 'lecun_normal': 'untruncated_normal'}.get(
                kind, spec.get('distribution', 'truncated_normal'))
            if distribution == 'uniform':
                limit = math.sqrt(3 * scale / fan)
                tensor.uniform_(-limit, limit)
            elif distribution == 'untruncated_normal':
                tensor.normal_(0, math.sqrt(scale / fan))
            else:  # Keras: a normal truncated at ±2σ, σ corrected for the truncation
                std = math.sqrt(scale / fan) / 0.87962566103423978
                nn.init.trunc_normal_(tensor, 0, std, -2 * std, 2 * std)
        elif kind == 'orthogonal':
            nn.init.orthogonal_(tensor, gain(spec, 1.0))
        elif kind == 'sparse':
            nn.init.sparse_(tensor, spec.get('fraction', 0.1), spec.get('std', 0.01))
        elif kind in ('identity', 'eye'):
            nn.init.eye_(tensor)
            tensor.mul_(gain(spec, 1.0))
        else:
            raise ValueError(f'unknown initializer {kind}')


class MLP(nn.Module):
    """Linear layers; after each hidden one optionally BatchNorm1d, then the activation and dropout."""
    def __init__(self, widths, activation, dropout, batch_norm=False, linear_bias=True):
        super().__init__()
        last = len(widths) - 2
        self.layers = nn.ModuleList(nn.Linear(a, b, bias=linear_bias or k == last or not batch_norm)
                                    for k, (a, b) in enumerate(zip(widths, widths[1:])))
        self.norms = nn.ModuleList(nn.BatchNorm1d(b) for b in widths[1:-1]) if batch_norm else None
        name, slope = activation_spec(activation)
        self.activation = {'relu': F.relu, 'tanh': torch.tanh, 'sigmoid': torch.sigmoid, 'selu': F.selu,
                           'identity': lambda x: x, 'linear': lambda x: x,
                           'leaky_relu': lambda x: F.leaky_relu(x, slope)}[name]
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        for k, layer in enumerate(self.layers[:-1]):
            x = layer(x)
            if self.norms is not None:
                x = self.norms[k](x)
            x = self.dropout(self.activation(x))
        return self.layers[-1](x)


def main():
    p = argparse.ArgumentParser(description='Train a compare-inits config in PyTorch.')
    p.add_argument('config')
    p.add_argument('--threads', type=int, default=0, help='torch threads (default: torch\'s own, one per core)')
    p.add_argument('--out', default='', help='also write the JSON to this file')
    a = p.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    config = json.load(open(a.config))
    dataset = config.get('dataset', {})
    folder = dataset.get('folder', '/usr/share/datasets/fashion-mnist')
    model_spec = dict(layers=None, activation='relu', dropout=0.0)
    model_spec.update(config['model'])
    training = dict(batch_size=100, epochs=2, validation_fraction=0.2, validation_dropout=False)
    training.update(config.get('training', {}))
    optimizer = dict(name='adam')
    optimizer.update(training.get('optimizer', {}))
    seed, repeats = config.get('seed', 1), config.get('repeats', 1)

    t_load = time.time()
    images = read_idx(folder + '/' + dataset.get('images', 'train-images-idx3-ubyte.gz'))
    labels = read_idx(folder + '/' + dataset.get('labels', 'train-labels-idx1-ubyte.gz'))
    X = torch.from_numpy(images.reshape(len(images), -1).astype(np.float32) / 255.0)
    Y = torch.from_numpy(labels.astype(np.int64))
    t_load = time.time() - t_load

    result = {'config': a.config, 'torch': torch.__version__, 'threads': torch.get_num_threads(),
              'load_seconds': t_load, 'strategies': [], 'skipped': []}
    for strategy in config['strategies']:
        if 'procedure' in strategy:
            result['skipped'].append({'id': strategy['id'], 'why': f"{strategy['procedure']['kind']} is not part of PyTorch"})
            continue
        spec = dict(model_spec)
        spec.update(strategy.get('model', {}))
        widths = spec['layers']
        entry = {'id': strategy['id'], 'label': strategy.get('label', strategy['id']), 'accuracies': [], 'train_seconds': 0.0}
        for k in range(repeats):
            torch.manual_seed(seed + k)
            generator = np.random.default_rng(seed + k)
            perm = torch.from_numpy(generator.permutation(len(X)))
            cut = math.floor(training['validation_fraction'] * len(X))
            vX, vY, tX, tY = X[perm[:cut]], Y[perm[:cut]], X[perm[cut:]], Y[perm[cut:]]
            model = MLP(widths, spec['activation'], spec['dropout'], spec.get('batch_norm', False), spec.get('linear_bias', True))
            layers = strategy.get('layers') or [{}] * len(model.layers)
            for layer, plan in zip(model.layers, layers):
                fan_in, fan_out = layer.in_features, layer.out_features
                weights = plan.get('weights', strategy.get('weights'))
                biases = plan.get('biases', strategy.get('biases', 'zeros'))
                fill(layer.weight, weights, fan_in, fan_out)
                if layer.bias is not None:
                    fill(layer.bias, biases, fan_in, fan_out)
            if optimizer['name'] == 'adam':
                opt = torch.optim.Adam(model.parameters(), optimizer.get('learning_rate', 0.001),
                                       betas=(optimizer.get('beta1', 0.9), optimizer.get('beta2', 0.999)),
                                       eps=optimizer.get('epsilon', 1e-8))
            else:
                opt = torch.optim.SGD(model.parameters(), optimizer.get('learning_rate', 0.01), momentum=optimizer.get('momentum', 0))
            batch = training['batch_size']
            t0 = time.time()
            model.train()
            loss = None
            for _ in range(training['epochs']):
                order = torch.randperm(len(tX))
                for i in range(0, len(tX), batch):
                    b = order[i:i + batch]
                    opt.zero_grad(set_to_none=True)
                    loss = F.cross_entropy(model(tX[b]), tY[b])
                    loss.backward()
                    opt.step()
            seconds = time.time() - t0
            model.train(training['validation_dropout'])
            with torch.no_grad():
                accuracy = (model(vX).argmax(1) == vY).float().mean().item()
            entry['accuracies'].append(accuracy)
            entry['train_seconds'] += seconds
            print(f"{strategy['id']:>14s} seed {seed + k}: {accuracy * 100:6.2f}% in {seconds:5.1f} s (last loss {loss.item():.3f})",
                  file=sys.stderr, flush=True)
        entry['mean_accuracy'] = sum(entry['accuracies']) / len(entry['accuracies'])
        result['strategies'].append(entry)
    result['process_seconds'] = time.time() - T0
    text = json.dumps(result, indent=2)
    print(text)
    if a.out:
        with open(a.out, 'w') as f:
            f.write(text + '\n')


if __name__ == '__main__':
    main()
