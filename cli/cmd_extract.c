/* precis extract — placeholder until its issue lands; reports that honestly. */
#include "cli.h"

int cmd_extract(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("extract: not implemented yet");
    return EXIT_INTERNAL;
}
