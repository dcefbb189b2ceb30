import CareReview
import Foundation

/// An imported project is written as any dataset is, in the canonical style.
extension DatasetWriter {
    public static func write(_ d: ImportedDataset, to directory: String) throws {
        try write(Contents(documents: d.documents, stakeholders: d.stakeholders, proposals: d.proposals,
                           positions: d.positions), to: directory)
    }
}
