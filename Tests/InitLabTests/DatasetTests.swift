import Foundation
import Testing
@testable import InitLab

@Suite struct DatasetTests {
    @Test(arguments: ["images.gz", "images"])
    func readsIDXFilesCompressedOrPlain(name: String) throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        let values = (0..<(4 * 3 * 2)).map { UInt8($0 * 7 % 256) }
        writeFile("\(folder)/\(name)", idxBytes(dimensions: [4, 3, 2], values: values))
        let array = try IDX.read(path: "\(folder)/\(name)")
        #expect(array.dimensions == [4, 3, 2])
        #expect(array.values == values)
    }

    func datasetError(_ bytes: [UInt8], gzip: Bool = true) -> DatasetError? {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        let path = "\(folder)/f" + (gzip ? ".gz" : "")
        writeFile(path, bytes)
        do {
            _ = try IDX.read(path: path)
            return nil
        } catch {
            return error as? DatasetError
        }
    }

    @Test func rejectsBadHeadersAndLengths() {
        let good = idxBytes(dimensions: [2, 2], values: [1, 2, 3, 4])
        var badMagic = good; badMagic[0] = 0x1F
        var badType = good; badType[2] = 0x0D
        let cases: [([UInt8], String)] = [
            (badMagic, "magic number starts 0x1F00"),
            (badType, "element type 0x0D"),
            (Array(good.prefix(3)), "only 3 bytes long"),
            (Array(good.prefix(9)), "header of 2 dimensions is cut off"),
            (Array(good.dropLast()), "truncated: header says 2×2 = 4 values, file has 3"),
            (good + [9], "has trailing bytes"),
            ([0, 0, 8, 0], "zero dimensions"),
        ]
        for (bytes, message) in cases {
            let error = datasetError(bytes)
            #expect(error?.description.contains(message) == true, "\(String(describing: error)) should say \(message)")
        }
    }

    @Test func rejectsACorruptOrTruncatedGzipStream() throws {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        let path = "\(folder)/f.gz"
        writeFile(path, idxBytes(dimensions: [1000], values: (0..<1000).map { UInt8($0 % 251) }))
        let compressed = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var flipped = compressed; flipped[compressed.count - 6] ^= 0xFF // inside the CRC-32 trailer
        for bytes in [Array(compressed.prefix(compressed.count / 2)), flipped] {
            let error = datasetError(bytes, gzip: false)
            guard case .corrupt? = error else { Issue.record("expected corrupt, got \(String(describing: error))"); continue }
        }
    }

    @Test func missingFolderAndFilesNameThePathAndThePackage() {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        let spec = DatasetSpec(folder: folder + "/nope", images: "i.gz", labels: "l.gz")
        #expect(throws: DatasetError.missingFolder(folder + "/nope")) { try Dataset.load(spec) }
        #expect(throws: DatasetError.missingFile(folder + "/i.gz")) { try Dataset.load(DatasetSpec(folder: folder, images: "i.gz", labels: "l.gz")) }
        // The package is suggested only for Debian's own folder, and only when it is not installed.
        #expect(!DatasetError.missingFile(folder + "/i.gz").description.contains("apt-get"))
        let debian = Experiment.defaultDatasetFolder
        #expect(DatasetError.missingFile(debian + "/x.gz").description.contains("apt-get install dataset-fashion-mnist")
                == !FileManager.default.fileExists(atPath: debian))
    }

    @Test func imagesAndLabelsMustAgree() {
        let folder = temporaryFolder()
        defer { removeFolder(folder) }
        writeFile(folder + "/i.gz", idxBytes(dimensions: [3, 2, 2], values: [UInt8](repeating: 1, count: 12)))
        writeFile(folder + "/l.gz", idxBytes(dimensions: [4], values: [0, 1, 2, 3]))
        writeFile(folder + "/l2.gz", idxBytes(dimensions: [3, 1], values: [0, 1, 2]))
        #expect(throws: DatasetError.mismatch("\(folder)/i.gz holds 3 images but \(folder)/l.gz holds 4 labels")) {
            try Dataset.load(DatasetSpec(folder: folder, images: "i.gz", labels: "l.gz"))
        }
        #expect(throws: DatasetError.badHeader("\(folder)/l2.gz", "labels need 1 dimension, found 2")) {
            try Dataset.load(DatasetSpec(folder: folder, images: "i.gz", labels: "l2.gz"))
        }
    }

    @Test func splitHoldsOutTheFirstShuffledFractionAndCoversEverything() {
        var rng = Xoshiro256(seed: 1)
        let training = TrainingSpec(optimizer: .sgd(learningRate: 0.1, momentum: 0), batchSize: 100, epochs: 1,
                                    validationFraction: 0.2, validationDropout: false)
        #expect(training.validationCount(of: 1001) == 200) // floor(0.2·1001), as the lesson's np.floor
        #expect(training.stepsPerEpoch(trainingCount: 801) == 9) // the last batch partial, as DataLoader's
        let split = Split(count: 1001, validationCount: 200, rng: &rng)
        #expect(split.validation.count == 200)
        #expect(split.training.count == 801)
        #expect(Set(split.validation + split.training) == Set(0..<1001))
    }

    @Test func batchesArePixelsOver255() {
        let dataset = Dataset(pixels: [0, 255, 51, 1, 2, 3], labels: [4, 7], features: 3)
        var x = [Float](repeating: -1, count: 6)
        var labels = [Int32](repeating: -1, count: 2)
        dataset.gather([1, 0], into: &x, labels: &labels)
        #expect(x == [Float(1) / 255, Float(2) / 255, Float(3) / 255, 0, 1, Float(51) / 255])
        #expect(labels == [7, 4])
        #expect(dataset.classes == 8)
    }
}
