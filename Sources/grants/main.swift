import GrantsCLI

GrantsCommand.main()
