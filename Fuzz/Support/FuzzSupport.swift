import CLibFuzzer
import Foundation
import GrantsImport

// What every fuzz target shares: the entry point (libFuzzer's driver in a fuzzing build, a replay of the files
// named in a normal one), the assertion that stops the run, a scratch folder for parsers that read files, and
// the checks that apply to every refusal (the file it names, a line inside the text).

/// Runs `body` on each input: under libFuzzer when built by scripts/fuzz.sh (`-DFUZZING`), which then takes
/// libFuzzer's flags (`-max_total_time=30 corpus/`); otherwise on each file named, or each file in each folder
/// named, so that `swift run FuzzMoney crash-…` replays a saved input without the fuzzer.
public func fuzzMain(_ body: @escaping ([UInt8]) -> Void) -> Never {
    FuzzBody.current = body
    #if FUZZING
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        FuzzBody.current?(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    })
    #else
    var files: [String] = []
    for argument in CommandLine.arguments.dropFirst() where !argument.hasPrefix("-") {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
            FileHandle.standardError.write(Data("\(argument): no such file or folder\n".utf8))
            exit(66)
        }
        if isFolder.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
            files += names.filter { !$0.hasPrefix(".") }.sorted().map { argument + "/" + $0 }
        } else {
            files.append(argument)
        }
    }
    for file in files {
        guard let data = FileManager.default.contents(atPath: file) else { continue }
        body([UInt8](data))
    }
    print("replayed \(files.count) input\(files.count == 1 ? "" : "s") without a failure")
    exit(0)
    #endif
}

private enum FuzzBody {
    /// Set once, before libFuzzer starts; libFuzzer calls the target from one thread.
    nonisolated(unsafe) static var current: (([UInt8]) -> Void)?
}

/// Stops the run with `message` on stderr when `condition` is false: libFuzzer treats the abort as a crash and
/// saves the input.
public func fuzzAssert(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() { fuzzFail(message(), file: file, line: line) }
}

/// Stops the run with `message` on stderr.
public func fuzzFail(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    let text = "fuzzAssert failed at \(file):\(line): \(message)\n"
    _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    abort()
}

/// A folder of its own for this process, for parsers that only read files: each write replaces the file.
public enum Scratch {
    public static let folder: String = {
        var template = Array((NSTemporaryDirectory() + "/grants-fuzz-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            fuzzFail("cannot make a scratch folder in \(NSTemporaryDirectory())")
        }
        return String(cString: made)
    }()

    /// Writes `bytes` to `name` in the scratch folder and returns its path.
    @discardableResult
    public static func write(_ name: String, _ bytes: some Collection<UInt8>) -> String {
        let path = folder + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { fuzzFail("cannot write \(path)") }
        defer { close(descriptor) }
        let written = Array(bytes).withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { fuzzFail("cannot write \(path)") }
        return path
    }
}

/// The most lines a reader could count in `text`: one more than its line breaks, counting each of LF, CR, NEL,
/// LS and PS (YAML breaks lines at each of them; JSON, CSV and the ledger readers only at LF).
public func lineBound(_ text: String) -> Int {
    1 + text.unicodeScalars.count { ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
}

/// `lineBound` of bytes read as UTF-8 (invalid sequences count as nothing).
public func lineBound(_ bytes: [UInt8]) -> Int { lineBound(String(decoding: bytes, as: UTF8.self)) }

/// Whether the text's first byte after white space opens a JSON object or list: the targets that read both
/// YAML and JSON files name such an input `….json` and anything else `….yaml`.
public func looksLikeJSON(_ bytes: some Sequence<UInt8>) -> Bool {
    guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
}

/// Checks what every refusal promises: it names one of `files`, a line from 0 (the whole file) to the last
/// line of the text, and says something.
public func checkRefusal(
    _ error: ImportError, files: Set<String>, lines: Int, file: StaticString = #fileID, line: UInt = #line
) {
    fuzzAssert(files.contains(error.file), "the refusal names \(error.file), not one of \(files.sorted()): \(error)",
               file: file, line: line)
    fuzzAssert((0...lines).contains(error.line), "the refusal's line is outside 0...\(lines): \(error)",
               file: file, line: line)
    fuzzAssert(!error.message.isEmpty, "the refusal says nothing: \(error)", file: file, line: line)
}

/// Whether two refusals are the same but for the file they name (`a` naming `fileA` where `b` names `fileB`).
public func sameRefusal(_ a: ImportError, _ b: ImportError, _ fileA: String, _ fileB: String) -> Bool {
    (a.file == b.file || (a.file == fileA && b.file == fileB)) && a.line == b.line && a.field == b.field
        && a.kind == b.kind && a.message == b.message
}

/// Whether two strings hold the same Unicode scalars (not merely canonically equivalent ones, which `==`
/// accepts).
public func sameScalars(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
    a.unicodeScalars.elementsEqual(b.unicodeScalars)
}

// MARK: - Document trees

/// How deep a tree nests: 1 for a single value, one more for each mapping or list around it.
public func depth(_ node: DocNode) -> Int {
    switch node {
    case .scalar: 1
    case .mapping(let members, _): 1 + (members.map { depth($0.value) }.max() ?? 0)
    case .sequence(let items, _): 1 + (items.map(depth).max() ?? 0)
    }
}

/// Whether two trees hold the same values in the same order (a null equals any null, whatever its text:
/// YAML's `~`, `null` and nothing are all JSON's `null`), and, with `lines`, on the same lines.
public func sameNode(_ a: DocNode, _ b: DocNode, lines: Bool) -> Bool {
    if lines && a.line != b.line { return false }
    switch (a, b) {
    case (.scalar(let x, let xNull, _), .scalar(let y, let yNull, _)):
        return xNull == yNull && (xNull || sameScalars(x, y))
    case (.mapping(let x, _), .mapping(let y, _)):
        return x.count == y.count
            && zip(x, y).allSatisfy { sameScalars($0.key, $1.key) && sameNode($0.value, $1.value, lines: lines) }
    case (.sequence(let x, _), .sequence(let y, _)):
        return x.count == y.count && zip(x, y).allSatisfy { sameNode($0, $1, lines: lines) }
    default:
        return false
    }
}

/// The tree written as JSON: each scalar a string (or `null`), keys in order. With `keepingLines`, each value
/// starts on the line it started on before (a key goes on its value's line), or the result is `nil` when the
/// lines cannot be kept (a line before the one already reached, or 0).
public func renderJSON(_ node: DocNode, keepingLines: Bool) -> String? {
    var writer = JSONWriter(keepingLines: keepingLines)
    guard writer.write(node) else { return nil }
    return writer.text + "\n"
}

private struct JSONWriter {
    let keepingLines: Bool
    var text = ""
    var line = 1

    /// Moves to `target` with new lines; false when that would mean going back.
    mutating func advance(to target: Int) -> Bool {
        guard keepingLines else { return true }
        guard target >= line else { return false }
        while line < target {
            text += "\n"
            line += 1
        }
        return true
    }

    mutating func write(_ node: DocNode) -> Bool {
        guard advance(to: node.line) else { return false }
        switch node {
        case .scalar(let value, let isNull, _):
            if isNull { text += "null" } else { string(value) }
        case .mapping(let members, _):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                guard advance(to: member.value.line) else { return false }
                string(member.key)
                text += ":"
                guard write(member.value) else { return false }
            }
            text += "}"
        case .sequence(let items, _):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                guard write(item) else { return false }
            }
            text += "]"
        }
        return true
    }

    mutating func string(_ value: String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                text += "\\u00" + String(scalar.value >> 4, radix: 16) + String(scalar.value & 0xF, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
