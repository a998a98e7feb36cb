/// One part of a return as read: the header, an award line, a total or a contribution line, with the text and line
/// of each element inside it that a check reads (`ReturnField`; an element that holds others has empty text). The
/// consistency checks read these, and the validator uses them to place libxml2's identity-constraint errors.
struct ReturnRecord {
    /// The kinds of part the checks look at.
    enum Kind {
        case header, award, cspTotal, fundTotal, contribution, payment, claim
    }

    /// A value as written, and the line of its element.
    struct Value {
        let text: String
        let line: Int
    }

    let kind: Kind
    /// The line where the part's element starts.
    let line: Int
    /// The values, by field.
    private var values: [Value?] = Array(repeating: nil, count: ReturnField.allCases.count)

    init(kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    subscript(field: ReturnField) -> Value? { values[field.rawValue] }

    mutating func set(_ field: ReturnField, _ value: Value) {
        values[field.rawValue] = value
    }
}
