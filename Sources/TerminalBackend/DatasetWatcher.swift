import CTerminalGuard
import Foundation
import Glibc

/// Wakes the browser's loop when files in a dataset directory change, so it
/// can reload what another program wrote without polling while idle.
enum DatasetWatcher {
    static func start(_ directory: String) {
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM)
        guard fd >= 0, inotify_add_watch(fd, directory, mask) >= 0 else {
            if fd >= 0 { close(fd) }
            Thread.detachNewThread { while true { Thread.sleep(forTimeInterval: 2); crg_wake() } }
            return
        }
        _ = inotify_add_watch(fd, directory + "/texts", mask)   // absent in an empty dataset: fine
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                // A write is several events (temporary file, rename): let it settle, then wake once.
                usleep(100_000)
                crg_wake()
            }
        }
    }
}
