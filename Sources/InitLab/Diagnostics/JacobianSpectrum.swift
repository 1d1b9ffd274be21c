/// The singular values of a network's input-output Jacobian at initialization (Saxe et al.
/// 2014; Pennington, Schoenholz & Ganguli 2017): J = ∂h_L/∂h_1, the last hidden layer's output
/// against the first's, at a few probe images. When they all sit near 1 (dynamical isometry),
/// every direction of the signal, and of the gradient coming back, survives the depth; when they
/// spread over decades, some directions grow that much more than others.
///
/// J is (last hidden width, first hidden width), one per probe image: the product of the layers'
/// D·W factors in between (JacobianChain). The singular values are rounded to Float, what the
/// network itself computes in, and every statistic is of those, so results.json reads back the
/// same spectrum it was written from.
public struct JacobianSpectrum: Sendable, Equatable {
    /// J's shape: rows are the last hidden layer's units, columns the first's.
    public var rows: Int
    public var columns: Int
    /// The D·W factors J is the product of: the hidden layers above the first.
    public var factors: Int
    /// Per probe image, J's min(rows, columns) singular values, largest first.
    public var singularValues: [[Float]]
    /// The mean-field theory's mean squared singular value: χ per factor, multiplied
    /// (JacobianChain.meanField); nil where the theory has no χ for the activation, or for
    /// batch normalization.
    public var meanFieldMeanSquared: Double?

    /// Float's unit roundoff, 2⁻²⁴: a singular value below it times the largest is a direction
    /// the network's own arithmetic cannot carry over the depth.
    static let roundingLevel = 0x1p-24

    /// Whether `s` is below Float rounding of the largest singular value: its digits are the
    /// arithmetic's (a ReLU network's exact zeros come out of LAPACK as 1e-16 or 1e-40).
    public func isRounding(_ s: Double) -> Bool { s < largest * Self.roundingLevel }

    /// Every singular value of every probe image, increasing.
    var pooled: [Double] { singularValues.joined().map(Double.init).sorted() }

    public var meanSquared: Double {
        let values = pooled
        return values.isEmpty ? 0 : values.reduce(0) { $0 + $1 * $1 } / Double(values.count)
    }

    public var largest: Double { pooled.last ?? 0 }
    public var smallest: Double { pooled.first ?? 0 }

    /// The p-th percentile (0...100) of the pooled singular values, by linear interpolation
    /// between order statistics (numpy's default).
    public func percentile(_ p: Double) -> Double {
        let values = pooled
        guard !values.isEmpty else { return 0 }
        let position = p / 100 * Double(values.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, values.count - 1)
        return values[low] + (position - Double(low)) * (values[high] - values[low])
    }

    /// max s² / mean s²: how much more the most amplified direction grows than the average
    /// one. 1 is perfect isometry; unlike largest/smallest, it does not depend on directions
    /// that only rounding fills.
    public var peakToMean: Double {
        let mean = meanSquared
        return mean > 0 ? largest * largest / mean : .infinity
    }

    /// The fraction of singular values below Float rounding of the largest one.
    public var belowRounding: Double {
        let values = pooled
        guard let top = values.last, !values.isEmpty else { return 0 }
        return Double(values.filter { $0 < top * Self.roundingLevel }.count) / Double(values.count)
    }
}

extension JacobianSpectrum {
    var json: JSON {
        .object([
            ("shape", .array([.number(Double(rows)), .number(Double(columns))])),
            ("factors", .number(Double(factors))),
            ("probe_inputs", .number(Double(singularValues.count))),
            ("mean_squared", JSON(meanSquared)),
            ("mean_field_mean_squared", meanFieldMeanSquared.map(JSON.init) ?? .null),
            ("largest", JSON(largest)),
            ("percentile_5", JSON(percentile(5))), ("percentile_50", JSON(percentile(50))), ("percentile_95", JSON(percentile(95))),
            ("largest_squared_over_mean", JSON(peakToMean)),
            ("below_rounding_fraction", JSON(belowRounding)),
            ("singular_values", .array(singularValues.map { .array($0.map(JSON.init)) })),
        ])
    }

    /// Reads what `json` wrote; the statistics are derived again from the singular values.
    init(json: JSON) throws {
        let reader = JSONFields(json, what: "jacobian")
        guard case .array(let shape)? = json["shape"], shape.count == 2, case .number(let r) = shape[0], case .number(let c) = shape[1],
              let rows = Int(exactly: r), let columns = Int(exactly: c), rows > 0, columns > 0 else {
            throw JSONFieldError(message: "jacobian: shape is not two positive integers")
        }
        guard case .array(let images)? = json["singular_values"] else { throw JSONFieldError(message: "jacobian: no singular_values array") }
        let values: [[Float]] = try images.map { image in
            guard case .array(let entries) = image, entries.count == min(rows, columns) else {
                throw JSONFieldError(message: "jacobian: a probe image's singular values are not min(rows, columns) numbers")
            }
            return try entries.map { entry in
                guard case .number(let s) = entry, s.isFinite, s >= 0 else { throw JSONFieldError(message: "jacobian: a singular value is not a number ≥ 0") }
                return Float(s)
            }
        }
        self.init(rows: rows, columns: columns, factors: try reader.integer("factors"), singularValues: values,
                  meanFieldMeanSquared: try reader.optionalNumber("mean_field_mean_squared"))
    }
}
