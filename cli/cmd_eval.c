/* precis eval — placeholder until its issue lands; reports that honestly. */
#include "cli.h"

int cmd_eval(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("eval: not implemented yet");
    return EXIT_INTERNAL;
}
