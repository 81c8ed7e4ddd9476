# assess: every example in text and JSON, and each exit status.
stagegap_cli_test(assess-northmoor-text 0 assess data/examples/northmoor-just-launched.yaml)
stagegap_cli_test(assess-eastbrook-text 0 assess data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(assess-westvale-text 0 assess data/examples/westvale-sustaining.yaml)
stagegap_cli_test(assess-eastbrook-json 0 assess --format json data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(assess-westvale-json 0 assess --format=json data/examples/westvale-sustaining.yaml)
stagegap_cli_test(assess-fail-under-gate 1 assess --format json --fail-under 60 data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(assess-fail-under-pass 0 assess --format json --fail-under 40 data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(assess-fail-under-too-few 1 assess --format csv --fail-under 50 tests/fixtures/launch-too-few-answers.yaml)
stagegap_cli_test(assess-fail-under-bad 2 assess --fail-under 101 data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(assess-unknown-format 2 assess --format pdf data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(assess-unknown-option 2 assess --formt json data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(assess-no-answers 2 assess)
stagegap_cli_test(assess-missing-file 4 assess no/such/answers.yaml)
stagegap_cli_test(assess-mixed-organisations 3 assess data/examples/eastbrook-mid-implementation.yaml data/examples/westvale-sustaining.yaml)
stagegap_cli_test(assess-wrong-model 3 assess --rules data/epis.yaml data/examples/westvale-sustaining.yaml)
stagegap_cli_test(assess-rules-as-answers 3 assess data/epis.yaml)
stagegap_cli_test(unknown-command 2 asses data/examples/westvale-sustaining.yaml)
stagegap_cli_test(no-command 2)
stagegap_cli_test(version 0 --version)
stagegap_cli_test(help 0 --help)
stagegap_cli_test(help-assess 0 help assess)
stagegap_cli_test(help-assess-flag 0 assess --help)
stagegap_cli_test(help-unknown 2 help nope)
stagegap_cli_test(assess-same-file-twice 3 assess data/examples/eastbrook-quarterly data/examples/eastbrook-quarterly/2026-04.yaml)
stagegap_cli_test(assess-same-dir-twice 3 assess data/examples/eastbrook-quarterly data/examples/eastbrook-quarterly/)
# A survey export given to assess: say to import it first.
stagegap_cli_test(assess-survey-export 3 assess tests/fixtures/import/ms-forms.csv)
# Targets (tests/fixtures/targets): met, not met, overdue, due on the assessment's date,
# a barrier's ceiling met at equality, unanswered; in every format.
set(t tests/fixtures/targets)
foreach(fmt text markdown json csv html)
  stagegap_cli_test(assess-targets-${fmt} 0 assess --format ${fmt} --rules ${t}/model.yaml ${t}/answers.yaml)
endforeach()
# A fourth decimal place is the problem, not the range.
stagegap_cli_test(assess-fail-under-places 2 assess --fail-under 60.00001 data/examples/eastbrook-mid-implementation.yaml)
# Dates: one mistyped year is warned about where it is and does not date the assessment;
# the respondents' date range is stated; --date sets the date; a day not on the calendar
# is refused as such.
stagegap_cli_test(assess-date-typo 0 assess tests/fixtures/dates)
stagegap_cli_test(assess-date-typo-json 0 assess --format json tests/fixtures/dates)
stagegap_cli_test(assess-date-set 0 assess --format markdown --date 2026-03-31 tests/fixtures/dates)
stagegap_cli_test(assess-date-not-a-day 2 assess --date 2026-02-30 tests/fixtures/dates)
stagegap_cli_test(validate-date-typo 0 validate tests/fixtures/dates)
# A date after today (STAGEGAP_TODAY stands in for the clock) is warned about where it
# is, even when it is every respondent's; the clock decides the warning, never the
# report: the same files give the same report bytes on either day.
stagegap_cli_test(validate-date-after-today 0 validate tests/fixtures/dates/r09.yaml)
stagegap_cli_test(assess-date-after-today 0 assess tests/fixtures/survey-two-teams)
stagegap_cli_test(assess-date-before-today 0 assess tests/fixtures/survey-two-teams)
foreach(t validate-date-after-today validate-date-after-today-jobs assess-date-after-today
        assess-date-after-today-jobs)
    set_tests_properties(cli_${t} PROPERTIES ENVIRONMENT "STAGEGAP_TODAY=2026-12-07")
endforeach()
add_test(NAME cli_date-after-today-same-report
    COMMAND ${CMAKE_COMMAND} -E compare_files
            ${CMAKE_CURRENT_SOURCE_DIR}/golden/assess-date-after-today.out
            ${CMAKE_CURRENT_SOURCE_DIR}/golden/assess-date-before-today.out)
# A workbook given to assess: how to import it, not "save the file as UTF-8" and its bytes.
stagegap_cli_test(assess-workbook-given 3 assess tests/fixtures/xlsx/basic.xlsx)
# A retired item's target is listed as "no answer", in every format, not dropped.
stagegap_cli_test(assess-targets-retired 0 assess --rules tests/fixtures/targets/retire-overlay.yaml tests/fixtures/targets/answers-retired.yaml)
# The HTML summary table with its disagreement column (more than one respondent), and
# a stage with no score in it: goldens made before the table moved to the document
# model (issue 28), so that they pin the bytes it kept.
stagegap_cli_test(assess-survey-html 0 assess --format html tests/fixtures/survey)
stagegap_cli_test(assess-too-few-html 0 assess --format html tests/fixtures/launch-too-few-answers.yaml)
# Every stage in the top band: no focus, and what the model says of its top band (for
# Signs of Safety, the briefing's own question), never a sentence of ours (issue 29).
stagegap_cli_test(assess-all-top-band 0 assess tests/fixtures/all-top-band.yaml)
stagegap_cli_test(assess-all-top-band-markdown 0 assess --format markdown tests/fixtures/all-top-band.yaml)
