import Foundation

/// Finds a file or folder shipped as a package resource, by hand rather than through `Bundle.module`, which stops
/// the program when the resources are missing: a binary copied away from its build folder must fail with a clear
/// error instead.
public enum ShippedResource {
    /// `relativePath` inside the resource bundle `bundleName` (such as `grants_GrantsXML.resources`) beside the
    /// executable or the main bundle, or, in a checkout, inside `sourceFolder`; `nil` when none is there.
    public static func find(
        _ relativePath: String, bundle bundleName: String, sourceFolder: URL, isFolder wantFolder: Bool
    ) -> URL? {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let candidates = [
            executable.deletingLastPathComponent().appendingPathComponent(bundleName),
            Bundle.main.bundleURL.appendingPathComponent(bundleName),
            // In a checkout, the sources themselves.
            sourceFolder,
        ]
        for candidate in candidates {
            let url = candidate.appendingPathComponent(relativePath)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue == wantFolder {
                return url
            }
        }
        return nil
    }
}
