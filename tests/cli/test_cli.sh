# CLI basics: help, version, unknown commands, exit codes.
. tests/cli/lib.sh
p --version; check version_prints grep -qx "precis [0-9][0-9.]*" "$TMP/out"
check version_exit_0 test "$rc" -eq 0
p --help; check help_lists_commands grep -q 'eval' "$TMP/out"
p; check no_args_is_usage_error test "$rc" -eq 1
p frobnicate; check unknown_command_exit_1 test "$rc" -eq 1
check unknown_command_message grep -q "unknown command 'frobnicate'" "$TMP/err"
finish
