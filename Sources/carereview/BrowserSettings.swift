import ArgumentParser
import CareReviewUI
import Foundation

/// The browser's look, decided flags over environment over config file
/// (`$XDG_CONFIG_HOME/carereview/config`, lines like `theme = high-contrast`
/// and `color = no`).
struct BrowserSettings {
    var theme: ThemeName?
    var colors: Bool

    static func resolve(_ display: DisplayOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> BrowserSettings {
        let config = configValues(environment)
        func themeNamed(_ name: String, from origin: String) throws -> ThemeName {
            guard let theme = ThemeName(rawValue: name) else {
                throw ValidationError("\(origin): unknown theme '\(name)'; expected one of: \(ThemeName.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return theme
        }
        var theme: ThemeName?
        if let flag = display.theme {
            theme = flag
        } else if let env = environment["CAREREVIEW_THEME"], !env.isEmpty {
            theme = try themeNamed(env, from: "CAREREVIEW_THEME")
        } else if let value = config["theme"] {
            theme = try themeNamed(value, from: configFile(environment).path)
        }
        var colors = true
        if display.noColor {
            colors = false
        } else if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            colors = false   // https://no-color.org: any non-empty value
        } else if let value = config["color"] {
            colors = !["no", "false", "off", "0"].contains(value.lowercased())
        }
        if environment["TERM"] == "dumb" { colors = false }
        return BrowserSettings(theme: theme, colors: colors)
    }

    static func configFile(_ environment: [String: String]) -> URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        return base.appendingPathComponent("carereview/config")
    }

    /// `key = value` lines; `#` starts a comment.
    static func configValues(_ environment: [String: String]) -> [String: String] {
        guard let text = try? String(contentsOf: configFile(environment), encoding: .utf8) else { return [:] }
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let parts = content.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            values[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        return values
    }

    /// `$XDG_STATE_HOME/carereview` (default `~/.local/state/carereview`): the saved session.
    static var stateDirectory: URL {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/state")
        return base.appendingPathComponent("carereview")
    }
}
