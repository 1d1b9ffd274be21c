import ArgumentParser
import InitLab

struct BLASCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blas",
        abstract: "Show what computes the matrix products on this machine, and which BLAS kernels OpenBLAS runs, and why.",
        discussion: """
        The products are the tool's own GEMM unless --matmul openblas or COMPARE_INITS_MATMUL=openblas \
        says otherwise; OpenBLAS's LAPACK computes orthogonal initialization either way. OpenBLAS picks \
        its kernels from the CPU model; on a CPU newer than the library it falls back to slow generic \
        ones. compare-inits then chooses kernels from the CPU's features instead, after checking them \
        against a Double-precision product. OPENBLAS_CORETYPE, when set, wins.
        """
    )

    @Flag(help: "Print only the kernels' core name (e.g. for OPENBLAS_CORETYPE in a script).")
    var core = false

    @OptionGroup var products: MatmulOptions

    func run() {
        products.select()
        let kernel = BLASKernel.current
        if core {
            print(kernel.core)
            return
        }
        let lanes = BLASKernel.floatLanes(features: BLASKernel.cpuFeatures)
        print("""
        products  \(GEMMChoice.current.description)
        library   \(kernel.library)
        kernels   \(kernel.core)
        chosen by \(kernel.howChosen)
        CPU       vectors of \(lanes) floats (\(lanes == 16 ? "AVX-512" : lanes == 8 ? "AVX2 with FMA" : "SSE"))
        threads   \(BLASKernel.threads) per product (the runs, one per core, are compare-inits's own threads)
        """)
    }
}
