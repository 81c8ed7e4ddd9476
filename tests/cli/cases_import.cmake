# "stagegap import" diagnostics (src/import.c), standard error compared in full.
# A header near a long question: both are cut around where they differ.
stagegap_cli_test(import-near-long-question 3
    import --csv tests/fixtures/import/near-question.csv --organisation A
    --date 2026-09-30 --output /nonexistent/stagegap-import)
