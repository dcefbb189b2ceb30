import Foundation

/// Writes files so that a crash or kill at any moment leaves either the old
/// file or the new one, never a torn mix: temporary file in the same
/// directory, fsync, rename, then fsync of the directory.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw error(errno, tmp) }
        var ok = false
        defer {
            if !ok { unlink(tmp.path) }
        }
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    let e = errno
                    close(fd)
                    throw error(e, tmp)
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { let e = errno; close(fd); throw error(e, tmp) }
        close(fd)
        guard rename(tmp.path, url.path) == 0 else { throw error(errno, url) }
        ok = true
        let dirfd = open(dir.path, O_RDONLY)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }

    private static func error(_ code: Int32, _ url: URL) -> Error {
        NSError(domain: NSPOSIXErrorDomain, code: Int(code),
                userInfo: [NSLocalizedDescriptionKey: "\(url.path): \(String(cString: strerror(code)))"])
    }
}
