# plan: an action plan from the bundled assessments, --top, usage errors, --update's
# refusals (what it writes is checked byte for byte by test_plan_roundtrip.sh), and
# validate of good and bad plans, each problem located (golden .err files).
set(eastbrook data/examples/eastbrook-quarterly)
stagegap_cli_test(plan-eastbrook 0 plan ${eastbrook}/2026-04.yaml)
stagegap_cli_test(plan-eastbrook-july-top1 0 plan --top 1 ${eastbrook}/2026-07.yaml)
stagegap_cli_test(plan-mid-implementation-all 0 plan --top 0
                  data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(plan-sustaining 0 plan data/examples/westvale-sustaining.yaml)
stagegap_cli_test(plan-epis 0 plan --rules data/epis.yaml tests/fixtures/epis-partial-answers.yaml)
stagegap_cli_test(plan-no-assessment 2 plan)
stagegap_cli_test(plan-bad-top 2 plan --top five ${eastbrook}/2026-04.yaml)
stagegap_cli_test(plan-negative-top 2 plan --top=-1 ${eastbrook}/2026-04.yaml)
stagegap_cli_test(plan-unknown-option 2 plan --tpo 3 ${eastbrook}/2026-04.yaml)
stagegap_cli_test(plan-output-over-input 2 plan --output ${eastbrook}/2026-04.yaml
                  ${eastbrook}/2026-04.yaml)
stagegap_cli_test(plan-bad-answers 3 plan tests/fixtures/answers-errors.yaml)
stagegap_cli_test(plan-update-bad-plan 3 plan --update tests/fixtures/plan/plan-errors.yaml
                  ${eastbrook}/2026-07.yaml)
stagegap_cli_test(plan-update-brackets 3 plan --update tests/fixtures/plan/actions-in-brackets.yaml
                  ${eastbrook}/2026-07.yaml)
stagegap_cli_test(plan-update-other-model 3 plan --rules data/epis.yaml
                  --update tests/fixtures/plan/eastbrook-edited.yaml
                  tests/fixtures/epis-partial-answers.yaml)
stagegap_cli_test(plan-update-answers-as-plan 3 plan --update ${eastbrook}/2026-04.yaml
                  ${eastbrook}/2026-07.yaml)
stagegap_cli_test(plan-update-missing 4 plan --update tests/fixtures/plan/no-such-plan.yaml
                  ${eastbrook}/2026-07.yaml)
stagegap_cli_test(plan-help 0 plan --help)
stagegap_cli_test(validate-plan 0 validate tests/fixtures/plan/eastbrook-edited.yaml
                  ${eastbrook}/2026-04.yaml)
stagegap_cli_test(validate-plan-errors 3 validate tests/fixtures/plan/plan-errors.yaml)
stagegap_cli_test(validate-plan-other-model 3 validate --rules data/epis.yaml
                  tests/fixtures/plan/eastbrook-edited.yaml)
# A plan given where answers go says what it is.
stagegap_cli_test(plan-plan-as-assessment 3 plan tests/fixtures/plan/eastbrook-edited.yaml)
# --output never names an input, the plan --update reads included (refused unwritten).
stagegap_cli_test(plan-update-output-is-plan 2 plan --update tests/fixtures/plan/eastbrook-edited.yaml
                  --output tests/fixtures/plan/eastbrook-edited.yaml ${eastbrook}/2026-07.yaml)
# An update that adds actions says so: a silent success read as nothing done.
stagegap_cli_test(plan-update-says-added 0 plan --update tests/fixtures/plan/eastbrook-top1.yaml
                  --top 3 --output - data/examples/eastbrook-quarterly/2026-07.yaml)
