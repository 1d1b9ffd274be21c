/// One matrix product of a training step: C (m, n) = op(A) (m, k) · op(B) (k, n).
public struct ProductShape: Sendable, Equatable {
    public let m, n, k: Int
    public let transposeA, transposeB: Bool
    public var flops: Double { 2 * Double(m) * Double(n) * Double(k) }
}

extension MLP {
    /// The products one training step does with `rows` samples, in order: forward per layer,
    /// then backward dW per layer and dX for all but the first.
    public func stepProducts(rows: Int) -> [ProductShape] {
        var shapes = layers.map { ProductShape(m: rows, n: $0.outputs, k: $0.inputs, transposeA: false, transposeB: true) }
        for (l, layer) in layers.enumerated().reversed() {
            shapes.append(ProductShape(m: layer.outputs, n: layer.inputs, k: rows, transposeA: true, transposeB: false))
            if l > 0 { shapes.append(ProductShape(m: rows, n: layer.inputs, k: layer.outputs, transposeA: false, transposeB: false)) }
        }
        return shapes
    }
}

/// This machine's single-core sgemm rate at a step's shapes: the same products, alone, with
/// operands already in memory, single-threaded OpenBLAS.
public enum SgemmBenchmark {
    /// Seconds for one step's products (best of `rounds`, each the mean over `repetitions`).
    public static func secondsPerStep(_ shapes: [ProductShape], repetitions: Int = 200, rounds: Int = 5) -> Double {
        setBLASThreads(1)
        var rng = Xoshiro256(seed: 1)
        let operands = shapes.map { shape -> (FloatBuffer, FloatBuffer, FloatBuffer) in
            let a = FloatBuffer(count: shape.m * shape.k), b = FloatBuffer(count: shape.k * shape.n)
            for i in 0..<a.count { a.pointer[i] = Float(rng.uniform()) - 0.5 }
            for i in 0..<b.count { b.pointer[i] = Float(rng.uniform()) - 0.5 }
            return (a, b, FloatBuffer(count: shape.m * shape.n))
        }
        func oneStep() {
            for (shape, (a, b, c)) in zip(shapes, operands) {
                gemm(shape.transposeA, shape.transposeB, m: shape.m, n: shape.n, k: shape.k,
                     a.pointer, lda: shape.transposeA ? shape.m : shape.k,
                     b.pointer, ldb: shape.transposeB ? shape.k : shape.n,
                     beta: 0, c.pointer, ldc: shape.n)
            }
        }
        for _ in 0..<20 { oneStep() } // warm caches and OpenBLAS's buffers
        var best = Double.infinity
        for _ in 0..<rounds {
            let start = monotonicSeconds()
            for _ in 0..<repetitions { oneStep() }
            best = min(best, (monotonicSeconds() - start) / Double(repetitions))
        }
        return best
    }
}
