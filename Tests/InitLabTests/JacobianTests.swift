import Foundation
import Testing
@testable import InitLab

/// The Jacobian spectrum's diagnostic: the chain of D·W factors against a Double finite-difference
/// reference (tanh, ReLU, batch normalization), a case whose spectrum is known exactly, the
/// mean-field prediction against its formula and against a wide random network, the statistics,
/// the round trip through results.json, the config, and a whole comparison that computes it
/// without changing what it trains.
@Suite struct JacobianTests {
    /// A small network with seeded weights: N(0, scale²/fan_in) weights, N(0, 0.1²) biases.
    static func network(widths: [Int], activation: Activation, batchNorm: Bool = false, scale: Double = 1.2, seed: UInt64 = 5) -> Network {
        let network = Network(widths: widths, activation: activation, dropout: 0.3, batchNorm: batchNorm)
        var rng = Xoshiro256(seed: seed, stream: "jacobian test")
        for layer in network.layers {
            let w = network.values(of: layer.weight), b = network.values(of: layer.bias)
            for i in w.indices { w[i] = Float(rng.normal() * scale / Double(layer.inputs).squareRoot()) }
            if layer.hasBias { for i in b.indices { b[i] = Float(rng.normal() * 0.1) } }
        }
        for segment in network.plan.segments where segment.role == .gamma || segment.role == .beta {
            let v = network.values(of: segment)
            for i in v.indices { v[i] = Float((segment.role == .gamma ? 1 : 0) + 0.2 * rng.normal()) }
        }
        return network
    }

    /// `count` probe images of `features` pixels, seeded.
    static func probe(count: Int, features: Int, seed: UInt64 = 9) -> ProbeBatch {
        var rng = Xoshiro256(seed: seed, stream: "probe")
        let pixels = (0..<count * features).map { _ in UInt8(truncatingIfNeeded: rng.next() >> 56) }
        return ProbeBatch(dataset: Dataset(pixels: pixels, labels: (0..<count).map { UInt8($0 % 3) }, features: features), count: count)
    }

    /// The reference: each layer in Double from the probe batch's Float pixels, batch
    /// normalization with the whole batch's Double statistics (held fixed, as the diagnostic
    /// defines it); J of image `image` by central differences of h_L in h_1.
    struct Reference {
        let network: Network
        let batch: ProbeBatch
        let activation: (Double) -> Double
        /// Per hidden layer ≥ 1 with batch normalization: (mean, 1/√(var + ε)) of its z over the batch.
        var normalization: [(mean: [Double], inverseStd: [Double])?] = []

        init(network: Network, batch: ProbeBatch, activation: @escaping (Double) -> Double) {
            self.network = network
            self.batch = batch
            self.activation = activation
            let hidden = network.layers.dropLast()
            var inputs = (0..<batch.rows).map { image in (0..<network.inputWidth).map { Double(batch.x.pointer[image * network.inputWidth + $0]) } }
            for layer in hidden {
                let z = inputs.map { self.product(layer, $0) }
                if layer.normalized {
                    let n = Double(z.count)
                    let mean = (0..<layer.outputs).map { f in z.reduce(0) { $0 + $1[f] } / n }
                    let variance = (0..<layer.outputs).map { f in z.reduce(0) { $0 + ($1[f] - mean[f]) * ($1[f] - mean[f]) } / n }
                    normalization.append((mean, variance.map { 1 / ($0 + Double(BatchNorm.epsilon)).squareRoot() }))
                } else {
                    normalization.append(nil)
                }
                inputs = z.map { self.activate(layer, $0) }
            }
        }

        func product(_ layer: Dense, _ x: [Double]) -> [Double] {
            let w = network.values(of: layer.weight), b = network.values(of: layer.bias)
            return (0..<layer.outputs).map { j in (0..<layer.inputs).reduce(Double(b[j])) { $0 + Double(w[j * layer.inputs + $1]) * x[$1] } }
        }

        /// f(γ·ẑ + β) or f(z): what a hidden layer gives for its z (b included).
        func activate(_ layer: Dense, _ z: [Double]) -> [Double] {
            guard let norm = normalization.indices.contains(layer.layer) ? normalization[layer.layer] : nil else { return z.map(activation) }
            let stage = network.plan.stages[layer.layer].elementwise.compactMap { $0 as? BatchNorm }[0]
            let gamma = network.values(of: stage.gamma), beta = network.values(of: stage.beta)
            return z.indices.map { f in activation(Double(gamma[f]) * (z[f] - norm.mean[f]) * norm.inverseStd[f] + Double(beta[f])) }
        }

        func hidden(_ image: Int, layer: Int) -> [Double] {
            var h = (0..<network.inputWidth).map { Double(batch.x.pointer[image * network.inputWidth + $0]) }
            for l in 0...layer { h = activate(network.layers[l], product(network.layers[l], h)) }
            return h
        }

        /// h_L from h_1, through hidden layers 2…L.
        func top(_ h1: [Double]) -> [Double] {
            var h = h1
            for l in 1..<network.layers.count - 1 { h = activate(network.layers[l], product(network.layers[l], h)) }
            return h
        }

        /// J row-major (last hidden, first hidden) by central differences.
        func jacobian(_ image: Int, step: Double = 1e-6) -> [Double] {
            let h1 = hidden(image, layer: 0), rows = network.layers[network.layers.count - 2].outputs
            var j = [Double](repeating: 0, count: rows * h1.count)
            for c in h1.indices {
                var up = h1, down = h1
                up[c] += step
                down[c] -= step
                let a = top(up), b = top(down)
                for r in 0..<rows { j[r * h1.count + c] = (a[r] - b[r]) / (2 * step) }
            }
            return j
        }
    }

    static func tanhPrime(_ u: Double) -> Double { let t = tanh(u); return 1 - t * t }

    /// The chain's J of every image against the reference's, entry by entry, relative to J's
    /// largest entry: the chain's slopes come from the network's Float pre-activations, which
    /// differ from Double's by Float rounding (1e-7), so 1e-5 leaves room and still catches a
    /// wrong factor, a transposed product or a slope at the wrong unit.
    func checkChain(_ network: Network, activation: @escaping (Double) -> Double, images: Int = 3) {
        let batch = Self.probe(count: 12, features: network.inputWidth)
        let slopes = JacobianChain.Slopes(plan: network.plan, images: images)
        let buffers = BatchBuffers(plan: network.plan, capacity: batch.rows, backward: false)
        var pass = Pass.measurement(gradients: false)
        network.forward(batch.x.pointer, rows: batch.rows, buffers: buffers, pass: &pass, on: Executor(plan: network.plan), observer: slopes)
        let chain = JacobianChain.jacobians(network: network, slopes: slopes)
        let reference = Reference(network: network, batch: batch, activation: activation)
        #expect(chain.count == images)
        for image in 0..<images {
            let expected = reference.jacobian(image)
            let scale = expected.map(abs).max()!
            #expect(scale > 1e-3, "the reference's J is not degenerate")
            let worst = zip(chain[image], expected).map { abs($0 - $1) }.max()!
            #expect(worst < 1e-5 * scale, "image \(image): |J − J_ref| = \(worst), |J_ref| = \(scale)")
        }
    }

    @Test func theChainIsTheFiniteDifferenceJacobianOfATanhNetwork() {
        checkChain(Self.network(widths: [5, 6, 7, 6, 4, 3], activation: .tanh), activation: tanh)
    }

    @Test func theChainIsTheFiniteDifferenceJacobianOfAReLUNetwork() {
        // A difference straddling a kink would not be a derivative: the step is far below any |u| here.
        checkChain(Self.network(widths: [5, 8, 8, 8, 3], activation: .relu), activation: { max($0, 0) })
    }

    @Test func theChainIsTheFiniteDifferenceJacobianWithBatchNormalization() {
        checkChain(Self.network(widths: [5, 6, 7, 6, 3], activation: .tanh, batchNorm: true), activation: tanh)
    }

    @Test func aNetworkWithOneHiddenLayerHasNoSpectrum() {
        let network = Self.network(widths: [5, 6, 3], activation: .tanh)
        #expect(InsideMeasurement(network: network, batch: Self.probe(count: 4, features: 5)).jacobianSpectrum(inputs: 4) == nil)
    }

    /// A residual block's Jacobian is I + α·J_branch, which the D·W chain is not: no spectrum
    /// rather than a wrong one.
    @Test func aResidualNetworkHasNoSpectrumYet() throws {
        let experiment = try parseExperiment("""
        { "name": "x", "model": { "layers": [5, 6, 3], "activation": "relu", "dropout": 0, "residual": { "blocks": 3 } },
          "strategies": [{ "id": "a", "weights": "kaiming_normal" }], "plots": { "figures": [] } }
        """)
        let network = experiment.strategies[0].initialNetwork(seed: 1)
        #expect(network.layers.count == 8 && zip(network.layers.dropFirst(), network.layers).allSatisfy { $0.input == $1.output })
        #expect(InsideMeasurement(network: network, batch: Self.probe(count: 4, features: 5)).jacobianSpectrum(inputs: 4) == nil)
    }

    /// Orthogonal weights and a linear activation: J = g³·Q₄Q₃Q₂, whose singular values are all
    /// exactly g³; the Float weights' rounding (2⁻²⁴ relative) is all that separates them.
    @Test func orthogonalLinearLayersHaveEverySingularValueAtTheGainToTheDepth() throws {
        let gain: Float = 1.3
        let network = Self.network(widths: [6, 16, 16, 16, 16, 3], activation: .identity)
        var rng = Xoshiro256(seed: 11, stream: "orthogonal")
        for layer in network.layers.dropFirst().dropLast() {
            Initializer.orthogonal(gain: gain).fill(network.values(of: layer.weight), rows: layer.outputs, cols: layer.inputs,
                                                    fanIn: layer.inputs, fanOut: layer.outputs, rng: &rng)
        }
        let spectrum = try #require(InsideMeasurement(network: network, batch: Self.probe(count: 8, features: 6)).jacobianSpectrum(inputs: 5))
        #expect(spectrum.rows == 16 && spectrum.columns == 16 && spectrum.factors == 3 && spectrum.singularValues.count == 5)
        let expected = pow(Double(gain), 3)
        for values in spectrum.singularValues {
            #expect(values.count == 16)
            for s in values { #expect(abs(Double(s) - expected) < 1e-5 * expected, "s = \(s), g³ = \(expected)") }
        }
        #expect(abs(spectrum.peakToMean - 1) < 1e-4 && spectrum.belowRounding == 0)
        // The identity's χ is σ_w² = fan_in·E[w²] = g² for an orthogonal square matrix.
        #expect(abs(try #require(spectrum.meanFieldMeanSquared) - expected * expected) < 1e-4 * expected * expected)
    }

    /// The mean-field prediction is its formula (what the next test holds against measured
    /// spectra): for the identity, n_L·Π(fan_in·E[w²])/min(n_L, n_1), here with unequal widths;
    /// for ReLU the same with halves.
    @Test func theMeanFieldPredictionIsTheProductOfEachLayersChi() throws {
        for (activation, half) in [(Activation.identity, 1.0), (.relu, 0.5)] {
            let network = Self.network(widths: [5, 6, 9, 4, 3], activation: activation)
            var product = 1.0
            for l in 1...2 {
                let w = network.weights(l)
                product *= half * Double(network.layers[l].inputs) * w.reduce(0) { $0 + Double($1) * Double($1) } / Double(w.count)
            }
            let predicted = try #require(JacobianChain.meanField(network: network, firstVariance: 0.3))
            #expect(abs(predicted - 4 * product / 4) < 1e-12 * predicted)
        }
        // No theory for sigmoid, nor for batch normalization.
        #expect(JacobianChain.meanField(network: Self.network(widths: [5, 6, 6, 3], activation: .sigmoid), firstVariance: 0.3) == nil)
        #expect(JacobianChain.meanField(network: Self.network(widths: [5, 6, 6, 3], activation: .tanh, batchNorm: true), firstVariance: 0.3) == nil)
    }

    /// A wide tanh network near the edge of chaos: the measured mean s² lands near the mean
    /// field's. Over 8 images of 256 singular values, a seed moves mean s² by a few percent; a
    /// wrong χ (at q* instead of along the variance map, or a missing width factor) by 2× or more.
    /// ReLU's and the identity's predictions against wide networks too: the identity's mean s²
    /// concentrates within a few percent, ReLU's (half the units off, a different half per
    /// image) within about ten.
    @Test func aWideTanhNetworkMatchesTheMeanField() throws {
        for (activation, scale, tolerance) in [(Activation.tanh, 1.05, 0.2), (.relu, 2.0, 0.2), (.identity, 1.3, 0.1)] {
            let network = Self.network(widths: [20, 256, 256, 256, 256, 256, 256, 3], activation: activation, scale: scale.squareRoot())
            for bias in network.layers.map(\.bias) { network.values(of: bias).update(repeating: 0) }
            let spectrum = try #require(InsideMeasurement(network: network, batch: Self.probe(count: 64, features: 20)).jacobianSpectrum(inputs: 8))
            let theory = try #require(spectrum.meanFieldMeanSquared)
            #expect(abs(spectrum.meanSquared / theory - 1) < tolerance, "\(activation): mean s² \(spectrum.meanSquared), mean field \(theory)")
        }
    }

    @Test func theStatisticsOfAHandMadeSpectrum() {
        // Two images of four values; pooled and sorted: 0, 1e-9, 0.5, 1, 1, 2, 2, 4.
        let spectrum = JacobianSpectrum(rows: 4, columns: 5, factors: 2, singularValues: [[4, 2, 1, 0], [2, 1, 0.5, 1e-9]], meanFieldMeanSquared: nil)
        let squares = [16.0, 4, 1, 0, 4, 1, 0.25, Double(Float(1e-9)) * Double(Float(1e-9))]
        let mean = squares.reduce(0, +) / 8
        #expect(abs(spectrum.meanSquared - mean) < 1e-15 && spectrum.largest == 4 && spectrum.smallest == 0)
        #expect(abs(spectrum.peakToMean - 16 / mean) < 1e-12)
        // numpy's percentile: position p/100·(n − 1) between order statistics.
        #expect(spectrum.percentile(50) == 1 && abs(spectrum.percentile(5) - 0.35 * Double(Float(1e-9))) < 1e-20)
        #expect(spectrum.percentile(100) == 4 && spectrum.percentile(0) == 0)
        // 0 and 1e-9 are below 4·2⁻²⁴ ≈ 2.4e-7.
        #expect(spectrum.belowRounding == 0.25)
    }

    @Test func theSpectrumReadsBackFromResultsJSON() throws {
        let network = Self.network(widths: [5, 6, 7, 3], activation: .tanh)
        let spectrum = try #require(InsideMeasurement(network: network, batch: Self.probe(count: 6, features: 5)).jacobianSpectrum(inputs: 3))
        let text = spectrum.json.formatted()
        #expect(try JacobianSpectrum(json: JSONParser.parse(text)) == spectrum)
        var diagnostics = RunDiagnostics(probeImages: 6, initial: [], steps: [])
        #expect(diagnostics.json["jacobian"] == nil)
        diagnostics.jacobian = spectrum
        #expect(try RunDiagnostics(json: JSONParser.parse(diagnostics.json.formatted())) == diagnostics)
        let wrong = text.replacingOccurrences(of: "\"shape\": [", with: "\"shape\": [-")
        #expect(throws: JSONFieldError.self) { try JacobianSpectrum(json: JSONParser.parse(wrong)) }
    }

    @Test func theReadingSaysWhatTheSpectrumMeans() {
        let tight = JacobianSpectrum(rows: 2, columns: 2, factors: 7, singularValues: [[1.1, 0.9]], meanFieldMeanSquared: 1.0)
        let said = SpectrumReading.sentences(tight).joined(separator: "; ")
        #expect(said.contains("close to dynamical isometry") && said.contains("8 hidden layers") && said.contains("as the mean field predicts"))
        let spread = JacobianSpectrum(rows: 4, columns: 4, factors: 31, singularValues: [[1000, 1, 1e-9, 0]], meanFieldMeanSquared: 1e3)
        let words = SpectrumReading.sentences(spread).joined(separator: "; ")
        #expect(words.contains("the top of the spectrum is about 4 times its mean"))
        #expect(words.contains("50% of the singular values are below Float rounding of the largest: those directions do not pass the depth at all")
                && words.contains("largest/smallest (infinite) says nothing"))
        #expect(words.contains("250× above the mean field's 1e+03"))
        let zero = JacobianSpectrum(rows: 2, columns: 2, factors: 3, singularValues: [[0, 0]], meanFieldMeanSquared: nil)
        #expect(SpectrumReading.sentences(zero) == ["every singular value is 0: no direction of the signal reaches the last hidden layer"])
    }

    @Test func theConfigAsksForIt() throws {
        let base = """
        { "name": "x", "model": { "layers": [4, 3, 3, 2], "activation": "tanh" },
          "strategies": [{ "id": "a", "weights": "xavier_uniform" }], "plots": { "figures": [] }, "diagnostics": DIAG }
        """
        let experiment = try parseExperiment(base.replacingOccurrences(of: "DIAG", with: #"{ "probe_images": 50, "jacobian_inputs": 8 }"#))
        #expect(experiment.diagnostics.jacobianInputs == 8)
        #expect(try parseExperiment(base.replacingOccurrences(of: "DIAG", with: "{}")).diagnostics.jacobianInputs == 0)
        // The echo in results.json reads back the same.
        #expect(try Experiment.parse(experiment.echo.formatted(), file: "echo.json").diagnostics == experiment.diagnostics)
        for (diagnostics, problem) in [
            (#"{ "jacobian_inputs": -1 }"#, "diagnostics.jacobian_inputs: expected an integer from 0 to 64, found -1"),
            (#"{ "jacobian_inputs": 65 }"#, "diagnostics.jacobian_inputs: expected an integer from 0 to 64, found 65"),
            (#"{ "jacobian_inputs": 2.5 }"#, "diagnostics.jacobian_inputs: expected an integer from 0 to 64, found 2.5"),
            (#"{ "probe_images": 4, "jacobian_inputs": 8 }"#, "diagnostics.jacobian_inputs: the Jacobian is computed at probe images, and probe_images is 4"),
        ] {
            let problems = configProblems(base.replacingOccurrences(of: "DIAG", with: diagnostics))
            #expect(problems.contains { $0.hasSuffix(problem) }, "\(problems)")
        }
    }

    /// With the tool's GEMM a run's key names no BLAS kernel, unless LAPACK decides some of its
    /// bits: the spectrum is OpenBLAS's dgemm and LAPACK's dgesdd.
    @Test func aRunThatComputesTheSpectrumNamesLAPACKsKernelsInItsKey() throws {
        let experiment = try parseExperiment("""
        { "name": "x", "model": { "layers": [4, 3, 3, 2], "activation": "tanh" },
          "strategies": [{ "id": "a", "weights": "xavier_uniform" }], "plots": { "figures": [] }, "diagnostics": { "jacobian_inputs": 2 } }
        """)
        let strategy = experiment.strategies[0]
        #expect(GEMMChoice.own.lapackKeyEntry(strategy, diagnostics: experiment.diagnostics) != nil)
        var off = experiment.diagnostics
        off.jacobianInputs = 0
        #expect(GEMMChoice.own.lapackKeyEntry(strategy, diagnostics: off) == nil)
        off.jacobianInputs = 2
        off.enabled = false
        #expect(GEMMChoice.own.lapackKeyEntry(strategy, diagnostics: off) == nil)
        #expect(GEMMChoice.openblas.lapackKeyEntry(strategy, diagnostics: experiment.diagnostics) == nil)
    }

    /// A whole comparison with the spectrum: results.json has it, the report its table, reading
    /// and figure, gnuplot renders the figure (All Zeros' Jacobian is 0, a curve it cannot
    /// draw), and every run trains the same bits as without it.
    @Test func aComparisonComputesItWithoutChangingWhatItTrains() throws {
        let (folder, config) = try syntheticExperiment(extra: #""diagnostics": { "probe_images": 40, "jacobian_inputs": 4 },"#)
        defer { removeFolder(folder) }
        let plain = folder + "/plain.json"
        try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(of: #", "jacobian_inputs": 4"#, with: "")
            .replacingOccurrences(of: folder + "/out", with: folder + "/plain").write(toFile: plain, atomically: true, encoding: .utf8)
        let with = try ComparisonJob.prepare(configPath: config, options: JobOptions(threads: 2)).run()
        let without = try ComparisonJob.prepare(configPath: plain, options: JobOptions(threads: 2)).run()
        #expect(with.plotProblem == nil, "\(with.plotProblem ?? "")")
        let out = folder + "/out"
        #expect(FileManager.default.fileExists(atPath: out + "/jacobian-spectrum.png"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/plain/jacobian-spectrum.png"))
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(report.contains("### The Jacobian's singular values") && report.contains("![The Jacobian's singular values at initialization](jacobian-spectrum.png)"))
        #expect(report.contains("- **All Zeros**: every singular value is 0"))
        let results = try JSONParser.parse(String(contentsOfFile: out + "/results.json", encoding: .utf8))
        let plainResults = try JSONParser.parse(String(contentsOfFile: folder + "/plain/results.json", encoding: .utf8))
        guard case .array(let runs)? = results["runs"], case .array(let plainRuns)? = plainResults["runs"] else {
            Issue.record("no runs"); return
        }
        for (run, plainRun) in zip(runs, plainRuns) {
            #expect(run["batch_losses"] == plainRun["batch_losses"] && run["validation_accuracy"] == plainRun["validation_accuracy"])
            guard case .array(let values)? = run["diagnostics"]?["jacobian"]?["singular_values"] else {
                Issue.record("run lacks diagnostics.jacobian"); continue
            }
            // J is (8, 16): eight singular values at each of the four images.
            #expect(values.count == 4 && values.allSatisfy { if case .array(let s) = $0 { s.count == 8 } else { false } })
        }
        _ = without
    }

    /// `inspect` prints each strategy's spectrum, and `--export` writes the parameters, the probe
    /// images and the spectra a peer recomputes from: the same bytes the network holds.
    @Test func inspectPrintsTheSpectrumAndExportsWhatAPeerNeeds() throws {
        let (folder, config) = try syntheticExperiment(extra: #""diagnostics": { "probe_images": 40, "jacobian_inputs": 3 },"#)
        defer { removeFolder(folder) }
        let table = try runCommand(["inspect", config, "--export", folder + "/export"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("  Jacobian ∂h_last/∂h_1 (8×16, 1 factors) at 3 probe images: mean s² 0 (mean field 0), largest 0,"))
        let index = try JSONParser.parse(String(contentsOfFile: folder + "/export/export.json", encoding: .utf8))
        #expect(index["probe_images"] == .number(3) && index["features"] == .number(36))
        let probe = try Data(contentsOf: URL(fileURLWithPath: folder + "/export/probe.f32"))
        let experiment = try Experiment.load(path: config)
        let batch = ProbeBatch(dataset: try Dataset.load(experiment.dataset), count: 40)
        #expect(probe == Data(bytes: batch.x.pointer, count: 4 * 3 * 36))
        guard case .array(let strategies)? = index["strategies"], strategies.count == 3 else { Issue.record("no strategies"); return }
        for (entry, strategy) in zip(strategies, experiment.strategies) {
            let network = strategy.initialNetwork(seed: experiment.seed)
            guard case .string(let file)? = entry["parameters"] else { Issue.record("no parameters file"); continue }
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/export/" + file))
                    == Data(bytes: network.parameters.pointer, count: 4 * network.parameters.count))
            let expected = InsideMeasurement(network: network, batch: batch).jacobianSpectrum(inputs: 3)
            #expect(try entry["jacobian"].map(JacobianSpectrum.init(json:)) == expected)
            guard case .array(let layers)? = entry["layers"], layers.count == 3 else { Issue.record("no layers"); continue }
            #expect(layers[1]["weight_offset"] == .number(Double(network.layers[1].weight.offset))
                    && layers[1]["bias_offset"] == .number(Double(network.layers[1].bias.offset)) && layers[1]["inputs"] == .number(16))
        }
        // The seed's first training batches: the first run of the seed trains its first step on
        // the first of them (its loss is the run's first), from the exported parameters.
        let indices = try Data(contentsOf: URL(fileURLWithPath: folder + "/export/batches.i32")).withUnsafeBytes { Array($0.bindMemory(to: Int32.self)) }
        let batchSize = experiment.training.batchSize
        #expect(index["first_batches"] == .string("batches.i32") && index["batch_size"] == .number(Double(batchSize)))
        #expect(indices.count == 4 * batchSize && Set(indices).count == indices.count)
        let trained = try runCommand([config, "--quiet", "--no-cache"])
        #expect(trained.status == 0, "\(trained.stderr)")
        let results = try ResultsFile.runs(fromText: String(contentsOfFile: folder + "/out/results.json", encoding: .utf8))
        let strategy = experiment.strategies[2], run = try #require(results.first { $0.strategyID == strategy.id && $0.seed == experiment.seed })
        let dataset = try Dataset.load(experiment.dataset)
        let network = strategy.initialNetwork(seed: experiment.seed)
        let x = FloatBuffer(count: batchSize * dataset.features)
        var labels = [Int32](repeating: 0, count: batchSize)
        dataset.gather(indices[..<batchSize], into: x.pointer, labels: &labels)
        let buffers = BatchBuffers(plan: network.plan, capacity: batchSize)
        var dropout: DropoutStream? = DropoutStream(seededBy: Xoshiro256(seed: experiment.seed, stream: "dropout"))
        network.forward(Array(UnsafeBufferPointer(start: x.pointer, count: x.count)), rows: batchSize, buffers: buffers, dropout: &dropout)
        let loss = network.loss(labels: labels, rows: batchSize, buffers: buffers)
        #expect(abs(loss - run.batchLosses[0]) <= 1e-6 * abs(run.batchLosses[0]), "\(loss) against the run's \(run.batchLosses[0])")
        // The second exported batch is another batch: its loss is not the first step's.
        dataset.gather(indices[batchSize..<(2 * batchSize)], into: x.pointer, labels: &labels)
        var again: DropoutStream? = DropoutStream(seededBy: Xoshiro256(seed: experiment.seed, stream: "dropout"))
        network.forward(Array(UnsafeBufferPointer(start: x.pointer, count: x.count)), rows: batchSize, buffers: buffers, dropout: &again)
        #expect(network.loss(labels: labels, rows: batchSize, buffers: buffers) != run.batchLosses[0])
        let refused = try runCommand(["inspect", config, "--export", folder + "/other", "--no-probe"])
        #expect(refused.status != 0 && refused.stderr.contains("--export writes the probe images, which --no-probe does not read"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/other"))
    }

    /// configs/isometry.json is the papers' picture: tanh at the edge of chaos (its σ_w² = 1.05
    /// is where χ₁ = 1 for its σ_b), Gaussian against orthogonal, and ReLU He against
    /// orthogonal, at 8, 32 and 128 hidden layers of 256, every run with the spectrum.
    @Test func theIsometryConfigIsThePapersPicture() throws {
        let experiment = try Experiment.load(path: packageRoot + "/configs/isometry.json")
        #expect(experiment.diagnostics.jacobianInputs == 8 && experiment.strategies.count == 12)
        for depth in [8, 32, 128] {
            let models = experiment.strategies.filter { $0.model.layerCount == depth + 1 }
            #expect(models.count == 4 && models.allSatisfy { $0.model.layers.dropFirst().dropLast().allSatisfy { $0 == 256 } })
            #expect(models.filter { $0.model.activation == .tanh }.count == 2 && models.filter { $0.model.activation == .relu }.count == 2)
        }
        let tanh = try #require(experiment.strategies.first { $0.id == "tanh-gauss-8" })
        guard case .normal(_, let std) = tanh.layers[1].biases else { Issue.record("tanh biases are not normal"); return }
        let edge = try #require(MeanField.edge(biasVariance: Double(std) * Double(std), in: 1...2))
        #expect(abs(edge - 1.05) < 0.005, "the edge of chaos for σ_b = \(std) is at σ_w² = \(edge)")
    }

    /// Under NTK's multipliers (σ_w/√fan_in on each product, σ_b on each bias) the network
    /// computes what a standard one with scaled W and b computes: the same spectrum and the same
    /// mean-field prediction, to the last bits the products' rounding allows.
    @Test func aParametrizedNetworkHasTheSpectrumOfItsScaledStandardTwin() throws {
        let spec = ModelSpec(layers: [7, 12, 12, 12, 3], activation: .tanh, dropout: 0)
        let scaling = Parametrization.ntk(NeuralTangent(sigmaW: 1.1, sigmaB: 0.2)).scaling(of: spec, optimizer: .adam)
        var rng = Xoshiro256(seed: 8)
        let (tangent, standard) = ParametrizationTests.scaledTwins(spec, scaling: scaling, rng: &rng)
        let batch = Self.probe(count: 10, features: 7)
        let a = try #require(InsideMeasurement(network: tangent, batch: batch).jacobianSpectrum(inputs: 4))
        let b = try #require(InsideMeasurement(network: standard, batch: batch).jacobianSpectrum(inputs: 4))
        for (x, y) in zip(a.singularValues.joined(), b.singularValues.joined()) { #expect(abs(Double(x) - Double(y)) <= 1e-5 * b.largest) }
        #expect(abs(try #require(a.meanFieldMeanSquared) / (try #require(b.meanFieldMeanSquared)) - 1) < 1e-5)
    }
}
