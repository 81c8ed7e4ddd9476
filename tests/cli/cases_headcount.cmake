# Headcounts and participation (issue 30, docs/participation.md): a pooled report says
# how many of the staff asked answered, in every format, per group only for groups shown
# apart, with a caveat under 50%; more answered than asked is refused; a headcount file
# is checked by validate and never taken for answers, nor answers for a headcount.
set(two tests/fixtures/survey-two-teams)
set(hc tests/fixtures/headcount)
set(riverside data/examples/riverside-headcount.yaml)
foreach(fmt text markdown json csv html)
    stagegap_cli_test(assess-headcount-${fmt} 0 assess --by team --headcount ${hc}/two-teams.yaml
                      --format ${fmt} ${two})
endforeach()
# By role (the default): practitioners shown apart with their part; the roles pooled
# into Other groups get none, and neither do their headcounts.
stagegap_cli_test(assess-headcount-by-role 0 assess --headcount ${riverside} tests/fixtures/survey)
stagegap_cli_test(assess-headcount-by-role-json 0 assess --headcount ${riverside} --format json
                  tests/fixtures/survey)
# By team: the partition shows no team apart, so no team's part is shown.
stagegap_cli_test(assess-headcount-team-left-out 0 assess --by team --headcount ${riverside}
                  --format markdown tests/fixtures/survey)
stagegap_cli_test(assess-invited 0 assess --invited 24 --format markdown tests/fixtures/survey)
stagegap_cli_test(assess-invited-fewer-than-answered 3 assess --invited 19 tests/fixtures/survey)
stagegap_cli_test(assess-invited-zero 2 assess --invited 0 tests/fixtures/survey)
stagegap_cli_test(assess-invited-not-a-number 2 assess --invited 12.5 tests/fixtures/survey)
stagegap_cli_test(assess-invited-and-headcount 2 assess --invited 40 --headcount ${riverside}
                  tests/fixtures/survey)
stagegap_cli_test(assess-headcount-group-over 3 assess --by team --headcount ${hc}/group-over.yaml
                  ${two})
stagegap_cli_test(assess-headcount-errors 3 assess --headcount ${hc}/errors.yaml ${two})
stagegap_cli_test(assess-headcount-as-answers 3 assess ${riverside})
stagegap_cli_test(assess-answers-as-headcount 3 assess --headcount
                  data/examples/eastbrook-mid-implementation.yaml tests/fixtures/survey)
stagegap_cli_test(validate-headcount 0 validate ${riverside} ${hc}/two-teams.yaml)
stagegap_cli_test(validate-headcount-errors 3 validate ${hc}/errors.yaml)
stagegap_cli_test(share-headcount 0 share --headcount ${riverside} tests/fixtures/survey)
stagegap_cli_test(share-invited-fewer-than-answered 3 share --invited 19 tests/fixtures/survey)
# A team named with markup, a table bar, a CSV quote and formula, and a terminal escape:
# the participation line escapes it in every format.
foreach(fmt text markdown csv html)
    stagegap_cli_test(assess-headcount-hostile-${fmt} 0 assess --by team --headcount
                      ${hc}/hostile.yaml --format ${fmt} ${hc}/hostile-answers)
endforeach()
# compare and trend: a headcount per assessment, in the order given; the whole only.
set(q2hc ${hc}/riverside-q2.yaml)
foreach(fmt text markdown json csv html)
    stagegap_cli_test(compare-headcount-${fmt} 0 compare --headcount ${riverside} --headcount
                      ${q2hc} --format ${fmt} tests/fixtures/survey tests/fixtures/survey-q2)
endforeach()
foreach(fmt text json csv)
    stagegap_cli_test(trend-headcount-${fmt} 0 trend --headcount ${q2hc} --headcount ${riverside}
                      --format ${fmt} tests/fixtures/survey-q2 tests/fixtures/survey)
endforeach()
stagegap_cli_test(compare-headcount-one-of-two 2 compare --headcount ${riverside}
                  tests/fixtures/survey tests/fixtures/survey-q2)
stagegap_cli_test(trend-headcount-fewer-than-answered 3 trend --headcount ${q2hc} --headcount
                  ${hc}/twelve.yaml tests/fixtures/survey-q2 tests/fixtures/survey)
stagegap_cli_test(assess-headcount-twice 2 assess --headcount ${riverside} --headcount ${riverside}
                  tests/fixtures/survey)
