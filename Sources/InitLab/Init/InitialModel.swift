extension Strategy {
    /// The network with this strategy's initial weights and biases for `seed`, before any
    /// data-dependent procedure: what a run starts from and what `inspect` shows. Each
    /// (seed, strategy) has its own random stream, so the weights do not depend on the order in
    /// which runs start.
    public func initialNetwork(seed: UInt64) -> Network {
        let network = Network(model)
        var rng = Xoshiro256(seed: seed, stream: "init", id)
        // Each dense layer's W, then its b, from the layer's initializers; γ and β keep 1 and 0.
        for segment in network.plan.segments {
            let initializer: Initializer
            switch segment.role {
            case .weight: initializer = layers[segment.layer].weights
            case .bias: initializer = layers[segment.layer].biases
            case .gamma, .beta, .scalar: continue
            }
            initializer.fill(network.values(of: segment), rows: segment.rows, cols: segment.columns, fanIn: segment.fanIn,
                             fanOut: segment.fanOut, rng: &rng)
        }
        // A layer without its linear bias has b = 0 for good (drawn all the same, so that the
        // stream, and every later layer's weights, are those of the layer with one).
        for layer in network.layers where !layer.hasBias { network.biases(layer.layer).update(repeating: 0) }
        return network
    }
}
