import Foundation
import Testing
@testable import InitLab

/// The residual blocks' diagnostics (#24, item 3): the stream's std after each block against
/// the Double reference, its gradient against the layers', α as the sums apply it, and their
/// round trip through results.json.
@Suite struct BlockDiagnosticsTests {
    /// 40 images of 7 pixels, ten classes.
    static let images: Dataset = {
        var rng = Xoshiro256(seed: 8)
        return Dataset(pixels: (0..<(40 * 7)).map { _ in UInt8(rng.next() % 256) }, labels: (0..<40).map { UInt8($0 % 4) }, features: 7)
    }()

    @Test(arguments: [ResidualSpec.Alpha.fixed(0.7), .trained(initial: 0.4)])
    func theStreamAgainstTheReference(alpha: ResidualSpec.Alpha) throws {
        let (model, _, _, _) = ResidualTests.setUp(alpha, dropout: 0)
        let batch = ProbeBatch(dataset: Self.images, count: 40)
        let measurement = InsideMeasurement(network: model, batch: batch)
        let layers = measurement.measure(gradients: true)
        let blocks = measurement.blocks
        #expect(blocks.map(\.block) == [1, 2, 3] && blocks.map(\.layer) == [3, 5, 7])
        // Block 0: the projection's activated output is the stream the first block reads.
        #expect(measurement.projectionStreamStd == layers[0].activationStd && layers[0].activationStd! > 0)
        let x = (0..<(40 * 7)).map { Double(batch.x.pointer[$0]) }
        let reference = ReferenceMLP(model).layers(x: x, rows: 40)
        for block in blocks {
            let std = DiagnosticsTests.moments(reference[block.layer - 1].y).std
            // Float sums of ~10 terms against Double: a few ulps, 1e-5 relative.
            #expect(abs(try #require(block.streamStd) / std - 1) < 1e-5, "block \(block.block)")
            #expect(block.streamGradientStd == layers[block.layer - 1].outputGradientStd && block.streamGradientStd! > 0)
            if case .fixed(let value) = alpha { #expect(block.alpha == Double(value)) } else { #expect(block.alpha == Double(Float(0.4))) }
        }
        // The last block's stream feeds the readout alone: its gradient is (softmax − one-hot)/rows · W
        // of the mean cross-entropy, worked out here in Double from the reference's scores.
        let scores = reference[reference.count - 1].y, classes = scores.count / 40
        let readout = model.weights(model.layers.count - 1), width = readout.count / classes
        var gradient = [Double](repeating: 0, count: 40 * width)
        for r in 0..<40 {
            let row = scores[(r * classes)..<((r + 1) * classes)], top = row.max()!
            let total = row.reduce(0) { $0 + exp($1 - top) }
            for c in 0..<classes {
                let g = (exp(row[row.startIndex + c] - top) / total - (Int(batch.labels[r]) == c ? 1 : 0)) / 40
                for f in 0..<width { gradient[r * width + f] += g * Double(readout[c * width + f]) }
            }
        }
        let expected = DiagnosticsTests.moments(gradient).std
        #expect(abs(try #require(blocks.last?.streamGradientStd) / expected - 1) < 1e-4)
    }

    /// A pre-activation model's stream starts as the projection's output itself, x·Wᵀ + b (worked
    /// out here in Double): its first layer's recorded activation is the normalized copy the first
    /// branch reads, which is not where the stream starts.
    @Test func aPreActivationStreamStartsAtTheProjection() throws {
        let (network, _, _, _) = PreActivationTests.setUp(dropout: 0)
        let batch = ProbeBatch(dataset: Self.images, count: 40)
        let measurement = InsideMeasurement(network: network, batch: batch)
        let layers = measurement.measure(gradients: true)
        let weights = network.weights(0), biases = network.biases(0), width = biases.count
        var stream: [Double] = []
        for r in 0..<40 {
            for f in 0..<width {
                var sum = Double(biases[f])
                for i in 0..<7 { sum += Double(weights[f * 7 + i]) * Double(batch.x.pointer[r * 7 + i]) }
                stream.append(sum)
            }
        }
        let expected = DiagnosticsTests.moments(stream).std
        #expect(abs(try #require(measurement.projectionStreamStd) / expected - 1) < 1e-5)
        #expect(abs(layers[0].activationStd! / expected - 1) > 0.01)
    }

    /// Fixup's and SkipInit's blocks start as the identity: the stream's std is the input
    /// projection's activation std after every block.
    @Test(arguments: [ResidualScheme.fixup, .skipinit])
    func identityBlocksKeepTheStream(scheme: ResidualScheme) {
        let model = ModelSpec(residual: ResidualSpec(width: 16, blocks: 6, scheme: scheme), input: 7, classes: 4, activation: .relu, dropout: 0)
        let network = ResidualSchemeTests.heStrategy(model).initialNetwork(seed: 5)
        let measurement = InsideMeasurement(network: network, batch: ProbeBatch(dataset: Self.images, count: 40))
        let layers = measurement.measure(gradients: true)
        #expect(measurement.blocks.count == 6)
        #expect(measurement.blocks.allSatisfy { $0.streamStd == layers[0].activationStd && $0.alpha == (scheme == .fixup ? 1 : 0) })
    }

    /// A run records its blocks at initialization and at every recorded step, α as it trains;
    /// results.json reads them back as written, and a plain stack writes none.
    /// The reading of a stream that grows ×3 per block from the projection's std 0.5: the factor
    /// per block over the whole stack, and the first block past 100 times the start (×81 at block 4,
    /// ×243 at block 5); a block whose std is not there (not finite) explodes where it stands.
    /// The depth sweep's series read the same way.
    @Test func theStreamsGrowthAndTheBlockWhereItExplodes() {
        // The first layer's activation is not the stream's start (a pre-activation model's is a
        // normalized copy): the reading starts from the projection's stream.
        var projection = LayerDiagnostics(layer: 1)
        projection.activationStd = 7
        func diagnostics(_ stds: [Double?]) -> RunDiagnostics {
            var diagnostics = RunDiagnostics(probeImages: 10, initial: [projection], steps: [],
                                             initialBlocks: stds.enumerated().map { BlockDiagnostics(block: $0 + 1, layer: 2 * $0 + 3, streamStd: $1) })
            diagnostics.projectionStreamStd = 0.5
            return diagnostics
        }
        let growing = BlockReading.phrases(diagnostics((1...6).map { 0.5 * pow(3, Double($0)) }))
        #expect(growing.count == 2 && growing[0].contains("×3.000 per block (variance ×9.000"), "\(growing)")
        #expect(growing[1] == "the stream explodes at block 5 (std 243 times the projection's)")
        let overflowing = BlockReading.phrases(diagnostics([1, 2, nil, 4]))
        #expect(overflowing.last == "the stream explodes at block 3 (std not finite)")
        let calm = BlockReading.phrases(diagnostics([0.5, 0.6, 0.55]))
        #expect(calm.last == "no explosion: at most 1.2 times the projection's std")
        let series = StreamSweep.Series(template: 0, stds: [0.5] + (1...6).map { 0.5 * pow(3, Double($0)) })
        #expect(series.explosion == 5 && abs(series.perBlock! - 3) < 1e-12)
        #expect(StreamSweep.Series(template: 0, stds: [nil, 1, 2, nil]).explosion == 3)
    }

    @Test func aRunsBlocksRoundTrip() throws {
        var diagnostics = RunDiagnostics(probeImages: 40, initial: [LayerDiagnostics(layer: 1)],
                                         steps: [StepDiagnostics(step: 1, layers: [LayerDiagnostics(layer: 1)],
                                                                 blocks: [BlockDiagnostics(block: 1, layer: 3, streamStd: 2.5, alpha: 0.125)])],
                                         initialBlocks: [BlockDiagnostics(block: 1, layer: 3, streamStd: 1.5, streamGradientStd: 0.01, alpha: 0)])
        diagnostics.projectionStreamStd = 0.75
        #expect(diagnostics.json.description.contains("projection_stream_std"))
        #expect(try RunDiagnostics(json: JSONParser.parse(diagnostics.json.description)) == diagnostics)
        var plain = diagnostics
        plain.initialBlocks = []
        plain.steps[0].blocks = []
        plain.projectionStreamStd = nil
        #expect(!plain.json.description.contains("blocks") && !plain.json.description.contains("projection"))
        #expect(try RunDiagnostics(json: JSONParser.parse(plain.json.description)) == plain)

        let model = ModelSpec(residual: ResidualSpec(width: 16, blocks: 3, scheme: .rezero), input: 7, classes: 4, activation: .relu, dropout: 0)
        let network = ResidualSchemeTests.heStrategy(model).initialNetwork(seed: 5)
        let recorder = DiagnosticsRecorder(network: network, batch: ProbeBatch(dataset: Self.images, count: 40), schedule: [0, 1])
        #expect(recorder.diagnostics.initialBlocks.count == 3 && recorder.diagnostics.steps[0].blocks.map(\.alpha) == [0, 0, 0])
        #expect(recorder.diagnostics.projectionStreamStd == recorder.diagnostics.initial[0].activationStd)
        #expect(recorder.diagnostics.steps[0].blocks.allSatisfy { $0.streamGradientStd == nil })
        let alphas = network.plan.trainedScales.map { $0.trainedScale!.offset }
        recorder.willUpdate(step: 1)
        for (k, offset) in alphas.enumerated() { network.parameters.pointer[offset] = Float(k + 1) / 8 }
        recorder.didUpdate(step: 1)
        #expect(recorder.diagnostics.steps[1].blocks.map(\.alpha) == [0.125, 0.25, 0.375])
    }
}

extension BlockDiagnosticsTests {
    /// SkipInit's α = 0 gives its branches no gradient, but the skips carry the loss's gradient
    /// to every block unchanged: the same std at each, not 0 below the first zero branch.
    @Test func aZeroBranchGradientEndsNothingBelowIt() {
        let model = ModelSpec(residual: ResidualSpec(width: 16, blocks: 5, scheme: .skipinit), input: 7, classes: 4, activation: .relu, dropout: 0)
        let network = ResidualSchemeTests.heStrategy(model).initialNetwork(seed: 5)
        let measurement = InsideMeasurement(network: network, batch: ProbeBatch(dataset: Self.images, count: 40))
        let layers = measurement.measure(gradients: true)
        let gradients = measurement.blocks.map(\.streamGradientStd)
        #expect(gradients.allSatisfy { $0 != nil && $0! > 0 && $0 == gradients.last! }, "\(gradients)")
        #expect(layers[0].outputGradientStd == gradients.last! && layers[0].weightGradientStd! > 0)
    }
}
