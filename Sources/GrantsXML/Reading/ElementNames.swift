import CLibXML2
import Foundation

/// The elements of a return that its reading tells apart; every other name is `other`.
enum ReturnElement: String {
    case `return`, header, period, scope, awards, award, totals, cspTotal, fundTotal, contributions, contribution
    case label, financialYear, quarter, asOf, firstDay, lastDay, fund, csp, id, awardDate, plannedStart, plannedEnd
    case awarded, released, committed, paidInPeriod, paidToDate, outstanding, returned, expected, received
    case payments, payment, claims, claim
    case other
}

/// The element names a reader meets, each made a `ReturnElement` once, so that reading a return compares small
/// numbers rather than strings. libxml2's reader keeps one copy of each name in its dictionary and hands out the
/// same pointer every time, so the pointer is the key; the name is compared again on every use (a few bytes), so a
/// pointer that ever came to hold another name could not be mistaken for the first.
struct ElementNames {
    private var known: [UnsafePointer<xmlChar>: (element: ReturnElement, name: [CChar])] = [:]

    /// The element named at `pointer` (from `xmlTextReaderConstLocalName`).
    mutating func element(_ pointer: UnsafePointer<xmlChar>?) -> ReturnElement {
        guard let pointer else { return .other }
        let name = UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)
        if let entry = known[pointer], strcmp(entry.name, name) == 0 { return entry.element }
        let text = String(cString: name)
        let element = ReturnElement(rawValue: text) ?? .other
        // A hostile document can have any number of names: keep a bounded number, and look the rest up each time.
        if known.count < 1_000 { known[pointer] = (element, Array(text.utf8CString)) }
        return element
    }
}
