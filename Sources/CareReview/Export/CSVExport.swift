/// CSV (RFC 4180: CRLF line ends, a header row, fields quoted when needed),
/// one row per quote so each row carries its verbatim evidence.
public enum CSVExport {
    public static let header = ["position", "proposal", "proposal_title", "theme", "stakeholder", "stakeholder_name",
                                "stakeholder_kind", "stance", "summary", "date", "reported_by",
                                "document", "document_title", "quote", "start", "end"]

    public static func render(_ s: ExportSelection, corpus: Corpus) -> String {
        var rows = [header]
        for p in s.positions {
            let proposal = corpus.proposal(p.proposal), stakeholder = corpus.stakeholder(p.stakeholder)
            for q in p.quotes {
                rows.append([p.id, p.proposal, proposal?.title ?? "", proposal.map { String($0.theme.rawValue) } ?? "",
                             p.stakeholder, stakeholder?.name ?? "", stakeholder?.kind.rawValue ?? "",
                             p.stance.rawValue, p.summary, p.date.description, p.reportedBy ?? "",
                             q.document, corpus.document(q.document)?.title ?? "", q.text, String(q.start), String(q.end)])
            }
        }
        return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    public static func field(_ value: String) -> String {
        // Byte scan: these four are ASCII, so no Character (grapheme) work is needed.
        let needsQuotes = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
