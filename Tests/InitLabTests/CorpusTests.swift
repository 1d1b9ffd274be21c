import Foundation
import Testing
@testable import InitLab

/// Generated corpora of broken inputs. Each must give the library's typed error with a message
/// that names the problem (the key path, the file, or the line and column); none may crash.
@Suite struct CorpusTests {
    static let valid = """
    {
      "name": "corpus",
      "dataset": { "folder": "/tmp", "images": "i.gz", "labels": "l.gz" },
      "model": { "layers": [16, 8, 3], "activation": "relu", "dropout": 0.2 },
      "training": {
        "optimizer": { "name": "adam", "learning_rate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8 },
        "batch_size": 10, "epochs": 2, "validation_fraction": 0.2, "validation_dropout": false
      },
      "seed": 1, "repeats": 1, "threads": 2, "output": "out",
      "strategies": [
        { "id": "a", "label": "A", "weights": { "kind": "normal", "mean": 0, "std": 0.1 }, "biases": "zeros" },
        { "id": "b", "label": "B", "weights": { "kind": "kaiming_uniform", "mode": "fan_in", "nonlinearity": "relu" } },
        { "id": "c", "label": "C", "weights": { "kind": "variance_scaling", "scale": 2, "mode": "fan_avg", "distribution": "uniform" } }
      ],
      "plots": { "batches": 50, "accuracy_figure": "acc", "figures": [ { "name": "f", "title": "F", "strategies": ["a", "b"], "log_scale": false } ] }
    }
    """

    /// A broken config and what one of its problems must start with.
    struct Case: CustomStringConvertible {
        let kind: String
        let text: String
        let expected: String
        var description: String { "\(kind): \(expected)" }
    }

    /// Every leaf of a JSON tree with its key path.
    static func leaves(_ json: JSON, _ path: String = "") -> [(String, JSON)] {
        switch json {
        case .object(let members):
            return members.flatMap { leaves($0.value, path.isEmpty ? $0.key : "\(path).\($0.key)") }
        case .array(let elements):
            return elements.enumerated().flatMap { leaves($0.element, "\(path)[\($0.offset)]") }
        default:
            return [(path, json)]
        }
    }

    /// Every object of a JSON tree with its key path.
    static func objects(_ json: JSON, _ path: String = "") -> [String] {
        switch json {
        case .object(let members):
            return [path] + members.flatMap { objects($0.value, path.isEmpty ? $0.key : "\(path).\($0.key)") }
        case .array(let elements):
            return elements.enumerated().flatMap { objects($0.element, "\(path)[\($0.offset)]") }
        default:
            return []
        }
    }

    /// `json` with the value at `path` replaced (nil removes the member).
    static func replacing(_ json: JSON, at path: [PathStep], with value: JSON?) -> JSON {
        guard let step = path.first else { return value ?? .null }
        switch (json, step) {
        case let (.object(members), .key(key)):
            var result: [(key: String, value: JSON)] = []
            for member in members {
                if member.key != key { result.append(member); continue }
                if path.count == 1, value == nil { continue }
                result.append((key, replacing(member.value, at: Array(path.dropFirst()), with: value)))
            }
            return .object(result)
        case let (.array(elements), .index(i)):
            var copy = elements
            copy[i] = replacing(copy[i], at: Array(path.dropFirst()), with: value)
            return .array(copy)
        default:
            return json
        }
    }

    enum PathStep { case key(String), index(Int) }

    static func steps(_ path: String) -> [PathStep] {
        var result: [PathStep] = []
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "[") {
                indices.insert(Int(name[name.index(after: open)..<name.index(before: name.endIndex)])!, at: 0)
                name = name[..<open]
            }
            result.append(.key(String(name)))
            result += indices.map { .index($0) }
        }
        return result
    }

    static func set(_ path: String, _ value: JSON?) -> String {
        replacing(try! JSONParser.parse(valid), at: steps(path), with: value).formatted()
    }

    static let cases: [Case] = {
        let json = try! JSONParser.parse(valid)
        var cases: [Case] = []
        // 1. Every leaf given a value of the wrong type.
        for (path, value) in leaves(json) {
            let wrong: JSON
            switch value {
            case .string: wrong = .number(7)
            case .number: wrong = .string("seven")
            default: wrong = .string("yes")
            }
            cases.append(Case(kind: "wrong type", text: set(path, wrong), expected: path + ": "))
        }
        // 2. Every object given an unknown key.
        for path in objects(json) {
            var value = json
            if case .object(var members) = path.isEmpty ? json : leavesObject(json, path) {
                members.append((key: "colour", value: .number(1)))
                value = path.isEmpty ? .object(members) : replacing(json, at: steps(path), with: .object(members))
            }
            cases.append(Case(kind: "unknown key", text: value.formatted(), expected: (path.isEmpty ? "" : path + ".") + "colour: unknown key"))
        }
        // 3. Numbers out of range.
        let ranges: [(String, [Double])] = [
            ("model.dropout", [-0.1, 1, 1.5]), ("model.layers[0]", [0, -4, 2.5]), ("model.layers[1]", [0, 16_777_217, 1e12]),
            ("training.batch_size", [0, -1, 1.5, 1e8]), ("training.epochs", [0, 2.5, 1e9]),
            ("training.validation_fraction", [0, 1, -0.5, 2]), ("training.optimizer.learning_rate", [0, -0.1]),
            ("training.optimizer.beta1", [1, -0.1]), ("training.optimizer.beta2", [1.5]), ("training.optimizer.epsilon", [0]),
            ("seed", [-1, 0.5]), ("repeats", [0, 1001]), ("threads", [0, 1025]), ("plots.batches", [0]),
            ("strategies[0].weights.std", [0, -1]), ("strategies[2].weights.scale", [0]),
        ]
        for (path, values) in ranges {
            for value in values { cases.append(Case(kind: "out of range", text: set(path, .number(value)), expected: path + ": expected")) }
        }
        // 4. Names that do not exist.
        let names: [(String, String, String)] = [
            ("model.activation", "relu7", "unknown nonlinearity \"relu7\"; did you mean \"relu\"? valid: relu, tanh"),
            ("strategies[0].biases", "zeroes", "unknown initializer \"zeroes\"; did you mean \"zeros\"? the 26 valid initializer names are listed below"),
            ("strategies[1].weights.mode", "fan_mid", "unknown mode \"fan_mid\"; did you mean \"fan_in\"? valid: fan_in, fan_out, fan_avg"),
            ("strategies[1].weights.nonlinearity", "gelu", "unknown nonlinearity \"gelu\""),
            ("strategies[2].weights.distribution", "gamma", "unknown distribution \"gamma\"; valid: uniform,"),
            ("strategies[0].weights.kind", "gaussian", "unknown initializer \"gaussian\"; the 26 valid initializer names are listed below"),
            ("training.optimizer.name", "adamw", "unknown optimizer \"adamw\"; did you mean \"adam\"? valid: adam, sgd"),
            ("plots.figures[0].strategies[1]", "d", "no strategy has id \"d\""),
            ("strategies[1].id", "a", "duplicate strategy id \"a\""),
            ("strategies[2].id", "c d", "expected a plain name"),
            ("plots.figures[0].name", "acc", "duplicate figure name \"acc\""),
        ]
        for (path, value, message) in names {
            cases.append(Case(kind: "bad name", text: set(path, .string(value)), expected: path + ": " + message))
        }
        // Text of more than one line, or with terminal control sequences, in any string.
        for (path, value) in [("strategies[0].label", "A\n!touch x"), ("plots.figures[0].title", "F\u{2028}G"),
                              ("output", "out\r"), ("dataset.images", "i\u{1B}[2J.gz"), ("name", "corpus\u{85}")] {
            cases.append(Case(kind: "control character", text: set(path, .string(value)),
                              expected: path + ": expected one line of text, found a control character (U+"))
        }
        // 5. Required keys removed.
        for (path, parent) in [("model", ""), ("model.layers", "model"), ("strategies", ""), ("strategies[0].id", "strategies[0]"),
                               ("strategies[1].weights", "strategies[1]"), ("plots.figures[0].strategies", "plots.figures[0]"),
                               ("plots.figures[0].name", "plots.figures[0]")] {
            let last = path.split(separator: ".").last!.split(separator: "[").first!
            cases.append(Case(kind: "missing key", text: set(path, nil),
                              expected: (parent.isEmpty ? "" : parent + ": ") + "missing key \"\(last)\""))
        }
        // 6. The JSON itself cut short or broken, at offsets spread over the text.
        let text = valid
        for offset in stride(from: 1, to: text.count - 1, by: text.count / 25) {
            cases.append(Case(kind: "truncated JSON", text: String(text.prefix(offset)), expected: "line "))
        }
        for (from, to) in [("\"seed\": 1,", "\"seed\": 1,,"), ("\"repeats\": 1", "\"repeats\" 1"), ("[16, 8, 3]", "[16, 8, 3"),
                           ("\"name\": \"corpus\"", "'name': 'corpus'"), ("0.001", "0.001.5"), ("false", "False"),
                           ("\"A\"", "\"A\u{1}\""), ("\"out\"", "\"out\\x\""), ("{", "{ // comment\n"), ("1e-8", "1e")] {
            cases.append(Case(kind: "broken JSON", text: text.replacingOccurrences(of: from, with: to), expected: "line "))
        }
        return cases
    }()

    static func leavesObject(_ json: JSON, _ path: String) -> JSON {
        var node = json
        for step in steps(path) {
            switch (node, step) {
            case let (.object(members), .key(key)): node = members.first { $0.key == key }!.value
            case let (.array(elements), .index(i)): node = elements[i]
            default: break
            }
        }
        return node
    }

    @Test func theValidConfigIsValid() throws {
        _ = try Experiment.parse(Self.valid, file: "valid.json")
    }

    @Test func everyBrokenConfigIsATypedErrorNamingTheProblem() {
        var byKind: [String: Int] = [:]
        for c in Self.cases {
            byKind[c.kind, default: 0] += 1
            do {
                _ = try Experiment.parse(c.text, file: "corpus.json")
                Issue.record("accepted: \(c)")
            } catch let error as ConfigError {
                #expect(error.problems.contains { $0.hasPrefix(c.expected) }, "\(c)\ngot: \(error.problems)")
                // Each problem's line names the file; a listing of valid names follows them, indented.
                let lines = error.description.split(separator: "\n")
                #expect(lines.prefix(error.problems.count).allSatisfy { $0.hasPrefix("corpus.json: ") }
                        && lines.dropFirst(error.problems.count).allSatisfy { $0.hasPrefix("  ") || $0.hasSuffix("names:") }, "\(lines)")
            } catch {
                Issue.record("untyped error \(error) for \(c)")
            }
        }
        print("config corpus:", byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "), "total \(Self.cases.count)")
        #expect(Self.cases.count >= 100)
    }

    /// A damaged dataset file and a fragment its error must contain.
    struct DataCase {
        let kind: String
        let images: [UInt8]
        let labels: [UInt8]
        let expected: String
    }

    static func dataCases(folder: String) throws -> [DataCase] {
        let count = 40, side = 4
        var rng = Xoshiro256(seed: 2)
        let pixels = (0..<(count * side * side)).map { _ in UInt8(rng.next() % 256) }
        let labels = (0..<count).map { UInt8($0 % 3) }
        let images = idxBytes(dimensions: [count, side, side], values: pixels)
        let labelFile = idxBytes(dimensions: [count], values: labels)
        func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
            let path = folder + "/tmp.gz"
            writeFile(path, bytes)
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        let gzImages = try gzip(images), gzLabels = try gzip(labelFile)
        var cases: [DataCase] = []
        // Gzip stream cut short at many offsets, header and body.
        for offset in stride(from: 0, to: gzImages.count - 1, by: max(1, gzImages.count / 20)) {
            cases.append(DataCase(kind: "truncated gzip", images: Array(gzImages.prefix(offset)), labels: gzLabels, expected: "images.gz"))
        }
        // The IDX itself cut short, compressed correctly.
        for offset in [0, 1, 3, 4, 7, 8, 12, 15, 16, 17, 100, images.count - 1] {
            cases.append(DataCase(kind: "truncated IDX", images: try gzip(Array(images.prefix(offset))), labels: gzLabels, expected: "images.gz"))
        }
        // Single bit flips in the 16 header bytes (magic, type, rank, dimensions).
        for byte in 0..<16 {
            for bit in [0, 3, 7] where !(byte >= 4 && bit == 7 && byte % 4 == 0) {
                var flipped = images
                flipped[byte] ^= 1 << bit
                cases.append(DataCase(kind: "header bit flip", images: try gzip(flipped), labels: gzLabels, expected: "images.gz"))
            }
        }
        // Bytes flipped inside the compressed stream (deflate data or CRC).
        for offset in stride(from: 12, to: gzImages.count, by: max(1, gzImages.count / 8)) {
            var flipped = gzImages
            flipped[offset] ^= 0x5A
            cases.append(DataCase(kind: "corrupt gzip", images: flipped, labels: gzLabels, expected: "images.gz"))
        }
        // Counts that disagree, labels of the wrong rank, labels out of the model's range.
        cases.append(DataCase(kind: "count mismatch", images: gzImages, labels: try gzip(idxBytes(dimensions: [count - 1], values: Array(labels.dropLast()))),
                              expected: "holds 40 images but"))
        cases.append(DataCase(kind: "count mismatch", images: gzImages, labels: try gzip(idxBytes(dimensions: [count, 1], values: labels)),
                              expected: "labels need 1 dimension"))
        cases.append(DataCase(kind: "label out of range", images: gzImages, labels: try gzip(idxBytes(dimensions: [count], values: labels.map { $0 == 2 ? 200 : $0 })),
                              expected: "the labels have 201 classes"))
        cases.append(DataCase(kind: "not IDX", images: Array("hello, world".utf8), labels: gzLabels, expected: "images.gz"))
        cases.append(DataCase(kind: "not IDX", images: [], labels: gzLabels, expected: "images.gz"))
        return cases
    }

    @Test func everyDamagedDatasetIsATypedErrorNamingTheProblem() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        let experiment = try Experiment.parse(#"{"dataset": {"folder": "\#(folder)", "images": "images.gz", "labels": "labels.gz"}, "model": {"layers": [16, 3]}, "training": {"batch_size": 4}, "strategies": [{"id": "a", "weights": "zeros"}]}"#, file: "d.json")
        var byKind: [String: Int] = [:]
        let cases = try Self.dataCases(folder: folder)
        for c in cases {
            byKind[c.kind, default: 0] += 1
            writeFile(folder + "/images.gz", [])
            try Data(c.images).write(to: URL(fileURLWithPath: folder + "/images.gz"))
            try Data(c.labels).write(to: URL(fileURLWithPath: folder + "/labels.gz"))
            do {
                let dataset = try Dataset.load(experiment.dataset)
                try experiment.check(against: dataset, file: "d.json")
                Issue.record("accepted \(c.kind)")
            } catch let error as DatasetError {
                #expect(error.description.contains(c.expected), "\(c.kind): \(error)")
            } catch let error as ConfigError {
                #expect(error.description.contains(c.expected), "\(c.kind): \(error)")
            } catch {
                Issue.record("untyped error \(error) for \(c.kind)")
            }
        }
        print("dataset corpus:", byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "), "total \(cases.count)")
        #expect(cases.count >= 50)
    }

    @Test func theCommandGivesStatus2AndOneLineForASampleOfEach() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        var seen = Set<String>()
        for c in Self.cases where seen.insert(c.kind).inserted {
            try c.text.write(toFile: folder + "/c.json", atomically: true, encoding: .utf8)
            let result = try runCommand([folder + "/c.json"])
            #expect(result.status == 2, "\(c.kind): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("compare-inits: \(folder)/c.json: ") }, "\(result.stderr)")
        }
        var seenData = Set<String>()
        for c in try Self.dataCases(folder: folder) where seenData.insert(c.kind).inserted {
            try Data(c.images).write(to: URL(fileURLWithPath: folder + "/images.gz"))
            try Data(c.labels).write(to: URL(fileURLWithPath: folder + "/labels.gz"))
            try #"{"dataset": {"folder": "\#(folder)", "images": "images.gz", "labels": "labels.gz"}, "model": {"layers": [16, 3]}, "training": {"batch_size": 4}, "output": "\#(folder)/out", "strategies": [{"id": "a", "weights": "zeros"}]}"#
                .write(toFile: folder + "/d.json", atomically: true, encoding: .utf8)
            let result = try runCommand([folder + "/d.json"])
            #expect(result.status == 2, "\(c.kind): \(result.stderr)")
            #expect(result.stderr.hasPrefix("compare-inits: ") && result.stderr.split(separator: "\n").count == 1, "\(c.kind): \(result.stderr)")
        }
    }
}
