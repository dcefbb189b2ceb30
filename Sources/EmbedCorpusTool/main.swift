import Foundation

// Usage: EmbedCorpusTool RESOURCES_DIR OUTPUT.swift FILE...
// Writes a Swift file holding each FILE (relative to RESOURCES_DIR) as
// base64, which survives any content a Swift literal could not.
let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedCorpusTool RESOURCES_DIR OUTPUT.swift FILE...\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: args[1])
var out = "// Generated at build time by EmbedCorpusTool from Resources/. Do not edit.\n"
out += "let embeddedCorpusFiles: [(path: String, base64: String)] = [\n"
for relative in args.dropFirst(3) {
    let data: Data
    do {
        data = try Data(contentsOf: root.appendingPathComponent(relative))
    } catch {
        FileHandle.standardError.write(Data("EmbedCorpusTool: cannot read Resources/\(relative): \(error)\n".utf8))
        exit(1)
    }
    out += "    (\"\(relative)\", \"\(data.base64EncodedString())\"),\n"
}
out += "]\n"
do {
    try Data(out.utf8).write(to: URL(fileURLWithPath: args[2]), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("EmbedCorpusTool: cannot write \(args[2]): \(error)\n".utf8))
    exit(1)
}
