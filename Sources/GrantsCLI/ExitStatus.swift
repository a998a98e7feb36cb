import ArgumentParser
import Foundation
import GrantsCore
import GrantsImport
import GrantsStore

/// The exit codes `grants` uses (from sysexits.h).
enum ExitStatus {
    static let checkFailed = ExitCode(1)
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let ioError = ExitCode(74)
}

/// Prints `error: message` to standard error and returns the exit code to throw.
func failure(_ message: String, _ code: ExitCode) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return code
}

func failure(_ error: LedgerError) -> ExitCode {
    failure(error.description, error.isDataError ? ExitStatus.dataError : ExitStatus.ioError)
}

func failure(_ error: ImportError) -> ExitCode {
    failure(error.description, error.kind == .io ? ExitStatus.ioError : ExitStatus.dataError)
}

func failure(_ error: MoneyError) -> ExitCode {
    failure("cannot total the figures: \(error)", ExitStatus.dataError)
}

/// Writes `text` to `path` whole or not at all: into a temporary file beside it, then renamed over it.
func writeAtomically(_ text: String, to path: String) throws(ExitCode) {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw failure("cannot write \(path): \(error.localizedDescription)", ExitStatus.ioError)
    }
}
