import Foundation

/// The PostgreSQL URL forms guanlan accepts (CONTRACT §1):
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DBNAME` and the libpq form for a
/// Unix socket, `postgres://USER@/DBNAME?host=SOCKET_DIRECTORY&port=PORT`
/// (`postgresql://` likewise). libpq parses them itself; this only recognises
/// them and hides the password in messages.
public enum PostgresURL {
    public static func isPostgres(_ url: String) -> Bool {
        url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")
    }

    /// The URL with any password replaced by `***`, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return url }
        let userInfo = url[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }

    /// `url` with one more query parameter (e.g. `options=-csearch_path%3Dt1`).
    public static func adding(_ parameter: String, to url: String) -> String {
        url + (url.contains("?") ? "&" : "?") + parameter
    }
}
