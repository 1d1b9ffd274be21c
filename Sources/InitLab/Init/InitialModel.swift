extension Strategy {
    /// The network with this strategy's initial weights and biases for `seed`, before any
    /// data-dependent procedure: what a run starts from and what `inspect` shows. Each
    /// (seed, strategy) has its own random stream, so the weights do not depend on the order in
    /// which runs start.
    public func initialModel(seed: UInt64) -> MLP {
        let model = MLP(self.model)
        var rng = Xoshiro256(seed: seed, stream: "init", id)
        for (l, layer) in model.layers.enumerated() {
            let plan = layers[l]
            plan.weights.fill(model.weights(l), rows: layer.outputs, cols: layer.inputs,
                              fanIn: layer.inputs, fanOut: layer.outputs, rng: &rng)
            plan.biases.fill(model.biases(l), rows: layer.outputs, cols: 1,
                             fanIn: layer.inputs, fanOut: layer.outputs, rng: &rng)
            // A layer without its linear bias has b = 0 for good (drawn all the same, so that
            // the stream, and every later layer's weights, are those of the layer with one).
            if layer.normalized && !model.linearBias { model.biases(l).update(repeating: 0) }
        }
        return model
    }
}
