/// "1 run", "3 runs", "0 cached runs": a count with its noun in the number it takes.
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}
