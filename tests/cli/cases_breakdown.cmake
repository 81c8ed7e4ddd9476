# Breakdowns under the anonymity threshold (issue 13), over tests/fixtures/survey: 20
# respondents; teams Northside 7, Southside 6, Eastside 3, Westside 2, none 2; roles
# practitioner 12, manager 6, director 1, senior leader 1; localities North 10, South 10.
stagegap_cli_test(breakdown-default-role-text 0 assess tests/fixtures/survey)
stagegap_cli_test(breakdown-team-text 0 assess --by team tests/fixtures/survey)
stagegap_cli_test(breakdown-team-markdown 0 assess --by team --format markdown tests/fixtures/survey)
stagegap_cli_test(breakdown-team-json 0 assess --by team --format json tests/fixtures/survey)
stagegap_cli_test(breakdown-team-csv 0 assess --by team --format csv tests/fixtures/survey)
stagegap_cli_test(breakdown-locality-text 0 assess --by=locality tests/fixtures/survey)
stagegap_cli_test(breakdown-team-min-group-3-text 0 assess --by team --min-group 3 tests/fixtures/survey)
stagegap_cli_test(breakdown-team-min-group-8-text 0 assess --by team --min-group 8 tests/fixtures/survey)
stagegap_cli_test(breakdown-two-way-refused-text 0 assess --by team --by role tests/fixtures/survey)
stagegap_cli_test(breakdown-two-way-json 0 assess --by locality --by role --min-group 3 --format json tests/fixtures/survey)
stagegap_cli_test(breakdown-none-text 0 assess --by none tests/fixtures/survey)
# Usage errors: each says why.
stagegap_cli_test(breakdown-min-group-2 2 assess --min-group 2 tests/fixtures/survey)
stagegap_cli_test(breakdown-min-group-words 2 assess --min-group five tests/fixtures/survey)
stagegap_cli_test(breakdown-min-group-huge 2 assess --min-group 1001 tests/fixtures/survey)
stagegap_cli_test(breakdown-by-three 2 assess --by team --by role --by locality tests/fixtures/survey)
stagegap_cli_test(breakdown-by-twice 2 assess --by team --by team tests/fixtures/survey)
stagegap_cli_test(breakdown-by-none-and-team 2 assess --by none --by team tests/fixtures/survey)
stagegap_cli_test(breakdown-by-bad-name 2 assess --by Team tests/fixtures/survey)
stagegap_cli_test(breakdown-by-not-given 2 assess --by service-area tests/fixtures/survey)
stagegap_cli_test(breakdown-by-not-given-no-groups 2 assess --by team tests/fixtures/anonymity)
# The same respondents giving no field but team: the partition under every figure
# (docs/privacy.md) is then the team rule alone, and the teams are shown.
stagegap_cli_test(breakdown-team-only-text 0 assess --by team tests/fixtures/survey-team-only)
stagegap_cli_test(breakdown-team-only-json 0 assess --by team --format json
                  tests/fixtures/survey-team-only)
