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
