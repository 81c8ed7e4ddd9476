# evidence (issue 31): the evidence file (stagegap-evidence/1) checked by validate, each
# problem where it is; a figure of fewer than 5 people refused; the template init
# --evidence writes, for the built-in model and another; an evidence file is never
# taken for answers or a share.
set(ev tests/fixtures/evidence)
stagegap_cli_test(evidence-validate-example 0 validate data/examples/eastbrook-evidence.yaml)
stagegap_cli_test(evidence-validate-bad 3 validate ${ev}/bad.yaml)
stagegap_cli_test(evidence-validate-small-group 3 validate ${ev}/small-group.yaml)
stagegap_cli_test(evidence-validate-other-model 3 validate --rules data/epis.yaml data/examples/eastbrook-evidence.yaml)
stagegap_cli_test(evidence-init 0 init --evidence)
stagegap_cli_test(evidence-init-epis 0 init --evidence --rules data/epis.yaml)
stagegap_cli_test(evidence-init-with-value 2 init --evidence=yes)
stagegap_cli_test(evidence-assess-refused 3 assess data/examples/eastbrook-evidence.yaml)
stagegap_cli_test(evidence-benchmark-refused 3 benchmark data/examples/eastbrook-evidence.yaml)
# assess --evidence: the evidence beside the ratings, in every format; a file that is not
# evidence refused; a figure of too few people refused before any report.
foreach(format text markdown json csv html)
    stagegap_cli_test(evidence-assess-${format} 0 assess --evidence data/examples/eastbrook-evidence.yaml
        --format ${format} data/examples/eastbrook-quarterly/2026-07.yaml)
endforeach()
stagegap_cli_test(evidence-assess-pooled 0 assess --evidence data/examples/eastbrook-evidence.yaml
    --by none tests/fixtures/survey)
stagegap_cli_test(evidence-assess-not-evidence 3 assess --evidence data/examples/eastbrook-plan.yaml
    data/examples/eastbrook-quarterly/2026-07.yaml)
stagegap_cli_test(evidence-assess-small-group 3 assess --evidence ${ev}/small-group.yaml
    data/examples/eastbrook-quarterly/2026-07.yaml)
stagegap_cli_test(evidence-assess-stdin-twice 2 assess --evidence - -)
# compare --evidence: which indicators moved between the two dates, in every format.
foreach(format text markdown json csv html)
    stagegap_cli_test(evidence-compare-${format} 0 compare --evidence data/examples/eastbrook-evidence.yaml
        --format ${format} data/examples/eastbrook-quarterly/2026-04.yaml data/examples/eastbrook-quarterly/2026-07.yaml)
endforeach()
# trend --evidence: each indicator's series beside the stage scores, in every format.
foreach(format text markdown json csv html)
    stagegap_cli_test(evidence-trend-${format} 0 trend --evidence data/examples/eastbrook-evidence.yaml
        --format ${format} tests/fixtures/eastbrook-earlier/2025-10.yaml tests/fixtures/eastbrook-earlier/2026-01.yaml
        data/examples/eastbrook-quarterly/2026-04.yaml data/examples/eastbrook-quarterly/2026-07.yaml)
endforeach()
