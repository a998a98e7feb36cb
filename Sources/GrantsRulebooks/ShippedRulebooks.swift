import Foundation
import GrantsFiles

/// The rulebooks shipped with `grants`: one per scheme and financial year, with their test cases, under
/// `Rulebooks/<scheme>/<yyyy-yy>.yaml` and `<yyyy-yy>.tests.yaml`.
public enum ShippedRulebooks {
    /// The folder holding them, or `nil` when the resources were not shipped beside the binary.
    ///
    /// Looked up by hand rather than through `Bundle.module`, which stops the program when the folder is
    /// missing: a binary copied away from its build folder must fail with a clear error instead.
    public static var folder: URL? {
        ShippedResource.find(
            "Rulebooks", bundle: "grants_GrantsRulebooks.resources",
            sourceFolder: URL(fileURLWithPath: #filePath).deletingLastPathComponent(), isFolder: true)
    }

    /// The path of the shipped rulebook for a scheme (`community-action-fund`) and year label (`2017/18`).
    public static func path(scheme: String, year: String) -> String? {
        guard let folder else { return nil }
        let file = folder.appendingPathComponent(scheme).appendingPathComponent(fileName(year) + ".yaml")
        return FileManager.default.fileExists(atPath: file.path) ? file.path : nil
    }

    /// Every shipped rulebook, sorted by path.
    public static func all() -> [String] {
        guard let folder else { return [] }
        let schemes = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return schemes.sorted().flatMap { scheme -> [String] in
            let schemeFolder = folder.appendingPathComponent(scheme)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: schemeFolder.path)) ?? []
            return files.filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".tests.yaml") }.sorted()
                .map { schemeFolder.appendingPathComponent($0).path }
        }
    }

    /// The tests file kept beside a rulebook: `2017-18.yaml` → `2017-18.tests.yaml`.
    public static func testsPath(for rulebook: String) -> String {
        let base = rulebook.hasSuffix(".yaml") ? String(rulebook.dropLast(5)) : rulebook
        return base + ".tests.yaml"
    }

    /// How reports name a shipped rulebook, the same wherever the binary is: `shipped csp-grant/2017-18.yaml`.
    public static func displayName(of path: String) -> String? {
        guard let folder, path.hasPrefix(folder.path + "/") else { return nil }
        return "shipped " + path.dropFirst(folder.path.count + 1)
    }

    /// `2017/18` → `2017-18`.
    static func fileName(_ year: String) -> String {
        String(year.map { $0 == "/" ? "-" : $0 })
    }
}
