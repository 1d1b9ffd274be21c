/// A fixed-size, zero-initialized Float allocation, owned by reference: handing it around never
/// copies the floats (no copy-on-write surprises in the hot loop), and kernels take its raw
/// pointer once per call instead of bounds-checked Array subscripts per element.
public final class FloatBuffer: @unchecked Sendable {
    public let count: Int
    public let pointer: UnsafeMutablePointer<Float>

    /// Where the floats start: on a 64-byte cache line (see init).
    public static let alignment = 64

    /// `count` zeros, starting on a cache line: malloc's 16 bytes would let a matrix's rows, and
    /// the products' 64-byte vector loads along them, straddle two lines.
    public init(count: Int) {
        self.count = count
        pointer = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * MemoryLayout<Float>.stride, alignment: Self.alignment)
            .bindMemory(to: Float.self, capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { UnsafeMutableRawPointer(pointer).deallocate() }

    public var buffer: UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: pointer, count: count) }

    public var array: [Float] { Array(buffer) }

    public func copy(from values: [Float]) {
        precondition(values.count == count)
        values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: count) }
    }
}
