// swift-tools-version: 6.1
import PackageDescription

// CI's sanitizer builds (.ci/run) test the ledger, the parsers and the workflows, none of which is the web or
// PostgreSQL. With GRANTS_WITHOUT_WEB set, the package leaves out the web application, the PostgreSQL store and what
// only they need (Hummingbird, SwiftNIO, swift-mustache, postgres-nio, and BoringSSL through HummingbirdTesting and
// swift-nio-ssl), so those builds do not compile them; `grants serve` and `--db postgres://…` are then not in the
// binary. Every other build has both.
let withWeb = Context.environment["GRANTS_WITHOUT_WEB"] == nil

let package = Package(
    name: "grants",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "grants", targets: ["grants"]),
        .library(name: "GrantsCore", targets: ["GrantsCore"]),
        .library(name: "GrantsStore", targets: ["GrantsStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Only its bcrypt (C, no Hummingbird), for the accounts' passwords.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // SHA-256, for the sessions' tokens (the ledger keeps their hashes).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // The domain model: money, days, financial years, organisations, funds, awards. Foundation only, no I/O.
        .target(name: "GrantsCore"),
        // The ledger in SQLite: migrations, invariants, history, status queries.
        .target(
            name: "GrantsStore",
            dependencies: [
                "GrantsCore", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own column readers, for the rows the ledger reads (SQLiteSession).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The eligibility rules engine: bids, dated rulebooks, the closed set of check kinds. No I/O.
        .target(name: "GrantsRules", dependencies: ["GrantsCore"]),
        // The rulebooks shipped with the tool, as resources, and where to find them.
        .target(name: "GrantsRulebooks", dependencies: ["GrantsFiles"], resources: [.copy("Rulebooks")]),
        // Reading ledger files (YAML or JSON) into domain records, with file, line and field on every error.
        .target(name: "GrantsImport", dependencies: ["GrantsCore", "GrantsRules", "Yams"]),
        // libxml2 and libxlsxwriter from Debian's -dev packages.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // The one way a command writes a file: whole or not at all, or into a device, never replacing one.
        .target(name: "GrantsFiles", dependencies: ["GrantsCore"]),
        // Spend returns as XML (libxml2's streaming writer), the XSD that describes them, and validation.
        .target(name: "GrantsXML", dependencies: ["GrantsCore", "GrantsFiles", "CLibXML2"], resources: [.copy("Schema")]),
        // Spend returns as XLSX workbooks (libxlsxwriter).
        .target(name: "GrantsSpreadsheet", dependencies: ["GrantsCore", "GrantsFiles", "CXlsxWriter"]),
        // Rendering reports (status as text, JSON, CSV) from domain values.
        .target(name: "GrantsReports", dependencies: ["GrantsCore", "GrantsRules"]),
        // Every workflow as a function of plain values (award, screen bids, allocate, claim, pay, close, year end,
        // returns, demo), over any LedgerStore. Never prints, exits or reads the clock. The CLI and the web app call it.
        .target(
            name: "GrantsWorkflows",
            dependencies: [
                "GrantsCore", "GrantsFiles", "GrantsImport", "GrantsReports", "GrantsRules", "GrantsRulebooks",
                "GrantsXML", "GrantsSpreadsheet", .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The commands: parse arguments, call one workflow, render.
        .target(
            name: "GrantsCLI",
            dependencies: [
                "GrantsCore", "GrantsStore", "GrantsImport", "GrantsReports", "GrantsRules", "GrantsRulebooks",
                "GrantsXML", "GrantsWorkflows",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + (withWeb ? [
                "GrantsWeb", "GrantsPostgres", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ] : []),
            swiftSettings: withWeb ? [.define("GRANTS_WEB"), .define("GRANTS_POSTGRES")] : []
        ),
        .executableTarget(name: "grants", dependencies: ["GrantsCLI"]),
        // Benchmarks that print figures: `swift run -c release grants-bench check-bids`.
        .executableTarget(
            name: "grants-bench",
            dependencies: ["GrantsCore", "GrantsImport", "GrantsRules", "GrantsRulebooks", "GrantsReports", "GrantsXML"]
        ),
        // Fixtures shared by the tests; not shipped.
        .target(
            name: "GrantsTestSupport",
            dependencies: ["GrantsCore", "GrantsStore", "GrantsImport", .product(name: "GRDB", package: "GRDB.swift")]
                + (withWeb ? ["GrantsPostgres"] : []),
            path: "Tests/GrantsTestSupport"
        ),
        .testTarget(name: "GrantsCoreTests", dependencies: ["GrantsCore", "GrantsTestSupport"]),
        .testTarget(name: "GrantsReportsTests", dependencies: ["GrantsReports", "GrantsCore", "GrantsStore", "GrantsImport", "GrantsTestSupport"]),
        .testTarget(
            name: "GrantsXMLTests", dependencies: ["GrantsXML", "GrantsCore", "GrantsStore", "GrantsImport", "GrantsTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "GrantsSpreadsheetTests",
            dependencies: ["GrantsSpreadsheet", "GrantsCore", "GrantsStore", "GrantsImport", "GrantsTestSupport"]
        ),
        .testTarget(
            name: "GrantsRulesTests",
            dependencies: [
                "GrantsCore", "GrantsRules", "GrantsImport", "GrantsRulebooks", "GrantsStore", "GrantsTestSupport",
            ]
        ),
        .testTarget(
            name: "GrantsStoreTests",
            dependencies: [
                "GrantsCore", "GrantsStore", "GrantsImport", "GrantsTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "GrantsImportTests", dependencies: ["GrantsCore", "GrantsImport", "GrantsStore", "GrantsTestSupport"]),
        .testTarget(
            name: "GrantsWorkflowsTests",
            dependencies: [
                "GrantsWorkflows", "GrantsCore", "GrantsRules", "GrantsImport", "GrantsStore", "GrantsReports",
                "GrantsTestSupport",
            ]
        ),
        .testTarget(name: "GrantsFilesTests", dependencies: ["GrantsFiles", "GrantsTestSupport"]),
        .testTarget(
            name: "GrantsCLIParsingTests",
            dependencies: ["GrantsCLI", "GrantsWorkflows", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "GrantsCLITests",
            dependencies: [
                "GrantsCore", "GrantsStore", "GrantsTestSupport", "GrantsWorkflows", "grants", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Golden")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

if withWeb {
    package.dependencies += [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ]
    package.targets += [
        // The ledger in PostgreSQL through postgres-nio (no ORM): the ledger's own queries and checks over a
        // PostgreSQL connection, the schema's migrations for PostgreSQL, and copying a ledger between databases.
        .target(
            name: "GrantsPostgres",
            dependencies: [
                "GrantsCore", "GrantsStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Writes per second under 32 clients, SQLite and PostgreSQL side by side: `swift run -c release grants-load URL`.
        .executableTarget(
            name: "grants-load", dependencies: ["GrantsCore", "GrantsStore", "GrantsPostgres", "GrantsTestSupport"]),
        // One suite of ledger tests run against SQLite and, when GRANTS_TEST_POSTGRES names a server, PostgreSQL.
        .testTarget(
            name: "GrantsPostgresTests",
            dependencies: [
                "GrantsPostgres", "GrantsCore", "GrantsStore", "GrantsImport", "GrantsWorkflows", "GrantsReports",
                "GrantsTestSupport",
            ]
        ),
        // `grants serve`: the web application on Hummingbird, pages rendered on the server from Mustache templates
        // (package resources), and the JSON API. It parses requests, calls one workflow, and renders; no business
        // logic of its own.
        .target(
            name: "GrantsWeb",
            dependencies: [
                "GrantsCore", "GrantsImport", "GrantsReports", "GrantsRules", "GrantsRulebooks", "GrantsWorkflows",
                "GrantsFiles",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("Templates"), .copy("Static")]
        ),
        .testTarget(
            name: "GrantsWebTests",
            dependencies: [
                "GrantsWeb", "GrantsCore", "GrantsStore", "GrantsImport", "GrantsRules", "GrantsReports",
                "GrantsWorkflows", "GrantsTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ]
}

// Fuzz targets, one per parser of outside input (Fuzz/README.md). `bash scripts/fuzz.sh` builds them with
// libFuzzer's coverage and AddressSanitizer and runs each on its corpus in Fuzz/Corpus; in a normal build each is
// a program that replays the files it is given (`swift run FuzzMoney Fuzz/Corpus/FuzzMoney`).
let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("FuzzMoney", ["GrantsCore"]),
    ("FuzzDay", ["GrantsCore"]),
    ("FuzzJSON", ["GrantsImport"]),
    ("FuzzBidFile", ["GrantsCore", "GrantsImport", "GrantsRules"]),
    ("FuzzLedgerFile", ["GrantsCore", "GrantsImport"]),
    ("FuzzCSV", ["GrantsImport"]),
    ("FuzzFormulaFile", ["GrantsCore", "GrantsImport"]),
    ("FuzzReturnXML", ["GrantsXML"]),
]
package.targets += [
    // libFuzzer's LLVMFuzzerRunDriver, declared for Swift; linked only by scripts/fuzz.sh.
    .target(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
    .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", "GrantsImport"], path: "Fuzz/Support"),
]
package.targets += fuzzTargets.map { target in
    .executableTarget(
        name: target.name, dependencies: ["FuzzSupport"] + target.dependencies, path: "Fuzz/Targets/\(target.name)")
}
