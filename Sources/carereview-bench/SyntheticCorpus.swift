import CareReview
import CareReviewExchange
import Foundation

/// Writes a deterministic synthetic dataset: `copies` copies of a corpus
/// with suffixed ids, the same shape (documents, stakeholders, proposals,
/// positions, quotes) and the same text, in our YAML format (written by the
/// same `DatasetWriter` that `carereview import` uses).
enum SyntheticCorpus {
    static func write(_ corpus: Corpus, copies: Int, to dir: URL) throws {
        try? FileManager.default.removeItem(at: dir)
        var out = ImportedDataset()
        for k in 0..<copies {
            let s = copies == 1 ? "" : "-\(k)"
            func quote(_ q: Quote) -> Quote { Quote(document: q.document + s, text: q.text, start: q.start, end: q.end) }
            for d in corpus.documents {
                // A line appended at the end makes each copy's text distinct without moving any quote.
                out.documents.append(Document(id: d.id + s, title: d.title, author: d.author, publisher: d.publisher,
                                              date: d.date, dateNote: d.dateNote, stage: d.stage, url: d.url,
                                              text: d.text + "\nSynthetic copy \(k) of \(d.id).\n"))
            }
            for x in corpus.stakeholders {
                out.stakeholders.append(Stakeholder(id: x.id + s, name: x.name + (copies == 1 ? "" : " \(k)"),
                                                    aliases: x.aliases, kind: x.kind, description: x.description))
            }
            for p in corpus.proposals {
                out.proposals.append(Proposal(id: p.id + s, title: p.title, aliases: p.aliases, summary: p.summary,
                                              stage: p.stage, theme: p.theme, reviewWords: p.reviewWords.map(quote)))
            }
            for p in corpus.positions {
                out.positions.append(Position(id: p.id + s, stakeholder: p.stakeholder + s, proposal: p.proposal + s,
                                              stance: p.stance, summary: p.summary, date: p.date,
                                              quotes: p.quotes.map(quote), reportedBy: p.reportedBy))
            }
        }
        try DatasetWriter.write(out, to: dir.path)
    }
}
