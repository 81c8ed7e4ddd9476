/*
 * cli.h - the command line: the command table, option parsing and exit codes.
 *
 * The only module (src/cli*.c) that touches argv, the standard streams or the process's
 * exit status; main() is one call into cli_main, and tests call it with their own
 * streams.
 */
#ifndef STAGEGAP_CLI_H
#define STAGEGAP_CLI_H

#include <stdio.h>

enum cli_exit {
    EXIT_OK = 0,
    EXIT_GATE = 1, /* --fail-under or --fail-on-regression tripped */
    EXIT_USAGE = 2,
    EXIT_INVALID = 3, /* a rules or answers file is not valid */
    EXIT_IO = 4,      /* a file could not be read or written */
};

int cli_main(int argc, char **argv, FILE *out, FILE *err);

#endif
