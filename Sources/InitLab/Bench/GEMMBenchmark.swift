import CKernels
import Foundation

/// The tool's own GEMM (ckernels_sgemm, its fastest path on this CPU) against single-threaded
/// OpenBLAS on the products of training steps, one core, alternating: each round measures the FMA
/// peak, then each product once with each, and each side keeps its fastest time (this machine's
/// speed drifts with its host's load; alternating spreads a slow spell over both sides, and the
/// fastest time is the least disturbed). Beside them, with a Python that has torch, PyTorch's
/// torch.mm on one thread at the same shapes and layouts (scripts/torch-mm.py, in a process of
/// its own, after them).
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
        /// torch.mm's, when it was measured.
        public var torchSeconds: Double?

        public var ownRate: Double { shape.flops / ownSeconds }
        public var openBLASRate: Double { shape.flops / openBLASSeconds }
        public var torchRate: Double? { torchSeconds.map { shape.flops / $0 } }
    }

    /// One network's step: its products, and the step as a whole.
    public struct Network: Sendable {
        public var label: String
        public var rows: [Row]

        public var flops: Double { rows.reduce(0) { $0 + Double($1.count) * $1.shape.flops } }
        public var ownSeconds: Double { rows.reduce(0) { $0 + Double($1.count) * $1.ownSeconds } }
        public var openBLASSeconds: Double { rows.reduce(0) { $0 + Double($1.count) * $1.openBLASSeconds } }
        public var torchSeconds: Double? {
            rows.reduce(0 as Double?) { sum, row in sum.flatMap { sum in row.torchSeconds.map { sum + Double(row.count) * $0 } } }
        }
    }

    /// PyTorch's version, or why torch.mm was not measured.
    public var torch: Result<String, BenchmarkError> = .failure(BenchmarkError(message: "not measured"))

    public var path: Int32
    public var peak: FMAPeak
    public var networks: [Network]
    public var rounds: Int
    public var blas: BLASKernel = .current

    /// The path's name, as the bench prints it.
    public var pathName: String { GEMMChoice.pathName(path) }

    /// A network's step products, the same shapes grouped, in the order training first computes
    /// them, each named by layer (counted from 1) and role.
    public static func stepRows(_ plan: Plan, rows: Int) -> [(name: String, shape: ProductShape, count: Int)] {
        var order: [ProductShape] = []
        var byShape: [ProductShape: [(role: String, layer: Int)]] = [:]
        for r in plan.stepProductRoles(rows: rows) {
            if byShape[r.shape] == nil { order.append(r.shape) }
            byShape[r.shape, default: []].append((r.role.rawValue, r.layer + 1))
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
    public static func measure(networks: [(label: String, plan: Plan, rows: Int)], rounds: Int = 100, python: String? = nil,
                               log: (String) -> Void = { _ in }) -> GEMMBenchmark {
        let path = ckernels_gemm_best_path()
        let steps = networks.map { (label: $0.label, rows: stepRows($0.plan, rows: $0.rows)) }
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
        func openBLAS(_ s: Int) {
            let shape = shapes[s], (a, b, c) = operands[s]
            gemm(.openblas, shape.transposeA, shape.transposeB, m: shape.m, n: shape.n, k: shape.k, a.pointer,
                 lda: shape.transposeA ? shape.m : shape.k, b.pointer, ldb: shape.transposeB ? shape.k : shape.n, beta: 0, c.pointer, ldc: shape.n)
        }
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
        var torch: Result<(version: String, seconds: [Double]), BenchmarkError> = .failure(BenchmarkError(
            message: "not measured: give --peer PYTHON, a Python with torch, to time torch.mm on one thread at the same shapes"))
        if let python {
            log("torch.mm at the same shapes, \(rounds) rounds…")
            torch = torchSeconds(shapes, rounds: rounds, python: python)
        }
        let torchSeconds = try? torch.get().seconds
        let measured = steps.map { step in
            Network(label: step.label, rows: step.rows.map { row in
                let s = shapes.firstIndex(of: row.shape)!
                return Row(name: row.name, shape: row.shape, count: row.count, ownSeconds: best[s].own, openBLASSeconds: best[s].openBLAS,
                           torchSeconds: torchSeconds?[s])
            })
        }
        var result = GEMMBenchmark(path: path, peak: peak, networks: measured, rounds: rounds)
        result.torch = torch.map(\.version)
        return result
    }

    /// scripts/torch-mm.py (in the current folder) run by `python` on `shapes`: PyTorch's version
    /// and each shape's fastest seconds, or why they could not be had.
    static func torchSeconds(_ shapes: [ProductShape], rounds: Int, python: String) -> Result<(version: String, seconds: [Double]), BenchmarkError> {
        let script = "scripts/torch-mm.py"
        guard FileManager.default.fileExists(atPath: script) else {
            return .failure(BenchmarkError(message: "not measured: \(script) not found (run bench from the package's folder)"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "\(rounds)"] + shapes.map { "\($0.m),\($0.n),\($0.k)," + ($0.transposeA ? "T" : "N") + ($0.transposeB ? "T" : "N") }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            return .failure(BenchmarkError(message: "not measured: cannot run \(python): \(error.localizedDescription)"))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let json = try? JSONParser.parse(String(decoding: data, as: UTF8.self)),
              case .string(let version)? = json["torch"], case .array(let times)? = json["seconds"], times.count == shapes.count else {
            return .failure(BenchmarkError(message: "not measured: \(script) failed (status \(process.terminationStatus)); is torch installed for \(python)?"))
        }
        let seconds = times.compactMap { time -> Double? in
            guard case .number(let t) = time, t > 0, t.isFinite else { return nil }
            return t
        }
        guard seconds.count == shapes.count else { return .failure(BenchmarkError(message: "not measured: \(script) gave no time for some product")) }
        return .success((version, seconds))
    }
}
