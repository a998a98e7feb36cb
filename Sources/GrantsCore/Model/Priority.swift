/// A police and crime plan priority, named by a short slug such as `hate-crime`.
public struct Priority: Hashable, Comparable, Sendable {
    /// The short name, such as `hate-crime`, as files write it.
    public let slug: String

    /// The priorities named in the Lancashire police and crime plan.
    public static let known: [String: String] = [
        "serious-organised-crime": "Serious and organised crime",
        "modern-slavery": "Modern slavery",
        "cybercrime": "Cybercrime",
        "community-engagement": "Community engagement",
        "crime-reduction": "Crime reduction with partners",
        "substance-misuse": "Substance misuse",
        "early-action": "Early action",
        "hate-crime": "Hate crime",
        "road-safety": "Road safety",
        "anti-social-behaviour": "Anti-social behaviour",
        "domestic-abuse": "Domestic abuse",
        "sexual-violence": "Sexual violence",
        "reoffending": "Reoffending",
    ]

    /// Accepts one of the known slugs.
    public init(parsing text: String) throws(PriorityError) {
        guard Priority.known[text] != nil else { throw .unknown(text) }
        self.slug = text
    }

    /// Orders priorities by slug, for stable listings.
    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.slug < rhs.slug }

    /// The priority as people say it.
    public var title: String { Priority.known[slug] ?? slug }

    /// `priorities` in their order, each once.
    public static func eachOnce(_ priorities: [Priority]) -> [Priority] {
        priorities.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }
}

/// Why a priority could not be read.
public enum PriorityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The slug is not one of the known priorities.
    case unknown(String)

    /// The error as shown to the person who wrote the priority, listing every known slug.
    public var description: String {
        switch self {
        case .unknown(let text):
            "'\(text)' is not a police and crime plan priority; expected one of "
                + Priority.known.keys.sorted().joined(separator: ", ")
        }
    }
}
