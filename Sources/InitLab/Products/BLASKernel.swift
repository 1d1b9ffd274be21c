import CBLAS
import CKernels
import Foundation
import Synchronization

/// Which OpenBLAS kernels compute the products, and how they were chosen.
///
/// OpenBLAS built with DYNAMIC_ARCH (Debian's) picks its kernels from the CPU's model number when
/// it loads. A CPU newer than the library is unknown to it and gets a generic SSE3 core
/// ("Prescott"), 3–4× slower than the AVX2 or AVX-512 kernels the same library carries: Debian
/// 12's 0.3.21 does this on Intel's Emerald Rapids. The library reads OPENBLAS_CORETYPE when it
/// loads, so the command (`BLASKernel.selectForThisProcess`) checks, before anything else, whether
/// the CPU's features (CPUID, not model numbers) call for better kernels than the library chose;
/// if they do, it tries them in a child process against a Double-precision product, and only
/// when they pass starts itself again with OPENBLAS_CORETYPE set. A user's own OPENBLAS_CORETYPE
/// always wins.
public struct BLASKernel: Sendable, Equatable {
    public enum Choice: Sendable, Equatable {
        /// OpenBLAS's own detection.
        case library
        /// OPENBLAS_CORETYPE as the user set it.
        case user
        /// compare-inits set OPENBLAS_CORETYPE; OpenBLAS had detected `detected`.
        case tool(detected: String)
        /// compare-inits's choice failed its check, so OpenBLAS's own stays.
        case kept(preferred: String, reason: String)
    }

    /// "OpenBLAS 0.3.21".
    public let library: String
    /// The kernels' core name as OpenBLAS gives it ("Haswell", "SkylakeX", "Cooperlake").
    public let core: String
    public let choice: Choice

    public var howChosen: String {
        switch choice {
        case .library: return "OpenBLAS's own detection"
        case .user: return "OPENBLAS_CORETYPE set by the user"
        case .tool(let detected): return "\(toolName), from the CPU's features (OpenBLAS detected \(detected))"
        case let .kept(preferred, reason): return "OpenBLAS's own detection; \(preferred) failed its check (\(reason))"
        }
    }

    /// The kernels of this process.
    public static var current: BLASKernel {
        let choice = selection.withLock { $0 } ?? (ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] != nil ? .user : .library)
        return BLASKernel(library: libraryName, core: coreName, choice: choice)
    }

    private static let selection = Mutex<Choice?>(nil)

    public static var coreName: String { String(cString: openblas_get_corename()) }

    /// "OpenBLAS 0.3.21", from the library's configuration string.
    static var libraryName: String {
        let config = String(cString: openblas_get_config()).split(separator: " ")
        return config.prefix(2).joined(separator: " ")
    }

    /// The cores whose kernels use the widest vectors `features` allow, the one to ask for first
    /// (a core OpenBLAS 0.3.21 has); empty when the CPU has no AVX2 with FMA (then OpenBLAS's own
    /// choice is as good as any). SapphireRapids, which later OpenBLAS versions detect, counts as
    /// suitable but is never asked for.
    public static func suitableCores(features: UInt32) -> [String] {
        if features & UInt32(CKERNELS_CPU_AVX512) != 0 {
            let bf16 = features & UInt32(CKERNELS_CPU_AVX512_BF16) != 0
            return (bf16 ? ["Cooperlake", "SkylakeX"] : ["SkylakeX", "Cooperlake"]) + ["SapphireRapids"]
        }
        if features & UInt32(CKERNELS_CPU_AVX2_FMA) != 0 {
            return features & UInt32(CKERNELS_CPU_AMD) != 0 ? ["Zen", "Haswell"] : ["Haswell", "Zen"]
        }
        return []
    }

    /// The core to ask OpenBLAS for when it detected `detected` on a CPU with `features`; nil
    /// when its own choice already uses the widest vectors the CPU allows.
    public static func preferredCore(features: UInt32, detected: String) -> String? {
        let suitable = suitableCores(features: features)
        guard let best = suitable.first, !suitable.contains(where: { $0.caseInsensitiveCompare(detected) == .orderedSame }) else {
            return nil
        }
        return best
    }

    /// Vector lanes of 32-bit floats the CPU's widest usable instructions hold (4 with SSE).
    public static func floatLanes(features: UInt32) -> Int {
        if features & UInt32(CKERNELS_CPU_AVX512) != 0 { return 16 }
        return features & UInt32(CKERNELS_CPU_AVX2_FMA) != 0 ? 8 : 4
    }

    public static var cpuFeatures: UInt32 { ckernels_cpu_features() }

    /// OpenBLAS's threads per product in this process: 1, set before main (blas_threads.c).
    public static var threads: Int { Int(ckernels_blas_threads()) }

    static let checkVariable = "COMPARE_INITS_BLAS_CHECK"
    static let detectedVariable = "COMPARE_INITS_BLAS_DETECTED"
    static let testDetectedVariable = "COMPARE_INITS_BLAS_TEST_DETECTED"

    /// For the command, before anything else runs: may replace the process with itself started
    /// again under the better kernels, or, in the child that tries them, check them and exit.
    /// Returns a warning to print when better kernels exist but failed their check.
    public static func selectForThisProcess() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let preferred = environment[checkVariable] {
            exit(checkFailure(preferred: preferred) == nil ? 0 : 1)
        }
        if let detected = environment[detectedVariable] {
            // OpenBLAS read OPENBLAS_CORETYPE when it loaded; the programs this one starts
            // (gnuplot, the PyTorch peer, a test's binary) get the environment the user gave.
            unsetenv(detectedVariable)
            unsetenv("OPENBLAS_CORETYPE")
            selection.withLock { $0 = .tool(detected: detected) }
            return nil
        }
        // The tests act out a CPU that OpenBLAS does not know with testDetectedVariable.
        let detected = environment[testDetectedVariable] ?? coreName
        guard environment["OPENBLAS_CORETYPE"] == nil,
              let preferred = preferredCore(features: cpuFeatures, detected: detected) else { return nil }
        #if os(Linux)
        if let reason = checkInChild(preferred: preferred) {
            selection.withLock { $0 = .kept(preferred: preferred, reason: reason) }
            return "OpenBLAS chose its \(detected) kernels on this CPU; the faster \(preferred) kernels failed their check (\(reason)), so \(detected) runs"
        }
        setenv("OPENBLAS_CORETYPE", preferred, 1)
        setenv(detectedVariable, detected, 1)
        unsetenv(testDetectedVariable)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Only reached when the exec failed: carry on with the library's own kernels.
        unsetenv("OPENBLAS_CORETYPE")
        unsetenv(detectedVariable)
        selection.withLock { $0 = .kept(preferred: preferred, reason: "could not restart: \(String(cString: strerror(errno)))") }
        #endif
        return nil
    }

    /// Runs this executable with OPENBLAS_CORETYPE=`preferred` as a check; nil when it passed.
    static func checkInChild(preferred: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = preferred
        environment[checkVariable] = preferred
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return "could not start the check: \(error.localizedDescription)" }
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal { return "the check crashed with signal \(process.terminationStatus)" }
        return process.terminationStatus == 0 ? nil : "its products disagree with a Double-precision reference"
    }

    /// In the check: whether the library runs `preferred` and its sgemm agrees with a plain
    /// Double product on every layout the training uses, at the lesson's shapes and at odd ones.
    /// nil when it passes, else what failed.
    static func checkFailure(preferred: String) -> String? {
        guard coreName.caseInsensitiveCompare(preferred) == .orderedSame else { return "OpenBLAS runs \(coreName)" }
        let lesson = ModelSpec(layers: [784, 256, 128, 10], activation: .relu, dropout: 0).plan.stepProducts(rows: 100)
        let odd = [ProductShape(m: 17, n: 33, k: 65, transposeA: false, transposeB: false),
                   ProductShape(m: 31, n: 7, k: 129, transposeA: true, transposeB: true)]
        for shape in lesson + odd where !agreesWithDouble(shape) { return "its \(shape.m)×\(shape.n)×\(shape.k) product disagrees" }
        return nil
    }

    /// OpenBLAS's sgemm (whatever computes the tool's products: these are its kernels on trial) on
    /// random operands against the same product summed in Double: every element within
    /// 2·k·u·Σ|a||b| (u = 2⁻²⁴), twice the worst case of any order of k Float additions. A wrong
    /// kernel is off by the size of the values themselves.
    static func agreesWithDouble(_ shape: ProductShape) -> Bool {
        var rng = Xoshiro256(seed: 2, stream: "blas probe")
        let a = (0..<(shape.m * shape.k)).map { _ in Float(rng.uniform()) - 0.5 }
        let b = (0..<(shape.k * shape.n)).map { _ in Float(rng.uniform()) - 0.5 }
        var c = [Float](repeating: 0, count: shape.m * shape.n)
        let lda = shape.transposeA ? shape.m : shape.k, ldb = shape.transposeB ? shape.k : shape.n
        gemm(.openblas, shape.transposeA, shape.transposeB, m: shape.m, n: shape.n, k: shape.k, a, lda: lda, b, ldb: ldb, beta: 0, &c, ldc: shape.n)
        let bound = 2 * Double(shape.k) * 0x1p-24
        for i in 0..<shape.m {
            for j in 0..<shape.n {
                var sum = 0.0, magnitude = 0.0
                for p in 0..<shape.k {
                    let x = Double(shape.transposeA ? a[p * lda + i] : a[i * lda + p])
                    let y = Double(shape.transposeB ? b[j * ldb + p] : b[p * ldb + j])
                    sum += x * y
                    magnitude += abs(x * y)
                }
                if abs(Double(c[i * shape.n + j]) - sum) > bound * magnitude { return false }
            }
        }
        return true
    }
}
