/// The 360Giving geoCodeType codelist (`codelists/geoCodeType.csv` of the standard, 1.4.3): the code type of an
/// ONS area code, read from the code's entity (its first three characters, `E07` in `E07000126`).
enum GeoCodeTypes {
    /// ONS entity → 360Giving geoCodeType code.
    static let byEntity: [String: String] = [
        "E00": "OA", "E01": "LSOA", "E02": "MSOA", "E04": "PAR", "E05": "WD", "E06": "UA", "E07": "NMD", "E08": "MD",
        "E09": "LONB", "E10": "CTY", "E12": "RGN/GOR", "E14": "WPC", "E15": "EER", "E21": "CANNET", "E22": "CSP",
        "E23": "PFA", "E25": "PUA", "E26": "NPARK", "E28": "REGD", "E29": "REGSD", "E30": "TTWA", "E31": "FRA",
        "E32": "LAC", "E33": "WZ", "E36": "CMWD", "E37": "LEP", "E38": "CCG", "E39": "NHSAT", "E41": "CMLAD",
        "E42": "CMCTY", "N00": "SA", "N06": "WPC", "S00": "OA", "S01": "DZ", "S02": "IG", "S03": "CHP",
        "S05": "ROA - CPP", "S06": "ROA - Local", "S08": "HB", "S12": "CA", "S13": "WD", "S14": "WPC", "S16": "SPC",
        "S22": "TTWA", "W00": "OA", "W01": "LSOA", "W02": "MSOA", "W03": "USOA", "W04": "COM", "W05": "WD",
        "W06": "UA", "W07": "WPC", "W09": "NAWC", "W14": "CDRP", "W20": "REGD", "W21": "REGSD", "W22": "TTWA",
        "W30": "AgricSmall", "W33": "CFA", "W35": "WZ", "W39": "CMWD", "W40": "CMLAD", "W41": "CMCTY",
    ]

    /// The code type of a nine-character ONS code (a letter and eight digits), or `nil` for any other code or an
    /// entity the codelist does not name.
    static func type(of code: String) -> String? {
        let bytes = Array(code.utf8)
        guard bytes.count == 9, (65...90).contains(bytes[0]), bytes.dropFirst().allSatisfy({ (48...57).contains($0) })
        else { return nil }
        return byEntity[String(code.prefix(3))]
    }

    /// Whether the code is an ONS code for an area of the United Kingdom (England, Wales, Scotland, Northern
    /// Ireland), whose ISO country code is GB.
    static func isUK(_ code: String) -> Bool {
        type(of: code) != nil
    }
}
