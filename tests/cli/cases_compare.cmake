# compare and trend: each format, the gates, the warnings, the width, refusals.
set(q data/examples/eastbrook-quarterly)
stagegap_cli_test(compare-text 0 compare ${q}/2026-04.yaml ${q}/2026-07.yaml)
stagegap_cli_test(compare-markdown 0 compare --format markdown ${q}/2026-04.yaml ${q}/2026-07.yaml)
stagegap_cli_test(compare-json 0 compare --format json ${q}/2026-04.yaml ${q}/2026-07.yaml)
stagegap_cli_test(compare-csv 0 compare --format csv ${q}/2026-04.yaml ${q}/2026-07.yaml)
stagegap_cli_test(compare-regression-gate 1 compare --fail-on-regression --format json ${q}/2026-04.yaml ${q}/2026-07.yaml)
stagegap_cli_test(compare-identical-passes-gate 0 compare --fail-on-regression --format json ${q}/2026-04.yaml data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(compare-other-model 3 compare --rules data/epis.yaml ${q}/2026-04.yaml ${q}/2026-07.yaml)
stagegap_cli_test(compare-one-argument 2 compare ${q}/2026-04.yaml)
# --allow-model-change when both name one model: nothing differs, "model_change": null.
stagegap_cli_test(compare-allow-model-change-same-model 0 compare --allow-model-change --format json ${q}/2026-04.yaml ${q}/2026-07.yaml)
stagegap_cli_test(trend-allow-model-change-takes-no-value 2 trend --allow-model-change=yes ${q}/2026-04.yaml)
stagegap_cli_test(trend-text 0 trend ${q}/2026-07.yaml ${q}/2026-04.yaml data/examples/northmoor-just-launched.yaml)
stagegap_cli_test(trend-markdown 0 trend --format markdown ${q}/2026-07.yaml ${q}/2026-04.yaml)
stagegap_cli_test(trend-json 0 trend --format json ${q}/2026-07.yaml ${q}/2026-04.yaml)
stagegap_cli_test(trend-csv 0 trend --format csv ${q}/2026-07.yaml ${q}/2026-04.yaml)
# Time in stage over a longer trend: two earlier quarters of Eastbrook, when Launch was
# the focus (and Sustain, in October 2025, had too few answers for a band), then the
# bundled two, when Implement is.
set(e tests/fixtures/eastbrook-earlier)
foreach(fmt text markdown json csv html)
    stagegap_cli_test(trend-time-in-stage-${fmt} 0 trend --format ${fmt} ${q}/2026-07.yaml ${e}/2025-10.yaml ${q}/2026-04.yaml ${e}/2026-01.yaml)
endforeach()
# Two assessments on one day: the timeline places them evenly in date order, not by date.
stagegap_cli_test(trend-time-in-stage-same-day-html 0 trend --format html data/examples/eastbrook-mid-implementation.yaml ${q}/2026-04.yaml ${q}/2026-07.yaml)
stagegap_cli_test_columns(compare-text-columns-60 60 0 compare ${q}/2026-04.yaml ${q}/2026-07.yaml)
stagegap_cli_test_columns(trend-text-columns-60 60 0 trend ${q}/2026-07.yaml ${q}/2026-04.yaml)
stagegap_cli_test(compare-before-is-later 0 compare --format csv ${q}/2026-07.yaml ${q}/2026-04.yaml)
stagegap_cli_test(compare-two-organisations 0 compare --format csv data/examples/eastbrook-mid-implementation.yaml data/examples/westvale-sustaining.yaml)
# Breakdowns over time (issue 13): survey-q2 has Southside down to 4, so it is pooled in
# both quarters; survey-two-teams has only Northside and Southside, so its Other groups
# row has no one in it.
set(s tests/fixtures/survey)
foreach(fmt text markdown json csv html)
    stagegap_cli_test(compare-by-team-${fmt} 0 compare --by team --format ${fmt} ${s} ${s}-q2)
endforeach()
stagegap_cli_test(compare-by-team-empty-pool-text 0 compare --by team ${s} ${s}-two-teams)
stagegap_cli_test(compare-by-team-empty-pool-json 0 compare --by team --format json ${s} ${s}-two-teams)
stagegap_cli_test(compare-by-locality-min-group-11 0 compare --by locality --min-group 11 --format markdown ${s} ${s}-q2)
stagegap_cli_test(compare-by-two-fields 0 compare --by team --by role --format csv ${s} ${s}-q2)
foreach(fmt text markdown json csv html)
    stagegap_cli_test(trend-by-team-${fmt} 0 trend --by team --format ${fmt} ${s}-two-teams ${s} ${s}-q2)
endforeach()
stagegap_cli_test(trend-by-team-empty-pool-csv 0 trend --by team --format csv ${s} ${s}-two-teams)
stagegap_cli_test(trend-by-role-left-out 0 trend --by role --format markdown ${s}-q2 ${s}-two-teams)
stagegap_cli_test_columns(trend-by-team-columns-40 40 0 trend --by team ${s} ${s}-q2)
# Every group shown apart, nothing pooled: no Other groups row and no note.
stagegap_cli_test(compare-by-locality-markdown 0 compare --by locality --format markdown ${s} ${s}-q2)
stagegap_cli_test(trend-by-locality-text 0 trend --by locality ${s} ${s}-q2)
# Groups shown apart in markdown and HTML: HTML's row groups, each group's name and
# respondents spanning its rows, the figures' columns kept on the later rows.
foreach(fmt markdown html)
    stagegap_cli_test(compare-by-role-min-group-3-${fmt} 0 compare --by role --min-group 3
                      --format ${fmt} ${s} ${s}-q2)
    stagegap_cli_test(trend-by-role-min-group-3-${fmt} 0 trend --by role --min-group 3
                      --format ${fmt} ${s} ${s}-q2)
endforeach()
# Quarters answered against different models (the base, then Eastbrook's overlay):
# refused, located at the file naming the second model, unless --allow-model-change,
# which lists what the overlay changed.
set(overlay data/examples/eastbrook-overlay.yaml)
set(oct tests/fixtures/overlay/eastbrook-2026-10.yaml)
stagegap_cli_test(compare-model-change 3 compare --rules ${overlay} ${q}/2026-07.yaml ${oct})
foreach(fmt text markdown json csv html)
    stagegap_cli_test(compare-model-change-allowed-${fmt} 0 compare --rules ${overlay}
                      --allow-model-change --format ${fmt} ${q}/2026-07.yaml ${oct})
endforeach()
stagegap_cli_test(trend-model-change 3 trend --rules ${overlay} ${q}/2026-04.yaml ${q}/2026-07.yaml ${oct})
stagegap_cli_test(trend-model-change-allowed 0 trend --rules ${overlay} --allow-model-change
                  ${q}/2026-04.yaml ${q}/2026-07.yaml ${oct})
stagegap_cli_test(trend-model-change-allowed-csv 0 trend --rules ${overlay} --allow-model-change
                  --format csv ${q}/2026-04.yaml ${q}/2026-07.yaml ${oct})

# The gate: a stage that loses its score is a regression; a fall is one only beyond
# --tolerance; every format names the stage and by how much; bad tolerances are refused.
set(gate_before data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(compare-gate-lost-score 1 compare --fail-on-regression ${gate_before} tests/fixtures/gate/after-implement-unknown.yaml)
stagegap_cli_test(compare-gate-lost-score-json 1 compare --fail-on-regression --format json ${gate_before} tests/fixtures/gate/after-implement-unknown.yaml)
stagegap_cli_test(compare-gate-dip 1 compare --fail-on-regression --format markdown ${gate_before} tests/fixtures/gate/after-dip.yaml)
stagegap_cli_test(compare-gate-dip-tolerated 0 compare --fail-on-regression --tolerance 0.5 ${gate_before} tests/fixtures/gate/after-dip.yaml)
stagegap_cli_test(compare-gate-dip-tolerated-html 0 compare --fail-on-regression --tolerance=0.1 --format html ${gate_before} tests/fixtures/gate/after-dip.yaml)
stagegap_cli_test(compare-gate-dip-csv 1 compare --fail-on-regression --tolerance 0.05 --format csv ${gate_before} tests/fixtures/gate/after-dip.yaml)
stagegap_cli_test(compare-tolerance-bad 2 compare --tolerance -1 ${gate_before} tests/fixtures/gate/after-dip.yaml)
stagegap_cli_test(compare-tolerance-places 2 compare --tolerance 0.0001 ${gate_before} tests/fixtures/gate/after-dip.yaml)
# Roles are one group whatever their case and surrounding spaces: "practitioner" by hand
# and "Practitioner" from an import line up across quarters.
stagegap_cli_test(compare-roles-case 0 compare --min-group 3 --format json tests/fixtures/roles-case/q1 tests/fixtures/roles-case/q2)
