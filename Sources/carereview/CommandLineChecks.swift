import ArgumentParser
import CareReview

/// Checks argument-parser cannot make: a mistyped subcommand (it only says
/// "unexpected argument"), and a browser option given to a command that
/// prints text (argument-parser accepts a parent's options anywhere, so
/// `proposals --theme 5` would silently set the browser's colours).
enum CommandLineChecks {
    /// Options of the top-level command that take a value.
    static let valueOptions: Set<String> = ["--data", "--theme"]
    /// Options that only mean something to the browser.
    static let browserOptions: Set<String> = ["--theme", "--fresh", "--present", "--show-keys", "--no-mouse"]
    static let browserCommands: Set<String> = ["open"]

    static var subcommandNames: [String] {
        CareReviewCommand.configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// The first word that is not an option or an option's value: where the subcommand goes.
    static func subcommandIndex(_ arguments: [String]) -> Int? {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { return nil }
            if a.hasPrefix("-") {
                i += valueOptions.contains(a) ? 2 : 1
                continue
            }
            return i
        }
        return nil
    }

    /// "unknown command 'shwo'; did you mean 'show'?" when the subcommand is not one.
    static func unknownSubcommand(_ arguments: [String]) -> String? {
        guard let i = subcommandIndex(arguments) else { return nil }
        let word = arguments[i]
        guard !subcommandNames.contains(word) else { return nil }
        var message = "unknown command '\(word)'"
        if let hint = DidYouMean(subcommandNames).sentence(for: word) { message += "; \(hint)" }
        else { message += "; the commands are: " + subcommandNames.filter { $0 != "help" }.joined(separator: ", ") }
        return message
    }

    /// A browser option with a command that prints text.
    static func problem(_ arguments: [String]) -> (message: String, command: ParsableCommand.Type)? {
        guard let i = subcommandIndex(arguments) else { return nil }
        let sub = arguments[i]
        guard let command = CareReviewCommand.configuration.subcommands.first(where: { $0._commandName == sub }),
              !browserCommands.contains(sub) else { return nil }
        let words = arguments.prefix { $0 != "--" }
        for (n, a) in words.enumerated() {
            let name = String(a.split(separator: "=", maxSplits: 1).first ?? "")
            guard browserOptions.contains(name) else { continue }
            var message = "'\(name)' is an option of the browser ('carereview' or 'carereview open'); '\(sub)' prints text"
            if name == "--theme" {
                let value = a.contains("=") ? String(a.split(separator: "=", maxSplits: 1)[1]) : (n + 1 < words.count ? words[n + 1] : "")
                if Int(value) != nil { message += "; to filter by chapter, use --chapter \(value)" }
            }
            return (message, command)
        }
        return nil
    }
}
