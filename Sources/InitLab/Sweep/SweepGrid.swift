/// A sweep's results laid on its grid: per point and measure, the values its seeds' runs give,
/// with their mean and 95% interval. It reads the summaries only, so a merge or results read
/// back from files give the same grid.
public struct SweepGrid: Sendable {
    public struct Cell: Sendable {
        public let point: SweepPoint
        public let label: String
        /// Per measure, one value per run that has one, in seed order.
        public let values: [SweepMeasure: [Double]]
        /// Runs that did not finish (diverged, or interrupted).
        public let unfinished: Int
        public let runs: Int
        /// Per measure, the mean and 95% interval of its values, worked out once: figures,
        /// report and results.json all read them.
        private let estimates: [SweepMeasure: Estimate]

        init(point: SweepPoint, label: String, values: [SweepMeasure: [Double]], unfinished: Int, runs: Int) {
            self.point = point
            self.label = label
            self.values = values
            self.unfinished = unfinished
            self.runs = runs
            estimates = values.compactMapValues(Estimate.init)
        }

        public func estimate(_ measure: SweepMeasure) -> Estimate? { estimates[measure] }
    }

    public let sweep: Sweep
    /// In the points' order: template by template, within one the first axis fastest.
    public let cells: [Cell]
    /// The mean-field theory over the first axis (σ_w²), when the sweep draws it.
    public let theory: SweepTheory?
    /// Per template, the coordinate check over the width axis, when the sweep has one and the
    /// template's runs recorded it.
    public let coordinateChecks: [CoordinateCheckSweep]
    /// Over width × learning rate: per measure (the training loss, the validation accuracy),
    /// each template's transfer.
    public let transfers: [[TransferSweep]]
    /// Over a depth axis of residual networks: each template's stream through the blocks.
    public let stream: StreamSweep?

    /// The grid of the experiment's sweep, nil when it has none.
    public init?(experiment: Experiment, summaries: [StrategySummary]) {
        guard let sweep = experiment.sweep else { return nil }
        self.init(sweep: sweep, summaries: summaries)
    }

    public init(sweep: Sweep, summaries: [StrategySummary]) {
        self.sweep = sweep
        let byID = Dictionary(summaries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        cells = sweep.points.map { point in
            let summary = byID[point.strategyID]
            let runs = summary?.runs ?? []
            return Cell(point: point, label: summary?.label ?? point.strategyID,
                        values: Dictionary(uniqueKeysWithValues: sweep.measures.map { measure in (measure, runs.compactMap(measure.value)) }),
                        unfinished: runs.filter { $0.status != .ok }.count, runs: runs.count)
        }
        theory = sweep.theory ? SweepTheory(sweep) : nil
        let templates = sweep.templates.indices
        coordinateChecks = templates.compactMap { CoordinateCheckSweep(sweep: sweep, template: $0, summaries: summaries) }
        transfers = [SweepMeasure.trainingLoss, .validationAccuracy].map { measure in
            templates.compactMap { TransferSweep(sweep: sweep, template: $0, summaries: summaries, measure: measure) }
        }.filter { !$0.isEmpty }
        stream = StreamSweep(sweep: sweep, summaries: summaries)
    }

    /// The cells of template `t`, the first axis varying fastest.
    public func cells(of t: Int) -> [Cell] { cells.filter { $0.point.template == t } }

    /// The cell of template `t` at the given index of each axis.
    public func cell(template t: Int = 0, _ indices: [Int]) -> Cell? {
        guard sweep.templates.indices.contains(t) else { return nil }
        var index = t * sweep.gridSize, stride = 1
        for (axis, i) in zip(sweep.axes, indices) {
            guard axis.values.indices.contains(i) else { return nil }
            index += i * stride
            stride *= axis.values.count
        }
        return cells.indices.contains(index) ? cells[index] : nil
    }
}

/// The mean-field theory at a sweep's σ_w² values and between them: the fixed points, the
/// depth scale, and where the edge of chaos (χ₁ = 1) lies.
public struct SweepTheory: Sendable {
    public let biasVariance: Double
    /// At each value of the σ_w² axis, in its order.
    public let atValues: [(weightVariance: Double, solution: MeanField.Solution)]
    /// 6ξ_c over the axis's range, finely sampled for the figure (infinite at the edge).
    public let curve: [(weightVariance: Double, depth: Double)]
    /// The σ_w² in the axis's range where χ₁ = 1, if it is there.
    public let edge: Double?

    init?(_ sweep: Sweep) {
        guard let axis = sweep.axes.first, let low = axis.values.min(), let high = axis.values.max() else { return nil }
        let sb = sweep.biasVariance
        func solve(_ sw: Double) -> MeanField.Solution { MeanField(weightVariance: sw, biasVariance: sb).solve() }
        biasVariance = sb
        atValues = axis.values.map { ($0, solve($0)) }
        let steps = high > low ? 120 : 0
        curve = (0...steps).map { k in
            let sw = low + (high - low) * Double(k) / Double(max(steps, 1))
            return (sw, solve(sw).trainableDepth)
        }
        edge = MeanField.edge(biasVariance: sb, in: low...high)
    }

    /// 6ξ_c at σ_w²: the depth beyond which the theory expects a network not to train.
    public func trainableDepth(_ weightVariance: Double) -> Double {
        MeanField(weightVariance: weightVariance, biasVariance: biasVariance).solve().trainableDepth
    }
}
