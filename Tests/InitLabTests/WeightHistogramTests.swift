import Foundation
import Testing
@testable import InitLab

/// Each layer's weights before and after training, counted in shared bins.
@Suite struct WeightHistogramTests {
    @Test func sharedBinsWithExactEdgesCountEveryFiniteWeight() {
        let before: [Float] = [-1, -0.5, 0, 0.5, 1], after: [Float] = [-2, 2, 0.04, .nan]
        let h = before.withUnsafeBufferPointer { b in after.withUnsafeBufferPointer { WeightHistogram(layer: 1, initial: b, trained: $0) } }
        // One range for both, [-2, 2], in 50 bins of 0.08: -1 in bin 12, -0.5 in 18 (1.5/0.08 = 18.75), 0 in 25,
        // 0.04 in 25 too, 0.5 in 31, 1 in 37, 2 in the last (closed) bin; NaN is not counted.
        #expect(h.low == -2 && h.high == 2)
        #expect(h.initial.reduce(0, +) == 5 && h.trained.reduce(0, +) == 3)
        #expect([12, 18, 25, 31, 37].allSatisfy { h.initial[$0] == 1 })
        #expect(h.trained[0] == 1 && h.trained[25] == 1 && h.trained[49] == 1)
        // A constant layer: every weight in one bin.
        let zeros = [Float](repeating: 0, count: 6)
        let flat = zeros.withUnsafeBufferPointer { WeightHistogram(layer: 2, initial: $0, trained: $0) }
        #expect(flat.initial[0] == 6 && flat.trained[0] == 6 && flat.low == 0 && flat.high == 0)
    }

    @Test func eachPanelGetsThreeToSevenRoundTics() {
        // span / 3 rounded down to 1, 2 or 5 times a power of ten.
        #expect(WeightFigure.ticStep(30) == 10)
        #expect(WeightFigure.ticStep(0.6) == 0.2)
        #expect(WeightFigure.ticStep(0.02) == 0.005)
        #expect(abs(WeightFigure.ticStep(0.0052) - 0.001) < 1e-12)
        for span in stride(from: 0.0013, through: 170, by: 0.37) {
            let tics = span / WeightFigure.ticStep(span)
            #expect(tics >= 3 && tics <= 7.5, "span \(span): \(tics) tics")
        }
    }

    /// Long labels get fewer tics: neighbours stand further apart than their labels are wide.
    @Test func ticLabelsFitTheirPanel() {
        func labels(_ low: Double, _ high: Double) -> [String] {
            let step = WeightFigure.ticStep(low: low, high: high)
            return stride(from: (low / step).rounded(.up), through: (high / step).rounded(.down), by: 1).map { String(format: "%g", $0 * step) }
        }
        // All Ones' output layer after training: 1.001, 1.002, … ran together.
        #expect(labels(0.99975, 1.00525) == ["1", "1.002", "1.004"])
        // Short labels keep a third of the span or finer.
        #expect(labels(-0.26, 0.26) == ["-0.2", "-0.1", "0", "0.1", "0.2"] && labels(0, 30) == ["0", "10", "20", "30"])
        // A diverged run's weights, in exponent form: -6e+19, -4e+19, -2e+19 ran together.
        #expect(labels(-6.8e19, 0.3e19) == ["-5e+19", "0"] && labels(-5e10, 8e10) == ["-5e+10", "0", "5e+10"])
        // Never fewer than two tics, crowded or not.
        #expect(labels(1e-7, 9e-6).count >= 2 && labels(0.5, 0.51).count >= 2)
        for (low, high) in [(-1.5e20, 1.5e20), (-790.0, 40.0), (0.4, 1.0), (-2.2e18, 7e17), (-0.56, 0.2), (-0.044, 0.044)] {
            let text = labels(low, high)
            let spacing = WeightFigure.ticStep(low: low, high: high) / (high - low) * WeightFigure.panelPixels
            #expect(text.count >= 2 && text.allSatisfy { WeightFigure.labelPixels($0) + 10 <= spacing }, "\(low)...\(high): \(text)")
        }
    }

    @Test func everyRunCountsEachLayersWeights() throws {
        let (folder, config) = try syntheticExperiment()
        defer { removeFolder(folder) }
        let outcome = try ComparisonJob.prepare(configPath: config, options: JobOptions()).run()
        for run in outcome.results {
            #expect(run.weightHistograms.map(\.layer) == [1, 2, 3])
            // [36, 16, 8, 3]: every weight is counted once, before and after.
            #expect(run.weightHistograms.map { $0.initial.reduce(0, +) } == [576, 128, 24])
            #expect(run.weightHistograms.map { $0.trained.reduce(0, +) } == [576, 128, 24])
        }
        // All Zeros starts with every weight at 0 in one bin.
        #expect(outcome.results[0].weightHistograms.allSatisfy { $0.initial.filter { $0 > 0 }.count == 1 })
        let figure = try String(contentsOfFile: folder + "/out/weights-rule.gp", encoding: .utf8)
        #expect(figure.contains("set multiplot layout 1,3") && figure.contains("index 2 using 1:3 with histeps"))
    }
}
