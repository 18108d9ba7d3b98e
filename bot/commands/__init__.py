"""The `modbot` commands, one module per group; each `register`s its subcommands with the parser
`bot.cli` builds."""
