import HTTPTypes
import Hummingbird

/// One route of the site: a method, a path (`{name}` stands for one segment) and what answers it. The site's routes
/// are one table (`Site.routes`): the router is built from it, and so are the 405 answers (`Methods`) and the tests
/// that try every route with every method, so a route cannot be added to one and left out of another.
struct Route: Sendable {
    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

    let method: HTTPRequest.Method
    let path: String
    let handler: Handler

    /// A GET route (HEAD is answered the same, without the body).
    static func get<Output: ResponseGenerator>(
        _ path: String, _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Output
    ) -> Route {
        Route(method: .get, path: path) { request, context in
            try await handler(request, context).response(from: request, context: context)
        }
    }

    /// A POST route.
    static func post<Output: ResponseGenerator>(
        _ path: String, _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Output
    ) -> Route {
        Route(method: .post, path: path) { request, context in
            try await handler(request, context).response(from: request, context: context)
        }
    }

    /// The path's segments, each `{name}` as `*`; the root is one empty segment.
    var pattern: [String] {
        path == "/" ? [""] : path.split(separator: "/").map { $0.hasPrefix("{") ? "*" : String($0) }
    }
}

extension Array where Element == Route {
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
