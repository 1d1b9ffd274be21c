import CZlib
import Foundation

/// Whether a PNG file was written in full. gnuplot on a full disk exits 0 and leaves PNGs empty
/// or cut off, so its status proves nothing: the file itself must be read. A PNG is a signature
/// and a chain of chunks (length, type, data, CRC-32 of type and data) from IHDR to IEND; a
/// whole file is exactly that chain, every CRC right, ending at IEND.
enum PNGFile {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Whether the file at `path` is a whole PNG (false when it cannot be read).
    static func isWhole(atPath path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return isWhole(data)
    }

    static func isWhole(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        guard bytes.count >= signature.count, Array(bytes[0..<signature.count]) == signature else { return false }
        var offset = signature.count
        var first = true
        while offset + 12 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let end = offset + 8 + length + 4
            guard length <= 0x7FFF_FFFF, end <= bytes.count, !first || type == "IHDR" else { return false }
            let stored = bytes[end - 4..<end].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            // The CRC covers the type and the data: length + 4 bytes from the type on.
            let computed = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress! + offset + 4, UInt32(length + 4))) }
            guard stored == computed else { return false }
            if type == "IEND" { return end == bytes.count }
            first = false
            offset = end
        }
        return false
    }
}
