import ArgumentParser
import CareReview
import CareReviewUI
import Foundation

/// The browser's look, decided flags over environment over config file
/// (`$XDG_CONFIG_HOME/carereview/config`, lines like `theme = high-contrast`
/// and `color = no`).
struct BrowserSettings {
    /// From `--theme` or CAREREVIEW_THEME: beats the theme last chosen with `:theme`.
    var theme: ThemeName?
    /// From the config file: used when no theme has been chosen in the browser.
    var configTheme: ThemeName?
    var colors: Bool
    /// Mouse reports: off with `--no-mouse` or `mouse = no`.
    var mouse: Bool = true

    static func resolve(_ display: DisplayOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> BrowserSettings {
        let config = configValues(environment)
        func themeNamed(_ name: String, from origin: String) throws -> ThemeName {
            guard let theme = ThemeName(rawValue: name) else {
                throw ValidationError("\(origin): unknown theme '\(name)'; expected one of: \(ThemeName.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return theme
        }
        var theme: ThemeName?, configTheme: ThemeName?
        if let flag = display.theme {
            theme = flag
        } else if let env = environment["CAREREVIEW_THEME"], !env.isEmpty {
            theme = try themeNamed(env, from: "CAREREVIEW_THEME")
        }
        if let value = config["theme"] {
            configTheme = try themeNamed(value, from: configFile(environment)?.path ?? "config")
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
        var mouse = !display.noMouse
        if let value = config["mouse"], ["no", "false", "off", "0"].contains(value.lowercased()) { mouse = false }
        return BrowserSettings(theme: theme, configTheme: configTheme, colors: colors, mouse: mouse)
    }

    static func configFile(_ environment: [String: String]) -> URL? {
        UserDirectories(environment: environment).config?.appendingPathComponent("config")
    }

    /// `key = value` lines; `#` starts a comment.
    static func configValues(_ environment: [String: String]) -> [String: String] {
        guard let file = configFile(environment), let text = try? String(contentsOf: file, encoding: .utf8) else { return [:] }
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let parts = content.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            values[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        return values
    }

    /// `$XDG_STATE_HOME/carereview` (default `~/.local/state/carereview`,
    /// home from $HOME): the saved session. Without a home, a folder in the
    /// temporary directory, so the browser still runs.
    static var stateDirectory: URL {
        UserDirectories().state ?? FileManager.default.temporaryDirectory.appendingPathComponent("carereview-state")
    }
}
