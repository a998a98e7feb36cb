import HTTPTypes
import Hummingbird

/// The methods each of the site's paths answers: any other is 405 Method Not Allowed with an Allow header, not a
/// 404 that would say the resource is not there. HEAD is answered with GET; `ProblemResponder` drops its body.
struct Methods<Context: RequestContext>: RouterMiddleware {
    /// Path patterns (`*` is one segment) and their methods, from the site's route table.
    let routes: [(pattern: [String], methods: [HTTPRequest.Method])]

    /// The methods `path` answers, or nil when no route has it.
    func methods(for path: String) -> [HTTPRequest.Method]? {
        let segments = Route.segments(path)
        return routes.first { Route.pattern($0.pattern, matches: segments) }?.methods
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        if let allowed = methods(for: request.uri.path), !allowed.contains(request.method),
           !(request.method == .head && allowed.contains(.get))
        {
            let names = (allowed.contains(.get) ? allowed + [.head] : allowed).map(\.rawValue).joined(separator: ", ")
            throw Problem(
                status: .methodNotAllowed, title: "Method Not Allowed",
                detail: "\(request.uri.path) answers \(names), not \(request.method.rawValue).", allow: names)
        }
        return try await next(request, context)
    }
}
