import FuzzSupport
import GrantsCore
import GrantsImport
import GrantsRules

// A bid file's text (YAML, or JSON when it starts with `{` or `[`), read as BidFile.read(file:) reads it:
// a refusal names the file and a line of the text; and the document written out as JSON, each value on its
// line, reads as the same tree and then as the same bid (or the same refusal) from the same lines.

func readBid(_ text: String, file: String) -> Result<Sourced<BidForm>, ImportError> {
    Result { () throws(ImportError) in
        try BidFile.bid(from: try DocumentParser.root(of: text, file: file), file: file, formatRequired: true)
    }
}

@main enum FuzzBidFile {
    static func main() {
        fuzzMain { bytes in
            // BidFile.read refuses anything that is not UTF-8 before it parses.
            guard let text = String(validating: bytes, as: UTF8.self) else { return }
            let file = looksLikeJSON(bytes) ? "bid.json" : "bid.yaml"
            let first = readBid(text, file: file)
            if case .failure(let error) = first { checkRefusal(error, files: [file], lines: lineBound(text)) }

            guard let node = try? DocumentParser.root(of: text, file: file), depth(node) <= JSONParser.maximumDepth,
                  let json = renderJSON(node, keepingLines: true)
            else { return }
            do throws(ImportError) {
                let again = try JSONParser.parse(Array(json.utf8), file: "again.json")
                fuzzAssert(sameNode(node, again, lines: true), "\(json) reads back as another tree: \(again)")
            } catch {
                fuzzFail("\(json) is refused when read back: \(error)")
            }
            switch (first, readBid(json, file: "again.json")) {
            case (.success(let a), .success(let b)):
                fuzzAssert(a.value == b.value && a.origin?.line == b.origin?.line,
                           "the bid reads differently as JSON:\n\(a)\n\(b)\nfrom\n\(json)")
            case (.failure(let a), .failure(let b)):
                fuzzAssert(sameRefusal(a, b, file, "again.json"), "the bid is refused differently as JSON:\n\(a)\n\(b)")
            case (let a, let b):
                fuzzFail("the bid reads as \(a), and as JSON as \(b), from\n\(json)")
            }
        }
    }
}
