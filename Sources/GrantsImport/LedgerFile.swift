import Foundation
import GrantsCore

/// Reads ledger files (`format: grants-ledger/1`, YAML or JSON) into a batch of entries, each with its origin.
public enum LedgerFile {
    /// The format line every ledger file starts with.
    public static let format = "grants-ledger/1"

    /// The sections a ledger file may hold, in the order entries are recorded.
    public static let sections = EntryKind.allCases.compactMap { $0.fileEntry?.section }

    /// Larger files are refused rather than read into memory.
    public static let maximumFileSize = 64 * 1024 * 1024

    /// Reads every file named, a folder standing for the `.yaml`, `.yml` and `.json` files in it (sorted by name).
    /// One bad file or record and nothing is returned.
    public static func read(paths: [String]) throws(ImportError) -> LedgerBatch {
        var batch = LedgerBatch()
        for file in try expand(paths) {
            batch.append(contentsOf: try read(file: file))
        }
        return batch
    }

    /// The names in a folder, or an error in words (never an error domain or number).
    private static func folderNames(_ path: String) throws(ImportError) -> [String] {
        guard let folder = opendir(path) else {
            throw ImportError(.io, file: path, line: 0, field: "", "cannot list the folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The files a list of paths stands for: each file as given, each folder's files with one of `extensions`
    /// (by default the ledger's: .yaml, .yml, .json) sorted by name.
    public static func expand(_ paths: [String], extensions: [String] = [".yaml", ".yml", ".json"]) throws(ImportError)
        -> [String]
    {
        var files: [String] = []
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else {
                let code = errno
                throw ImportError(.io, file: path, line: 0, field: "",
                                  code == ENOENT ? "no such file or folder" : "cannot open it: \(String(cString: strerror(code)))")
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                let names = try folderNames(path)
                let ledgerFiles = names.filter { name in
                    !name.hasPrefix(".") && extensions.contains { name.lowercased().hasSuffix($0) }
                }.sorted()
                if ledgerFiles.isEmpty {
                    throw ImportError(
                        .io, file: path, line: 0, field: "",
                        "the folder holds no \(extensions.joined(separator: ", ")) files")
                }
                let base = path.hasSuffix("/") ? path : path + "/"
                files += ledgerFiles.map { base + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// Reads one file.
    public static func read(file: String) throws(ImportError) -> LedgerBatch {
        let bytes = try SourceFile.bytes(of: file, limit: maximumFileSize, why: "split it into smaller files")
        return try parse(try SourceFile.text(bytes, file: file), file: file)
    }

    /// Parses the text of a ledger file; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ImportError) -> LedgerBatch {
        var top = try FieldReader.document(text, file: file, format: Self.format)
        var batch = LedgerBatch()
        for kind in EntryKind.allCases {
            guard let type = kind.fileEntry else {
                throw ImportError(file: file, line: 0, field: "", "this version cannot read \(kind.title) entries")
            }
            try section(type, from: &top, into: &batch)
        }
        try top.finish()
        return batch
    }

    private static func section<Entry: LedgerFileEntry>(
        _ type: Entry.Type, from top: inout FieldReader, into batch: inout LedgerBatch
    ) throws(ImportError) {
        batch[keyPath: Entry.batchEntries] = try records(&top, Entry.section, Entry.parse)
    }

    private static func records<T>(
        _ top: inout FieldReader, _ section: String, _ parse: (inout FieldReader) throws(ImportError) -> T
    ) throws(ImportError) -> [Sourced<T>] {
        guard let node = top.take(section) else { return [] }
        guard case .sequence(let sequence, _) = node else {
            if node.isNull { return [] }
            throw top.error(section, "expected a list of \(section.replacingOccurrences(of: "_", with: " ")), found \(node.kindName)")
        }
        var result: [Sourced<T>] = []
        for (index, item) in sequence.enumerated() {
            var reader = try FieldReader(file: top.file, path: "\(section)[\(index)]", node: item)
            let value = try parse(&reader)
            try reader.finish()
            result.append(Sourced(value, origin: reader.origin))
        }
        return result
    }
}

