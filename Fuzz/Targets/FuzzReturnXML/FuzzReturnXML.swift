import FuzzSupport
import GrantsXML

// validate-return's XML reader (ReturnValidator.validate(file:), libxml2 against grants-return-1.xsd) on any
// bytes: a readable file is never an error, only valid or invalid with at least one issue, each on a line of
// the text; a document with a DOCTYPE anywhere is never valid; and validating the same file again gives the
// same answer (the compiled schema is shared between validations).

/// Where `word` starts in `bytes`.
func offsets(of word: String, in bytes: [UInt8]) -> [Int] {
    let word = Array(word.utf8)
    return bytes.indices.filter { bytes[$0...].starts(with: word) }
}

@main enum FuzzReturnXML {
    static func main() {
        fuzzMain { bytes in
            let path = Scratch.write("return.xml", bytes)
            let result: ValidationResult
            do throws(XMLReturnError) {
                result = try ReturnValidator.validate(file: path)
            } catch {
                fuzzFail("a readable file is an error: \(error)")
            }
            let lines = lineBound(bytes)
            switch result {
            case .valid:
                // A comment, a CDATA section or a processing instruction may hold the words; nothing else may.
                let hidden = offsets(of: "<!--", in: bytes).count + offsets(of: "<![CDATA[", in: bytes).count > 0
                    || offsets(of: "<?", in: bytes).contains { $0 > 0 }
                fuzzAssert(hidden || offsets(of: "<!DOCTYPE", in: bytes).isEmpty, "a document with a DOCTYPE is valid")
            case .invalid(let issues):
                fuzzAssert(!issues.isEmpty, "invalid without an issue")
                for issue in issues {
                    fuzzAssert((0...lines).contains(issue.line), "an issue on line \(issue.line) of \(lines): \(issue)")
                    fuzzAssert(!issue.message.isEmpty, "an issue says nothing, line \(issue.line)")
                }
            }
            do throws(XMLReturnError) {
                let again = try ReturnValidator.validate(file: path)
                fuzzAssert(again == result, "validated again: \(again), first \(result)")
            } catch {
                fuzzFail("a readable file is an error the second time: \(error)")
            }
        }
    }
}
