import CKernels
import Foundation

/// Images and labels of an MNIST-format dataset, kept as bytes (47 MB for Fashion-MNIST's
/// training set, a quarter of it as Floats); batches are converted as they are drawn.
public struct Dataset: Sendable {
    public let pixels: [UInt8]
    public let labels: [UInt8]
    /// Pixels per image (784 for 28×28).
    public let features: Int
    /// Number of classes: the largest label + 1.
    public let classes: Int

    public var count: Int { labels.count }

    public init(pixels: [UInt8], labels: [UInt8], features: Int) {
        precondition(pixels.count == labels.count * features)
        self.pixels = pixels
        self.labels = labels
        self.features = features
        classes = Int(labels.max() ?? 0) + 1
    }

    /// Loads the images and labels named by `spec`, checking that they belong together.
    public static func load(_ spec: DatasetSpec) throws -> Dataset {
        let (imagesPath, labelsPath) = try paths(spec)
        let images = try IDX.read(path: imagesPath)
        let labels = try IDX.read(path: labelsPath)
        let shape = try checkShape(images: images.dimensions, labels: labels.dimensions, imagesPath, labelsPath)
        return Dataset(pixels: images.values, labels: labels.values, features: shape.features)
    }

    /// Runs `body`, giving a dataset problem the config file that named the dataset.
    public static func reading<T>(for config: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatasetError {
            throw DatasetError.located(config: config, error)
        }
    }

    /// The number of images and their pixels, read from the files' headers only: what loading
    /// the dataset will take, known before it is loaded.
    public static func shape(_ spec: DatasetSpec) throws -> (images: Int, features: Int) {
        let (imagesPath, labelsPath) = try paths(spec)
        return try checkShape(images: IDX.dimensions(path: imagesPath), labels: IDX.dimensions(path: labelsPath), imagesPath, labelsPath)
    }

    private static func paths(_ spec: DatasetSpec) throws -> (images: String, labels: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: spec.folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DatasetError.missingFolder(spec.folder)
        }
        return ((spec.folder as NSString).appendingPathComponent(spec.images), (spec.folder as NSString).appendingPathComponent(spec.labels))
    }

    private static func checkShape(images: [Int], labels: [Int], _ imagesPath: String, _ labelsPath: String) throws
        -> (images: Int, features: Int) {
        guard images.count >= 2 else {
            throw DatasetError.badHeader(imagesPath, "images need at least 2 dimensions (count, pixels…), found \(images.count)")
        }
        guard labels.count == 1 else {
            throw DatasetError.badHeader(labelsPath, "labels need 1 dimension, found \(labels.count)")
        }
        guard images[0] == labels[0] else {
            throw DatasetError.mismatch("\(imagesPath) holds \(images[0]) images but \(labelsPath) holds \(labels[0]) labels")
        }
        guard images[0] > 0 else { throw DatasetError.mismatch("\(imagesPath) holds no images") }
        return (images[0], images.dropFirst().reduce(1, *))
    }
}

/// The lesson's split: one shuffle of all indices; the first `validationCount` are the
/// validation set, the rest the training set.
public struct Split: Sendable {
    public let validation: [Int32]
    public let training: [Int32]

    public init(count: Int, validationCount cut: Int, rng: inout Xoshiro256) {
        var order = (0..<count).map(Int32.init)
        rng.shuffle(&order)
        validation = Array(order[..<cut])
        training = Array(order[cut...])
    }

    /// The split every run of `seed` trains on: it depends on the seed alone, so every strategy
    /// of a seed sees the same data.
    public init(seed: UInt64, count: Int, validationCount: Int) {
        var rng = Xoshiro256(seed: seed, stream: "split")
        self.init(count: count, validationCount: validationCount, rng: &rng)
    }

    /// The random stream a run of `seed` shuffles its training images with, afresh each epoch.
    static func orderStream(seed: UInt64) -> Xoshiro256 { Xoshiro256(seed: seed, stream: "order") }

    /// The order of a run of `seed`'s first epoch: its batches are its consecutive slices.
    public func firstEpochOrder(seed: UInt64) -> [Int32] {
        var rng = Self.orderStream(seed: seed), order = training
        rng.shuffle(&order)
        return order
    }
}

extension Dataset {
    /// Writes the images `indices` as x (rows, features) scaled to [0, 1] exactly as torchvision's
    /// ToTensor (byte / 255), and their labels.
    func gather(_ indices: ArraySlice<Int32>, into x: UnsafeMutablePointer<Float>, labels: inout [Int32]) {
        labels.withUnsafeMutableBufferPointer { gather(indices, into: x, labels: $0.baseAddress!) }
    }

    func gather(_ indices: ArraySlice<Int32>, into x: UnsafeMutablePointer<Float>, labels out: UnsafeMutablePointer<Int32>) {
        pixels.withUnsafeBufferPointer { source in
            indices.withUnsafeBufferPointer { rows in
                ckernels_gather_pixels(x, source.baseAddress!, rows.baseAddress!, rows.count, features)
            }
        }
        for (row, index) in indices.enumerated() { out[row] = Int32(labels[Int(index)]) }
    }

    /// Starts loading the images `indices` into cache, for a gather a little later.
    func prefetch(_ indices: ArraySlice<Int32>) {
        pixels.withUnsafeBufferPointer { source in
            indices.withUnsafeBufferPointer { rows in
                ckernels_prefetch_pixels(source.baseAddress!, rows.baseAddress!, rows.count, features)
            }
        }
    }
}
