import CBLAS
import CKernels
import Foundation
import Testing
@testable import InitLab

/// `gemm`, the one function every product of the tool goes through, and what follows from the
/// choice of what computes it: the run cache's key and the memory estimate.
@Suite struct GEMMWiringTests {
    /// Operands stored as `shape` says, random in [−1, 1), and a C of garbage that β = 0 must not read.
    static func operands(_ shape: ProductShape, seed: UInt64) -> (a: [Float], b: [Float], c: [Float]) {
        var rng = Xoshiro256(seed: seed, stream: "gemm wiring")
        func random(_ count: Int) -> [Float] { (0..<count).map { _ in Float(2 * rng.uniform() - 1) } }
        return (random(shape.m * shape.k), random(shape.k * shape.n), random(shape.m * shape.n))
    }

    /// The lesson's step products and odd ones, dense as LayerProducts lays them out.
    static let shapes = ModelSpec(layers: [784, 256, 128, 10], activation: .relu, dropout: 0).plan.stepProducts(rows: 100)
        + [ProductShape(m: 17, n: 33, k: 300, transposeA: true, transposeB: false),
           ProductShape(m: 1, n: 7, k: 1, transposeA: false, transposeB: true)]

    /// C through `gemm` by `choice` (nil: the process's), with β = 0.5 so that C is read too.
    static func throughGemm(_ choice: GEMMChoice?, _ shape: ProductShape, seed: UInt64) -> [UInt32] {
        var (a, b, c) = operands(shape, seed: seed)
        let lda = shape.transposeA ? shape.m : shape.k, ldb = shape.transposeB ? shape.k : shape.n
        if let choice {
            gemm(choice, shape.transposeA, shape.transposeB, m: shape.m, n: shape.n, k: shape.k, alpha: 0.75, a, lda: lda, b, ldb: ldb,
                 beta: 0.5, &c, ldc: shape.n)
        } else {
            gemm(shape.transposeA, shape.transposeB, m: shape.m, n: shape.n, k: shape.k, alpha: 0.75, a, lda: lda, b, ldb: ldb,
                 beta: 0.5, &c, ldc: shape.n)
        }
        return c.map(\.bitPattern)
    }

    /// The tool's GEMM computes every product unless a command chose otherwise (no test does):
    /// `gemm` gives ckernels_sgemm's bits on its best path; chosen, OpenBLAS gives cblas_sgemm's.
    @Test func gemmIsTheToolsOwnUnlessOpenBLASIsChosen() {
        #expect(GEMMChoice.current == .own)
        for (index, shape) in Self.shapes.enumerated() {
            var (a, b, own) = Self.operands(shape, seed: UInt64(index))
            var openBLAS = own
            let lda = shape.transposeA ? shape.m : shape.k, ldb = shape.transposeB ? shape.k : shape.n
            let status = ckernels_sgemm(Int32(CKERNELS_GEMM_BEST), shape.transposeA ? 1 : 0, shape.transposeB ? 1 : 0, shape.m, shape.n,
                                        shape.k, 0.75, a, lda, b, ldb, 0.5, &own, shape.n)
            #expect(status == 0)
            cblas_sgemm(CblasRowMajor, shape.transposeA ? CblasTrans : CblasNoTrans, shape.transposeB ? CblasTrans : CblasNoTrans,
                        Int32(shape.m), Int32(shape.n), Int32(shape.k), 0.75, &a, Int32(lda), &b, Int32(ldb), 0.5, &openBLAS, Int32(shape.n))
            #expect(Self.throughGemm(nil, shape, seed: UInt64(index)) == own.map(\.bitPattern), "\(shape)")
            #expect(Self.throughGemm(.own, shape, seed: UInt64(index)) == own.map(\.bitPattern), "\(shape)")
            #expect(Self.throughGemm(.openblas, shape, seed: UInt64(index)) == openBLAS.map(\.bitPattern), "\(shape)")
        }
    }

    /// A product whose packing buffer cannot be allocated: ckernels_sgemm says so (−2) and leaves C
    /// alone; `gemm` then computes it without one, with the same bits, and warns (once a process).
    @Test func aProductWithoutMemoryForPackingStillGivesItsBits() {
        let shape = ProductShape(m: 256, n: 100, k: 784, transposeA: false, transposeB: true)
        let expected = Self.throughGemm(.own, shape, seed: 7)
        ckernels_gemm_limit_thread_buffer(0)
        defer { ckernels_gemm_limit_thread_buffer(-1) }
        var (a, b, c) = Self.operands(shape, seed: 7)
        let before = c.map(\.bitPattern)
        #expect(ckernels_sgemm(Int32(CKERNELS_GEMM_BEST), 0, 1, shape.m, shape.n, shape.k, 0.75, &a, shape.k, &b, shape.k, 0.5, &c,
                               shape.n) == -2)
        #expect(c.map(\.bitPattern) == before)
        #expect(Self.throughGemm(nil, shape, seed: 7) == expected)
        #expect(PackingFallback.happened)
    }

    /// COMPARE_INITS_MATMUL: unset chooses nothing, each value its choice, anything else an error
    /// that names the variable, the value and the valid ones.
    @Test func theEnvironmentVariableIsReadStrictly() throws {
        #expect(try GEMMChoice.inEnvironment([:]) == nil)
        #expect(try GEMMChoice.inEnvironment(["COMPARE_INITS_MATMUL": "own"]) == .own)
        #expect(try GEMMChoice.inEnvironment(["COMPARE_INITS_MATMUL": "openblas"]) == .openblas)
        for bad in ["OpenBLAS", "", "mkl"] {
            #expect {
                _ = try GEMMChoice.inEnvironment(["COMPARE_INITS_MATMUL": bad])
            } throws: { error in
                "\(error)" == "COMPARE_INITS_MATMUL=\(bad) is not one of own, openblas"
            }
        }
    }

    /// The run key's "blas" entry: with the tool's GEMM it names no path and no CPU (the same
    /// bits on every one); a run that draws orthogonal weights, whose QR runs on OpenBLAS's
    /// kernels, names them in its "lapack" entry, and only that run; with OpenBLAS, "blas" names
    /// its library and kernels, as before.
    @Test func theRunKeyNamesTheKernelsOnlyWhenTheyDecideTheBits() throws {
        let blas = BLASKernel.current
        let openBLAS = "\(blas.library), \(blas.core)"
        let fashion = try Experiment.load(path: packageRoot + "/configs/fashion.json")
        let deepTanh = try Experiment.load(path: packageRoot + "/configs/deep-tanh.json")
        let orthogonal = try #require(deepTanh.strategies.first { $0.id == "orthogonal" })
        let xavier = try #require(deepTanh.strategies.first { $0.id == "xavier" })
        #expect(orthogonal.usesLAPACK && !xavier.usesLAPACK && !fashion.strategies.contains(where: \.usesLAPACK))
        #expect(GEMMChoice.own.runKeyEntry == "compare-inits GEMM" && GEMMChoice.openblas.runKeyEntry == openBLAS)
        #expect(GEMMChoice.own.lapackKeyEntry(orthogonal) == openBLAS && GEMMChoice.own.lapackKeyEntry(xavier) == nil)
        #expect(GEMMChoice.openblas.lapackKeyEntry(orthogonal) == nil)
        let context = try RunKey.Context(experiment: fashion)
        #expect(context.json["blas"] == .string("compare-inits GEMM"))
        // In one experiment without the Jacobian's spectrum, only the run whose weights LAPACK
        // drew has the entry; deep-tanh.json computes the spectrum (LAPACK's SVD), so all its runs do.
        var withoutSpectrum = deepTanh
        withoutSpectrum.diagnostics.jacobianInputs = 0
        let deepContext = try RunKey.Context(experiment: deepTanh)
        func lapack(_ strategy: Strategy, _ experiment: Experiment) -> JSON? {
            RunKey(RunPlan(strategy: strategy, seed: 1), experiment: experiment, context: deepContext).material["lapack"]
        }
        #expect(lapack(orthogonal, withoutSpectrum) == GEMMChoice.current.lapackKeyEntry(orthogonal).map(JSON.string)
                && lapack(xavier, withoutSpectrum) == nil)
        #expect(deepTanh.diagnostics.jacobianInputs > 0)
        #expect(lapack(xavier, deepTanh) == GEMMChoice.current.lapackKeyEntry(xavier, diagnostics: deepTanh.diagnostics).map(JSON.string)
                && lapack(xavier, deepTanh) != nil)
    }

    /// The memory estimate counts one packing buffer, at its limit, for each run's thread and its
    /// partner's.
    @Test func theMemoryEstimateCountsThePackingBuffers() throws {
        let experiment = try Experiment.load(path: packageRoot + "/configs/fashion.json")
        let limit = Double(ckernels_gemm_buffer_limit(Int32(CKERNELS_GEMM_BEST)))
        #expect(limit > 1e6)
        for runs in [1, 2, 7] {
            let estimate = MemoryEstimate(experiment: experiment, images: 60_000, features: 784, parallelRuns: runs)
            #expect(estimate.productBufferBytes == limit)
            #expect(estimate.productBuffersBytes == 2 * Double(runs) * limit)
            #expect(estimate.totalBytes == MemoryEstimate.baseBytes + estimate.datasetBytes + estimate.resultsBytes
                    + Double(runs) * estimate.runBytes + 2 * Double(runs) * limit)
        }
    }
}
