/// The values and gradients of one batch, per slot of a plan, and each node's scratch,
/// allocated once for the largest batch. Slot 0 is the batch itself, which the caller owns; a
/// forward pass records where it is, and how many rows, for the backward pass and the partner.
public final class BatchBuffers: @unchecked Sendable {
    public let capacity: Int
    let values: [FloatBuffer]
    /// Per slot, the gradient of the loss with respect to its values (then, in place, to what
    /// the slot's nodes computed them from); empty without a backward pass.
    let gradients: [FloatBuffer]
    /// Per node, by its index (the order of the plan's stages and nodes).
    let scratch: [[FloatBuffer]]

    private(set) var x: UnsafePointer<Float>?
    private(set) var rows = 0
    /// The last forward pass's treatment of batch normalization and gates, for its backward.
    private(set) var normalization = Pass.evaluation.normalization
    private(set) var keptGates = false

    /// Buffers for forward passes of up to `capacity` rows, and with `backward` their gradients.
    public init(plan: Plan, capacity: Int, backward: Bool = true) {
        self.capacity = capacity
        values = plan.slots.enumerated().map { s, slot in FloatBuffer(count: s == 0 ? 0 : capacity * slot.width) }
        gradients = backward ? plan.slots.enumerated().map { s, slot in FloatBuffer(count: s == 0 ? 0 : capacity * slot.width) } : []
        scratch = plan.stages.flatMap(\.nodes).map { node in
            node.scratch(rows: capacity).map { FloatBuffer(count: $0.backwardOnly && !backward ? 0 : $0.count) }
        }
    }

    /// The scores (rows, classes) of the last forward pass.
    public var scores: FloatBuffer { values[values.count - 1] }
    var dscores: FloatBuffer { gradients[gradients.count - 1] }

    func begin(x: UnsafePointer<Float>, rows: Int, pass: Pass) {
        precondition(rows <= capacity)
        precondition(!pass.keepsGates || !gradients.isEmpty, "a pass that keeps gates needs buffers made for backward")
        self.x = x
        self.rows = rows
        normalization = pass.normalization
        keptGates = pass.keepsGates
    }
}
