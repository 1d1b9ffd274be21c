import CKernels
import Foundation
import Testing
@testable import InitLab

/// The BLAS kernels: chosen from the CPU's features when OpenBLAS's own detection falls short,
/// checked before they are trusted, and the same in the tests as in the tool.
@Suite struct BLASKernelTests {
    static let avx2 = UInt32(CKERNELS_CPU_AVX2_FMA), avx512 = UInt32(CKERNELS_CPU_AVX512)
    static let bf16 = UInt32(CKERNELS_CPU_AVX512_BF16), amd = UInt32(CKERNELS_CPU_AMD)

    @Test func theWidestVectorsTheCPUAllowsDecide() {
        // Emerald Rapids, unknown to OpenBLAS 0.3.21, which falls back to Prescott.
        #expect(BLASKernel.preferredCore(features: Self.avx2 | Self.avx512 | Self.bf16, detected: "Prescott") == "Cooperlake")
        #expect(BLASKernel.preferredCore(features: Self.avx2 | Self.avx512, detected: "Prescott") == "SkylakeX")
        // An AVX2 kernel on an AVX-512 CPU leaves half of each vector unused.
        #expect(BLASKernel.preferredCore(features: Self.avx2 | Self.avx512, detected: "Haswell") == "SkylakeX")
        #expect(BLASKernel.preferredCore(features: Self.avx2, detected: "Nehalem") == "Haswell")
        #expect(BLASKernel.preferredCore(features: Self.avx2 | Self.amd, detected: "Prescott") == "Zen")
        // OpenBLAS's own choice stands where it already fits.
        #expect(BLASKernel.preferredCore(features: Self.avx2 | Self.avx512 | Self.bf16 | Self.amd, detected: "Cooperlake") == nil)
        #expect(BLASKernel.preferredCore(features: Self.avx2 | Self.avx512, detected: "SKYLAKEX") == nil)
        #expect(BLASKernel.preferredCore(features: Self.avx2 | Self.amd, detected: "Haswell") == nil)
        #expect(BLASKernel.preferredCore(features: Self.avx2 | Self.avx512 | Self.bf16, detected: "SapphireRapids") == nil)
        #expect(BLASKernel.preferredCore(features: 0, detected: "Prescott") == nil)
        #expect(BLASKernel.floatLanes(features: Self.avx2 | Self.avx512) == 16 && BLASKernel.floatLanes(features: Self.avx2) == 8
                && BLASKernel.floatLanes(features: 0) == 4)
    }

    /// The environment of this process without the variables that steer the choice.
    func cleanEnvironment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["OPENBLAS_CORETYPE", GEMMChoice.environmentVariable, BLASKernel.checkVariable, BLASKernel.detectedVariable, BLASKernel.testDetectedVariable] {
            environment[key] = nil
        }
        return environment
    }

    /// Acted out on any CPU: OpenBLAS "detects" Prescott; the tool checks the kernels its CPU's
    /// features call for in a child process, then starts again under them and says so.
    @Test func aGenericCoreIsReplacedAfterTheBetterOneIsChecked() throws {
        var environment = cleanEnvironment()
        environment[BLASKernel.testDetectedVariable] = "Prescott"
        let result = try runCommand(["blas"], environment: environment)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        if let best = BLASKernel.suitableCores(features: BLASKernel.cpuFeatures).first {
            #expect(result.stdout.contains("kernels   \(best)\n"), "\(result.stdout)")
            #expect(result.stdout.contains("chosen by compare-inits, from the CPU's features (OpenBLAS detected Prescott)"))
        } else {
            #expect(result.stdout.contains("chosen by OpenBLAS's own detection"), "\(result.stdout)")
        }
    }

    @Test func theUsersCoreTypeAlwaysWins() throws {
        var environment = cleanEnvironment()
        environment[BLASKernel.testDetectedVariable] = "Prescott"
        environment["OPENBLAS_CORETYPE"] = "Prescott"
        let result = try runCommand(["blas"], environment: environment)
        #expect(result.stdout.contains("kernels   Prescott\n") && result.stdout.contains("chosen by OPENBLAS_CORETYPE set by the user"),
                "\(result.stdout)")
    }

    /// The child that checks a core exits 0 only when OpenBLAS runs that core and its products
    /// agree with Double-precision ones.
    @Test func theCheckRunsTheCoreItWasAskedFor() throws {
        let core = BLASKernel.coreName
        var environment = cleanEnvironment()
        environment["OPENBLAS_CORETYPE"] = core
        environment[BLASKernel.checkVariable] = core
        #expect(try runCommand([], environment: environment).status == 0)
        environment[BLASKernel.checkVariable] = core == "Prescott" ? "Nehalem" : "Prescott"
        #expect(try runCommand([], environment: environment).status == 1)
        #expect(BLASKernel.agreesWithDouble(ProductShape(m: 40, n: 30, k: 300, transposeA: true, transposeB: false)))
    }

    /// scripts/test (the README's test command) gives this process the kernels the tool runs.
    @Test func theTestsRunTheKernelsTheToolRuns() throws {
        let tool = try runCommand(["blas", "--core"])
        #expect(tool.stdout == BLASKernel.coreName + "\n",
                "the tool runs \(tool.stdout) but the tests \(BLASKernel.coreName): run the tests with `bash scripts/test`")
    }

    /// OpenBLAS's threaded products round differently from its single-threaded ones, so every
    /// process computes on one OpenBLAS thread from its start, whatever OPENBLAS_NUM_THREADS
    /// says: this test process (which nothing in the tests sets) and the command alike.
    @Test func everyProcessComputesOnOneBLASThread() throws {
        #expect(BLASKernel.threads == 1)
        var environment = cleanEnvironment()
        environment["OPENBLAS_NUM_THREADS"] = "2"
        let result = try runCommand(["blas"], environment: environment)
        #expect(result.stdout.contains("threads   1 per product"), "\(result.stdout)")
    }
}
