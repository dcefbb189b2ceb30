/// `carereview --version`.
enum CareReviewVersion {
    static let current = "0.9.0"
}
