/// The formats a spend return is written in.
public enum ReturnFormat: String, CaseIterable, Sendable {
    /// RFC 4180 CSV with fixed columns.
    case csv
    /// XML in the `urn:lancashire-opcc:grants:return:1` namespace, validated against the shipped XSD.
    case xml
    /// An XLSX workbook: Summary, Awards and Contributions sheets.
    case xlsx
    /// A 360Giving JSON package.
    case threeSixtyGivingJSON = "360giving-json"
    /// A one-sheet 360Giving CSV with the official column titles.
    case threeSixtyGivingCSV = "360giving-csv"

    /// Whether the format can only be written to a file (the XML is validated before it is kept; XLSX is a zip).
    public var needsFile: Bool { self == .xml || self == .xlsx }
}

/// How a return is published, beyond its figures.
public struct ReturnOptions: Sendable {
    /// CSV for Excel: starts with a byte-order mark.
    public var excel: Bool
    /// The 360Giving identifier prefix: `360G-<prefix>-<award id>`.
    public var prefix: String
    /// Where the data is published, for 360Giving.
    public var dataSource: String?
    /// The ledger's last change, for 360Giving's dateModified.
    public var lastModified: String
    /// The licence the 360Giving data is published under: its canonical web address.
    public var licence: String?
    /// The publisher's website, for the 360Giving package.
    public var publisherWebsite: String?

    /// Options for a return.
    public init(
        excel: Bool = false, prefix: String = "LancashirePCC", dataSource: String? = nil, lastModified: String,
        licence: String? = nil, publisherWebsite: String? = nil
    ) {
        self.excel = excel
        self.prefix = prefix
        self.dataSource = dataSource
        self.lastModified = lastModified
        self.licence = licence
        self.publisherWebsite = publisherWebsite
    }
}
