/* precis clean — placeholder until its issue lands; reports that honestly. */
#include "cli.h"

int cmd_clean(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("clean: not implemented yet");
    return EXIT_INTERNAL;
}
