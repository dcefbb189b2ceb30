import Foundation

/// Writes files so that a crash or kill at any moment leaves either the old
/// file or the new one, never a torn mix: temporary file in the same
/// directory, fsync, rename, then fsync of the directory. A symlink is
/// written through (its target is replaced, the link stays), an existing
/// file keeps its permissions, and temporary files left by a killed writer
/// are removed on the next write.
public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let target = URL(fileURLWithPath: OutputFile.followLinks(url.path))
        let dir = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        removeStaleTemporaries(of: target)
        let tmp = dir.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        var existing = stat()
        let mode: mode_t = stat(target.path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o644
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw error(errno, tmp) }
        var ok = false
        defer {
            if !ok { unlink(tmp.path) }
        }
        fchmod(fd, mode)   // not narrowed by the umask: as the file was
        do { try OutputFile.writeAll(data, to: fd) } catch let e as POSIXFailure { close(fd); throw error(e.code, tmp) }
        guard fsync(fd) == 0 else { let e = errno; close(fd); throw error(e, tmp) }
        guard close(fd) == 0 else { throw error(errno, tmp) }
        guard rename(tmp.path, target.path) == 0 else { throw error(errno, target) }
        ok = true
        let dirfd = open(dir.path, O_RDONLY | O_CLOEXEC)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }

    /// `.NAME.PID.RANDOM.tmp` files whose writer no longer runs.
    static func removeStaleTemporaries(of target: URL) {
        let dir = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let parts = name.dropFirst(prefix.count).dropLast(4).split(separator: ".")
            guard parts.count == 2, let pid = Int32(parts[0]), UInt32(parts[1]) != nil else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { unlink(dir.appendingPathComponent(name).path) }
        }
    }

    static func error(_ code: Int32, _ url: URL) -> Error {
        NSError(domain: NSPOSIXErrorDomain, code: Int(code),
                userInfo: [NSLocalizedDescriptionKey: "\(url.path): \(String(cString: strerror(code)))"])
    }
}

/// A system call that failed, with its errno.
public struct POSIXFailure: Error { public let code: Int32 }

/// A file the user named for output (`-o FILE`, `:export … FILE`), written
/// the way Unix tools write: through symlinks; into FIFOs, devices and
/// `/dev/stdout`-style paths by opening and writing them; and, for a
/// regular file (or a new one), by atomic replace so a failure leaves the
/// old contents.
public enum OutputFile {
    public static func write(_ data: Data, toPath path: String) throws {
        let target = followLinks(path)
        var st = stat()
        let exists = stat(target, &st) == 0
        let isRegular = exists && (st.st_mode & S_IFMT) == S_IFREG
        if exists && !isRegular || target.hasPrefix("/proc/") || target.hasPrefix("/dev/") {
            try writeThrough(data, path: target, truncate: isRegular)
        } else {
            try AtomicFile.write(data, to: URL(fileURLWithPath: target))
        }
    }

    /// Opens and writes: a FIFO, a terminal, a device, an inherited descriptor.
    private static func writeThrough(_ data: Data, path: String, truncate: Bool) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC | (truncate ? O_TRUNC : 0))
        guard fd >= 0 else { throw AtomicFile.error(errno, URL(fileURLWithPath: path)) }
        do { try writeAll(data, to: fd) } catch let e as POSIXFailure { close(fd); throw AtomicFile.error(e.code, URL(fileURLWithPath: path)) }
        guard close(fd) == 0 || errno == EINTR else { throw AtomicFile.error(errno, URL(fileURLWithPath: path)) }
    }

    /// Every byte, retrying short writes and EINTR; EPIPE, EFBIG, ENOSPC, EIO throw.
    public static func writeAll(_ data: Data, to fd: Int32) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw POSIXFailure(code: errno)
                }
                offset += n
            }
        }
    }

    /// The path with every symlink in its last component followed (up to 40
    /// hops, as the kernel allows); relative link targets are taken from the
    /// link's directory. A dangling link gives the path it points to, so the
    /// file is created there.
    public static func followLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, Int(PATH_MAX))
            guard n > 0 else { return current }
            // /proc/self/fd/N names a descriptor, not a path: write through it.
            if current.hasPrefix("/proc/") { return current }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") {
                current = link
            } else {
                current = URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(link).path
            }
        }
        return current
    }
}
