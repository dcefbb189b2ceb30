import Foundation

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024   // Linux reports KiB
}

/// Resident set size now, from /proc/self/statm.
func residentMB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
          let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return .nan }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

func median(_ xs: [Double]) -> Double { percentile(xs, 0.5) }

func percentile(_ xs: [Double], _ p: Double) -> Double {
    guard !xs.isEmpty else { return .nan }
    let s = xs.sorted()
    return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
}

func format(_ value: Double) -> String { String(format: value < 10 ? "%.3f" : "%.1f", value) }

/// `name: value unit` alone (a figure with no peer tool).
func figure(_ name: String, _ value: Double, _ unit: String) {
    print("\(name): \(format(value)) \(unit)")
    fflush(nil)
}

/// `name: value unit (peer value unit, ratio×)`: the peer measured in the same run.
func figure(_ name: String, _ value: Double, _ unit: String, peer: String, _ peerValue: Double) {
    print("\(name): \(format(value)) \(unit) (\(peer) \(format(peerValue)) \(unit), \(String(format: "%.2f", value / peerValue))×)")
    fflush(nil)
}

/// One line per target of issue 10's table, printed at the end.
struct Target {
    let line: String
    init(_ name: String, _ pass: Bool, _ detail: String) {
        line = "target \(name): \(pass ? "PASS" : "MISS") (\(detail))"
    }
}

/// A child prints `#target …` lines; the parent collects them for the summary.
func emit(_ t: Target) { print("#" + t.line); fflush(nil) }
