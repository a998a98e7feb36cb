import GrantsCore
import GrantsWorkflows
import Hummingbird
import NIOCore

/// What the site knows of a request beyond the request itself: who is signed in (read from the session cookie by
/// `Sessions`, before routing) and the client's address.
public struct SiteContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The account signed in, if any.
    var account: Account?
    /// The session's token, when one is signed in.
    var session: SessionToken?
    /// The Set-Cookie value that removes a session cookie naming no live session, when the request sent one.
    var clearSession: String?
    /// The address the connection comes from (the TLS proxy's, behind one).
    let peer: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress
    }
}
