import FuzzSupport
import GrantsCore
import GrantsImport

// A ledger file's text (YAML, or JSON when it starts with `{` or `[`) through LedgerFile.parse: a refusal
// names the file and a line of the text; and the document written out as JSON, each value on its line, reads
// as the same tree and then as the same batch (or the same refusal) from the same lines.

/// Every origin in `batch` naming `file` instead.
func relabel(_ batch: LedgerBatch, file: String) -> LedgerBatch {
    func relabel<T>(_ items: [Sourced<T>]) -> [Sourced<T>] {
        items.map { item in
            Sourced(item.value, origin: item.origin.map { Origin(file: file, line: $0.line, fieldLines: $0.fieldLines) })
        }
    }
    var batch = batch
    batch.organisations = relabel(batch.organisations)
    batch.funds = relabel(batch.funds)
    batch.allocations = relabel(batch.allocations)
    batch.allocationChanges = relabel(batch.allocationChanges)
    batch.bids = relabel(batch.bids)
    batch.awards = relabel(batch.awards)
    batch.claims = relabel(batch.claims)
    batch.payments = relabel(batch.payments)
    batch.closures = relabel(batch.closures)
    batch.awardWithdrawals = relabel(batch.awardWithdrawals)
    batch.underspendRepayments = relabel(batch.underspendRepayments)
    batch.contributions = relabel(batch.contributions)
    batch.withdrawals = relabel(batch.withdrawals)
    batch.receipts = relabel(batch.receipts)
    batch.yearClosures = relabel(batch.yearClosures)
    return batch
}

func parse(_ text: String, file: String) -> Result<LedgerBatch, ImportError> {
    Result { () throws(ImportError) in try LedgerFile.parse(text, file: file) }
}

@main enum FuzzLedgerFile {
    static func main() {
        fuzzMain { bytes in
            // LedgerFile.read refuses anything that is not UTF-8 before it parses.
            guard let text = String(validating: bytes, as: UTF8.self) else { return }
            let file = looksLikeJSON(bytes) ? "ledger.json" : "ledger.yaml"
            let first = parse(text, file: file)
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
            switch (first, parse(json, file: "again.json")) {
            case (.success(let a), .success(let b)):
                fuzzAssert(relabel(a, file: "ledger") == relabel(b, file: "ledger"),
                           "the ledger reads differently as JSON:\n\(a)\n\(b)\nfrom\n\(json)")
            case (.failure(let a), .failure(let b)):
                fuzzAssert(sameRefusal(a, b, file, "again.json"), "the ledger is refused differently as JSON:\n\(a)\n\(b)")
            case (let a, let b):
                fuzzFail("the ledger reads as \(a), and as JSON as \(b), from\n\(json)")
            }
        }
    }
}
