import Foundation

/// Where the package's own files are, found from this source file: Tests/GrantsTestSupport/PackageFiles.swift.
public enum PackageFiles {
    /// The package's root folder.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The Lancashire 2017/18 sample ledger files.
    public static let samples = root.appendingPathComponent("Samples/lancashire-2017-18").path

    /// The example bids checked by `grants demo`.
    public static let bids = root.appendingPathComponent("Samples/bids-2017-18").path

    /// The sample allocation formulas.
    public static let formulas = root.appendingPathComponent("Samples/formulas")

    /// The committed output of `grants demo`.
    public static let reports = root.appendingPathComponent("Reports")
}
