import Hummingbird
import Logging

/// One structured line per request, through swift-log: method, path (an invitation's token left out), status and how
/// long the answer took.
struct AccessLog<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await next(request, context)
        let took = start.duration(to: clock.now)
        let microseconds = took.components.seconds * 1_000_000 + took.components.attoseconds / 1_000_000_000_000
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(Self.logged(request.uri.path))",
                "status": "\(response.status.code)", "us": "\(microseconds)",
            ])
        return response
    }

    /// The path as the log keeps it: an invitation's token is a password until it is used, so it is left out.
    static func logged(_ path: String) -> String {
        path.hasPrefix("/register/") ? "/register/(token)" : path
    }
}
