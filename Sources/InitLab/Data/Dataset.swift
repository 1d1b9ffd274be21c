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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: spec.folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DatasetError.missingFolder(spec.folder)
        }
        let imagesPath = (spec.folder as NSString).appendingPathComponent(spec.images)
        let labelsPath = (spec.folder as NSString).appendingPathComponent(spec.labels)
        let images = try IDX.read(path: imagesPath)
        let labels = try IDX.read(path: labelsPath)
        guard images.dimensions.count >= 2 else {
            throw DatasetError.badHeader(imagesPath, "images need at least 2 dimensions (count, pixels…), found \(images.dimensions.count)")
        }
        guard labels.dimensions.count == 1 else {
            throw DatasetError.badHeader(labelsPath, "labels need 1 dimension, found \(labels.dimensions.count)")
        }
        guard images.dimensions[0] == labels.dimensions[0] else {
            throw DatasetError.mismatch("\(imagesPath) holds \(images.dimensions[0]) images but \(labelsPath) holds \(labels.dimensions[0]) labels")
        }
        guard images.dimensions[0] > 0 else { throw DatasetError.mismatch("\(imagesPath) holds no images") }
        return Dataset(pixels: images.values, labels: labels.values, features: images.dimensions.dropFirst().reduce(1, *))
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
