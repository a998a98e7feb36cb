import FuzzSupport
import GrantsCore
import GrantsImport

// An allocation formula file through FormulaFile.read(file:), which reads files only: the input is the
// formula's text (YAML, or JSON when it starts with `{` or `[`), then, after a NUL byte, the indicators CSV
// that a weighted formula names as `indicators.csv` (without a NUL, the sample's indicators). A refusal names
// one of the two files and, in them, a line of the text; the formula written out as JSON, each value on its
// line, reads as the same formula (or the same refusal).

/// Samples/formulas/indicators-2018-19.csv, cut down.
let defaultIndicators = """
    csp,population,recorded_crime,demand
    360G-LancashirePCC-CSP-BURNLEY,88000,11800,61.5
    360G-LancashirePCC-CSP-CHORLEY,116000,8300,44.0
    360G-LancashirePCC-CSP-FYLDE,79000,5100,32.5

    """

func read(_ file: String) -> Result<AllocationFormula, ImportError> {
    Result { () throws(ImportError) in try FormulaFile.read(file: file) }
}

@main enum FuzzFormulaFile {
    static func main() {
        fuzzMain { bytes in
            let split = bytes.firstIndex(of: 0)
            let formula = Array(bytes[..<(split ?? bytes.endIndex)])
            let indicators = split.map { Array(bytes[($0 + 1)...]) } ?? Array(defaultIndicators.utf8)
            let name = looksLikeJSON(formula) ? "formula.json" : "formula.yaml"
            let path = Scratch.write(name, formula)
            let csvPath = Scratch.write("indicators.csv", indicators)
            let first = read(path)
            if case .failure(let error) = first {
                switch error.file {
                case path: checkRefusal(error, files: [path], lines: lineBound(formula))
                case csvPath: checkRefusal(error, files: [csvPath], lines: lineBound(indicators))
                default: break  // another file the formula names; it is only read
                }
            }

            guard let text = String(validating: formula, as: UTF8.self),
                  let node = try? DocumentParser.root(of: text, file: path), depth(node) <= JSONParser.maximumDepth,
                  let json = renderJSON(node, keepingLines: true)
            else { return }
            let again = Scratch.write("again.json", Array(json.utf8))
            switch (first, read(again)) {
            case (.success(let a), .success(let b)):
                fuzzAssert(a == b, "the formula reads differently as JSON:\n\(a)\n\(b)\nfrom\n\(json)")
            case (.failure(let a), .failure(let b)):
                fuzzAssert(sameRefusal(a, b, path, again), "the formula is refused differently as JSON:\n\(a)\n\(b)")
            case (let a, let b):
                fuzzFail("the formula reads as \(a), and as JSON as \(b), from\n\(json)")
            }
        }
    }
}
