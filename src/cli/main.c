#include <stdio.h>

#include "cli.h"
#include "platform.h"

int main(int argc, char **argv)
{
    platform_init();
    return cli_main(argc, argv, stdout, stderr);
}
