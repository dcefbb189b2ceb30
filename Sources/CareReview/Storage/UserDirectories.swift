import Foundation

/// Where carereview keeps the user's files, from the environment as the XDG
/// Base Directory specification says: `$XDG_STATE_HOME`, `$XDG_DATA_HOME`,
/// `$XDG_CONFIG_HOME`, `$XDG_CACHE_HOME` when set to an absolute path, else
/// `~/.local/state`, `~/.local/share`, `~/.config`, `~/.cache`; each with a
/// `carereview` folder.
///
/// Home is `$HOME`. Only when HOME is unset or empty is the passwd entry
/// asked, as a shell's `~` does: `FileManager.homeDirectoryForCurrentUser`
/// reads passwd first on Linux, which sends files to the wrong place for a
/// user who sets HOME (sudo -E, containers, tests).
public struct UserDirectories: Sendable {
    public static let appName = "carereview"
    /// The home directory, nil when neither HOME nor passwd gives an absolute path.
    public let home: URL?
    private let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        if let h = environment["HOME"], !h.isEmpty {
            home = h.hasPrefix("/") ? URL(fileURLWithPath: h, isDirectory: true) : nil
        } else {
            home = UserDirectories.passwdHome().map { URL(fileURLWithPath: $0, isDirectory: true) }
        }
    }

    /// The session the browser resumes.
    public var state: URL? { base("XDG_STATE_HOME", ".local/state") }
    /// Marks and notes.
    public var data: URL? { base("XDG_DATA_HOME", ".local/share") }
    /// Settings (`config`).
    public var config: URL? { base("XDG_CONFIG_HOME", ".config") }
    /// The validated-load cache (disposable).
    public var cache: URL? { base("XDG_CACHE_HOME", ".cache") }

    private func base(_ variable: String, _ fallback: String) -> URL? {
        // A relative XDG path is invalid and ignored, as the specification says.
        if let v = environment[variable], v.hasPrefix("/") {
            return URL(fileURLWithPath: v, isDirectory: true).appendingPathComponent(UserDirectories.appName, isDirectory: true)
        }
        return home?.appendingPathComponent(fallback, isDirectory: true).appendingPathComponent(UserDirectories.appName, isDirectory: true)
    }

    /// `~` and `~/…` made absolute with this home; any other path unchanged
    /// (`~user` is left alone: it names someone else's home).
    public func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home else { return path }
        let rest = path.dropFirst(path == "~" ? 1 : 2)
        let h = home.path
        return rest.isEmpty ? h : (h.hasSuffix("/") ? h : h + "/") + rest
    }

    private static func passwdHome() -> String? {
        guard let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir else { return nil }
        let path = String(cString: dir)
        return path.hasPrefix("/") ? path : nil
    }
}
