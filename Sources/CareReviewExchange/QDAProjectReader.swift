import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The parts of a REFI-QDA project (`project.qde`) that import uses,
/// read with Foundation's XMLParser. Elements we do not use (Users, Sets,
/// Graphs, Links, picture/audio/video sources) are skipped.
struct QDAProject {
    struct Code {
        var guid: String
        var name: String
        var description: String?
        var noteRefs: [String]
        var children: [Code]
    }
    struct Case {
        var guid: String
        var name: String?
        var description: String?
        var values: [String: String]      // variable name → text
        var sourceRefs: [String]
        var selectionRefs: [String]
    }
    struct Selection {
        var guid: String
        var name: String?
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
                values: values(c, variables), sourceRefs: c.children("SourceRef").compactMap { $0.attr("targetGUID") },
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
                               description: e.child("Description")?.text,
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
                guid: sguid, name: s.attr("name"), start: start, end: end,
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

/// An element and its children, built by Foundation's XMLParser (SAX) with
/// namespace processing; strict, so malformed XML is an error with its line.
final class XMLTree {
    let localName: String
    let uri: String?
    let attributes: [String: String]
    var children: [XMLTree] = []
    var text = ""

    init(localName: String, uri: String?, attributes: [String: String]) {
        self.localName = localName; self.uri = uri; self.attributes = attributes
    }

    func children(_ name: String) -> [XMLTree] { children.filter { $0.localName == name } }
    func child(_ name: String) -> XMLTree? { children.first { $0.localName == name } }
    func attr(_ name: String) -> String? { attributes[name] }
    var elementChildren: [XMLTree] { children }

    func required(_ name: String, _ file: String) throws(QDAImportError) -> String {
        guard let v = attr(name) else { throw QDAImportError(file, "<\(localName)> without the required attribute '\(name)'") }
        return v
    }

    static func parse(_ data: Data, file: String) throws(QDAImportError) -> XMLTree {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let builder = Builder()
        parser.delegate = builder
        let ok = parser.parse()
        if let error = builder.error {
            throw QDAImportError(file, "not well-formed XML at line \(error.line), column \(error.column) (\(error.message))")
        }
        guard ok, let root = builder.root else {
            let why = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "no root element"
            throw QDAImportError(file, "not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber) (\(why))")
        }
        // Foundation's parser on Linux accepts a document cut short; we do not.
        if let open = builder.stack.last {
            throw QDAImportError(file, "not well-formed XML: the document ends before <\(open.localName)> is closed")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []
        var error: (line: Int, column: Int, message: String)?

        // On Linux, parse() can return true after an error; the delegate still hears of it.
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            guard error == nil else { return }
            error = (parser.lineNumber, parser.columnNumber, Builder.describe((parseError as NSError).code))
            parser.abortParsing()
        }

        /// The commonest libxml2 error codes (which XMLParser reports) in words.
        static func describe(_ code: Int) -> String {
            switch code {
            case 4: "the document is empty"
            case 5: "the document ends before its elements are closed, or has content after them"
            case 26: "an undeclared entity (write &amp; for '&')"
            case 73: "a tag is not closed with '>'"
            case 76: "a closing tag does not match the open element"
            default: "XML parser error \(code)"
            }
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let e = XMLTree(localName: elementName, uri: namespaceURI, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(e) } else { root = e }
            stack.append(e)
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }
}
