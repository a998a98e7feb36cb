import Foundation

/// A folder a command writes into, such as the demo's Reports/: made with its parents if it is not there.
public enum OutputFolder {
    /// Makes `path` and any missing parents, as `mkdir -p` does. A failure says what happened to which path, in words.
    public static func create(_ path: String) throws(OutputFileError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else { throw OutputFileError(path: path, "it is a file, not a folder") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try create(parent) }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
            throw OutputFileError(path: path, "could not make the folder (\(OutputFile.systemError()))")
        }
    }
}
