import CKernels
import Foundation

/// The tool's own GEMM (ckernels_sgemm, its fastest path on this CPU) against single-threaded
/// OpenBLAS on the products of training steps, one core, alternating: each round measures the FMA
/// peak, then each product once with each, and each side keeps its fastest time (this machine's
/// speed drifts with its host's load; alternating spreads a slow spell over both sides, and the
/// fastest time is the least disturbed).
public struct GEMMBenchmark: Sendable {
    /// One distinct product of a network's step.
    public struct Row: Sendable {
        /// Which of the step's products have this shape ("layer 1 forward", "layers 2–10 forward").
        public var name: String
        public var shape: ProductShape
        /// How many of the step's products have it.
        public var count: Int
        public var ownSeconds: Double
        public var openBLASSeconds: Double

        public var ownRate: Double { shape.flops / ownSeconds }
        public var openBLASRate: Double { shape.flops / openBLASSeconds }
    }

    /// One network's step: its products, and the step as a whole.
    public struct Network: Sendable {
        public var label: String
        public var rows: [Row]

        public var flops: Double { rows.reduce(0) { $0 + Double($1.count) * $1.shape.flops } }
        public var ownSeconds: Double { rows.reduce(0) { $0 + Double($1.count) * $1.ownSeconds } }
        public var openBLASSeconds: Double { rows.reduce(0) { $0 + Double($1.count) * $1.openBLASSeconds } }
    }

    public var path: Int32
    public var peak: FMAPeak
    public var networks: [Network]
    public var rounds: Int
    public var blas: BLASKernel = .current

    /// The path's name, as the bench prints it.
    public var pathName: String {
        switch Int(path) {
        case Int(CKERNELS_GEMM_AVX512): return "AVX-512"
        case Int(CKERNELS_GEMM_AVX2): return "AVX2+FMA"
        default: return "portable"
        }
    }

    /// A network's step products, the same shapes grouped, in the order training first computes
    /// them, each named by layer (counted from 1) and role.
    public static func stepRows(_ model: MLP, rows: Int) -> [(name: String, shape: ProductShape, count: Int)] {
        var roles: [(shape: ProductShape, role: String, layer: Int)] = []
        let layers = model.layers.indices.map { model.products($0, rows: rows) }
        for (l, products) in layers.enumerated() { roles.append((products.forward, "forward", l + 1)) }
        for (l, products) in layers.enumerated().reversed() {
            roles.append((products.weightGradient, "weights' gradient", l + 1))
            if let input = products.inputGradient { roles.append((input, "input's gradient", l + 1)) }
        }
        var order: [ProductShape] = []
        var byShape: [ProductShape: [(role: String, layer: Int)]] = [:]
        for r in roles {
            if byShape[r.shape] == nil { order.append(r.shape) }
            byShape[r.shape, default: []].append((r.role, r.layer))
        }
        return order.map { shape in
            let uses = byShape[shape]!
            return (name(uses), shape, uses.count)
        }
    }

    /// "layer 1 forward", "layers 2–10 forward", or each use listed when their roles differ.
    static func name(_ uses: [(role: String, layer: Int)]) -> String {
        let layers = uses.map(\.layer).sorted()
        if Set(uses.map(\.role)).count == 1, layers.count > 1, layers.last! - layers.first! == layers.count - 1 {
            return "layers \(layers.first!)–\(layers.last!) \(uses[0].role)"
        }
        return uses.map { "layer \($0.layer) \($0.role)" }.joined(separator: ", ")
    }

    /// Measures every distinct product of the networks' steps (`rows` samples a batch), `rounds`
    /// times each side, alternating.
    public static func measure(networks: [(label: String, model: MLP, rows: Int)], rounds: Int = 100,
                               log: (String) -> Void = { _ in }) -> GEMMBenchmark {
        let path = ckernels_gemm_best_path()
        let steps = networks.map { (label: $0.label, rows: stepRows($0.model, rows: $0.rows)) }
        var shapes: [ProductShape] = []
        for step in steps { for row in step.rows where !shapes.contains(row.shape) { shapes.append(row.shape) } }

        var rng = Xoshiro256(seed: 1, stream: "gemm benchmark")
        let operands = shapes.map { shape -> (a: FloatBuffer, b: FloatBuffer, c: FloatBuffer) in
            let a = FloatBuffer(count: shape.m * shape.k), b = FloatBuffer(count: shape.k * shape.n)
            for i in 0..<a.count { a.pointer[i] = Float(rng.uniform()) - 0.5 }
            for i in 0..<b.count { b.pointer[i] = Float(rng.uniform()) - 0.5 }
            return (a, b, FloatBuffer(count: shape.m * shape.n))
        }
        func own(_ s: Int) {
            let shape = shapes[s], (a, b, c) = operands[s]
            ckernels_sgemm(path, shape.transposeA ? 1 : 0, shape.transposeB ? 1 : 0, shape.m, shape.n, shape.k, 1, a.pointer,
                           shape.transposeA ? shape.m : shape.k, b.pointer, shape.transposeB ? shape.k : shape.n, 0, c.pointer, shape.n)
        }
        func openBLAS(_ s: Int) { Product(shapes[s], operands[s].a.pointer, operands[s].b.pointer, into: operands[s].c.pointer).compute() }
        // Each timing about 0.2 ms of products (at 100 GFLOP/s), after one untimed call that brings
        // the operands into cache for that side as for the other: short, so that on a shared
        // machine many of them run undisturbed.
        func seconds(_ s: Int, _ body: (Int) -> Void) -> Double {
            let repetitions = max(1, Int(2e7 / shapes[s].flops))
            body(s)
            let start = monotonicSeconds()
            for _ in 0..<repetitions { body(s) }
            return (monotonicSeconds() - start) / Double(repetitions)
        }
        var best = [(own: Double, openBLAS: Double)](repeating: (.infinity, .infinity), count: shapes.count)
        var peak = FMAPeak(lanes: Int(ckernels_gemm_lanes(path)), rate: 0, clockHertz: 0)
        log("the FMA peak and \(shapes.count) products, \(rounds) rounds alternating with OpenBLAS…")
        for _ in 0..<rounds {
            peak = peak.combined(with: FMAPeak.measure(seconds: 0.002, rounds: 3))
            for s in shapes.indices {
                best[s].own = min(best[s].own, seconds(s, own))
                best[s].openBLAS = min(best[s].openBLAS, seconds(s, openBLAS))
            }
        }
        withExtendedLifetime(operands) {}
        let measured = steps.map { step in
            Network(label: step.label, rows: step.rows.map { row in
                let s = shapes.firstIndex(of: row.shape)!
                return Row(name: row.name, shape: row.shape, count: row.count, ownSeconds: best[s].own, openBLASSeconds: best[s].openBLAS)
            })
        }
        return GEMMBenchmark(path: path, peak: peak, networks: measured, rounds: rounds)
    }
}
