#!/usr/bin/env python3
"""The PyTorch peer of any compare-inits config: the same experiment (model, optimizer, batches,
epochs, split fraction, seeds, every strategy whose initializers PyTorch has) trained in PyTorch,
written the fast way (the whole dataset preloaded as one float tensor, batches sliced by a
permutation, no DataLoader). It serves speed A/B runs and parity checks: the accuracies must land
where compare-inits's do (within seed noise: the split, batch order and dropout masks are drawn
by PyTorch's generator, not compare-inits's).

Optional, never a dependency of compare-inits. Set up torch outside the repository (and `mup`
for strategies with a muP parametrization, which it trains with the real package):
    python3 -m venv ~/torch-venv && ~/torch-venv/bin/pip install torch numpy mup
usage: ~/torch-venv/bin/python scripts/pytorch-peer.py CONFIG [--threads N] [--out FILE] [--points ID ...] [--steps N] [--initial FOLDER]
A sweep is expanded into its points as compare-inits does it (same ids); --points trains a few.
Prints one JSON object: per strategy its accuracies (one per seed), by epoch, on the test set
when the config names one, their mean, the mean loss of the last 50 training steps per seed,
the coordinate check (each layer's mean |x| on the probe batch at steps 0-4) per seed,
training and pre-training seconds; and the whole process's time. A strategy's parametrization
is trained as compare-inits reads it: muP with the real `mup` package (MuReadout,
set_base_shapes, MuAdam or MuSGD), NTK and a config's own multipliers with nn.Linear's product
and bias scaled and a learning rate per parameter. A progress line per run goes to stderr.
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


def read_set(folder, images, labels):
    """Images as one float tensor of pixels in [0, 1], a row each, and their labels."""
    pixels = read_idx(folder + '/' + images)
    return (torch.from_numpy(pixels.reshape(len(pixels), -1).astype(np.float32) / 255.0),
            torch.from_numpy(read_idx(folder + '/' + labels).astype(np.int64)))


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


@torch.no_grad()
def lsuv(model, tX, spec):
    """Mishkin & Matas's LSUV as compare-inits does it: on one batch of training images, layer by
    layer, divide W by the square root of the pre-activation's population variance (bias
    included, the bias untouched) until |var - 1| < tolerance or max_iterations."""
    x = tX[torch.randperm(len(tX))[:spec.get('batch_size', 100)]]
    for k, layer in enumerate(model.layers):
        z = layer(x)
        for _ in range(spec.get('max_iterations', 10)):
            var = z.var(unbiased=False).item()
            if abs(var - 1) < spec.get('tolerance', 0.1) or not (0 < var < math.inf):
                break
            layer.weight.div_(math.sqrt(var))
            z = layer(x)
        if k < len(model.layers) - 1:
            x = model.activation(z)


@torch.no_grad()
def rbm(model, tX, spec):
    """Hinton's greedy layer-wise pre-training as compare-inits does it: every hidden layer a
    Bernoulli RBM on the hidden probabilities below, CD-1 with momentum and weight cost; its W
    and hidden biases become the layer's (the output layer keeps its initializer)."""
    rate, cost, rows = spec.get('learning_rate', 0.1), spec.get('weight_cost', 0.0002), spec.get('batch_size', 100)
    for k, layer in enumerate(model.layers[:-1]):
        W, hb = layer.weight, layer.bias
        vb = torch.zeros(W.shape[1])
        dW, dhb, dvb = torch.zeros_like(W), torch.zeros_like(hb), torch.zeros_like(vb)
        for epoch in range(spec.get('epochs', 2)):
            momentum = spec.get('initial_momentum', 0.5) if epoch < spec.get('momentum_switch_epoch', 5) else spec.get('final_momentum', 0.9)
            order = torch.randperm(len(tX))
            for start in range(0, len(tX) - rows + 1, rows):
                v = tX[order[start:start + rows]]
                for below in model.layers[:k]:
                    v = torch.sigmoid(below(v))
                ph = torch.sigmoid(v @ W.T + hb)
                r = torch.sigmoid((torch.rand_like(ph) < ph).float() @ W + vb)
                nh = torch.sigmoid(r @ W.T + hb)
                dW.mul_(momentum).add_(rate * ((ph.T @ v - nh.T @ r) / rows - cost * W))
                W.add_(dW)
                dvb.mul_(momentum).add_(rate * (v - r).sum(0) / rows)
                vb.add_(dvb)
                dhb.mul_(momentum).add_(rate * (ph - nh).sum(0) / rows)
                hb.add_(dhb)


PROCEDURES = {'lsuv': lsuv, 'rbm': rbm}


def value_text(v):
    """A value as compare-inits writes it in ids: 1.5, 20, 1e-05."""
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(float(v)).replace('+', '')


def axis_values(axis):
    if 'values' in axis:
        return axis['values']
    lo, hi, n = axis['from'], axis['to'], axis['count']
    integers = axis['setting'] in ('depth', 'width', 'seed')
    out = []
    for k in range(n):
        t = 0 if n == 1 else k / (n - 1)
        v = math.exp((1 - t) * math.log(lo) + t * math.log(hi)) if axis.get('spacing') == 'log' else (1 - t) * lo + t * hi
        out.append(round(v) if integers else float('%.6g' % v))
    return out


def set_path(obj, path, value):
    """Sets obj at a key path like layers[1].weights.std (an initializer name becomes {"kind": name})."""
    parts = []
    for piece in path.split('.'):
        key, *indices = piece.replace(']', '').split('[')
        parts.append(key)
        parts += [int(i) for i in indices]
    for part in parts[:-1]:
        if isinstance(part, str) and isinstance(obj.get(part), str):
            obj[part] = {'kind': obj[part]}
        obj = obj[part]
    obj[parts[-1]] = value


def expand_sweep(config, model_spec, optimizer):
    """A sweep's grid points as strategies, as compare-inits makes them (every strategy a template,
    in order; within one the first axis fastest), each with its own model and optimizer; and the
    seeds of a seed axis, if any."""
    axes = [dict(a, values=axis_values(a)) for a in config['sweep']['axes']]
    seeds = next((a['values'] for a in axes if a['setting'] == 'seed'), None)
    axes = [a for a in axes if a['setting'] != 'seed']
    for a in axes:
        a.setdefault('name', a['setting'].replace(']', '').split('.')[-1].split('[')[0])
    templates = config['strategies']
    points, count = [], math.prod(len(a['values']) for a in axes)
    for template, index in ((t, i) for t in templates for i in range(count)):
        strategy = json.loads(json.dumps(template))
        widths = list(dict(model_spec, **template.get('model', {}))['layers'])
        lr, rest, names, labels = None, index, [], []
        for a in axes:
            v = a['values'][rest % len(a['values'])]
            rest //= len(a['values'])
            names.append(f"{a['name']}_{value_text(v)}")
            labels.append(f"{a.get('label', a['name'])} {value_text(v)}")
            if a['setting'] == 'depth' and residual_of(model_spec, template) is not None:
                # A residual model's depth is its blocks, written into the strategy's own residual keys.
                strategy.setdefault('model', {}).setdefault('residual', {})['blocks'] = int(v)
            elif a['setting'] == 'depth':
                widths = [widths[0]] + [widths[1]] * int(v) + [widths[-1]]
            elif a['setting'] == 'width':
                widths = [widths[0]] + [int(v)] * (len(widths) - 2) + [widths[-1]]
            elif a['setting'] == 'learning_rate':
                lr = v
            else:
                set_path(strategy, a['setting'], v)
        strategy.setdefault('model', {})['layers'] = widths
        strategy['id'] = '-'.join([template['id']] + names)
        strategy['label'] = ', '.join(([template.get('label', template['id'])] if len(templates) > 1 else []) + labels)
        if lr is not None:
            strategy['optimizer'] = dict(optimizer, learning_rate=lr)
        points.append(strategy)
    return points, seeds


class ScaledLinear(nn.Linear):
    """nn.Linear with a parametrization's multipliers (compare-inits's LayerScaling):
    forward·(x·Wᵀ) + bias·b, autograd doing the rest."""
    def __init__(self, *args, forward=1.0, bias_multiplier=1.0, **kwargs):
        super().__init__(*args, **kwargs)
        self.forward_multiplier, self.bias_multiplier = forward, bias_multiplier

    def forward(self, x):
        y = F.linear(x, self.weight) * self.forward_multiplier
        return y if self.bias is None else y + self.bias * self.bias_multiplier


def parametrization_of(strategy):
    """The strategy's parametrization as an object with its kind."""
    p = strategy.get('parametrization', 'standard')
    return {'kind': p} if isinstance(p, str) else p


def layer_multipliers(p, widths):
    """Per layer (forward, bias, W's learning rate, b's learning rate) of NTK or a config's own
    multipliers, as compare-inits reads them; muP is the mup package's (make_mup)."""
    count = len(widths) - 1
    if p['kind'] == 'ntk':
        return [(p.get('sigma_w', 1.0) / math.sqrt(widths[k]), p.get('sigma_b', 1.0), 1.0, 1.0) for k in range(count)]
    if p['kind'] == 'multipliers':
        layers = p.get('layers') or [{}] * count
        result = [[l.get('forward', 1.0), l.get('bias', 1.0), l.get('learning_rate', 1.0),
                   l.get('bias_learning_rate', l.get('learning_rate', 1.0))] for l in layers]
        result[0][0] *= p.get('input', 1.0)
        result[-1][0] *= p.get('output', 1.0)
        return [tuple(l) for l in result]
    return [(1.0, 1.0, 1.0, 1.0)] * count


class MLP(nn.Module):
    """Linear layers; after each hidden one optionally BatchNorm1d, then the activation and dropout.
    `readout` makes the last layer (mup's MuReadout); `multipliers` scale each layer (ScaledLinear)."""
    def __init__(self, widths, activation, dropout, batch_norm=False, linear_bias=True, readout=None, multipliers=None, bias=True):
        super().__init__()
        last = len(widths) - 2

        def linear(k, a, b):
            # `bias` False: nn.Linear(bias=False) everywhere (a model's "bias": false).
            bias_here = bias and (linear_bias or k == last or not batch_norm)
            if k == last and readout is not None:
                return readout(a, b, bias=bias_here)
            if multipliers is not None:
                return ScaledLinear(a, b, bias=bias_here, forward=multipliers[k][0], bias_multiplier=multipliers[k][1])
            return nn.Linear(a, b, bias=bias_here)
        self.layers = nn.ModuleList(linear(k, a, b) for k, (a, b) in enumerate(zip(widths, widths[1:])))
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


# Residual models (compare-inits's "residual" model, #24): kept apart from the plain MLP above.

# A scheme's α and batch normalization, as compare-inits's ResidualScheme sets them.
SCHEMES = {'he': (1.0, 'none'), 'he_batch_norm': (1.0, 'post'), 'he_batch_norm_pre': (1.0, 'pre'), 'fixup': ({'trained': True, 'init': 1.0}, 'none'),
           'skipinit': ({'trained': True, 'init': 0.0}, 'none'), 'rezero': ({'trained': True, 'init': 0.0}, 'none'),
           'inverse_sqrt_depth': ('1/sqrt(L)', 'none')}


def residual_of(model_spec, strategy):
    """The residual settings a strategy trains with, read as compare-inits reads them: a strategy's
    own `residual` keys over the experiment's; a scheme given replaces α and batch normalization,
    and α or batch normalization given replaces an inherited scheme. None for a plain stack."""
    inherited, own = model_spec.get('residual'), strategy.get('model', {}).get('residual')
    if inherited is None and own is None:
        return None
    residual = dict(inherited or {})
    own = own or {}
    if 'scheme' in own:
        residual.pop('alpha', None), residual.pop('batch_norm', None)
    if 'alpha' in own or 'batch_norm' in own:
        residual.pop('scheme', None)
    residual.update(own)
    if 'scheme' in residual:
        residual['alpha'], residual['batch_norm'] = SCHEMES[residual['scheme']]
    return residual


class ResidualBlock(nn.Module):
    """h + α·f(h), f: Linear → (BatchNorm1d) → activation → dropout → … → Linear (→ BatchNorm1d); with
    Fixup its scalar biases before every product and activation and after the multiplier (its
    FixupBasicBlock, without the ReLU after the sum). Pre-activation (`batch_norm` 'pre', He et al.
    2016): f = [BatchNorm1d → activation → dropout → Linear] per layer, the first BN on the stream
    (PyTorch's out of place: h itself stays for the skip); a Linear keeps its bias where no BN
    follows it (the branch's last)."""
    def __init__(self, width, branch, activation, dropout, alpha, batch_norm, linear_bias, blocks, fixup, pre=False, bias=True):
        super().__init__()
        widths = [width] + branch
        last = len(branch) - 1
        self.pre = pre
        # `bias` False: a model's "bias": false, no Linear has one.
        self.linears = nn.ModuleList(nn.Linear(a, b, bias=bias and (linear_bias or not batch_norm or (pre and k == last)))
                                     for k, (a, b) in enumerate(zip(widths, widths[1:])))
        self.norms = nn.ModuleList(nn.BatchNorm1d(b) for b in (widths[:-1] if pre else branch)) if batch_norm else None
        self.activation, self.dropout, self.fixup = activation, dropout, fixup
        if isinstance(alpha, dict):
            self.alpha = nn.Parameter(torch.tensor([float(alpha.get('init', 1.0))]))
        else:
            self.alpha = 1 / math.sqrt(blocks) if alpha == '1/sqrt(L)' else float(alpha)
        if fixup:
            self.before_product = nn.ParameterList(nn.Parameter(torch.zeros(1)) for _ in branch)
            self.before_activation = nn.ParameterList(nn.Parameter(torch.zeros(1)) for _ in branch[:-1])
            self.after = nn.Parameter(torch.zeros(1))

    def forward(self, h):
        x, last = h, len(self.linears) - 1
        if self.pre:
            for norm, linear in zip(self.norms, self.linears):
                x = linear(self.dropout(self.activation(norm(x))))
            return h + self.alpha * x
        for k, linear in enumerate(self.linears):
            if self.fixup:
                x = x + self.before_product[k]
            x = linear(x)
            if self.norms is not None:
                x = self.norms[k](x)
            if k < last:
                if self.fixup:
                    x = x + self.before_activation[k]
                x = self.dropout(self.activation(x))
        out = h + self.alpha * x
        return out + self.after if self.fixup else out


class ResidualMLP(nn.Module):
    """The input projection (Linear, (BatchNorm1d,) activation, dropout), the blocks, the readout;
    `layers` lists the Linear layers in compare-inits's order (projection, each branch, readout).
    Pre-activation (He et al. 2016, their CIFAR networks): the projection is a Linear alone, and a
    final BatchNorm1d and activation precede the readout."""
    def __init__(self, spec, residual):
        super().__init__()
        inputs, width, classes = spec['layers']
        name, slope = activation_spec(spec['activation'])
        activation = {'relu': F.relu, 'tanh': torch.tanh, 'sigmoid': torch.sigmoid, 'selu': F.selu,
                      'identity': lambda x: x, 'linear': lambda x: x,
                      'leaky_relu': lambda x: F.leaky_relu(x, slope)}[name]
        self.pre = residual.get('batch_norm', 'none') == 'pre'
        batch_norm = residual.get('batch_norm', 'none') in ('post', 'pre')
        linear_bias, bias = spec.get('linear_bias', True), spec.get('bias', True)
        self.fixup = residual.get('scheme') == 'fixup'
        self.activation, self.dropout = activation, nn.Dropout(spec['dropout'])
        self.projection = nn.Linear(inputs, width, bias=bias and (linear_bias or not batch_norm or self.pre))
        self.projection_norm = nn.BatchNorm1d(width) if batch_norm and not self.pre else None
        self.final_norm = nn.BatchNorm1d(width) if self.pre else None
        branch = residual.get('branch', [width, width])
        self.blocks = nn.ModuleList(ResidualBlock(width, branch, activation, self.dropout, residual.get('alpha', 1.0), batch_norm,
                                                  linear_bias, residual['blocks'], self.fixup, self.pre, bias)
                                    for _ in range(residual['blocks']))
        self.readout = nn.Linear(width, classes, bias=bias)
        if self.fixup:
            self.projection_shift, self.readout_shift = nn.Parameter(torch.zeros(1)), nn.Parameter(torch.zeros(1))
        self.layers = [self.projection] + [linear for block in self.blocks for linear in block.linears] + [self.readout]

    def forward(self, x):
        x = self.projection(x)
        if self.pre:
            for block in self.blocks:
                x = block(x)
            return self.readout(self.activation(self.final_norm(x)))
        if self.projection_norm is not None:
            x = self.projection_norm(x)
        if self.fixup:
            x = x + self.projection_shift
        x = self.dropout(self.activation(x))
        for block in self.blocks:
            x = block(x)
        return self.readout(x + self.readout_shift if self.fixup else x)


@torch.no_grad()
def fixup_initialization(model, residual):
    """Fixup's own layers, after the strategy's (Zhang, Dauphin & Ma 2019): each branch's last layer
    and the readout 0, its other layers N(0, 2/fan_in)·L^(-1/(2m-2)), their biases 0."""
    blocks, m = residual['blocks'], len(model.blocks[0].linears)
    scale = blocks ** (-1 / (2 * m - 2))
    for block in model.blocks:
        for k, linear in enumerate(block.linears):
            if k == m - 1:
                linear.weight.zero_()
            else:
                linear.weight.normal_(0, math.sqrt(2 / linear.in_features) * scale)
            if linear.bias is not None:
                linear.bias.zero_()
    model.readout.weight.zero_()
    if model.readout.bias is not None:
        model.readout.bias.zero_()


def make_mup(strategy, spec, widths):
    """muP with the real mup package (pip install mup; never a dependency of compare-inits): the
    model with a MuReadout, and what to call once its values are drawn (set_base_shapes with a
    base model of the base widths and a delta one wider, which rescales them), and the optimizer
    maker (MuAdam or MuSGD)."""
    try:
        import mup
    except ImportError:
        sys.exit(f"{strategy['id']}: its muP parametrization needs the mup package (pip install mup)")
    p = parametrization_of(strategy)
    base = p['base_width'] if isinstance(p['base_width'], list) else [p['base_width']] * (len(widths) - 2)
    readout = lambda a, b, bias: mup.MuReadout(a, b, bias=bias, output_mult=p.get('output_mult', 1.0),
                                               readout_zero_init=p.get('readout_zero_init', False))
    def build(w):
        return MLP(w, spec['activation'], spec['dropout'], spec.get('batch_norm', False), spec.get('linear_bias', True), readout=readout,
                   bias=spec.get('bias', True))
    model = build(widths)
    def set_shapes():
        # The base and delta models' own initialization must not move the run's random stream.
        with torch.random.fork_rng():
            shapes = build([widths[0]] + base + [widths[-1]]), build([widths[0]] + [b + 1 for b in base] + [widths[-1]])
        mup.set_base_shapes(model, shapes[0], delta=shapes[1])
    return model, set_shapes, p.get('readout_zero_init', False), (mup.MuAdam, mup.MuSGD)


def make_optimizer(model, spec, groups=None, mu=None):
    """The config's Adam or SGD in the fastest implementation this torch has on the CPU: the fused
    one (torch 2.4 and later; with Adam a training step is 10-20% faster), else the default.
    `groups`: the parameters in groups with their own learning rates; `mu`: mup's (MuAdam, MuSGD)."""
    params = groups if groups is not None else model.parameters()
    adam, sgd = mu if mu is not None else (torch.optim.Adam, torch.optim.SGD)
    if spec['name'] == 'adam':
        make = lambda **fast: adam(params, lr=spec.get('learning_rate', 0.001),
                                   betas=(spec.get('beta1', 0.9), spec.get('beta2', 0.999)),
                                   eps=spec.get('epsilon', 1e-8), **fast)
    else:
        make = lambda **fast: sgd(params, lr=spec.get('learning_rate', 0.01),
                                  momentum=spec.get('momentum', 0), **fast)
    try:
        return make(fused=True)
    except (RuntimeError, TypeError, ValueError):
        return make()


@torch.no_grad()
def load_initial(model, folder, strategy_id):
    """The Linear layers' W and b as `compare-inits inspect --export` wrote them for `strategy_id`
    (W (out, in) row-major, then b, at the offsets export.json gives), so that both sides start
    from the same numbers: the coordinate check at step 0 then agrees to rounding. Returns the
    seed's first training batches as compare-inits draws them (dataset indices), which the run
    trains its first steps on, so that the first updates are the same too."""
    with open(folder + '/export.json') as f:
        index = json.load(f)
    entry = next(e for e in index['strategies'] if e['id'] == strategy_id)
    values = torch.from_numpy(np.fromfile(folder + '/' + entry['parameters'], dtype='<f4'))
    for layer, spec in zip(model.layers, entry['layers']):
        rows, columns, w = spec['outputs'], spec['inputs'], spec['weight_offset']
        layer.weight.copy_(values[w:w + rows * columns].reshape(rows, columns))
        if layer.bias is not None:
            layer.bias.copy_(values[spec['bias_offset']:spec['bias_offset'] + rows])
    if 'first_batches' not in index:
        return []
    first = torch.from_numpy(np.fromfile(folder + '/' + index['first_batches'], dtype='<i4').astype(np.int64))
    return list(first.split(index['batch_size']))


@torch.no_grad()
def coordinates(model, probe):
    """mup's coordinate check ("l1"), as compare-inits measures it: each Linear's output (what
    enters its activation; the readout's scores) on the probe batch, its mean |x|, in evaluation
    mode; per layer, input side first."""
    means, hooks = [], [layer.register_forward_hook(lambda m, i, out: means.append(out.abs().mean().item()))
                        for layer in model.layers]
    training = model.training
    model.eval()
    model(probe)
    model.train(training)
    for hook in hooks:
        hook.remove()
    return means


@torch.no_grad()
def accuracy_of(model, x, y, dropout, batch):
    """The share of `x` classified as `y`, in evaluation mode, or with dropout on (the lesson's
    validation) in training batches as compare-inits does, batch normalization using each one's statistics."""
    model.train(dropout)
    if not dropout:
        return (model(x).argmax(1) == y).float().mean().item()
    correct = sum((model(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item() for i in range(0, len(x), batch))
    return correct / len(x)


def main():
    p = argparse.ArgumentParser(description='Train a compare-inits config in PyTorch.')
    p.add_argument('config')
    p.add_argument('--threads', type=int, default=0, help='torch threads (default: torch\'s own, one per core)')
    p.add_argument('--out', default='', help='also write the JSON to this file')
    p.add_argument('--points', nargs='*', default=None, help='a sweep\'s points to train, by id (default: all)')
    p.add_argument('--initial', default='',
                   help='start each run from compare-inits\'s own initial parameters: a folder `compare-inits inspect CONFIG --seed N '
                        '--export FOLDER` wrote, with {seed} standing for the run\'s seed (e.g. /tmp/export-{seed})')
    p.add_argument('--steps', type=int, default=0,
                   help='stop each run after this many updates (default: train every epoch); --steps 4 is enough for the coordinate check')
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
    strategies, seed_list = config['strategies'], None
    if 'sweep' in config:
        strategies, seed_list = expand_sweep(config, model_spec, optimizer)
        if a.points is not None:
            strategies = [s for s in strategies if s['id'] in a.points]
    seed_list = seed_list or [seed + k for k in range(repeats)]

    t_load = time.time()
    X, Y = read_set(folder, dataset.get('images', 'train-images-idx3-ubyte.gz'), dataset.get('labels', 'train-labels-idx1-ubyte.gz'))
    test = None
    if 'test_images' in dataset and 'test_labels' in dataset:
        test = read_set(folder, dataset['test_images'], dataset['test_labels'])
    t_load = time.time() - t_load

    # The diagnostics' probe batch: the training file's first images, whatever the seed.
    diagnostics = config.get('diagnostics', {})
    probe = X[:diagnostics.get('probe_images', 1000)] if diagnostics.get('enabled', True) else None
    result = {'config': a.config, 'torch': torch.__version__, 'threads': torch.get_num_threads(),
              'load_seconds': t_load, 'strategies': []}
    for strategy in strategies:
        spec = dict(model_spec)
        spec.update(strategy.get('model', {}))
        widths = spec['layers']
        entry = {'id': strategy['id'], 'label': strategy.get('label', strategy['id']), 'accuracies': [], 'epoch_accuracies': [],
                 'test_accuracies': [], 'last_losses': [], 'coordinate_check': [], 'train_seconds': 0.0}
        run_optimizer = strategy.get('optimizer', optimizer)
        for run_seed in seed_list:
            torch.manual_seed(run_seed)
            generator = np.random.default_rng(run_seed)
            perm = torch.from_numpy(generator.permutation(len(X)))
            cut = math.floor(training['validation_fraction'] * len(X))
            vX, vY, tX, tY = X[perm[:cut]], Y[perm[:cut]], X[perm[cut:]], Y[perm[cut:]]
            parametrization = parametrization_of(strategy)
            set_shapes, zero_readout, mu, groups = None, False, None, None
            multipliers = layer_multipliers(parametrization, widths)
            residual = residual_of(model_spec, strategy)
            if residual is not None:
                model = ResidualMLP(spec, residual)
            elif parametrization['kind'] == 'mup':
                model, set_shapes, zero_readout, mu = make_mup(strategy, spec, widths)
            else:
                model = MLP(widths, spec['activation'], spec['dropout'], spec.get('batch_norm', False), spec.get('linear_bias', True),
                            multipliers=multipliers if parametrization['kind'] != 'standard' else None, bias=spec.get('bias', True))
            # Jacot et al.'s NTK draws every weight and bias from N(0, 1) unless the strategy says otherwise.
            drawn = 'normal' if parametrization['kind'] == 'ntk' else None
            layers = strategy.get('layers') or [{}] * len(model.layers)
            for k, (layer, plan) in enumerate(zip(model.layers, layers)):
                if zero_readout and k == len(model.layers) - 1:
                    continue  # MuReadout made it zero
                fan_in, fan_out = layer.in_features, layer.out_features
                weights = plan.get('weights', strategy.get('weights', drawn))
                biases = plan.get('biases', strategy.get('biases', drawn or 'zeros'))
                fill(layer.weight, weights, fan_in, fan_out)
                if layer.bias is not None:
                    fill(layer.bias, biases, fan_in, fan_out)
            if residual is not None and model.fixup:
                fixup_initialization(model, residual)
            if set_shapes is not None:
                set_shapes()
            first_batches = []
            if a.initial:
                # After muP's rescaling: the export holds the values as compare-inits trains from them.
                first_batches = load_initial(model, a.initial.replace('{seed}', str(run_seed)), strategy['id'])
            if set_shapes is None and parametrization['kind'] != 'standard':
                # Each parameter's rate times its multiplier; batch normalization's γ and β take b's.
                rate = run_optimizer.get('learning_rate', 0.001 if run_optimizer['name'] == 'adam' else 0.01)
                groups = [{'params': [p], 'lr': rate * m}
                          for layer, (_, _, weight_rate, bias_rate) in zip(model.layers, multipliers)
                          for p, m in [(layer.weight, weight_rate)] + ([(layer.bias, bias_rate)] if layer.bias is not None else [])]
                groups += [{'params': list(norm.parameters()), 'lr': rate * multipliers[k][3]} for k, norm in enumerate(model.norms or [])]
            procedure = strategy.get('procedure')
            t_procedure = time.time()
            if procedure:
                PROCEDURES[procedure['kind']](model, tX, procedure)
            entry['procedure_seconds'] = entry.get('procedure_seconds', 0.0) + time.time() - t_procedure
            opt = make_optimizer(model, run_optimizer, groups=groups, mu=mu)
            batch = training['batch_size']
            t0 = time.time()
            loss = None
            epoch_accuracies, evaluation_seconds = [], 0.0
            validation_dropout = training['validation_dropout']
            recent = []  # the last 50 steps' losses, kept on the tensor side (no sync per step)
            # The coordinate check at steps 0-4 (after that many updates), timed out of training as compare-inits times its own.
            checks, step, check_seconds = [], 0, 0.0
            for epoch in range(training['epochs']):
                model.train()
                order = torch.randperm(len(tX))
                for i in range(0, len(tX), batch):
                    if a.steps and step == a.steps:
                        if probe is not None and step <= 4:
                            checks.append(coordinates(model, probe))
                        break
                    if probe is not None and step <= 4:
                        t_check = time.time()
                        checks.append(coordinates(model, probe))
                        check_seconds += time.time() - t_check
                    step += 1
                    b = order[i:i + batch]
                    # compare-inits's own first batches (--initial), indices into the whole dataset.
                    xb, yb = (X[first_batches[step - 1]], Y[first_batches[step - 1]]) if step <= len(first_batches) else (tX[b], tY[b])
                    opt.zero_grad(set_to_none=True)
                    loss = F.cross_entropy(model(xb), yb)
                    loss.backward()
                    opt.step()
                    recent = recent[-49:] + [loss.detach()]
                if a.steps and step >= a.steps:
                    break
                # Each epoch's accuracy in evaluation mode, as compare-inits draws it by epoch (the
                # last epoch's is the final validation's, unless that keeps dropout on).
                if epoch < training['epochs'] - 1 or validation_dropout:
                    t_evaluation = time.time()
                    epoch_accuracies.append(accuracy_of(model, vX, vY, dropout=False, batch=batch))
                    evaluation_seconds += time.time() - t_evaluation
            seconds = time.time() - t0 - evaluation_seconds - check_seconds
            entry['coordinate_check'].append(checks)
            # Validating in training mode updates batch normalization's running statistics; the
            # test set sees those training left, as in compare-inits.
            trained_buffers = [b.clone() for b in model.buffers()]
            accuracy = accuracy_of(model, vX, vY, dropout=validation_dropout, batch=batch)
            for buffer, trained in zip(model.buffers(), trained_buffers):
                buffer.copy_(trained)
            if not validation_dropout:
                epoch_accuracies.append(accuracy)
            entry['accuracies'].append(accuracy)
            entry['last_losses'].append(torch.stack(recent).mean().item())
            entry['epoch_accuracies'].append(epoch_accuracies)
            if test is not None:
                entry['test_accuracies'].append(accuracy_of(model, *test, dropout=False, batch=batch))
            entry['train_seconds'] += seconds
            tested = f", test {entry['test_accuracies'][-1] * 100:.2f}%" if test is not None else ""
            print(f"{strategy['id']:>14s} seed {run_seed}: {accuracy * 100:6.2f}%{tested} in {seconds:5.1f} s (last loss {loss.item():.3f})",
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
