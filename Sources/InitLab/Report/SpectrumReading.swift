import Foundation

/// The report's part on the Jacobian's spectrum: a table of each strategy's statistics, the
/// figure, and sentences that say what the numbers mean for the signal and the gradient.
enum SpectrumReading {
    /// Within this factor of its mean, the largest s² counts as near isometry: every direction
    /// passes the depth within a factor of √2 of the average one.
    static let isometric = 2.0

    static func section(_ members: [SpectrumFigure.Member], escape: (String) -> String) -> [String] {
        guard let example = members.first?.spectrum else { return [] }
        func number(_ x: Double) -> String { InsideReading.number(x) }
        var lines = ["### The Jacobian's singular values", "",
                     "J = ∂h_L/∂h_1, the last hidden layer's output against the first's, at the first \(example.singularValues.count) probe "
                     + "images (dropout off), its singular values s pooled over them (results.json has every one: `diagnostics.jacobian`). "
                     + "When all s sit near 1 (dynamical isometry) every direction of the signal, and of the gradient coming back, passes "
                     + "the depth alike. max s²/mean s² says how much more the most amplified direction grows than the average one; "
                     + "largest/smallest would say nothing where the smallest are only rounding (\"rounding\": below 2⁻²⁴ of the largest, "
                     + "Float's precision, where the digits are only the arithmetic's). The mean field's mean s² is the product "
                     + "of χ = σ_w²·E[f′(u)²] over the layers (tanh's variance map started at the first layer's measured variance).", "",
                     "| Strategy | Layers (J's shape) | mean s² | mean field | largest s | s at 5% / 50% / 95% | max s² / mean s² | below Float rounding |",
                     "|---|---|---:|---:|---:|---:|---:|---:|"]
        for (summary, _, j) in members {
            lines.append("| \(escape(summary.label)) | \(j.factors + 1) hidden (\(j.rows)×\(j.columns)) | \(number(j.meanSquared)) | "
                         + "\(j.meanFieldMeanSquared.map(number) ?? "—") | \(number(j.largest)) | "
                         + "\(value(j.percentile(5), j)) / \(value(j.percentile(50), j)) / \(value(j.percentile(95), j)) | \(number(j.peakToMean)) | "
                         + "\(InsideReading.percent(j.belowRounding)) |")
        }
        lines += ["", "![The Jacobian's singular values at initialization](\(PlotSpec.spectrumFigure).png)", ""]
        lines += members.map { summary, _, j in "- **\(escape(summary.label))**: " + sentences(j).joined(separator: "; ") + "." }
        return lines + [""]
    }

    /// What one spectrum says.
    static func sentences(_ j: JacobianSpectrum) -> [String] {
        func number(_ x: Double) -> String { InsideReading.number(x) }
        guard j.largest > 0 else { return ["every singular value is 0: no direction of the signal reaches the last hidden layer"] }
        var said: [String] = []
        let layers = "\(j.factors + 1) hidden layers"
        if j.peakToMean <= isometric {
            said.append("close to dynamical isometry: the largest s² is \(number(j.peakToMean)) times the mean s², so every direction "
                        + "passes the \(layers) alike (s from \(number(j.percentile(5))) to \(number(j.percentile(95))) between the 5th and 95th percentiles)")
        } else {
            let k = log10(j.peakToMean)
            said.append("the top of the spectrum is \(power(k)) times its mean (max s²/mean s² \(number(j.peakToMean))): "
                        + "gradients along some directions grow \(power(k)) times more than along others over the \(layers)")
        }
        if j.belowRounding > 0 {
            said.append("\(InsideReading.percent(j.belowRounding)) of the singular values are below Float rounding of the largest: "
                        + "those directions do not pass the depth at all, and largest/smallest "
                        + "(\(j.smallest > 0 ? number(j.largest / j.smallest) : "infinite")) says nothing")
        }
        if let theory = j.meanFieldMeanSquared, theory > 0 {
            let ratio = j.meanSquared / theory
            let agreement = ratio > 0.5 && ratio < 2 ? "as the mean field predicts (\(number(theory)))"
                : "\(number(ratio > 1 ? ratio : 1 / ratio))× \(ratio > 1 ? "above" : "below") the mean field's \(number(theory))"
            said.append("mean s² is \(number(j.meanSquared)), \(agreement)")
        } else {
            said.append("mean s² is \(number(j.meanSquared))")
        }
        return said
    }

    /// A singular value as the table gives it: "rounding" below Float rounding of the largest.
    static func value(_ s: Double, _ j: JacobianSpectrum) -> String { j.isRounding(s) ? "rounding" : number(s) }

    /// 10^k in words a reader takes in at a glance: "about 300", "10^12".
    static func power(_ k: Double) -> String {
        let x = pow(10, k)
        return k >= 4 ? "10^\(Int(k.rounded()))" : "about " + String(format: x < 10 ? "%.2g" : "%.0f", x)
    }

    static func number(_ x: Double) -> String { InsideReading.number(x) }
}
