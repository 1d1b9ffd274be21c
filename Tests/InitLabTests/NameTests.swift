import Foundation
import Testing
@testable import InitLab

/// The names a config gives initializers, activations, optimizers and procedures come from
/// enumerations: every one parses, survives the trip through results.json's config echo, and
/// none stands for two things.
@Suite struct NameTests {
    /// A config with one strategy per initializer name, as weights (matrix-only ones included)
    /// and, where an initializer can, as biases.
    static func everyInitializerConfig() -> String {
        let strategies = InitializerKind.allCases.enumerated().map { i, kind -> String in
            let spec = kind == .constant ? #"{"kind": "constant", "value": 0.25}"# : "\"\(kind.rawValue)\""
            let matrixOnly = [InitializerKind.orthogonal, .sparse, .identity, .eye].contains(kind)
            return #"{"id": "s\#(i)", "weights": \#(spec)\#(matrixOnly ? "" : #", "biases": \#(spec)"#)}"#
        }
        return #"{"model": {"layers": [8, 6, 4]}, "strategies": [\#(strategies.joined(separator: ", "))]}"#
    }

    @Test func everyInitializerNameParsesAndRoundTripsThroughTheEcho() throws {
        let experiment = try parseExperiment(Self.everyInitializerConfig())
        #expect(experiment.strategies.count == InitializerKind.allCases.count)
        let echoed = try parseExperiment(experiment.echo.formatted())
        #expect(echoed.strategies == experiment.strategies)
        // The echo writes each initializer under its canonical name, which parses to itself.
        for strategy in experiment.strategies {
            let weights = strategy.layers[0].weights
            #expect(weights.kind.rawValue == weights.kindName && InitializerKind(rawValue: weights.kindName) == weights.kind)
        }
    }

    @Test func everyActivationOptimizerAndProcedureNameParsesAndRoundTrips() throws {
        for name in Activation.Name.allCases {
            let activation = name == .leakyReLU ? #"{"name": "leaky_relu", "slope": 0.2}"# : "\"\(name.rawValue)\""
            for optimizer in Optimizer.Name.allCases {
                let text = #"{"model": {"layers": [8, 6, 4], "activation": \#(activation)}, "training": {"optimizer": {"name": "\#(optimizer.rawValue)"}}, "strategies": [{"id": "a", "weights": "zeros"}, {"id": "b", "weights": "orthogonal", "procedure": {"kind": "lsuv"}}, {"id": "c", "weights": "xavier_uniform", "procedure": {"kind": "rbm"}}]}"#
                let experiment = try parseExperiment(text)
                #expect(experiment.model.activation == name.activation(slope: 0.2))
                #expect(experiment.training.optimizer.name == optimizer)
                #expect(experiment.strategies.compactMap(\.procedure).map(\.name) == Procedure.Name.allCases)
                let echoed = try parseExperiment(experiment.echo.formatted())
                #expect(echoed.model == experiment.model && echoed.training == experiment.training && echoed.strategies == experiment.strategies)
            }
        }
    }

    @Test func noNameStandsForTwoThings() {
        #expect(Set(InitializerKind.allCases.map(\.rawValue)).count == InitializerKind.allCases.count)
        #expect(Set(Activation.Name.allCases.map(\.rawValue)).count == Activation.Name.allCases.count)
        // Every activation the network can run has a name of its own, which parses back to it.
        let activations = Activation.Name.allCases.filter { $0 != .linear }.map { $0.activation(slope: 0.01) }
        for activation in activations {
            #expect(Activation.Name(rawValue: activation.name)?.activation(slope: 0.01) == activation)
        }
        #expect(Set(activations.map(\.name)).count == activations.count)
    }
}
