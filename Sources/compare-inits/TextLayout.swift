extension String {
    /// Right-aligned in a column `width` characters wide (never cut).
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
