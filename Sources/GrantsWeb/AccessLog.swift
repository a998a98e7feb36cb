import Hummingbird
import Logging

/// One structured line per request, through swift-log: method, path, status and how long the answer took.
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
                "method": "\(request.method.rawValue)", "path": "\(request.uri.path)",
                "status": "\(response.status.code)", "us": "\(microseconds)",
            ])
        return response
    }
}
