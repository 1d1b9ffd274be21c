/// How a slot's values are stored: sample-major (samples, width) for the batch and the scores, as
/// the data and the loss use them; feature-major (width, samples) inside, one row per feature, so
/// that a feature's weights, values and gradients are rows of their own and a cut between two
/// cores splits all of them into two blocks.
public enum SlotLayout: Sendable { case sampleMajor, featureMajor }

/// A buffer a node writes and others read, with its gradient beside it in a backward pass.
struct Slot {
    let width: Int
    let layout: SlotLayout
}

/// The nodes that compute one block of features: a dense layer's product and what acts on its
/// features one by one after it (batch normalization, the activation and dropout, a residual
/// block's sum). They share one cut between two cores, so each core computes its own features
/// through all of them.
///
/// A stage whose output is a residual stream may end with the pre-activation of what reads it
/// (StreamBatchNorm and its gate): the same features normalized into a slot of their own, since
/// the skip reads the stream unchanged. Its output, what the next dense layer reads, is then
/// that slot, and the stream is the dense layer's.
struct Stage {
    let dense: Dense
    /// In forward order, the dense layer first.
    let nodes: [any Node]
    var width: Int { dense.outputs }
    /// The slot the stage leaves for the layer after it: the last one its nodes write.
    let output: Int
    /// Whether the stage's features may be split between two cores: feature-major stages; the
    /// readout (sample-major scores) stays on the run's own core.
    var splittable: Bool { dense.outputLayout == .featureMajor }
    /// The nodes after the product, in place on the stage's features (the pre-activation's on its own slot).
    var elementwise: ArraySlice<any Node> { nodes.dropFirst() }
    /// The nodes after the product that act on the product's slot, before any pre-activation.
    var onProduct: ArraySlice<any Node> { elementwise.prefix { !($0 is StreamBatchNorm) } }
    /// A pre-activation's normalization and gate (empty without one).
    var preactivation: ArraySlice<any Node> { elementwise.drop { !($0 is StreamBatchNorm) } }

    init(dense: Dense, nodes: [any Node]) {
        self.dense = dense
        self.nodes = nodes
        output = nodes.compactMap { ($0 as? StreamBatchNorm)?.slot }.last ?? dense.output
    }
}

/// A network compiled from its layer kinds: the table of parameter segments over one
/// contiguous buffer, the slots (allocated once per batch size by BatchBuffers), and the stages
/// of nodes that the one forward and one backward pass run (Propagation.swift).
public final class Plan: @unchecked Sendable {
    public let inputWidth: Int
    public private(set) var segments: [ParameterSegment]
    public let parameterCount: Int
    /// Batch normalization's running means and variances (PyTorch's buffers, not parameters).
    public let runningCount: Int
    let slots: [Slot]
    let stages: [Stage]
    /// Per slot, the stage that writes it (a stream's pre-activation slot too); nil for the
    /// batch (slot 0), which has no gradient.
    let producer: [Int?]
    /// The residual blocks' sums whose α is trained (their α starts at its config's value).
    let trainedScales: [ResidualAdd]
    /// The nodes whose parameter gradients are completed after the backward pass, in plan
    /// order: trained α's and Fixup's scalar biases.
    let gradientFinishers: [any FinishesGradient]

    /// What the parametrization does to each dense layer (one entry per layer; empty: the
    /// standard parametrization): its products' and its bias's multipliers are node attributes,
    /// its learning-rate multipliers segment attributes, its initial rescaling is what
    /// initialization reads.
    public let scaling: [LayerScaling]

    public init(_ kinds: [LayerKind], inputWidth: Int, scaling: [LayerScaling] = []) {
        var compiler = PlanCompiler(inputWidth: inputWidth)
        for kind in kinds { compiler.add(kind) }
        self.inputWidth = inputWidth
        (slots, stages, segments, runningCount) = compiler.finish()
        producer = Self.producers(slots: slots.count, stages: stages)
        trainedScales = stages.flatMap(\.nodes).compactMap { $0 as? ResidualAdd }.filter { $0.trainedScale != nil }
        gradientFinishers = stages.flatMap(\.nodes).compactMap { $0 as? any FinishesGradient }
        precondition(scaling.isEmpty || scaling.count == stages.count, "one scaling per dense layer")
        self.scaling = scaling
        for (s, layer) in scaling.enumerated() {
            let stage = stages[s]
            stage.dense.multiplier = layer.forward
            stage.dense.biasMultiplier = layer.bias
            // Normalization subtracts b again, and adds β where the gate would have added it.
            precondition(!stage.dense.normalized || layer.bias == 1, "batch normalization takes no bias multiplier")
            for case let gate as Gate in stage.nodes { gate.shiftMultiplier = layer.bias }
        }
        for i in segments.indices where !scaling.isEmpty {
            segments[i].learningRateMultiplier = scaling[segments[i].layer].learningRate(segments[i].role)
        }
        precondition(stages.last?.dense.outputLayout == .sampleMajor, "a network ends with its readout")
        parameterCount = segments.last.map { $0.range.upperBound } ?? 0
        learningRateRuns = Self.runs(of: segments)
    }

    /// A plan of the dense layers below `layer` of `plan`, each followed by `activation` alone,
    /// reading the same parameter segments: RBM pre-training's up-pass (sigmoid units whatever
    /// the network's own activation, no batch normalization, no dropout).
    init(upPassOf plan: Plan, below layer: Int, activation: Activation) {
        var compiler = PlanCompiler(inputWidth: plan.inputWidth)
        for stage in plan.stages.prefix(layer) {
            compiler.add(.dense(outputs: stage.width, bias: true), reusing: stage.dense)
            compiler.add(.activation(activation))
        }
        inputWidth = plan.inputWidth
        (slots, stages, _, runningCount) = compiler.finish()
        producer = Self.producers(slots: slots.count, stages: stages)
        trainedScales = []
        gradientFinishers = []
        // Its own layers' segments: nothing else is the up-pass's to update or cut.
        segments = plan.segments.filter { $0.layer < layer }
        parameterCount = plan.parameterCount
        scaling = []
        learningRateRuns = []
    }

    static func producers(slots: Int, stages: [Stage]) -> [Int?] {
        var producer = [Int?](repeating: nil, count: slots)
        for (s, stage) in stages.enumerated() {
            producer[stage.dense.output] = s
            producer[stage.output] = s
        }
        return producer
    }

    /// The parameter buffer as runs of adjacent segments with the same learning-rate
    /// multiplier: an optimizer step on one core is one loop per run (one loop today).
    public let learningRateRuns: [(range: Range<Int>, multiplier: Float)]

    private static func runs(of segments: [ParameterSegment]) -> [(range: Range<Int>, multiplier: Float)] {
        var runs: [(range: Range<Int>, multiplier: Float)] = []
        for segment in segments {
            if let last = runs.last, last.multiplier == segment.learningRateMultiplier, last.range.upperBound == segment.offset {
                runs[runs.count - 1].range = last.range.lowerBound..<segment.range.upperBound
            } else {
                runs.append((segment.range, segment.learningRateMultiplier))
            }
        }
        return runs
    }

    /// The dense layers, in order; each stage starts with one.
    public var layers: [Dense] { stages.map(\.dense) }
    public var classCount: Int { stages.last?.width ?? inputWidth }
    /// Widths from input to output.
    public var widths: [Int] { [inputWidth] + layers.map(\.outputs) }

    /// The products whose rows are stage s's features: its dense layer's forward and weight
    /// gradient, and the input gradient of each split stage reading its output. A cut of the
    /// stage must keep the bits of all of them.
    func cutProducts(_ s: Int, rows: Int) -> [ProductShape] {
        let own = stages[s].dense.products(rows: rows)
        let readers = stages.filter { $0.splittable && producer[$0.dense.input] == s }
        return [own.forward, own.weightGradient] + readers.compactMap { $0.dense.products(rows: rows).inputGradient }
    }

    /// Every product of one step, in the order training computes them: the forward products
    /// stage by stage, then from the last stage down each one's dW and its input's gradient;
    /// each with its role and its dense layer (counted from 0).
    public func stepProductRoles(rows: Int) -> [(shape: ProductShape, role: ProductRole, layer: Int)] {
        let all = layers.map { $0.products(rows: rows) }
        return all.enumerated().map { ($1.forward, ProductRole.forward, $0) } + all.enumerated().reversed().flatMap { l, products in
            [(products.weightGradient, ProductRole.weightGradient, l)] + (products.inputGradient.map { [($0, .inputGradient, l)] } ?? [])
        }
    }

    public func stepProducts(rows: Int) -> [ProductShape] { stepProductRoles(rows: rows).map(\.shape) }

    /// FLOPs of one step's forward and backward products for `rows` samples.
    public func stepFlops(rows: Int) -> (forward: Double, backward: Double) {
        let all = layers.map { $0.products(rows: rows) }
        let forward = all.reduce(0) { $0 + $1.forward.flops }
        return (forward, all.reduce(0) { $0 + 2 * $1.multiplyAdds } - forward)
    }

    /// For each write of a slot's gradient, in the order a backward pass makes them, whether it
    /// accumulates and whether it completes the gradient: the first writer overwrites (β = 0, so
    /// no pass zero-fills it), every later one adds (β = 1), and only after the last may the
    /// nodes that made the slot take the gradient on. `readers` lists, per write in backward
    /// order, the slot written; a slot read by two nodes (a residual block's branch and skip)
    /// gets both kinds.
    static func gradientWrites(readers: [Int]) -> [(accumulates: Bool, completes: Bool)] {
        var written = Set<Int>()
        return readers.enumerated().map { i, slot in
            (!written.insert(slot).inserted, !readers[(i + 1)...].contains(slot))
        }
    }
}

/// Builds a plan from layer kinds, one at a time: allocates the parameter segments in order (a
/// dense layer's W then b, a batch normalization's γ then β), a slot per dense layer (and per
/// pre-activation of a stream), and fuses each stage's activation and dropout into one node.
private struct PlanCompiler {
    var slots: [Slot]
    var stages: [Stage] = []
    var segments: [ParameterSegment] = []
    var runningCount = 0
    /// The stage being built: its dense layer, its nodes, the shift its activation adds (b, or
    /// β after batch normalization) and its gate, if it has one yet.
    var dense: Dense?
    var nodes: [any Node] = []
    var shift: ParameterSegment?
    var gate: Gate?
    /// The slot the next in-place node acts on: the dense layer's, or its pre-activation's.
    var features = 0
    /// Whether the stage ends with a residual block's sum, after which nothing acts on its
    /// features in place (the stream is read as it is).
    var summed = false
    /// Whether the kinds come at the head of a residual branch, which reads the stream as the
    /// skip does: batch normalization there is the pre-activation's, out of place.
    var branchHead = false

    init(inputWidth: Int) { slots = [Slot(width: inputWidth, layout: .sampleMajor)] }

    mutating func add(_ kind: LayerKind, reusing existing: Dense? = nil) {
        switch kind {
        case let .dense(outputs, bias):
            addDense(outputs: outputs, bias: bias, layout: .featureMajor, reusing: existing)
        case let .readout(classes, bias):
            addDense(outputs: classes, bias: bias, layout: .sampleMajor, reusing: existing)
        case .batchNorm where summed || branchHead:
            addPreactivation()
        case .batchNorm:
            guard let dense, dense.outputLayout == .featureMajor, gate == nil else {
                preconditionFailure("batch normalization follows a hidden dense layer")
            }
            let gamma = segment(.gamma, rows: dense.outputs, columns: 1, of: dense), beta = segment(.beta, rows: dense.outputs, columns: 1, of: dense)
            nodes.append(BatchNorm(slot: dense.output, width: dense.outputs, stage: dense.layer, linearBias: dense.bias,
                                   keepsLinearBias: dense.hasBias, gamma: gamma, beta: beta, runningOffset: runningCount))
            runningCount += 2 * dense.outputs
            dense.normalized = true
            shift = beta
        case .activation(let activation):
            precondition(!branchHead, "a branch's first activation follows its normalization or its first product")
            gateNode().activation = activation
        case .dropout(let p):
            precondition(!branchHead, "a branch's first dropout follows its normalization or its first product")
            gateNode().dropout = p
        case let .residual(branch, scale):
            addResidual(branch: branch, scale: scale)
        case .scalarShift:
            guard let dense, dense.outputLayout == .featureMajor else { preconditionFailure("a scalar shift follows a hidden dense layer") }
            nodes.append(ScalarShift(slot: dense.output, width: dense.outputs, stage: dense.layer,
                                     parameter: segment(.scalar, rows: 1, columns: 1, of: dense)))
        case .inputShift:
            guard let dense, nodes.count == 1 else { preconditionFailure("an input shift follows its dense layer's product") }
            nodes.append(InputShift(dense: dense, parameter: segment(.scalar, rows: 1, columns: 1, of: dense)))
        }
    }

    /// The stream is the last slot; the branch's stages read it, and the sum closes the last of
    /// them: its gate adds its shift (b, or β), then the stream comes back, α·branch added to it.
    private mutating func addResidual(branch: [LayerKind], scale: BranchScale) {
        let skip = slots.count - 1
        precondition(slots[skip].layout == .featureMajor, "a residual block reads a hidden layer's features")
        branchHead = true
        for kind in branch { add(kind) }
        guard let dense, dense.output > skip, dense.outputs == slots[skip].width else {
            preconditionFailure("a residual branch ends at the stream's width")
        }
        _ = gateNode()
        let alpha: ParameterSegment?
        if case .trained = scale { alpha = segment(.scalar, rows: 1, columns: 1, of: dense) } else { alpha = nil }
        nodes.append(ResidualAdd(slot: dense.output, skip: skip, width: dense.outputs, stage: dense.layer, branchScale: scale,
                                 trainedScale: alpha))
        summed = true
    }

    /// Batch normalization of the stream (at a branch's head, or after the last block's sum) into
    /// a slot of its own, the stage's output from then on; the gate made next acts there, adding
    /// β. The stream's own gate (b) comes first, so the copy reads the stream as the skip does.
    private mutating func addPreactivation() {
        guard let dense, dense.outputLayout == .featureMajor, features == dense.output else {
            preconditionFailure("a stream's batch normalization follows a hidden dense layer's features, once")
        }
        if !summed { _ = gateNode() }
        slots.append(Slot(width: dense.outputs, layout: .featureMajor))
        let gamma = segment(.gamma, rows: dense.outputs, columns: 1, of: dense), beta = segment(.beta, rows: dense.outputs, columns: 1, of: dense)
        nodes.append(StreamBatchNorm(source: dense.output, slot: slots.count - 1, width: dense.outputs, stage: dense.layer,
                                     gamma: gamma, beta: beta, runningOffset: runningCount))
        runningCount += 2 * dense.outputs
        features = slots.count - 1
        shift = beta
        gate = nil
        summed = false
        branchHead = false
    }

    private mutating func addDense(outputs: Int, bias: Bool, layout: SlotLayout, reusing existing: Dense?) {
        finishStage()
        let input = slots.count - 1, inputs = slots[input].width, layer = stages.count
        slots.append(Slot(width: outputs, layout: layout))
        let placeholder = ParameterSegment(offset: 0, rows: 0, columns: 0, role: .weight, layer: layer, stage: layer, fanIn: 0, fanOut: 0)
        let node = Dense(layer: layer, input: input, output: slots.count - 1, inputLayout: slots[input].layout, outputLayout: layout,
                         inputs: inputs, outputs: outputs, weight: existing?.weight ?? placeholder, bias: existing?.bias ?? placeholder, hasBias: bias)
        if existing == nil {
            node.weight = segment(.weight, rows: outputs, columns: inputs, of: node)
            node.bias = segment(.bias, rows: outputs, columns: 1, of: node)
        }
        dense = node
        nodes = [node]
        shift = node.bias
        features = node.output
        branchHead = false
    }

    /// The stage's gate, made on the first activation or dropout (identity, p = 0 until told).
    private mutating func gateNode() -> Gate {
        if let gate { return gate }
        guard let dense, let shift, dense.outputLayout == .featureMajor, !summed else {
            preconditionFailure("an activation follows a hidden dense layer, before a residual block's sum")
        }
        // A pre-activation's shift is its β, always trained.
        let node = Gate(slot: features, width: dense.outputs, stage: dense.layer, shift: shift,
                        learnsShift: features != dense.output || dense.hasBias || dense.normalized)
        gate = node
        nodes.append(node)
        return node
    }

    private mutating func segment(_ role: ParameterRole, rows: Int, columns: Int, of dense: Dense) -> ParameterSegment {
        let offset = segments.last?.range.upperBound ?? 0
        let segment = ParameterSegment(offset: offset, rows: rows, columns: columns, role: role, layer: dense.layer, stage: dense.layer,
                                       fanIn: dense.inputs, fanOut: dense.outputs)
        segments.append(segment)
        return segment
    }

    /// Closes the stage being built; a hidden stage without an activation still adds its shift
    /// (an identity gate), so every hidden layer's output is f(z + b).
    private mutating func finishStage() {
        guard let dense else { return }
        if dense.outputLayout == .featureMajor && gate == nil { _ = gateNode() }
        stages.append(Stage(dense: dense, nodes: nodes))
        self.dense = nil
        gate = nil
        summed = false
        nodes = []
    }

    mutating func finish() -> ([Slot], [Stage], [ParameterSegment], Int) {
        finishStage()
        for (index, node) in stages.flatMap(\.nodes).enumerated() { node.index = index }
        orderGradientWrites()
        return (slots, stages, segments, runningCount)
    }

    /// Who writes each slot's gradient, in the order a backward pass does (Propagation's
    /// backwardStage): stage by stage from the top, a dense layer writes its input's gradient;
    /// when that completes the gradient of a stage's output, the stage's nodes after its product
    /// run, a pre-activation's normalization among them writing its stream's gradient, then a
    /// residual sum writing the stream it read. Then the first writer of a slot overwrites and the
    /// others accumulate (Plan.gradientWrites).
    private func orderGradientWrites() {
        enum Writer { case dense(Dense), sum(ResidualAdd), preactivation(StreamBatchNorm) }
        let producer = Plan.producers(slots: slots.count, stages: stages)
        var left = [Int](repeating: 0, count: slots.count)
        for stage in stages where stage.dense.input != 0 {
            precondition(stages[producer[stage.dense.input]!].output == stage.dense.input, "a dense layer reads a stage's output")
            left[stage.dense.input] += 1
        }
        for case let sum as ResidualAdd in stages.flatMap(\.nodes) { left[sum.skip] += 1 }
        for case let norm as StreamBatchNorm in stages.flatMap(\.nodes) { left[norm.source] += 1 }
        var writes: [(writer: Writer, slot: Int)] = []
        func write(_ writer: Writer, _ slot: Int) {
            writes.append((writer, slot))
            left[slot] -= 1
            // The stage's nodes run once, when what the next layer reads is complete; a stream
            // its pre-activation read is completed inside that chain, by the normalization.
            guard left[slot] == 0, let p = producer[slot], slot == stages[p].output else { return }
            for node in stages[p].elementwise.reversed() {
                if let norm = node as? StreamBatchNorm { write(.preactivation(norm), norm.source) }
                if let sum = node as? ResidualAdd { write(.sum(sum), sum.skip) }
            }
        }
        for stage in stages.reversed() where stage.dense.input != 0 { write(.dense(stage.dense), stage.dense.input) }
        for (write, kind) in zip(writes, Plan.gradientWrites(readers: writes.map(\.slot))) {
            switch write.writer {
            case .dense(let dense):
                dense.accumulatesInputGradient = kind.accumulates
                dense.completesInputGradient = kind.completes
            case .sum(let sum):
                // The branch's first product, which reads the stream too, is its last writer.
                precondition(!kind.completes, "a residual branch reads its stream")
                sum.accumulatesSkipGradient = kind.accumulates
            case .preactivation(let norm):
                // The stage's sum, after it in the chain, takes the stream's gradient on.
                precondition(kind.completes, "a stream's pre-activation is its last reader")
                norm.accumulatesSourceGradient = kind.accumulates
            }
        }
    }
}
