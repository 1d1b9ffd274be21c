import Synchronization
import CBLAS
import CKernels
import Foundation

/// Which code computes the matrix products: every one of them (training, the diagnostics' measurements,
/// LSUV, RBM) goes through `gemm` below, which asks `GEMMChoice.current`. LAPACK (orthogonal
/// initialization's QR) is OpenBLAS's either way.
public enum GEMMChoice: String, CaseIterable, Sendable {
    /// The tool's own GEMM (ckernels_sgemm, Sources/CKernels/gemm*.c), on the widest vectors the
    /// CPU runs: one order of arithmetic on its AVX-512, AVX2 and portable (fmaf) paths, so a
    /// product gives the same bits on every x86-64 CPU (and on any other, through fmaf). The default.
    case own
    /// OpenBLAS's cblas_sgemm, whose kernels (chosen by CPU, see BLASKernel) each round in their
    /// own order: the same bits on one machine, not between CPUs.
    case openblas

    /// The environment variable that chooses, for commands without `--matmul` and for every
    /// process a command starts (a Slurm job's `run --shard` and `merge` inherit it).
    public static let environmentVariable = "COMPARE_INITS_MATMUL"

    /// The choice of this process. Set once by the command before any product (`select`), read by
    /// every product after.
    public static var current: GEMMChoice { selected }
    nonisolated(unsafe) private static var selected = GEMMChoice.own

    /// Makes `choice` compute every product from now on. For the command, before any product is
    /// computed and before threads start.
    public static func select(_ choice: GEMMChoice) { selected = choice }

    /// The choice `environment` makes: nil when it makes none, an error naming the valid values
    /// when its value is none of them.
    public static func inEnvironment(_ environment: [String: String]) throws -> GEMMChoice? {
        guard let value = environment[environmentVariable] else { return nil }
        guard let choice = GEMMChoice(rawValue: value) else {
            throw GEMMChoiceError(message: "\(environmentVariable)=\(value) is not one of \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }

    /// How `bench`, `blas` and the report name what computed the products.
    public var description: String {
        switch self {
        case .own: return "compare-inits's own GEMM (\(Self.pathName(ckernels_gemm_best_path())) path; the same bits on every CPU)"
        case .openblas:
            let blas = BLASKernel.current
            return "\(blas.library)'s \(blas.core) kernels (\(blas.howChosen))"
        }
    }

    /// "AVX-512", "AVX2+FMA" or "portable".
    public static func pathName(_ path: Int32) -> String {
        switch Int(path) {
        case Int(CKERNELS_GEMM_AVX512): return "AVX-512"
        case Int(CKERNELS_GEMM_AVX2): return "AVX2+FMA"
        default: return "portable"
        }
    }

    /// The run cache key's "blas" entry: whatever below the tool decides a run's bits. The tool's
    /// GEMM gives the same bits on every path, so its entry names no path and no CPU: runs trained on
    /// any x86-64 CPU with AVX2 (or any CPU at all, on the portable path, which is only slower) share
    /// their keys, and shards from different CPUs merge. OpenBLAS's kernels round differently, so
    /// with it the entry names the library and its kernels. Orthogonal initialization's QR runs
    /// in OpenBLAS's LAPACK, on its kernels, whichever computes the products, and so does the
    /// Jacobian spectrum's diagnostic (dgemm, dgesdd): a run that draws orthogonal weights or
    /// computes the spectrum names them too (`lapackKeyEntry`), and only such a run.
    var runKeyEntry: String {
        switch self {
        case .openblas: return Self.openBLASKernels
        case .own: return "compare-inits GEMM"
        }
    }

    /// The run cache key's "lapack" entry for a run of `strategy`: OpenBLAS's kernels when the
    /// tool's GEMM computes the products and the strategy's initial weights come from LAPACK or
    /// the diagnostics compute the Jacobian's spectrum (with OpenBLAS, "blas" names them
    /// already); nil otherwise.
    func lapackKeyEntry(_ strategy: Strategy, diagnostics: DiagnosticsSpec? = nil) -> String? {
        let spectrum = diagnostics.map { $0.enabled && $0.jacobianInputs > 0 } ?? false
        return self == .own && (strategy.usesLAPACK || spectrum) ? Self.openBLASKernels : nil
    }

    private static var openBLASKernels: String {
        let blas = BLASKernel.current
        return "\(blas.library), \(blas.core)"
    }
}

/// A COMPARE_INITS_MATMUL the tool does not know.
public struct GEMMChoiceError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension Strategy {
    /// Whether the strategy draws orthogonal weights or biases, which LAPACK's QR computes.
    var usesLAPACK: Bool {
        layers.contains { layer in
            [layer.weights, layer.biases].contains { if case .orthogonal = $0 { return true } else { return false } }
        }
    }
}

/// C = alpha·op(A)·op(B) + beta·C, all row-major; op(X) is X or Xᵀ. C is (m, n), op(A) is (m, k),
/// op(B) is (k, n); lda/ldb/ldc are the row strides of A, B, C as stored. Computed by
/// `GEMMChoice.current`.
@inline(__always)
func gemm(_ transposeA: Bool, _ transposeB: Bool, m: Int, n: Int, k: Int,
          alpha: Float = 1, _ a: UnsafePointer<Float>, lda: Int,
          _ b: UnsafePointer<Float>, ldb: Int,
          beta: Float, _ c: UnsafeMutablePointer<Float>, ldc: Int) {
    gemm(GEMMChoice.current, transposeA, transposeB, m: m, n: n, k: k, alpha: alpha, a, lda: lda, b, ldb: ldb, beta: beta, c, ldc: ldc)
}

/// The same, by `choice` (the tests compare the two without changing the process's choice).
@inline(__always)
func gemm(_ choice: GEMMChoice, _ transposeA: Bool, _ transposeB: Bool, m: Int, n: Int, k: Int,
          alpha: Float = 1, _ a: UnsafePointer<Float>, lda: Int,
          _ b: UnsafePointer<Float>, ldb: Int,
          beta: Float, _ c: UnsafeMutablePointer<Float>, ldc: Int) {
    switch choice {
    case .own:
        // The only failure the best path can have is its packing buffer's allocation (-2, C left
        // untouched): then the same product, in the same order of arithmetic, without one.
        if ckernels_sgemm(Int32(CKERNELS_GEMM_BEST), transposeA ? 1 : 0, transposeB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb,
                          beta, c, ldc) != 0 {
            PackingFallback.warnOnce()
            ckernels_sgemm_reference(transposeA ? 1 : 0, transposeB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
        }
    case .openblas:
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}

/// A product whose packing buffer could not be allocated: said once a process, on stderr, from
/// whichever thread it happens on (deep in a run, with no caller to hand an error to); the run
/// goes on with the same bits.
enum PackingFallback {
    private static let warned = Mutex(false)

    static func warnOnce() {
        let first = warned.withLock { warned in
            defer { warned = true }
            return !warned
        }
        guard first else { return }
        let megabytes = Double(ckernels_gemm_buffer_limit(Int32(CKERNELS_GEMM_BEST))) / 1e6
        FileHandle.standardError.write(Data(("compare-inits: warning: out of memory for the matrix products' packing buffer "
            + String(format: "(%.1f MB a thread)", megabytes)
            + "; computing them without it: the same results, many times slower\n").utf8))
    }

    /// Whether the warning was given (for the tests).
    static var happened: Bool { warned.withLock { $0 } }
}
