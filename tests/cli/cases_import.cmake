# "stagegap import" diagnostics (src/import*.c), standard error compared in full.
# A header near a long question: both are cut around where they differ.
stagegap_cli_test(import-near-long-question 3
    import --csv tests/fixtures/import/near-question.csv --organisation A
    --date 2026-09-30 --output /nonexistent/stagegap-import)

# Group targets in a mapping file that are refused: each located at its value.
stagegap_cli_test(import-group-map-errors 3
    import --csv tests/fixtures/import/groups.csv
    --map tests/fixtures/import/bad-groups.map.yaml --organisation A
    --date 2026-09-30 --output /nonexistent/stagegap-import)
# A groups field given by two columns, and a 21st group column: located at the header.
stagegap_cli_test(import-group-columns-too-many 3
    import --csv tests/fixtures/import/too-many-groups.csv
    --map tests/fixtures/import/too-many-groups.map.yaml --organisation A
    --date 2026-09-30 --output /nonexistent/stagegap-import)
# Multi-row headers (src/import_layout.c): a header problem is located at the row whose
# text was used (Qualtrics' question text in row 2, a SurveyMonkey grid statement in row
# 2, a SurveyMonkey question in row 1), and a bad answer at its real spreadsheet row.
stagegap_cli_test(import-qualtrics-errors 3
    import --csv tests/fixtures/import/qualtrics-errors.csv --organisation A
    --output /nonexistent/stagegap-import)
stagegap_cli_test(import-surveymonkey-errors 3
    import --csv tests/fixtures/import/surveymonkey-errors.csv --organisation A
    --output /nonexistent/stagegap-import)
