"""The command line's commands, one module per group: each `cmd_*` takes the parsed arguments and
the output stream and returns the exit status. app/cli.py builds the parser and runs them."""
