import Foundation
import Testing
@testable import InitLab

/// The lesson's `hist_dist` pictures: values drawn from an initializer, counted in equal bins.
@Suite struct DistributionFigureTests {
    @Test func binsHaveExactEdgesAndCountOnlyWhatLiesInside() {
        // Bins of width 1 over [-4, 4]: [-4, -3), …, [3, 4], the last one closed.
        let values: [Float] = [-4, -3.5, -3, 0, 0.999, 3.999, 4, 4.5, -5, .nan]
        let counts = DistributionPicture.histogram(values, bins: 8, low: -4, high: 4)
        #expect(counts == [2, 1, 0, 0, 2, 0, 0, 2])
        #expect(counts.reduce(0, +) == 7)
    }

    @Test func theLessonsTwoPicturesAreInTheLessonsConfig() throws {
        let experiment = try Experiment.load(path: packageRoot + "/configs/fashion.json")
        let figures = experiment.plots.distributions
        #expect(figures.map(\.name) == ["uniform-distribution", "normal-distribution"])
        #expect(figures.map(\.initializer) == [.uniform(low: -3, high: 3), .normal(mean: 0, std: 1)])
        #expect(figures.allSatisfy { $0.count == 1000 && $0.bins == 499 && $0.low == -4 && $0.high == 4 })
        // U(-3, 3) lies inside [-4, 4]: all 1000 values are counted, about 2 a bin, none past ±3.
        let uniform = DistributionPicture(figure: figures[0], seed: experiment.seed)
        let values = uniform.values
        #expect(values.count == 1000 && values.allSatisfy { (-3..<3).contains($0) })
        let counts = DistributionPicture.histogram(values, bins: 499, low: -4, high: 4)
        #expect(counts.reduce(0, +) == 1000)
        #expect(counts.prefix(60).allSatisfy { $0 == 0 } && counts.suffix(60).allSatisfy { $0 == 0 })
        // The same seed draws the same values.
        #expect(DistributionPicture(figure: figures[0], seed: experiment.seed).values == values)
        #expect(try parseExperiment(experiment.echo.formatted()).plots.distributions == figures)
    }

    @Test func aBrokenDistributionIsReportedWithItsKey() {
        let text = syntheticConfig(dataset: "/d", output: "/o").replacingOccurrences(of: #""batches": 20,"#, with: #""batches": 20, "distributions": [{"name": "u", "initializer": "zeros", "count": 0, "range": [1, -1]}, {"name": "all", "initializer": "ones"}],"#)
        #expect(configProblems(text) == [
            "plots.distributions[0].count: expected an integer from 1 to 1000000, found 0",
            "plots.distributions[0].range: expected [low, high] with low < high",
            "plots.distributions[1].name: duplicate figure name \"all\"",
        ])
    }
}
