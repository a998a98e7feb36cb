/// The frame of a web page the office publishes (the grant register): a standalone HTML document with a small
/// stylesheet of its own, readable without scripts, with a language, a title and a main landmark. Tables keep
/// their header cells and captions for screen readers, and scroll sideways on a narrow screen.
enum PublicationPage {
    static func start(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>
        body { font-family: Arial, Helvetica, sans-serif; font-size: 1rem; line-height: 1.4; color: #0b0c0c; margin: 0; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 2rem; margin: 1.5rem 0 1rem; }
        h2 { font-size: 1.5rem; margin: 2rem 0 0.75rem; }
        .lead { font-size: 1.2rem; }
        .meta, .detail { color: #484949; }
        .detail { font-weight: normal; font-size: 0.9rem; }
        table { border-collapse: collapse; width: 100%; display: block; overflow-x: auto; }
        caption { text-align: left; font-weight: bold; padding-bottom: 0.5rem; }
        th, td { text-align: left; vertical-align: top; padding: 0.6rem 1rem 0.6rem 0; border-bottom: 1px solid #b1b4b6; }
        thead th { border-bottom: 2px solid #0b0c0c; }
        .number { text-align: right; white-space: nowrap; }
        .tag { display: inline-block; margin-top: 0.3rem; padding: 0.1rem 0.4rem; background: #f3f2f1; color: #0b0c0c; font-size: 0.85rem; }
        </style>
        </head>
        <body>
        <main>

        """
    }

    static let end = """
        </main>
        </body>
        </html>

        """
}
