import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the dataset's files come from: a directory on disk or files embedded
/// in the binary. Paths are relative to the dataset root (`positions.yaml`,
/// `texts/sen-two-tier-workforce.txt`).
public struct CorpusSource: Sendable {
    /// Prefix for file names in diagnostics (`Resources`, or the directory given).
    public let displayRoot: String
    private let reader: @Sendable (String) -> FileContents
    /// For a directory: its resolved path and each file's stat data, so a
    /// cache can tell unchanged files without reading them.
    let identity: String?
    let stamp: (@Sendable (String) -> FileStamp?)?

    public enum FileContents: Sendable {
        case text(String)
        case missing
        case unreadable(String)
    }

    /// Files larger than this are refused (YAML files and texts alike), so a
    /// stray huge file costs an error, not the machine's memory. 256 MiB
    /// holds a corpus a thousand times the embedded one.
    public static let defaultMaxFileBytes = 256 << 20

    public init(displayRoot: String, reader: @escaping @Sendable (String) -> FileContents) {
        self.init(displayRoot: displayRoot, reader: reader, identity: nil, stamp: nil)
    }

    init(displayRoot: String, reader: @escaping @Sendable (String) -> FileContents, identity: String?,
         stamp: (@Sendable (String) -> FileStamp?)?) {
        self.displayRoot = displayRoot
        self.reader = reader
        self.identity = identity
        self.stamp = stamp
    }

    public func read(_ path: String) -> FileContents { reader(path) }

    public func displayPath(_ path: String) -> String {
        displayRoot.isEmpty ? path : (displayRoot.hasSuffix("/") ? displayRoot + path : displayRoot + "/" + path)
    }

    /// A dataset in a directory (`--data DIR`, `CAREREVIEW_DATA`).
    public static func directory(_ path: String) -> CorpusSource { directory(path, maxFileBytes: defaultMaxFileBytes) }

    /// A dataset in a directory. Every path must resolve (symlinks
    /// included) to a regular file inside the directory, of at most
    /// `maxFileBytes`; anything else is reported as unreadable with the reason.
    public static func directory(_ path: String, maxFileBytes: Int) -> CorpusSource {
        let root = ContainedFiles(root: path, maxFileBytes: maxFileBytes)
        return CorpusSource(displayRoot: path, reader: { root.read($0) }, identity: try? root.root.get(),
                            stamp: { root.stamp($0) })
    }

    /// Files held in memory, e.g. the corpus embedded in the binary.
    public static func files(_ files: [String: String], displayRoot: String) -> CorpusSource {
        CorpusSource(displayRoot: displayRoot) { files[$0].map(FileContents.text) ?? .missing }
    }
}

/// Reading files confined to one directory.
struct ContainedFiles: Sendable {
    /// The directory with its symlinks resolved, or why it cannot be used.
    let root: Result<String, Refusal>
    let maxFileBytes: Int

    struct Refusal: Error { let why: String }

    init(root path: String, maxFileBytes: Int) {
        self.maxFileBytes = maxFileBytes
        switch ContainedFiles.resolve(path) {
        case .success(let real): root = .success(real)
        case .failure(let why): root = .failure(Refusal(why: "the dataset directory '\(path)' \(why)"))
        }
    }

    func read(_ relative: String) -> CorpusSource.FileContents {
        let base: String
        switch root {
        case .success(let r): base = r
        case .failure(let refusal): return .unreadable(refusal.why)
        }
        if relative.hasPrefix("/") { return .unreadable("path is absolute; paths are relative to the dataset directory") }
        let real: String
        switch ContainedFiles.resolve(base + "/" + relative) {
        case .success(let r): real = r
        case .failure(.missing): return .missing
        case .failure(let why): return .unreadable(why.description)
        }
        guard real.hasPrefix(base == "/" ? "/" : base + "/") else {
            return .unreadable("path resolves to '\(real)', outside the dataset directory")
        }
        return readRegularFile(real, maxBytes: maxFileBytes)
    }

    /// Stat data of a contained regular file; nil when it cannot be read as one.
    func stamp(_ relative: String) -> FileStamp? {
        guard case .success(let base) = root, !relative.hasPrefix("/"),
              case .success(let real) = ContainedFiles.resolve(base + "/" + relative), real.hasPrefix(base + "/") else { return nil }
        var info = stat()
        guard lstat(real, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(size: Int64(info.st_size), mtime: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                         ctime: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                         inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
    }

    enum ResolveFailure: Error, CustomStringConvertible {
        case missing, loop, other(String)
        var description: String {
            switch self {
            case .missing: "is missing"
            case .loop: "path is a symlink loop (or has too many levels of symlinks)"
            case .other(let why): "path cannot be resolved: \(why)"
            }
        }
    }

    static func resolve(_ path: String) -> Result<String, ResolveFailure> {
        guard let p = realpath(path, nil) else {
            switch errno {
            case ENOENT, ENOTDIR: return .failure(.missing)
            case ELOOP: return .failure(.loop)
            case let e: return .failure(.other(String(cString: strerror(e))))
            }
        }
        defer { free(p) }
        return .success(String(cString: p))
    }
}

/// What git's index keeps to tell a file unchanged without reading it.
struct FileStamp: Sendable, Equatable {
    let size: Int64
    let mtime: Int64   // nanoseconds
    let ctime: Int64   // nanoseconds: changes on any write, even one that restores mtime
    let inode: UInt64
    let device: UInt64
}

/// Reads a whole file that must be a regular file of at most `maxBytes`.
/// Opened non-blocking and checked with fstat before any read, so a FIFO or
/// device in its place is refused at once rather than waited on.
func readRegularFile(_ path: String, maxBytes: Int) -> CorpusSource.FileContents {
    switch readRegularFileBytes(path, maxBytes: maxBytes) {
    case .failure(let problem):
        return problem == .missing ? .missing : .unreadable(problem.description)
    case .success(let bytes):
        guard let text = String(validating: bytes, as: UTF8.self) else { return .unreadable("file is not valid UTF-8") }
        return .text(text)
    }
}

enum FileReadProblem: Error, Equatable, CustomStringConvertible {
    case missing, loop, notRegular(String), tooLarge(Int, limit: Int), failed(String)
    var description: String {
        switch self {
        case .missing: "is missing"
        case .loop: "file is a symlink loop"
        case .notRegular(let what): "file is \(what), not a regular file"
        case .tooLarge(let size, let limit):
            "file is \(size) bytes, over the limit of \(limit) bytes (raise it with --max-file-mb)"
        case .failed(let why): "file cannot be read: \(why)"
        }
    }
}

func readRegularFileBytes(_ path: String, maxBytes: Int) -> Result<[UInt8], FileReadProblem> {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
        switch errno {
        case ENOENT, ENOTDIR: return .failure(.missing)
        case ELOOP: return .failure(.loop)
        case let e: return .failure(.failed(String(cString: strerror(e))))
        }
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(.failed(String(cString: strerror(errno)))) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(.notRegular("a directory"))
    case S_IFIFO: return .failure(.notRegular("a FIFO"))
    case S_IFCHR, S_IFBLK: return .failure(.notRegular("a device"))
    case S_IFSOCK: return .failure(.notRegular("a socket"))
    default: return .failure(.notRegular("a special file"))
    }
    let size = Int(info.st_size)
    guard size <= maxBytes else { return .failure(.tooLarge(size, limit: maxBytes)) }
    var failure: FileReadProblem?
    // One byte more than the size, to notice a file that grew while read.
    let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
        while count <= size {
            let n = systemRead(fd, buffer.baseAddress! + count, size + 1 - count)
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if n < 0 { failure = .failed(String(cString: strerror(errno))); break }
            if n == 0 { break }
            count += n
        }
    }
    if let failure { return .failure(failure) }
    guard bytes.count <= maxBytes else { return .failure(.tooLarge(bytes.count, limit: maxBytes)) }
    return .success(bytes)
}

/// read(2), by a name no `read` method shadows.
func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}

extension String {
    /// Decodes UTF-8 strictly: nil for invalid bytes (rather than repairing them).
    init?(validatingUTF8Data data: Data) {
        var decoded: String?
        data.withUnsafeBytes { raw in
            decoded = String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self)
        }
        guard let decoded else { return nil }
        self = decoded
    }
}
