import Testing
@testable import GrantsCore

@Suite struct PriorityTests {
    @Test func acceptsKnownSlug() throws {
        let priority = try Priority(parsing: "hate-crime")
        #expect(priority.slug == "hate-crime")
        #expect(priority.title == "Hate crime")
    }

    @Test func acceptsEveryKnownSlug() throws {
        for (slug, title) in Priority.known {
            #expect(try Priority(parsing: slug).title == title)
        }
        #expect(Priority.known.count == 13)
    }

    @Test(arguments: ["Hate Crime", "hate crime", "HATE-CRIME", "", "hate-crime ", "hatecrime"])
    func refusesUnknown(text: String) {
        #expect(throws: PriorityError.unknown(text)) { try Priority(parsing: text) }
    }

    @Test func refusalListsKnownSlugs() {
        #expect(throws: PriorityError.unknown("Hate Crime")) { try Priority(parsing: "Hate Crime") }
        #expect(
            PriorityError.unknown("Hate Crime").description
                == "'Hate Crime' is not a police and crime plan priority; expected one of anti-social-behaviour, "
                + "community-engagement, crime-reduction, cybercrime, domestic-abuse, early-action, hate-crime, "
                + "modern-slavery, reoffending, road-safety, serious-organised-crime, sexual-violence, substance-misuse"
        )
    }

    @Test func ordersBySlug() throws {
        #expect(try Priority(parsing: "domestic-abuse") < Priority(parsing: "hate-crime"))
    }
}
