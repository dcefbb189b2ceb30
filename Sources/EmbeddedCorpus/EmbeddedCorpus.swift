import Foundation
import CareReview

/// The dataset in Resources/, compiled into the binary.
public enum EmbeddedCorpus {
    /// The embedded files by path relative to Resources/.
    public static let files: [String: String] = {
        var files: [String: String] = [:]
        for (path, base64) in embeddedCorpusFiles {
            // Encoded by our own build step, so decoding cannot fail unless the build is broken.
            guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
                preconditionFailure("embedded corpus file \(path) is corrupt")
            }
            files[path] = text
        }
        return files
    }()

    /// The embedded dataset as a source; diagnostics name `Resources/FILE`.
    public static var source: CorpusSource { .files(files, displayRoot: "Resources") }
}

extension EmbeddedCorpus {
    /// Position ids of the embedded dataset that changed when it was recoded
    /// (`Resources/id-map.yaml`), for the notes store to apply once, so marks
    /// and notes made before still attach. Checked by a test, so the built-in
    /// map always reads.
    public static let idMaps: [PositionIDMap] = {
        guard let yaml = files["id-map.yaml"] else { return [] }
        return (try? PositionIDMap(name: "2026-12 recoding of the five articles", yaml: yaml)).map { [$0] } ?? []
    }()
}
