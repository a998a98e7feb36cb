import GrantsCore
import HTTPTypes
import Hummingbird

/// Who may use a route: anyone, or only people signed in with one of some roles.
enum Access: Sendable, Hashable {
    /// Anyone, signed in or not: the public pages, the checker, the API, signing in.
    case anyone
    /// People signed in with one of these roles; anyone else is sent to sign in (a page) or refused (401, 403).
    case signedIn(Set<Role>)

    /// Anyone signed in, whatever their role.
    static let everyRole = Access.signedIn(Set(Role.allCases))

    /// Whether `account` (nil: signed out) may use the route.
    func allows(_ account: Account?) -> Bool {
        switch self {
        case .anyone: true
        case .signedIn(let roles): account.map { roles.contains($0.role) } ?? false
        }
    }
}

/// One route of the site: a method, a path (`{name}` stands for one segment), who may use it, and what answers it.
/// The site's routes are one table (`Site.routes`): the router is built from it, and so are the 405 answers
/// (`Methods`), the authorization of every request (`Authorization`) and the tests that try every route with every
/// method and every role, so a route cannot be added to one and left out of another.
struct Route: Sendable {
    typealias Handler = @Sendable (Request, SiteContext) async throws -> Response

    let method: HTTPRequest.Method
    let path: String
    let access: Access
    let handler: Handler

    /// A GET route (HEAD is answered the same, without the body).
    static func get<Output: ResponseGenerator>(
        _ path: String, _ access: Access = .anyone,
        _ handler: @escaping @Sendable (Request, SiteContext) async throws -> Output
    ) -> Route {
        Route(method: .get, path: path, access: access) { request, context in
            try access.check(request, context)
            return try await handler(request, context).response(from: request, context: context)
        }
    }

    /// A POST route.
    static func post<Output: ResponseGenerator>(
        _ path: String, _ access: Access = .anyone,
        _ handler: @escaping @Sendable (Request, SiteContext) async throws -> Output
    ) -> Route {
        Route(method: .post, path: path, access: access) { request, context in
            try access.check(request, context)
            return try await handler(request, context).response(from: request, context: context)
        }
    }

    /// A request path's segments; the root is one empty segment.
    static func segments(_ path: String) -> [String] {
        path == "/" ? [""] : path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }

    /// Whether a path with `segments` is one `pattern` stands for (`*` is any one segment that is not empty).
    static func pattern(_ pattern: [String], matches segments: [String]) -> Bool {
        pattern.count == segments.count && zip(pattern, segments).allSatisfy { $0 == "*" ? !$1.isEmpty : $0 == $1 }
    }

    /// The path's segments, each `{name}` as `*`; the root is one empty segment.
    var pattern: [String] {
        path == "/" ? [""] : path.split(separator: "/").map { $0.hasPrefix("{") ? "*" : String($0) }
    }
}

extension Array where Element == Route {
    /// The route that answers `method` (HEAD as GET) on `path`, or nil.
    func route(_ method: HTTPRequest.Method, _ path: String) -> Route? {
        let segments = Route.segments(path)
        let wanted = method == .head ? .get : method
        return first { $0.method == wanted && Route.pattern($0.pattern, matches: segments) }
    }

    /// Each path pattern with the methods its routes answer, in the table's order.
    var methodsByPattern: [(pattern: [String], methods: [HTTPRequest.Method])] {
        var table: [(pattern: [String], methods: [HTTPRequest.Method])] = []
        for route in self {
            if let index = table.firstIndex(where: { $0.pattern == route.pattern }) {
                table[index].methods.append(route.method)
            } else {
                table.append((route.pattern, [route.method]))
            }
        }
        return table
    }
}
