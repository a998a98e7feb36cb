import GrantsImport
import GrantsTestSupport
import Testing

/// Formula files and their indicator tables: a value too large to scale is refused naming its cell, never a trap.
@Suite struct FormulaFileTests {
    static let formula = """
        format: grants-formula/1
        weighted:
          floor: "5000.00"
          indicators_file: indicators.csv
          weights: {population: 50, demand: 50}

        """

    @Test(arguments: ["922337203685477.9999", "922337203685478", "99999999999999999999"])
    func anIndicatorTooLargeToScaleIsRefusedAtItsCell(value: String) throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("indicators.csv", """
            csp,population,demand
            360G-Test-CSP-A,1000,\(value)
            360G-Test-CSP-B,2000,3

            """)
        let path = try folder.write("formula.yaml", Self.formula)
        let error = #expect(throws: ImportError.self) { try FormulaFile.read(file: path) }
        #expect(error?.line == 2)
        #expect(error?.field == "demand")
        #expect(error?.description.contains("'\(value)'") == true)
    }

    @Test func theLargestScalableIndicatorIsRead() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("indicators.csv", """
            csp,population,demand
            360G-Test-CSP-A,1000,922337203685477.5807
            360G-Test-CSP-B,2000,3

            """)
        let path = try folder.write("formula.yaml", Self.formula)
        let formula = try FormulaFile.read(file: path)
        #expect(formula.csps.count == 2)
    }
}
