/// A run in results.json, written and read back by the same code: `RunResult(json:)` gives the
/// run `json` was written from, bit for bit (a NaN loss as a NaN). A non-finite loss is `null` in
/// `batch_losses` (JSON has no NaN or infinity); it can only be a diverged run's last, which
/// `non_finite_loss` ("nan", "inf" or "-inf") then gives exactly. A non-finite validation loss
/// (a finished network whose scores overflow) is `null` and reads back as none.
extension RunResult {
    public var json: JSON {
        var members: [(key: String, value: JSON)] = [
            ("strategy", .string(strategyID)),
            ("label", .string(label)),
            ("seed", .number(Double(seed))),
            ("status", .string(status.name)),
        ]
        if case .diverged(let batch) = status {
            members.append(("diverged_at_batch", .number(Double(batch))))
            if let last = lastBatchLoss, !last.isFinite {
                members.append(("non_finite_loss", .string(last.isNaN ? "nan" : last > 0 ? "inf" : "-inf")))
            }
        }
        members += [
            ("validation_accuracy", validationAccuracy.map(JSON.init) ?? .null),
            ("validation_loss", validationLoss.map(JSON.init) ?? .null),
            ("epoch_validation_accuracy", .array(epochValidationAccuracy.map(JSON.init))),
            ("test_accuracy", testAccuracy.map(JSON.init) ?? .null),
            ("weight_histograms", .array(weightHistograms.map { h in
                .object([("layer", .number(Double(h.layer))), ("low", JSON(h.low)), ("high", JSON(h.high)),
                         ("initial", .array(h.initial.map { .number(Double($0)) })),
                         ("trained", .array(h.trained.map { .number(Double($0)) }))])
            })),
            ("last_batch_loss", lastBatchLoss.map(JSON.init) ?? .null),
            ("steps", .number(Double(steps))),
            ("init_seconds", JSON(initSeconds)),
            ("procedure_seconds", JSON(procedureSeconds)),
            ("train_seconds", JSON(trainSeconds)),
            ("from_cache", .bool(fromCache)),
            ("validation_seconds", JSON(validationSeconds)),
            ("diagnostics_seconds", JSON(diagnosticsSeconds)),
            ("step_seconds", stepTimes.json),
            ("partnered_step_seconds", partneredStepTimes.json),
        ]
        if let procedure { members.append(("procedure", procedure)) }
        members.append(("diagnostics", diagnostics?.json ?? .null))
        if !coordinates.isEmpty { members.append(("coordinate_check", .array(coordinates.map(\.json)))) }
        members.append(("batch_losses", .array(batchLosses.map(JSON.init))))
        return .object(members)
    }

    /// The run that `json` (a member of results.json's `runs`) was written from.
    public init(json: JSON) throws {
        let reader = JSONFields(json, what: "run")
        let statusName = try reader.string("status")
        let status: RunStatus
        switch statusName {
        case RunStatus.ok.name: status = .ok
        case RunStatus.interrupted.name: status = .interrupted
        case RunStatus.diverged(batch: 0).name: status = .diverged(batch: try reader.integer("diverged_at_batch"))
        default: throw JSONFieldError(message: "run: unknown status \"\(statusName)\"")
        }
        guard case .array(let losses)? = json["batch_losses"] else { throw JSONFieldError(message: "run: no batch_losses array") }
        var batchLosses = try losses.map { loss -> Float in
            switch loss {
            case .number(let value): return Float(value)
            case .null: return .nan
            default: throw JSONFieldError(message: "run: batch_losses holds a \(loss.typeName)")
            }
        }
        if case .string(let name)? = json["non_finite_loss"], !batchLosses.isEmpty {
            batchLosses[batchLosses.count - 1] = name == "inf" ? .infinity : name == "-inf" ? -.infinity : .nan
        }
        self.init(strategyID: try reader.string("strategy"), label: try reader.string("label"), seed: try reader.unsigned("seed"),
                  status: status, batchLosses: batchLosses, validationAccuracy: try reader.optionalNumber("validation_accuracy"),
                  validationLoss: try reader.optionalNumber("validation_loss"), initSeconds: try reader.number("init_seconds"),
                  trainSeconds: try reader.number("train_seconds"), validationSeconds: try reader.number("validation_seconds"),
                  stepTimes: try StepTimes(json: json["step_seconds"] ?? .null))
        procedureSeconds = try reader.number("procedure_seconds")
        testAccuracy = try reader.optionalNumber("test_accuracy")
        let histograms: [JSON]
        switch json["weight_histograms"] {
        case .array(let values)?: histograms = values
        case nil: histograms = []
        default: throw JSONFieldError(message: "run: weight_histograms is not an array")
        }
        weightHistograms = try histograms.map { entry in
            let fields = JSONFields(entry, what: "weight histogram")
            func counts(_ key: String) throws -> [Int] {
                guard case .array(let values)? = entry[key], values.count == WeightHistogram.bins else {
                    throw JSONFieldError(message: "weight histogram: \(key) is not \(WeightHistogram.bins) counts")
                }
                return try values.map { value in
                    guard case .number(let n) = value, n == n.rounded(), n >= 0, n <= 0x1p53 else {
                        throw JSONFieldError(message: "weight histogram: a count is not an integer from 0 to 2^53")
                    }
                    return Int(n)
                }
            }
            return WeightHistogram(layer: try fields.integer("layer"), low: try fields.number("low"), high: try fields.number("high"),
                                   initial: try counts("initial"), trained: try counts("trained"))
        }
        // Written since the whole-run figures; a results file from before has none.
        let epochs: [JSON]
        switch json["epoch_validation_accuracy"] {
        case .array(let values)?: epochs = values
        case nil: epochs = []
        default: throw JSONFieldError(message: "run: epoch_validation_accuracy is not an array")
        }
        epochValidationAccuracy = try epochs.map {
            guard case .number(let accuracy) = $0 else { throw JSONFieldError(message: "run: epoch_validation_accuracy holds a \($0.typeName)") }
            return accuracy
        }
        procedure = json["procedure"]
        // Written since the diagnostics; a results file from before has neither.
        if json["diagnostics_seconds"] != nil { diagnosticsSeconds = try reader.number("diagnostics_seconds") }
        if let entry = json["diagnostics"], entry != .null { diagnostics = try RunDiagnostics(json: entry) }
        // Written since the coordinate check, with the diagnostics.
        switch json["coordinate_check"] {
        case .array(let records)?: coordinates = try records.map(CoordinateRecord.init(json:))
        case nil: coordinates = []
        default: throw JSONFieldError(message: "run: coordinate_check is not an array")
        }
        partneredStepTimes = try StepTimes(json: json["partnered_step_seconds"] ?? .null)
        // Written since reports tell cached timings apart; a results file from before has none.
        switch json["from_cache"] {
        case .bool(let cached)?: fromCache = cached
        case nil: fromCache = false
        default: throw JSONFieldError(message: "run: from_cache is not true or false")
        }
    }
}

extension CoordinateRecord {
    /// A mean that is not finite (a network that blew up) is null, and reads back as NaN.
    var json: JSON {
        .object([("step", .number(Double(step))), ("mean_abs", .array(meanAbsolute.map(JSON.init)))])
    }

    init(json: JSON) throws {
        let reader = JSONFields(json, what: "coordinate check")
        guard case .array(let values)? = json["mean_abs"] else { throw JSONFieldError(message: "coordinate check: mean_abs is not an array") }
        self.init(step: try reader.integer("step"), meanAbsolute: try values.map {
            switch $0 {
            case .number(let n): return n
            case .null: return .nan
            default: throw JSONFieldError(message: "coordinate check: mean_abs holds a \($0.typeName)")
            }
        })
    }
}

extension StepTimes {
    /// Where a run's training time went, over the steps it trained alone or with a partner core.
    var json: JSON {
        .object([
            ("steps", .number(Double(steps))),
            ("batch", JSON(batch)), ("forward", JSON(forward)),
            ("backward", JSON(backward)), ("optimizer", JSON(optimizer)),
            ("of_which_matrix_products", JSON(products)),
        ])
    }

    init(json: JSON) throws {
        let reader = JSONFields(json, what: "step times")
        self.init(steps: try reader.integer("steps"), batch: try reader.number("batch"), forward: try reader.number("forward"),
                  backward: try reader.number("backward"), optimizer: try reader.number("optimizer"),
                  products: try reader.number("of_which_matrix_products"))
    }
}

/// A results file that does not hold what the tool writes.
public struct JSONFieldError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Typed members of a JSON object, each missing or mistyped one an error that names it.
struct JSONFields {
    let json: JSON
    let what: String

    init(_ json: JSON, what: String) {
        self.json = json
        self.what = what
    }

    private func fail(_ key: String, _ expected: String) -> JSONFieldError {
        JSONFieldError(message: "\(what): \(key) is not \(expected)")
    }

    func string(_ key: String) throws -> String {
        guard case .string(let value)? = json[key] else { throw fail(key, "a string") }
        return value
    }

    func number(_ key: String) throws -> Double {
        guard case .number(let value)? = json[key] else { throw fail(key, "a number") }
        return value
    }

    func optionalNumber(_ key: String) throws -> Double? {
        if json[key] == .null { return nil }
        return try number(key)
    }

    /// An integer a Double holds exactly (|n| ≤ 2⁵³), as every count and seed the tool writes.
    func integer(_ key: String) throws -> Int {
        let value = try number(key)
        guard value == value.rounded(), abs(value) <= 0x1p53 else { throw fail(key, "an integer") }
        return Int(value)
    }

    func unsigned(_ key: String) throws -> UInt64 {
        let value = try integer(key)
        guard value >= 0 else { throw fail(key, "an integer ≥ 0") }
        return UInt64(value)
    }
}
