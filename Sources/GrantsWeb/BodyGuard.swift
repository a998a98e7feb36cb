import HTTPTypes
import Hummingbird

/// Every request's body read whole, before any route sees it, within the request timeout and up to a limit: so a
/// client can hold a connection with a slow body only until the timeout, whatever route it asked for (a 404, a
/// 405 or a GET included; otherwise the server would read and discard the rest of an unread body after answering,
/// with no time limit). A body over the limit is read to its end and dropped (413), within the same timeout; a body
/// still arriving when the timeout passes is answered 408, and its reading is cancelled, which ends the connection.
struct BodyGuard<Context: RequestContext>: RouterMiddleware {
    let limit: Int
    let timeout: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var request = request
        request.body = RequestBody(buffer: try await Self.read(request.body, limit: limit, timeout: timeout))
        return try await next(request, context)
    }

    /// The body, at most `limit` bytes, arriving within `timeout`.
    static func read(_ body: RequestBody, limit: Int, timeout: Duration) async throws -> ByteBuffer {
        try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            group.addTask {
                var kept = ByteBuffer()
                var total = 0
                for try await var part in body {
                    total += part.readableBytes
                    if total <= limit { kept.writeBuffer(&part) }
                }
                guard total <= limit else {
                    throw Problem(
                        status: .contentTooLarge, title: "Content Too Large",
                        detail: "The request's body is over \(limit / 1024) KiB.")
                }
                return kept
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Problem(
                    status: .requestTimeout, title: "Request Timeout",
                    detail: "The request's body did not arrive within \(timeout); send it again.")
            }
            defer { group.cancelAll() }
            guard let body = try await group.next() else { throw CancellationError() }
            return body
        }
    }
}
