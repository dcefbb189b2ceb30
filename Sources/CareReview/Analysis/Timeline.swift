extension Corpus {
    /// Positions ordered along the Review's stages, then by date, so a reader
    /// sees who spoke before and after the final report.
    public func chronological(_ positions: [Position]) -> [Position] {
        positions.sorted {
            let a = (stage(of: $0), $0.date), b = (stage(of: $1), $1.date)
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return stakeholderName($0.stakeholder) < stakeholderName($1.stakeholder)
        }
    }
}
