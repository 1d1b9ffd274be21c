import Foundation

/// The maximal update parametrization, muP (Yang & Hu 2021; Yang et al. 2022, "Tensor Programs
/// V"), exactly as the `mup` package (microsoft/mup 1.0) applies it to an MLP whose hidden
/// layers are nn.Linear and whose output layer is MuReadout, after `set_base_shapes(model, base,
/// delta=…)` with its default rescale_params=True, trained with MuAdam or MuSGD.
///
/// Every hidden width is a "width" dimension (mup's infinite dimension), with width_mult =
/// width / base width; the input's and the classes' dimensions are finite (width_mult 1). A
/// tensor's shape (out, in) then has 0, 1 or 2 infinite dimensions (mup's `ninf`), and:
/// - MuReadout (the last layer) computes (output_mult · x / width_mult)·Wᵀ + b, its width_mult its
///   fan-in's: the product is multiplied by output_mult / width_mult, b is not (mup/layer.py);
/// - set_base_shapes multiplies MuReadout's drawn W and b by √width_mult
///   (`MuReadout._rescale_parameters`) and every other layer's b by √(fan-in's width_mult)
///   (`rescale_linear_bias`); hidden weights keep their initializer's values (a fan-in scaled
///   initializer is already muP's); readout_zero_init starts W and b at zero;
/// - MuAdam divides the rate of a tensor with two width dimensions (a hidden width × width W) by
///   its fan-in's width_mult, every other rate as given (mup/optim.py);
/// - MuSGD multiplies the rate of a tensor with one width dimension (the first layer's W, the
///   readout's W, a hidden layer's b, γ and β) by that dimension's width_mult, divides a width ×
///   width W's by fan-in's width_mult / fan-out's, and leaves the others (the readout's b).
/// At the base widths every multiplier is 1: muP and the standard parametrization coincide.
public struct MaximalUpdate: Sendable, Equatable {
    /// The base model's hidden widths (mup's base shapes), one per hidden layer.
    public var baseWidths: [Int]
    /// MuReadout's output_mult.
    public var outputMultiplier: Float
    /// MuReadout's readout_zero_init.
    public var readoutZeroInit: Bool

    public init(baseWidths: [Int], outputMultiplier: Float = 1, readoutZeroInit: Bool = false) {
        self.baseWidths = baseWidths
        self.outputMultiplier = outputMultiplier
        self.readoutZeroInit = readoutZeroInit
    }

    /// The width_mult of each of `widths` (input to output): hidden width / base width, nil for
    /// the finite dimensions (input and classes).
    func widthMultipliers(_ widths: [Int]) -> [Double?] {
        precondition(baseWidths.count == widths.count - 2, "one base width per hidden layer")
        return widths.indices.map { i in i == 0 || i == widths.count - 1 ? nil : Double(widths[i]) / Double(baseWidths[i - 1]) }
    }

    func scaling(widths: [Int], optimizer: Optimizer.Name) -> [LayerScaling] {
        let mult = widthMultipliers(widths), last = widths.count - 2
        return (0...last).map { l in
            // W is (out, in): fan-out's dimension, then fan-in's.
            let fanOut = mult[l + 1], fanIn = mult[l]
            var layer = LayerScaling()
            switch optimizer {
            case .adam:
                if let fanIn, fanOut != nil { layer.weightLearningRate = Float(1 / fanIn) }
            case .sgd:
                switch (fanOut, fanIn) {
                case let (out?, into?): layer.weightLearningRate = Float(out / into)
                case let (one?, nil), let (nil, one?): layer.weightLearningRate = Float(one)
                case (nil, nil): break
                }
                if let fanOut { layer.biasLearningRate = Float(fanOut) }
            }
            if l == last {
                let readout = fanIn ?? 1
                layer.forward = Float(Double(outputMultiplier) / readout)
                layer.weightInit = Float(readout.squareRoot())
                layer.biasInit = layer.weightInit
                layer.zeroInit = readoutZeroInit
            } else {
                layer.biasInit = Float((fanIn ?? 1).squareRoot())
            }
            return layer
        }
    }
}
