import GrantsCLI

await GrantsCommand.runFromCommandLine()
