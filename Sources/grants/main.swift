import GrantsCLI

await GrantsCommand.main()
