/// Why the socket server could not start. `description` is for the operator's
/// log and terminal, in Chinese.
public enum SocketServerError: Error, Equatable, CustomStringConvertible {
    /// Another process is accepting connections on the path.
    case alreadyListening(path: String)
    /// Something that is not a socket is in the way.
    case notASocket(path: String)
    /// The path does not fit in `sockaddr_un`.
    case pathTooLong(path: String)
    /// `start()` was called twice, or after `shutdown()`.
    case alreadyStarted
    /// A system call failed.
    case system(call: String, errno: Int32)
    /// Socket activation passed a descriptor that is not a listening Unix stream socket.
    case notAListeningSocket(descriptor: Int32)

    public var description: String {
        switch self {
        case .alreadyListening(let path): "已有服务在监听 \(path)，请先停止它或换一个路径。"
        case .notASocket(let path): "\(path) 已存在且不是套接字文件，拒绝覆盖。"
        case .pathTooLong(let path): "套接字路径过长：\(path)"
        case .alreadyStarted: "服务已启动或已关闭，不能再次启动。"
        case .system(let call, let errno): "系统调用 \(call) 失败（errno \(errno)）。"
        case .notAListeningSocket(let fd): "systemd 传入的文件描述符 \(fd) 不是正在监听的 Unix 流套接字。"
        }
    }
}
