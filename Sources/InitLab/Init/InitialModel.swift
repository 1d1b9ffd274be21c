extension Strategy {
    /// The network with this strategy's initial weights and biases for `seed`, before any
    /// data-dependent procedure: what a run starts from and what `inspect` shows. Each
    /// (seed, strategy) has its own random stream, so the weights do not depend on the order in
    /// which runs start. The parametrization's multipliers are the plan's, its rescaling of the
    /// drawn values is applied here; its learning rates depend on the optimizer's kind (muP's
    /// MuAdam or MuSGD), which what does not train the network (inspect) may leave at Adam.
    public func initialNetwork(seed: UInt64, optimizer: Optimizer.Name = .adam) -> Network {
        let network = Network(Plan(model.layerKinds, inputWidth: model.layers[0],
                                   scaling: parametrization.scaling(of: model, optimizer: optimizer)))
        var rng = Xoshiro256(seed: seed, stream: "init", id)
        // Each dense layer's W, then its b, from the layer's initializers; γ and β keep 1 and 0.
        for segment in network.plan.segments {
            let initializer: Initializer
            switch segment.role {
            // A residual scheme's own layers (Fixup's) are drawn as it says, in the same order.
            case .weight: initializer = model.residual?.schemeInitializers(layer: segment.layer)?.weights ?? layers[segment.layer].weights
            case .bias: initializer = model.residual?.schemeInitializers(layer: segment.layer)?.biases ?? layers[segment.layer].biases
            case .gamma, .beta, .scalar: continue
            }
            initializer.fill(network.values(of: segment), rows: segment.rows, cols: segment.columns, fanIn: segment.fanIn,
                             fanOut: segment.fanOut, rng: &rng)
        }
        // A layer without its linear bias has b = 0 for good (drawn all the same, so that the
        // stream, and every later layer's weights, are those of the layer with one).
        for layer in network.layers where !layer.hasBias { network.biases(layer.layer).update(repeating: 0) }
        network.rescaleInitialValues()
        return network
    }
}

extension Network {
    /// The parametrization's rescaling of the drawn values (muP's set_base_shapes), or zeros
    /// (readout_zero_init, after drawing them all the same, as for a layer without its bias);
    /// nothing for a factor of 1.
    func rescaleInitialValues() {
        for (l, layer) in plan.scaling.enumerated() {
            let factors = layer.initialFactors
            for (values, factor) in [(weights(l), factors.weights), (biases(l), factors.biases)] {
                if factor == 0 {
                    values.update(repeating: 0)
                } else if factor != 1 {
                    for i in values.indices { values[i] *= factor }
                }
            }
        }
    }
}
