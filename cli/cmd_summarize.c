/* precis summarize — placeholder until its issue lands; reports that honestly. */
#include "cli.h"

int cmd_summarize(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("summarize: not implemented yet");
    return EXIT_INTERNAL;
}
