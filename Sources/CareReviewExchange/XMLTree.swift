import CXMLReader
import Foundation

/// An element and its children, read with libxml2's streaming reader, which
/// CXMLReader loads with dlopen on first use: the binary links no XML
/// library, so browsing needs none installed. Strict: malformed XML is an
/// error with its line and column.
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
        try XMLLibrary.load(for: file)
        guard data.count < Int(Int32.max) else { throw QDAImportError(file, "the project is too large to read (\(data.count) bytes)") }
        var bytes = [CChar](repeating: 0, count: data.count + 1)   // never empty, so the pointer is never nil
        bytes.withUnsafeMutableBytes { _ = data.copyBytes(to: $0) }
        return try bytes.withUnsafeBufferPointer { buffer throws(QDAImportError) -> XMLTree in
            guard let reader = crx_open(buffer.baseAddress, Int32(data.count)) else {
                throw QDAImportError(file, "libxml2 could not start reading (out of memory?)")
            }
            defer { crx_close(reader) }
            return try build(reader, file)
        }
    }

    private static func build(_ r: OpaquePointer, _ file: String) throws(QDAImportError) -> XMLTree {
        var root: XMLTree?
        var stack: [XMLTree] = []
        while true {
            let status = crx_read(r)
            if status < 0 || crx_error_code(r) != 0 { throw error(r, file) }
            if status == 0 { break }
            switch Int(crx_node_type(r)) {
            case CRX_ELEMENT:
                let e = XMLTree(localName: string(crx_local_name(r)) ?? "", uri: string(crx_namespace(r)), attributes: attributes(r))
                if let parent = stack.last { parent.children.append(e) } else { root = e }
                if crx_is_empty_element(r) == 0 { stack.append(e) }
            case CRX_END_ELEMENT:
                _ = stack.popLast()
            case CRX_TEXT, CRX_CDATA, CRX_WHITESPACE, CRX_SIGNIFICANT_WHITESPACE:
                stack.last?.text += string(crx_value(r)) ?? ""
            default:
                continue
            }
        }
        guard let root else { throw QDAImportError(file, "not well-formed XML: the document is empty") }
        if let open = stack.last {
            throw QDAImportError(file, "not well-formed XML: the document ends before <\(open.localName)> is closed")
        }
        return root
    }

    /// The element's attributes by local name, namespace declarations left out.
    private static func attributes(_ r: OpaquePointer) -> [String: String] {
        var out: [String: String] = [:]
        while crx_next_attribute(r) == 1 {
            guard string(crx_namespace(r)) != "http://www.w3.org/2000/xmlns/", let name = string(crx_local_name(r)) else { continue }
            out[name] = string(crx_value(r)) ?? ""
        }
        _ = crx_to_element(r)
        return out
    }

    private static func error(_ r: OpaquePointer, _ file: String) -> QDAImportError {
        let code = Int(crx_error_code(r))
        let line = crx_error_line(r) > 0 ? Int(crx_error_line(r)) : Int(crx_line(r))
        let column = Int(crx_error_column(r))
        let message = string(crx_error_message(r)) ?? ""
        let place = column > 0 ? "line \(line), column \(column)" : "line \(line)"
        return QDAImportError(file, "not well-formed XML at \(place) (\(describe(code, message)))")
    }

    /// The commonest libxml2 error codes in words; others in libxml2's own.
    static func describe(_ code: Int, _ message: String) -> String {
        switch code {
        case 4: "the document is empty"
        case 5: "the document ends before its elements are closed, or has content after them"
        case 26: "an undeclared entity (write &amp; for '&')"
        case 73: "a tag is not closed with '>'"
        case 76: "a closing tag does not match the open element"
        default: message.isEmpty ? "XML parser error \(code)" : message
        }
    }

    private static func string(_ p: UnsafePointer<CChar>?) -> String? {
        p.map { String(cString: $0) }
    }
}

/// libxml2, loaded once per process when an import first needs it.
enum XMLLibrary {
    /// The library's file name; Debian's package libxml2 provides it.
    static let soname = "libxml2.so.2"

    /// `file` names what was to be read, in the error.
    static func load(_ library: String = soname, for file: String) throws(QDAImportError) {
        guard let failure = crx_load(library) else { return }
        throw QDAImportError(file, """
            reading REFI-QDA XML needs libxml2 (\(library)), which could not be loaded: \(String(cString: failure)). \
            Install it (Debian/Ubuntu: apt-get install libxml2); browsing and export do not need it
            """)
    }
}
