import FuzzSupport
import GrantsImport

// The JSON reader (JSONParser, behind every .json ledger, bid and formula file and each line of a .jsonl bid
// file) on any bytes: a refusal names the file and a line of the text; a document read, written out again as
// JSON with each value on its line, reads back as the same tree on the same lines, and written compactly reads
// back as the same tree. The same bytes are also read as JSON Lines of bids, which must never crash.

@main enum FuzzJSON {
    static func main() {
        fuzzMain { bytes in
            let lines = lineBound(bytes)
            do throws(ImportError) {
                let node = try JSONParser.parse(bytes, file: "fuzz.json")
                fuzzAssert(depth(node) <= JSONParser.maximumDepth, "a tree \(depth(node)) deep was read")
                guard let kept = renderJSON(node, keepingLines: true) else {
                    fuzzFail("the tree read cannot be written on its own lines: \(node)")
                }
                let compact = renderJSON(node, keepingLines: false)!
                for (text, lines) in [(kept, true), (compact, false)] {
                    do throws(ImportError) {
                        let again = try JSONParser.parse(Array(text.utf8), file: "fuzz.json")
                        fuzzAssert(sameNode(node, again, lines: lines), "\(text) reads back as another tree: \(again)")
                    } catch {
                        fuzzFail("\(text) is refused when read back: \(error)")
                    }
                }
            } catch {
                checkRefusal(error, files: ["fuzz.json"], lines: lines)
            }
            do throws(ImportError) {
                _ = try BidFile.jsonLines(bytes, file: "fuzz.jsonl")
            } catch {
                checkRefusal(error, files: ["fuzz.jsonl"], lines: lines)
            }
        }
    }
}
