// swift-tools-version:6.0
import PackageDescription

// The training kernels are plain Swift loops over Float buffers. Unoptimized, they run tens of
// times slower, which would make `swift run` (a debug build) crawl, so the library is always
// compiled with optimization; debug builds keep their debug info.
// -fno-math-errno: on Linux, Float.squareRoot() goes through a C shim that otherwise keeps a
// sqrtf call per element (to set errno for negative inputs), which stops the optimizer step
// from vectorizing; nothing here reads errno.
let optimized: [SwiftSetting] = [.unsafeFlags(["-O", "-Xcc", "-fno-math-errno"])]

let package = Package(
    name: "compare-inits",
    // Synchronization's Mutex and Atomic need macOS 15 (Linux has them with Swift 6).
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "compare-inits", targets: ["compare-inits"]),
        .library(name: "InitLab", targets: ["InitLab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 for the run cache's content hashes and checksums.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // uniqued(): the config reader's lists of names, first occurrence kept.
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.1"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Optimized in every build for the same reason; -ffp-contract=off keeps each operation
        // rounded as written (no fused multiply-add), so every CPU gets the same bits.
        // It also keeps OpenBLAS single-threaded in every process (blas_threads.c).
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3", "-fno-math-errno", "-ffp-contract=off"])],
                linkerSettings: [.linkedLibrary("openblas")]),
        .target(name: "InitLab", dependencies: ["CBLAS", "CZlib", "CKernels", .product(name: "Crypto", package: "swift-crypto"),
                                                                   .product(name: "Algorithms", package: "swift-algorithms")],
                swiftSettings: optimized),
        .executableTarget(
            name: "compare-inits",
            dependencies: ["InitLab", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "InitLabTests", dependencies: ["InitLab", "compare-inits", "CZlib"], swiftSettings: optimized),
    ],
    swiftLanguageModes: [.v5]
)
