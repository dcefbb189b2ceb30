import CareReview
import CareReviewExchange
import Foundation

/// Time to produce each export format for the whole corpus (in memory).
enum ExportBench {
    static func measure(_ corpus: Corpus, label: String) {
        let selection = ExportSelection(corpus)
        let formats: [(String, () throws -> Int)] = [
            ("json", { JSONExport.render(selection).utf8.count }),
            ("csv", { CSVExport.render(selection, corpus: corpus).utf8.count }),
            ("markdown", { MarkdownExport.render(selection, corpus: corpus).utf8.count }),
            ("qdpx", { try REFIQDAExport.qdpx(selection).count }),
        ]
        for (name, run) in formats {
            let t = now()
            do {
                let bytes = try run()
                figure("\(label).export_\(name)", (now() - t) * 1000, "ms")
                figure("\(label).export_\(name)_size", Double(bytes) / 1_048_576, "MB")
            } catch {
                print("\(label).export_\(name): failed: \(error)")
            }
        }
    }
}
