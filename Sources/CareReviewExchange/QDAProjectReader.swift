import Foundation

/// The parts of a REFI-QDA project (`project.qde`) that import uses,
/// read with libxml2's reader (see XMLTree). Elements we do not use (Users, Sets,
/// Graphs, Links, picture/audio/video sources) are skipped.
struct QDAProject {
    struct Code {
        var guid: String
        var name: String
        var description: String?
        var isCodable: Bool
        var noteRefs: [String]
        var children: [Code]
    }
    struct Case {
        var guid: String
        var name: String?
        var description: String?
        var values: [String: String]      // variable name → text
        var codeRefs: [String]
        var sourceRefs: [String]
        var selectionRefs: [String]
    }
    struct Selection {
        var guid: String
        var name: String?
        var description: String?
        var start: Int
        var end: Int
        var codeRefs: [String]
        var noteRefs: [String]
    }
    struct TextSource {
        var guid: String
        var name: String?
        var description: String?
        var plainTextPath: String?
        var plainTextContent: String?
        var selections: [Selection]
        var values: [String: String]
        var dateTime: String?             // creationDateTime, else modifiedDateTime
    }
    struct Note {
        var guid: String
        var name: String?
        var description: String?
        var content: String?
    }

    var name: String
    var origin: String?
    var codes: [Code] = []
    var cases: [Case] = []
    var sources: [TextSource] = []
    var notes: [String: Note] = [:]
}

/// A problem reading a project, said with the file it concerns.
public struct QDAImportError: Error, CustomStringConvertible {
    public let description: String
    init(_ file: String, _ message: String) { description = "\(file): \(message)" }
}

enum QDAProjectReader {
    /// Parses `project.qde`; `file` names it in errors (e.g. "in.qdpx: project.qde").
    static func read(_ data: Data, file: String) throws(QDAImportError) -> QDAProject {
        let root = try XMLTree.parse(data, file: file)
        guard root.localName == "Project" else {
            throw QDAImportError(file, "the root element is <\(root.localName)>, not <Project> (is this a REFI-QDA project?)")
        }
        guard root.uri == QDAMapping.projectNamespace else {
            throw QDAImportError(file, "the root element's namespace is '\(root.uri ?? "none")', expected '\(QDAMapping.projectNamespace)'")
        }
        var variables: [String: String] = [:]   // guid → name
        for v in root.child("Variables")?.children("Variable") ?? [] {
            if let g = v.attr("guid"), let n = v.attr("name") { variables[g] = n }
        }
        var project = QDAProject(name: root.attr("name") ?? "", origin: root.attr("origin"))
        for c in root.child("CodeBook")?.child("Codes")?.children("Code") ?? [] {
            project.codes.append(try code(c, file))
        }
        for c in root.child("Cases")?.children("Case") ?? [] {
            project.cases.append(QDAProject.Case(
                guid: try c.required("guid", file), name: c.attr("name"), description: c.child("Description")?.text,
                values: values(c, variables), codeRefs: c.children("CodeRef").compactMap { $0.attr("targetGUID") },
                sourceRefs: c.children("SourceRef").compactMap { $0.attr("targetGUID") },
                selectionRefs: c.children("SelectionRef").compactMap { $0.attr("targetGUID") }))
        }
        for s in root.child("Sources")?.children("TextSource") ?? [] {
            project.sources.append(try textSource(s, variables, file))
        }
        for n in root.child("Notes")?.children("Note") ?? [] {
            let guid = try n.required("guid", file)
            project.notes[guid] = QDAProject.Note(guid: guid, name: n.attr("name"), description: n.child("Description")?.text,
                                                  content: n.child("PlainTextContent")?.text)
        }
        return project
    }

    private static func code(_ e: XMLTree, _ file: String) throws(QDAImportError) -> QDAProject.Code {
        var children: [QDAProject.Code] = []
        for c in e.children("Code") { children.append(try code(c, file)) }
        return QDAProject.Code(guid: try e.required("guid", file), name: try e.required("name", file),
                               description: e.child("Description")?.text, isCodable: e.attr("isCodable") != "false",
                               noteRefs: e.children("NoteRef").compactMap { $0.attr("targetGUID") }, children: children)
    }

    private static func textSource(_ e: XMLTree, _ variables: [String: String], _ file: String) throws(QDAImportError) -> QDAProject.TextSource {
        let guid = try e.required("guid", file)
        var selections: [QDAProject.Selection] = []
        for s in e.children("PlainTextSelection") {
            let sguid = try s.required("guid", file)
            guard let start = Int(try s.required("startPosition", file)), let end = Int(try s.required("endPosition", file)),
                  start >= 0, end >= start else {
                throw QDAImportError(file, "selection \(sguid) has invalid startPosition/endPosition")
            }
            selections.append(QDAProject.Selection(
                guid: sguid, name: s.attr("name"), description: s.child("Description")?.text, start: start, end: end,
                codeRefs: s.children("Coding").compactMap { $0.child("CodeRef")?.attr("targetGUID") },
                noteRefs: s.children("NoteRef").compactMap { $0.attr("targetGUID") }))
        }
        // Codings of the whole source are not quotes; they are not imported.
        return QDAProject.TextSource(guid: guid, name: e.attr("name"), description: e.child("Description")?.text,
                                     plainTextPath: e.attr("plainTextPath"), plainTextContent: e.child("PlainTextContent")?.text,
                                     selections: selections, values: values(e, variables),
                                     dateTime: e.attr("creationDateTime") ?? e.attr("modifiedDateTime"))
    }

    private static func values(_ e: XMLTree, _ variables: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for vv in e.children("VariableValue") {
            guard let ref = vv.child("VariableRef")?.attr("targetGUID"), let name = variables[ref] else { continue }
            // Whichever typed value the tool wrote, as text.
            if let value = vv.elementChildren.first(where: { $0.localName != "VariableRef" })?.text {
                out[name] = value
            }
        }
        return out
    }
}

