import CZlib
import Foundation
@testable import InitLab

/// A fresh temporary folder, removed by the caller via `defer`.
func temporaryFolder(_ name: String = #function) -> String {
    let clean = name.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "compare-inits-tests-\(clean)-\(UUID().uuidString.prefix(8))"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func removeFolder(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

/// Every file of a folder (hidden ones included) and its bytes: what "left as it was" compares.
/// A folder inside (a staging folder left behind) makes it throw, unless skipped by name.
func snapshot(_ folder: String, skipping: Set<String> = []) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !skipping.contains(name) {
        files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
    }
    return files
}

/// The bytes of an IDX file of unsigned bytes.
func idxBytes(dimensions: [Int], values: [UInt8]) -> [UInt8] {
    var bytes: [UInt8] = [0, 0, 0x08, UInt8(dimensions.count)]
    for d in dimensions { bytes += [UInt8(d >> 24 & 0xFF), UInt8(d >> 16 & 0xFF), UInt8(d >> 8 & 0xFF), UInt8(d & 0xFF)] }
    return bytes + values
}

/// Writes `bytes` to `path`, gzip-compressed through zlib when the name ends in .gz.
func writeFile(_ path: String, _ bytes: [UInt8]) {
    if path.hasSuffix(".gz") {
        let file = gzopen(path, "wb")!
        _ = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        gzclose(file)
    } else {
        precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write \(path)")
    }
}

/// A small learnable dataset in MNIST format: `count` images of `side`×`side` pixels in
/// `classes` classes; each class lights its own band of rows, plus noise.
func writeSyntheticDataset(in folder: String, count: Int = 600, side: Int = 6, classes: Int = 3, seed: UInt64 = 7) {
    var rng = Xoshiro256(seed: seed)
    var pixels: [UInt8] = []
    var labels: [UInt8] = []
    let band = max(1, side / classes)
    for _ in 0..<count {
        let label = Int(rng.next() % UInt64(classes))
        labels.append(UInt8(label))
        for row in 0..<side {
            for _ in 0..<side {
                let lit = row / band == label
                let noise = Int(rng.next() % 60)
                pixels.append(UInt8(lit ? 195 + noise : noise))
            }
        }
    }
    writeFile(folder + "/images.gz", idxBytes(dimensions: [count, side, side], values: pixels))
    writeFile(folder + "/labels.gz", idxBytes(dimensions: [count], values: labels))
}

/// A config for the synthetic dataset: three strategies, small model, one epoch.
func syntheticConfig(dataset: String, output: String, extra: String = "") -> String {
    """
    {
      "name": "synthetic",
      "dataset": { "folder": "\(dataset)", "images": "images.gz", "labels": "labels.gz" },
      "model": { "layers": [36, 16, 8, 3], "activation": "relu", "dropout": 0.2 },
      "training": { "batch_size": 20, "epochs": 2, "validation_fraction": 0.25 },
      "seed": 3,
      "output": "\(output)",
      \(extra)
      "strategies": [
        { "id": "zeros", "label": "All Zeros", "weights": "zeros" },
        { "id": "rule", "label": "Rule", "weights": { "kind": "fan_in_uniform" } },
        { "id": "default", "label": "Default", "weights": "pytorch_default", "biases": "pytorch_default" }
      ],
      "plots": {
        "batches": 20,
        "figures": [
          { "name": "zeros-vs-rule", "title": "Zeros vs Rule", "strategies": ["zeros", "rule"] },
          { "name": "all", "title": "All", "strategies": ["zeros", "rule", "default"], "log_scale": true }
        ]
      }
    }
    """
}

/// A fresh folder with a synthetic dataset and `synthetic.json`, a config for it whose output is
/// `<folder>/<output>`. The caller removes the folder.
func syntheticExperiment(output: String = "out", extra: String = "", function: String = #function) throws -> (folder: String, config: String) {
    let folder = temporaryFolder(function)
    writeSyntheticDataset(in: folder)
    let config = folder + "/synthetic.json"
    try syntheticConfig(dataset: folder, output: folder + "/" + output, extra: extra).write(toFile: config, atomically: true, encoding: .utf8)
    return (folder, config)
}

/// The package's root folder (for configs/ and the built executable).
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

func parseExperiment(_ text: String) throws -> Experiment { try Experiment.parse(text, file: "test.json") }

/// The problems of a config that must not parse.
func configProblems(_ text: String) -> [String] {
    do {
        _ = try parseExperiment(text)
        return []
    } catch let error as ConfigError {
        return error.problems
    } catch {
        return ["unexpected error \(error)"]
    }
}

extension Network {
    /// A forward pass on one core: training (dropout from `stream`, batch statistics updated)
    /// with a stream, evaluation without one; the stream advances as it draws.
    func forward(_ x: [Float], rows: Int, buffers: BatchBuffers, dropout stream: inout DropoutStream?) {
        var pass = stream.map(Pass.training) ?? .evaluation
        x.withUnsafeBufferPointer { forward($0.baseAddress!, rows: rows, buffers: buffers, pass: &pass, on: Executor(plan: plan)) }
        stream = pass.dropout
    }
}
