import CKernels

/// A dense layer y = x·Wᵀ + b, W (outputs, inputs) row-major as PyTorch's nn.Linear.weight.
///
/// Hidden (feature-major output): zᵀ (outputs, rows) = W · inputᵀ, cut by rows between cores; b
/// is added by the node after it (batch normalization uses it, the gate adds it with the
/// activation). Readout (sample-major output): scores (rows, classes) = input · Wᵀ + b, whole.
/// The input is the batch (rows, inputs) for the first layer, else the slot below (inputs, rows).
public final class Dense: Node {
    public let layer: Int
    let input: Int, output: Int
    let inputLayout: SlotLayout, outputLayout: SlotLayout
    public let inputs: Int, outputs: Int
    public internal(set) var weight: ParameterSegment
    public internal(set) var bias: ParameterSegment
    /// Whether b is learned; without it (before batch normalization, or in a model without
    /// biases) b stays 0.
    public let hasBias: Bool
    /// Whether batch normalization follows the product.
    public internal(set) var normalized = false
    /// The parametrization's multipliers (LayerScaling): α of all three products, and the
    /// readout's b as added (a hidden layer's b is added by its gate, which has its own).
    public internal(set) var multiplier: Float = 1
    public internal(set) var biasMultiplier: Float = 1
    /// Whether this layer's input gradient adds to what another node wrote there (β = 1), and
    /// whether it is the last to write it, after which the stage below goes on with it.
    var accumulatesInputGradient = false, completesInputGradient = true
    var index = 0
    var stage: Int { layer }

    init(layer: Int, input: Int, output: Int, inputLayout: SlotLayout, outputLayout: SlotLayout, inputs: Int, outputs: Int,
         weight: ParameterSegment, bias: ParameterSegment, hasBias: Bool) {
        self.layer = layer
        self.input = input
        self.output = output
        self.inputLayout = inputLayout
        self.outputLayout = outputLayout
        self.inputs = inputs
        self.outputs = outputs
        self.weight = weight
        self.bias = bias
        self.hasBias = hasBias
    }

    /// The layer's three products for `rows` samples, in the layouts of its slots.
    public func products(rows: Int) -> LayerProducts {
        let dataInput = inputLayout == .sampleMajor
        let inputGradient = input == 0 ? nil
            : ProductShape(m: inputs, n: rows, k: outputs, transposeA: true, transposeB: outputLayout == .sampleMajor)
        switch outputLayout {
        case .featureMajor:
            return LayerProducts(
                forward: ProductShape(m: outputs, n: rows, k: inputs, transposeA: false, transposeB: dataInput),
                weightGradient: ProductShape(m: outputs, n: inputs, k: rows, transposeA: false, transposeB: !dataInput),
                inputGradient: inputGradient)
        case .sampleMajor:
            return LayerProducts(
                forward: ProductShape(m: rows, n: outputs, k: inputs, transposeA: !dataInput, transposeB: true),
                weightGradient: ProductShape(m: outputs, n: inputs, k: rows, transposeA: true, transposeB: !dataInput),
                inputGradient: inputGradient)
        }
    }

    func forward(features: Range<Int>, on core: Core, _ context: PassContext) {
        let shapes = products(rows: context.rows), w = UnsafePointer(context.parameters + weight.offset)
        let x = context.input(input), y = context.values(output)
        switch outputLayout {
        case .featureMajor:
            context.executor.compute(Product(shapes.forward, alpha: multiplier, w, x, into: y).rows(features), on: core)
        case .sampleMajor:
            context.executor.compute(Product(shapes.forward, alpha: multiplier, x, w, into: y), on: core)
            if hasBias { addBias(y, bias: context.parameters + bias.offset, multiplier: biasMultiplier, rows: context.rows, n: outputs) }
        }
    }

    /// dW (outputs, inputs) = α·deltaᵀ · input, the rows of `features`; the readout's db too (a
    /// hidden layer's comes with its gate or batch normalization).
    func backwardParameters(features: Range<Int>, on core: Core, _ context: PassContext) {
        let shapes = products(rows: context.rows), delta = UnsafePointer(context.gradient(output))
        let product = Product(shapes.weightGradient, alpha: multiplier, delta, context.input(input), into: context.gradients + weight.offset)
        switch outputLayout {
        case .featureMajor:
            context.executor.compute(product.rows(features), on: core)
        case .sampleMajor:
            context.executor.compute(product, on: core)
            if hasBias {
                columnSums(delta, rows: context.rows, n: outputs, multiplier: biasMultiplier, into: context.gradients + bias.offset)
            } else {
                (context.gradients + bias.offset).update(repeating: 0, count: outputs)
            }
        }
    }

    /// The input's gradient, feature-major (inputs, rows) = α·Wᵀ · deltaᵀ, the rows of `features`.
    func backwardInput(features: Range<Int>, on core: Core, _ context: PassContext) {
        guard let shape = products(rows: context.rows).inputGradient else { return }
        let product = Product(shape, alpha: multiplier, context.parameters + weight.offset, context.gradient(output),
                              into: context.gradient(input), beta: accumulatesInputGradient ? 1 : 0)
        context.executor.compute(product.rows(features), on: core)
    }
}
