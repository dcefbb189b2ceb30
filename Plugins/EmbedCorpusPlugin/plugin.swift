import Foundation
import PackagePlugin

/// Turns the dataset in the package's top-level Resources/ folder into Swift
/// source, so the built binary carries its corpus and needs no files beside it.
@main
struct EmbedCorpusPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let resources = context.package.directoryURL.appending(path: "Resources")
        let files = (try FileManager.default.subpathsOfDirectory(atPath: resources.path))
            // Only the dataset itself: the top-level YAML files and texts/.
            // (Resources/coding-passes/ holds raw coding passes, kept out.)
            .filter { ($0.hasSuffix(".yaml") && !$0.contains("/")) || ($0.hasPrefix("texts/") && $0.hasSuffix(".txt")) }
            .sorted()
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCorpusData.swift")
        return [
            .buildCommand(
                displayName: "Embedding the corpus from Resources/",
                executable: try context.tool(named: "EmbedCorpusTool").url,
                arguments: [resources.path, output.path] + files,
                inputFiles: files.map { resources.appending(path: $0) },
                outputFiles: [output]
            )
        ]
    }
}
