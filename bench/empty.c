/*
 * empty.c - the yardstick for starting a program: a dynamically linked C program that
 * does nothing. bench/run.sh times one respondent and `stagegap --version` against it,
 * in pairs (runstat), so that what stagegap adds to starting any process is a ratio
 * measured in the same minutes, not an absolute time that moves with the machine.
 */
int main(void)
{
    return 0;
}
