import ArgumentParser
import Foundation
import GrantsCore
import GrantsReports
import GrantsWorkflows

/// The exit codes `grants` uses (from sysexits.h).
enum ExitStatus {
    static let checkFailed = ExitCode(1)
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let ioError = ExitCode(74)

    /// The exit code for a kind of failure: the one place failures become exit codes.
    static func code(for kind: FailureKind) -> ExitCode {
        switch kind {
        case .checkFailed: checkFailed
        case .usage: usage
        case .badData: dataError
        case .io, .unavailable: ioError
        }
    }
}

/// Prints `error: message` to standard error and returns the exit code to throw.
func failure(_ error: some ClassifiedError) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(TerminalText.inert(error.description))\n".utf8))
    return ExitStatus.code(for: error.failureKind)
}

/// Runs a workflow step, turning its failure into the exit code (after printing it).
func attempt<T>(_ body: () throws(WorkflowError) -> T) throws(ExitCode) -> T {
    do {
        return try body()
    } catch {
        throw failure(error)
    }
}
