import CKernels

/// Population mean and standard deviation of Float values, accumulated in double over two
/// passes (mean, then squared deviations), so that a small spread around a large mean (sigmoid
/// outputs near 0.5) is not lost to cancellation. Vectorized C in a fixed order (ckernels.c).
struct Moments: Equatable {
    let mean: Double
    /// The population variance (squared deviations from the mean, over n), and its root.
    let variance: Double
    let std: Double

    init(_ values: UnsafePointer<Float>, count: Int) {
        self.init(values, features: 1, samples: count, bias: nil)
    }

    /// Over the entries of a feature-major (features, samples) block, feature f's entries
    /// shifted by bias[f] when a bias is given.
    init(_ values: UnsafePointer<Float>, features: Int, samples: Int, bias: UnsafePointer<Float>?) {
        let n = Double(features * samples)
        mean = ckernels_shifted_sum(values, bias, features, samples) / n
        variance = ckernels_squared_deviations(values, bias, mean, features, samples) / n
        std = variance.squareRoot()
    }

    /// What enters a gate's activation in the pass `context` describes: z + b, or with batch
    /// normalization γ·ẑ + β (the diagnostics' pre-activations, LSUV's variance).
    init(enteringActivationOf gate: Gate, _ context: PassContext) {
        self.init(context.values(gate.slot), features: gate.width, samples: context.rows,
                  bias: gate.shiftValues(context))
    }

    /// The scores a readout computed in the pass `context` describes.
    init(scoresOf readout: Dense, _ context: PassContext) {
        self.init(context.values(readout.output), count: context.rows * readout.outputs)
    }

    /// The Euclidean norm of `count` values.
    static func norm(_ values: UnsafePointer<Float>, count: Int) -> Double {
        ckernels_squared_deviations(values, nil, 0, 1, count).squareRoot()
    }

    /// ‖a − b‖ over `count` values.
    static func distance(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Double {
        ckernels_squared_distance(a, b, count).squareRoot()
    }
}

/// Unit counts over a layer's activations, feature-major (features, samples).
enum UnitCounts {
    /// The fraction of features whose every sample is exactly 0.
    static func deadFraction(_ y: UnsafePointer<Float>, features: Int, samples: Int) -> Double {
        var dead = 0
        for f in 0..<features {
            let row = y + f * samples
            var allZero = true
            for s in 0..<samples where row[s] != 0 { allZero = false; break }
            if allZero { dead += 1 }
        }
        return Double(dead) / Double(features)
    }

    /// Whether every feature's samples equal the first feature's (false for a single feature).
    static func identical(_ y: UnsafePointer<Float>, features: Int, samples: Int) -> Bool {
        guard features > 1 else { return false }
        for f in 1..<features {
            let row = y + f * samples
            for s in 0..<samples where row[s] != y[s] { return false }
        }
        return true
    }

    /// The fraction of features outside `unsaturated` for more than half of the samples.
    static func saturatedFraction(_ y: UnsafePointer<Float>, features: Int, samples: Int, unsaturated: ClosedRange<Float>) -> Double {
        Double(ckernels_count_saturated(y, features, samples, unsaturated.lowerBound, unsaturated.upperBound)) / Double(features)
    }
}
