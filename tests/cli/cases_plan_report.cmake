# assess --plan and compare --plan (issue 15): every format on the Eastbrook quarters
# with a plan a board kept by hand (some done, one overdue, one dropped, one done after
# the later check); a plan of another model; a missing plan; --output over the plan.
set(q data/examples/eastbrook-quarterly)
set(p tests/fixtures/plan/eastbrook-board.yaml)
foreach(fmt text markdown json csv html)
    stagegap_cli_test(assess-plan-${fmt} 0 assess --plan ${p} --format ${fmt} ${q}/2026-07.yaml)
    stagegap_cli_test(compare-plan-${fmt} 0 compare --plan ${p} --format ${fmt} ${q}/2026-04.yaml ${q}/2026-07.yaml)
endforeach()
# On the day the plan was made: nothing overdue yet, and what was done later is flagged.
stagegap_cli_test(assess-plan-made-from 0 assess --plan=${p} ${q}/2026-04.yaml)
stagegap_cli_test_columns(compare-plan-text-columns-60 60 0 compare --plan ${p} ${q}/2026-04.yaml ${q}/2026-07.yaml)
stagegap_cli_test(assess-plan-other-model 3 assess --plan tests/fixtures/plan/other-model.yaml ${q}/2026-07.yaml)
stagegap_cli_test(compare-plan-other-model 3 compare --plan tests/fixtures/plan/other-model.yaml ${q}/2026-04.yaml ${q}/2026-07.yaml)
stagegap_cli_test(assess-plan-missing 4 assess --plan tests/fixtures/plan/no-such-plan.yaml ${q}/2026-07.yaml)
stagegap_cli_test(assess-plan-no-value 2 assess ${q}/2026-07.yaml --plan)
stagegap_cli_test(assess-plan-output-over-plan 2 assess --plan ${p} --output ${p} ${q}/2026-07.yaml)
stagegap_cli_test(trend-plan-refused 2 trend --plan ${p} ${q}/2026-04.yaml ${q}/2026-07.yaml)
stagegap_cli_test(assess-plan-and-answers-both-stdin 2 assess --plan - -)
