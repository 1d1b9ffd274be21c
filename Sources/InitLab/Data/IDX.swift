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

    public var description: String {
        switch self {
        case .missingFolder(let path):
            return "dataset folder \(path) does not exist (Fashion-MNIST: apt-get install dataset-fashion-mnist)"
        case .missingFile(let path):
            return "dataset file \(path) does not exist (Fashion-MNIST: apt-get install dataset-fashion-mnist)"
        case let .unreadable(path, why): return "cannot read \(path): \(why)"
        case let .corrupt(path, why): return "\(path) is corrupt: \(why)"
        case let .badHeader(path, why): return "\(path) is not an IDX file of unsigned bytes: \(why)"
        case .mismatch(let why): return why
        }
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
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DatasetError.missingFile(path)
        }
        if isDirectory.boolValue { throw DatasetError.unreadable(path, "it is a folder") }
        let bytes = try decompress(path: path)
        return try parse(bytes, path: path)
    }

    static func decompress(path: String) throws -> [UInt8] {
        guard let file = gzopen(path, "rb") else {
            throw DatasetError.unreadable(path, String(cString: strerror(errno)))
        }
        defer { gzclose(file) }
        gzbuffer(file, 1 << 20)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if count < 0 {
                var code: Int32 = 0
                let message = String(cString: gzerror(file, &code))
                throw code == Z_ERRNO ? DatasetError.unreadable(path, String(cString: strerror(errno)))
                                      : DatasetError.corrupt(path, message)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<Int(count)])
            if bytes.count > maximumBytes { throw DatasetError.corrupt(path, "decompresses to more than 2 GiB") }
        }
        // gzread reports a stream cut short as a clean end of file; gzerror still says so.
        var code: Int32 = 0
        let message = String(cString: gzerror(file, &code))
        if code != Z_OK { throw DatasetError.corrupt(path, message) }
        return bytes
    }

    /// Header: two zero bytes, the element type (0x08 = unsigned byte), the dimension count,
    /// then each dimension as a big-endian UInt32; the values follow.
    public static func parse(_ bytes: [UInt8], path: String) throws -> IDXArray {
        guard bytes.count >= 4 else { throw DatasetError.badHeader(path, "only \(bytes.count) bytes long") }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw DatasetError.badHeader(path, String(format: "magic number starts 0x%02X%02X, expected 0x0000", bytes[0], bytes[1]))
        }
        guard bytes[2] == 0x08 else {
            throw DatasetError.badHeader(path, String(format: "element type 0x%02X, expected 0x08 (unsigned byte)", bytes[2]))
        }
        let rank = Int(bytes[3])
        guard rank >= 1 else { throw DatasetError.badHeader(path, "zero dimensions") }
        let headerSize = 4 + 4 * rank
        guard bytes.count >= headerSize else {
            throw DatasetError.badHeader(path, "header of \(rank) dimensions is cut off at \(bytes.count) bytes")
        }
        var dimensions: [Int] = []
        var expected = 1
        for d in 0..<rank {
            let o = 4 + 4 * d
            let size = Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3])
            dimensions.append(size)
            expected = expected.multipliedReportingOverflow(by: size).partialValue
            if expected > maximumBytes { throw DatasetError.badHeader(path, "dimensions \(dimensions) are implausibly large") }
        }
        let payload = bytes.count - headerSize
        guard payload == expected else {
            let shape = dimensions.map(String.init).joined(separator: "×")
            let what = payload < expected ? "truncated" : "has trailing bytes"
            throw DatasetError.corrupt(path, "\(what): header says \(shape) = \(expected) values, file has \(payload)")
        }
        return IDXArray(dimensions: dimensions, values: Array(bytes[headerSize...]))
    }
}
