import CZlib
import Foundation

/// A problem with the dataset files, each naming the file it is about.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
    case missingFolder(String)
    case missingFile(String)
    case unreadable(String, String)
    case corrupt(String, String)
    case badHeader(String, String)
    case mismatch(String)
    /// A problem of the dataset a config names: the config file comes first.
    indirect case located(config: String, DatasetError)

    public var description: String {
        switch self {
        case .missingFolder(let path):
            return "dataset.folder: the folder \(path) does not exist\(Self.installHint(path))"
        case .missingFile(let path):
            return "dataset file \(path) does not exist (in the folder dataset.folder names)\(Self.installHint(path))"
        case let .located(config, error): return "\(config): \(error)"
        case let .unreadable(path, why): return "cannot read \(path): \(why)"
        case let .corrupt(path, why): return "\(path) is corrupt: \(why)"
        case let .badHeader(path, why): return "\(path) is not an IDX file of unsigned bytes: \(why)"
        case .mismatch(let why): return why
        }
    }
}

extension DatasetError {
    /// Where Debian's dataset-fashion-mnist would put a missing path, and it is not installed
    /// (its folder is absent), the package to install; elsewhere nothing: a folder of one's own
    /// is not fixed by a package.
    static func installHint(_ path: String) -> String {
        let folder = Experiment.defaultDatasetFolder
        guard path == folder || path.hasPrefix(folder + "/"), !FileManager.default.fileExists(atPath: folder) else { return "" }
        return " (Fashion-MNIST: apt-get install dataset-fashion-mnist)"
    }
}

/// An IDX array of unsigned bytes (the MNIST file format): its dimensions and its values.
public struct IDXArray: Sendable {
    public let dimensions: [Int]
    public let values: [UInt8]
}

public enum IDX {
    /// Beyond any real dataset; a corrupt or hostile file claiming more is refused, not allocated.
    public static let maximumBytes = 1 << 31

    /// Reads an IDX file, gzip-compressed or plain (zlib reads both), checking the header, the
    /// gzip stream's integrity and that the payload is exactly as long as the header says.
    public static func read(path: String) throws -> IDXArray {
        let file = try open(path)
        defer { gzclose(file) }
        // The header first, to size the values exactly: they are decompressed straight into
        // their array, with no growing or copying.
        let (dimensions, count) = try readHeader(file, path: path)
        let values = try readUpTo(count, from: file, path: path)
        guard values.count == count else {
            throw DatasetError.corrupt(path, "truncated: header says \(shape(dimensions)) = \(count) values, file has \(values.count)")
        }
        let extra = try readUpTo(1, from: file, path: path)
        guard extra.isEmpty else {
            throw DatasetError.corrupt(path, "has trailing bytes: header says \(shape(dimensions)) = \(count) values, file has more")
        }
        return IDXArray(dimensions: dimensions, values: values)
    }

    /// The dimensions a file's header gives, read without its values: what loading it will take.
    public static func dimensions(path: String) throws -> [Int] {
        let file = try open(path)
        defer { gzclose(file) }
        return try readHeader(file, path: path).dimensions
    }

    static func open(_ path: String) throws -> gzFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DatasetError.missingFile(path)
        }
        if isDirectory.boolValue { throw DatasetError.unreadable(path, "it is a folder") }
        guard let file = gzopen(path, "rb") else {
            throw DatasetError.unreadable(path, String(cString: strerror(errno)))
        }
        gzbuffer(file, 1 << 20)
        return file
    }

    /// The header (4 bytes, then 4 per dimension), parsed: the dimensions and their value count.
    static func readHeader(_ file: gzFile, path: String) throws -> (dimensions: [Int], count: Int) {
        var header = try readUpTo(4, from: file, path: path)
        if header.count == 4 { header += try readUpTo(4 * Int(header[3]), from: file, path: path) }
        return try parseHeader(header, path: path)
    }

    /// Up to `count` decompressed bytes (fewer only at the end of the file).
    static func readUpTo(_ count: Int, from file: gzFile, path: String) throws -> [UInt8] {
        var failure: DatasetError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            while initialized < count {
                let chunk = UInt32(min(count - initialized, 1 << 30))
                let n = gzread(file, buffer.baseAddress! + initialized, chunk)
                if n < 0 {
                    var code: Int32 = 0
                    let message = String(cString: gzerror(file, &code))
                    failure = code == Z_ERRNO ? .unreadable(path, String(cString: strerror(errno))) : .corrupt(path, message)
                    return
                }
                if n == 0 { break }
                initialized += Int(n)
            }
        }
        if let failure { throw failure }
        // gzread reports a stream cut short as a clean end of file; gzerror still says so.
        var code: Int32 = 0
        let message = String(cString: gzerror(file, &code))
        if code != Z_OK { throw DatasetError.corrupt(path, message) }
        return bytes
    }

    static func shape(_ dimensions: [Int]) -> String { dimensions.map(String.init).joined(separator: "×") }

    /// Header: two zero bytes, the element type (0x08 = unsigned byte), the dimension count,
    /// then each dimension as a big-endian UInt32; the values follow. Returns the dimensions and
    /// the number of values they call for.
    static func parseHeader(_ bytes: [UInt8], path: String) throws -> ([Int], Int) {
        guard bytes.count >= 4 else { throw DatasetError.badHeader(path, "only \(bytes.count) bytes long") }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw DatasetError.badHeader(path, String(format: "magic number starts 0x%02X%02X, expected 0x0000", bytes[0], bytes[1]))
        }
        guard bytes[2] == 0x08 else {
            throw DatasetError.badHeader(path, String(format: "element type 0x%02X, expected 0x08 (unsigned byte)", bytes[2]))
        }
        let rank = Int(bytes[3])
        guard rank >= 1 else { throw DatasetError.badHeader(path, "zero dimensions") }
        guard bytes.count >= 4 + 4 * rank else {
            throw DatasetError.badHeader(path, "header of \(rank) dimensions is cut off at \(bytes.count) bytes")
        }
        var dimensions: [Int] = []
        var count = 1
        for d in 0..<rank {
            let o = 4 + 4 * d
            let size = Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3])
            dimensions.append(size)
            count = count.multipliedReportingOverflow(by: size).partialValue
            if count > maximumBytes { throw DatasetError.badHeader(path, "dimensions \(dimensions) are implausibly large") }
        }
        return (dimensions, count)
    }
}
