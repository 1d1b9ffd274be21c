/// One operation of a plan. A node reads its input slot and writes its output slot (the same
/// slot when it works in place) for the features of its stage that a core is given; the one
/// forward and one backward pass (Propagation.swift) run the nodes stage by stage.
protocol Node: AnyObject {
    /// The stage (and dense layer, counted from 0) the node belongs to.
    var stage: Int { get }
    /// Where the node's scratch is in BatchBuffers: its place among the plan's nodes.
    var index: Int { get set }
    /// Floats of scratch the node keeps for a pass of `rows` samples (a dropout mask and gate,
    /// batch normalization's ẑ and 1/σ), and whether only a backward pass needs them.
    func scratch(rows: Int) -> [(count: Int, backwardOnly: Bool)]
    /// Once per pass, on the run's own core, before the stage is split: whatever must be drawn
    /// in one order (a dropout mask).
    func prepare(_ pass: inout Pass, _ context: PassContext)
    func forward(features: Range<Int>, on core: Core, _ context: PassContext)
    /// The gradients of the node's parameters owned by `features` of its own stage (a dense
    /// layer's rows of dW).
    func backwardParameters(features: Range<Int>, on core: Core, _ context: PassContext)
    /// The gradient of the node's input for `features` of the input's stage (in place for nodes
    /// that work on their own features), with the parameter gradients that come with it.
    func backwardInput(features: Range<Int>, on core: Core, _ context: PassContext)
}

extension Node {
    func scratch(rows: Int) -> [(count: Int, backwardOnly: Bool)] { [] }
    func prepare(_ pass: inout Pass, _ context: PassContext) {}
    func backwardParameters(features: Range<Int>, on core: Core, _ context: PassContext) {}
}

/// What the nodes of one pass work on: the network's buffers, the batch's slots, the executor
/// that computes (and times) the products, and how the pass treats batch normalization and
/// dropout. A plain value of pointers and references, made once per pass; a partner core reads
/// the executor's copy.
struct PassContext {
    let parameters: UnsafeMutablePointer<Float>
    /// The network's gradients, which the backward pass overwrites (not accumulates).
    let gradients: UnsafeMutablePointer<Float>
    let running: UnsafeMutablePointer<Float>
    let buffers: BatchBuffers
    let executor: Executor
    let rows: Int
    let normalization: Pass.Normalization
    let keepsGates: Bool

    /// A slot's values: the batch for slot 0, else the slot's buffer.
    func input(_ slot: Int) -> UnsafePointer<Float> {
        slot == 0 ? buffers.x! : UnsafePointer(buffers.values[slot].pointer)
    }

    func values(_ slot: Int) -> UnsafeMutablePointer<Float> { buffers.values[slot].pointer }
    func gradient(_ slot: Int) -> UnsafeMutablePointer<Float> { buffers.gradients[slot].pointer }
    func scratch(_ node: Int, _ index: Int) -> UnsafeMutablePointer<Float> { buffers.scratch[node][index].pointer }
}
