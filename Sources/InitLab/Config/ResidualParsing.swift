/// A residual model in a config:
///
///     "model": {"layers": [784, 128, 10], "activation": "relu",
///               "residual": {"blocks": 16, "branch": [128, 128], "alpha": "1/sqrt(L)", "batch_norm": "post"}}
///
/// `layers` are then the input, the stream's width and the classes; `branch` the widths of a
/// block's dense layers (default: two of the stream's width; the last one must be the stream's);
/// `alpha` a number, "1/sqrt(L)" or {"trained": true, "init": 0}; `batch_norm` "post" (after
/// every product, the input projection's too), "pre" (BN → activation → dense in every branch
/// layer, a final BN and activation before the readout) or "none"; or instead of those two a
/// `scheme` (ResidualScheme: he, he_batch_norm, he_batch_norm_pre, fixup, skipinit, rezero,
/// inverse_sqrt_depth).
extension ExperimentReader {
    /// Batch normalization's arrangements inside a branch, as a config names them.
    enum BranchNormalization: String, CaseIterable { case none, post, pre }

    /// `width` is the stream's (model.layers[1]), if the layers were valid; with `defaults` (a
    /// strategy's own model, whose experiment model is residual) every key is optional.
    func readResidual(_ node: ConfigNode, defaults: ResidualSpec?, batchNorm defaultBatchNorm: Bool, width: Int?)
        -> (spec: ResidualSpec, batchNorm: Bool)? {
        guard let object = node.object else { return nil }
        defer { object.finish() }
        let blocksNode = defaults == nil ? object.required("blocks", "the number of residual blocks") : object.optional("blocks")
        var blocks = defaults?.blocks
        if let blocksNode {
            blocks = blocksNode.integer(ConfigLimits.range(ConfigLimits.layers)) { (1...ConfigLimits.layers).contains($0) }
        }
        var branch = defaults?.branch ?? width.map { [$0, $0] }
        if let branchNode = object.optional("branch"), let elements = branchNode.elements {
            let widths = elements.map { $0.integer("a layer width from 1 to \(ConfigLimits.width)") { (1...ConfigLimits.width).contains($0) } }
            branch = nil
            if elements.isEmpty {
                branchNode.report("expected at least one width: a branch has a dense layer")
            } else if widths.allSatisfy({ $0 != nil }) {
                branch = widths.map { $0! }
                if let width, let last = branch?.last, last != width {
                    elements[elements.count - 1].report("the branch ends at \(last) features but the stream has \(width) (model.layers[1]); "
                                                        + "a residual block adds its branch to the stream, so its last width is the stream's")
                    branch = nil
                }
            }
        }
        // With the input projection and the readout.
        if let blocks, let branch, blocks * branch.count + 2 > ConfigLimits.layers {
            let layers = branch.count == 1 ? "1 layer" : "\(branch.count) layers"
            node.report("\(blocks) blocks of \(layers) make \(blocks * branch.count + 2) dense layers; at most \(ConfigLimits.layers)")
            return nil
        }
        var alpha: ResidualSpec.Alpha? = defaults?.alpha ?? .fixed(1)
        let alphaNode = object.optional("alpha")
        if let alphaNode { alpha = readAlpha(alphaNode) }
        var batchNorm = defaultBatchNorm, preActivation = defaults?.preActivation ?? false
        let normNode = object.optional("batch_norm")
        if let normNode, let arrangement = normNode.choice(BranchNormalization.self, what: "arrangement") {
            batchNorm = arrangement != .none
            preActivation = arrangement == .pre
        }
        // A scheme sets α and batch normalization; given beside it in one object they are a
        // contradiction, while a strategy's own α or arrangement replaces a scheme it inherited.
        var scheme = alphaNode == nil && normNode == nil ? defaults?.scheme : nil
        let schemeNode = object.optional("scheme")
        if let schemeNode {
            scheme = schemeNode.choice(ResidualScheme.self, what: "scheme")
            if let given = scheme {
                for (node, key, what) in [(alphaNode, "alpha", "α"), (normNode, "batch_norm", "batch normalization")] {
                    node?.report("the scheme \"\(given.rawValue)\" sets \(what) itself; give the scheme or \"\(key)\", not both")
                }
                if alphaNode != nil || normNode != nil { return nil }
            } else {
                return nil
            }
        }
        if let scheme {
            alpha = scheme.alpha
            batchNorm = scheme.batchNorm
            preActivation = scheme.preActivation
            if scheme == .fixup, let branch, branch.count < 2 {
                (schemeNode ?? object.optional("branch") ?? node).report(
                    "Fixup scales a branch's layers by L^(-1/(2m-2)) for m ≥ 2 layers per branch, and this branch has 1; "
                    + "give \"branch\" two widths or more")
                return nil
            }
        }
        guard let blocks, let branch, let width, let alpha else { return nil }
        return (ResidualSpec(width: width, blocks: blocks, branch: branch, alpha: alpha, scheme: scheme, preActivation: batchNorm && preActivation),
                batchNorm)
    }

    /// α: a number, "1/sqrt(L)", or {"trained": true, "init": a number, 1 by default}; every
    /// number finite as a Float (1e39 is not).
    func readAlpha(_ node: ConfigNode) -> ResidualSpec.Alpha? {
        let finite = "a finite number (a Float: below 3.4e38 in size)"
        switch node.json {
        case .number:
            return node.number(finite) { Float($0).isFinite }.map { .fixed(Float($0)) }
        case .string("1/sqrt(L)"):
            return .inverseSqrtDepth
        case .object:
            guard let object = node.object else { return nil }
            defer { object.finish() }
            let trained = object.required("trained", "true: α is learned")?.bool
            let initial = object.number("init", default: 1, finite) { Float($0).isFinite }
            if trained == false { object.optional("trained")?.report("a fixed α is a number: \"alpha\": \(JSON.format(initial))") }
            return trained == true ? .trained(initial: Float(initial)) : nil
        default:
            let found: String
            if case .string(let text) = node.json { found = "\"\(text)\"" } else { found = node.json.typeName }
            node.report("expected a number, \"1/sqrt(L)\" or {\"trained\": true, \"init\": 0}, found \(found)")
            return nil
        }
    }
}
