import Testing
@testable import InitLab

/// One description of a layer's products serves propagation (which the gradient tests check
/// against finite differences), the partner's cuts, the benchmark and the FLOP counts.
@Suite struct LayerProductsTests {
    @Test func theLessonsStepIsTheEightProductsWrittenOutByHand() {
        let plan = ModelSpec(layers: [784, 256, 128, 10], activation: .relu, dropout: 0).plan
        func shape(_ m: Int, _ n: Int, _ k: Int, _ a: Bool, _ b: Bool) -> ProductShape {
            ProductShape(m: m, n: n, k: k, transposeA: a, transposeB: b)
        }
        #expect(plan.stepProducts(rows: 100) == [
            shape(256, 100, 784, false, true),   // z₁ᵀ = W₁ · xᵀ
            shape(128, 100, 256, false, false),  // z₂ᵀ = W₂ · h₁ᵀ
            shape(100, 10, 128, true, true),     // scores = h₂ · W₃ᵀ
            shape(10, 128, 100, true, true),     // dW₃ = dscoresᵀ · h₂
            shape(128, 100, 10, true, true),     // dh₂ᵀ = W₃ᵀ · dscoresᵀ
            shape(128, 256, 100, false, true),   // dW₂ = δ₂ · h₁
            shape(256, 100, 128, true, false),   // dh₁ᵀ = W₂ᵀ · δ₂
            shape(256, 784, 100, false, false),  // dW₁ = δ₁ · x
        ])
        let flops = plan.stepFlops(rows: 100)
        let forward: Int = 2 * 100 * (784 * 256 + 256 * 128 + 128 * 10)
        let backward: Int = 2 * 100 * (784 * 256 + 2 * 256 * 128 + 2 * 128 * 10)
        #expect(flops.forward == Double(forward) && flops.backward == Double(backward))
        #expect(plan.cutProducts(0, rows: 100) == [shape(256, 100, 784, false, true), shape(256, 784, 100, false, false),
                                                           shape(256, 100, 128, true, false)])
        #expect(plan.cutProducts(1, rows: 100) == [shape(128, 100, 256, false, false), shape(128, 256, 100, false, true)])
    }
}
