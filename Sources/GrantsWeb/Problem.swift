import GrantsCore
import GrantsReports
import HTTPTypes
import Hummingbird
import Logging

/// A request the site refuses, said to the client: RFC 9457 problem details for the API (with the path of each field
/// at fault as a JSON pointer), an HTML page for a person.
struct Problem: Error, Sendable {
    /// One field at fault: its JSON pointer in the submitted document (`/applicant/name`) and what was wrong.
    struct FieldError: Sendable, Equatable {
        let pointer: String
        let detail: String
    }

    let status: HTTPResponse.Status
    let title: String
    let detail: String
    var fields: [FieldError] = []
    /// For a 405: the methods the path answers.
    var allow: String? = nil
    /// Other headers of the answer: where a redirect goes, a cookie it removes.
    var headers: HTTPFields = [:]

    /// The problem as `application/problem+json`.
    func json() -> [UInt8] {
        var members: [(String, JSONValue)] = [
            ("type", .string("about:blank")), ("title", .string(title)), ("status", .int(Int64(status.code))),
            ("detail", .string(detail)),
        ]
        if !fields.isEmpty {
            members.append(("errors", .array(fields.map { field in
                .object([("pointer", .string(field.pointer)), ("detail", .string(field.detail))])
            })))
        }
        var out: [UInt8] = []
        JSONValue.object(members).write(into: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    static func notFound(_ what: String) -> Problem {
        Problem(status: .notFound, title: "Not Found", detail: what)
    }

    static func badRequest(_ detail: String, fields: [FieldError] = []) -> Problem {
        Problem(status: .badRequest, title: "Bad Request", detail: detail, fields: fields)
    }

    /// An ImportError's field path (`budget[0].amount`, `applicant.name`) as a JSON pointer (`/budget/0/amount`).
    static func pointer(_ path: String) -> String {
        guard !path.isEmpty else { return "" }
        var pointer = ""
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            var name = Substring(part)
            var indexes: [Substring] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]") {
                indexes.insert(name[name.index(after: open)..<name.index(before: name.endIndex)], at: 0)
                name = name[..<open]
            }
            pointer += "/" + escape(name)
            for index in indexes { pointer += "/" + escape(index) }
        }
        return pointer
    }

    private static func escape(_ token: Substring) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

/// Turns whatever a route throws into a response the client may see: a `Problem` as it says, Hummingbird's own
/// errors (a route not found, a body too large) with their status, anything else as a 500 that says nothing of its
/// cause, which is logged instead. Paths under `/api/` get problem details; the rest an HTML page. A HEAD request's
/// answer, whatever made it, goes without its body.
struct ProblemResponder<Context: RequestContext>: RouterMiddleware {
    let pages: Pages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let problem as Problem {
            response = answer(problem, to: request)
        } catch let error as HTTPResponseError {
            let status = error.status
            let problem = Problem(
                status: status, title: status.reasonPhrase,
                detail: status == .notFound ? "There is nothing at \(request.uri.path)." : status.reasonPhrase)
            response = answer(problem, to: request)
        } catch let error as any ClassifiedError where error.failureKind == .unavailable {
            // The ledger's database is down or cannot be reached: nothing is wrong with what was asked, and the same
            // request may work in a minute.
            context.logger.error(
                "the ledger is unavailable",
                metadata: ["path": "\(AccessLog<Context>.logged(request.uri.path))", "error": "\(error)"])
            response = answer(Problem.ledgerUnavailable, to: request)
        } catch {
            context.logger.error(
                "request failed",
                metadata: ["path": "\(AccessLog<Context>.logged(request.uri.path))", "error": "\(error)"])
            response = answer(
                Problem(
                    status: .internalServerError, title: "Internal Server Error",
                    detail: "Something went wrong on our side. It has been logged; please try again later."),
                to: request)
        }
        // Every 503 says when to come back: those a page gives for a ledger it could not reach (the form again, with
        // why) as well as the problems above.
        if response.status == .serviceUnavailable && response.headers[.retryAfter] == nil {
            response.headers[.retryAfter] = "60"
        }
        // A HEAD request, answered as GET by its route or refused, gets the headers alone.
        guard request.method == .head else { return response }
        return Response(status: response.status, headers: response.headers, body: ResponseBody())
    }

    private func answer(_ problem: Problem, to request: Request) -> Response {
        var headers = problem.headers
        if let allow = problem.allow { headers[.allow] = allow }
        if request.uri.path.hasPrefix("/api/") {
            return .body(
                ByteBuffer(bytes: problem.json()), type: "application/problem+json", status: problem.status,
                headers: headers)
        }
        let html = pages.render(
            "error", title: problem.title,
            ErrorPage(
                status: Int(problem.status.code), title: problem.title, detail: problem.detail,
                signIn: problem.status == .unauthorized || problem.status == .seeOther))
        return .body(ByteBuffer(string: html), type: "text/html; charset=utf-8", status: problem.status, headers: headers)
    }
}

extension Problem {
    /// The ledger's database cannot be reached or failed part way: 503, to come back in a minute (the responder adds
    /// Retry-After to every 503). What was being recorded is either recorded whole or not at all (each write is one
    /// transaction), so the person is told to look before sending it again.
    static let ledgerUnavailable = Problem(
        status: .serviceUnavailable, title: "Service Unavailable",
        detail: "The ledger cannot be reached just now. Try again in a minute; if you were recording something, look "
            + "whether it was recorded before you send it again.")
}

/// What the error page shows.
struct ErrorPage: Sendable {
    let status: Int
    let title: String
    let detail: String
    /// Whether to offer the sign-in page (the page needs a signed-in person).
    var signIn = false
}
