# validate: valid files of each kind and encoding, and every class of problem the
# loaders refuse, each located (golden .err files). Fixtures are in tests/fixtures.
stagegap_cli_test(validate-default 0 validate)
stagegap_cli_test(validate-epis 0 validate --rules data/epis.yaml)
stagegap_cli_test(validate-rules-and-answers 0 validate data/epis.yaml
                  tests/fixtures/bom-crlf-answers.yaml)
stagegap_cli_test(validate-encodings 0 validate tests/fixtures/bom-crlf-answers.yaml
                  tests/fixtures/utf16le-bom-answers.yaml tests/fixtures/utf16be-bom-answers.yaml)
stagegap_cli_test(validate-epis-answers 0 validate --rules data/epis.yaml
                  tests/fixtures/epis-partial-answers.yaml)
stagegap_cli_test(validate-strict 3 validate --strict --rules data/epis.yaml
                  tests/fixtures/epis-partial-answers.yaml)
stagegap_cli_test(validate-answers-errors 3 validate tests/fixtures/answers-errors.yaml)
stagegap_cli_test(validate-rules-errors 3 validate --rules tests/fixtures/rules-errors.yaml)
stagegap_cli_test(validate-rules-errors-as-file 3 validate tests/fixtures/rules-errors.yaml)
stagegap_cli_test(validate-answers-as-rules 3 validate --rules tests/fixtures/answers-errors.yaml)
stagegap_cli_test(validate-other-model 3 validate --rules data/epis.yaml
                  tests/fixtures/bom-crlf-answers.yaml)
stagegap_cli_test(validate-bom-crlf-positions 3 validate tests/fixtures/bom-crlf-bad-answers.yaml)
# The diagnostics cap is per run: an alias bomb alone fills it.
stagegap_cli_test(validate-alias-bomb 3 validate tests/fixtures/alias-bomb.yaml)
stagegap_cli_test(validate-hostile 3 validate tests/fixtures/tags.yaml tests/fixtures/second-document.yaml
                  tests/fixtures/deep-nesting.yaml tests/fixtures/deep-flow.yaml
                  tests/fixtures/duplicate-keys.yaml tests/fixtures/syntax-error.yaml)
# YAML mistakes made by hand: each named at the line the person got wrong, with the fix,
# and libyaml's own words as a note.
stagegap_cli_test(validate-hand-mistakes 3 validate tests/fixtures/mistake-missing-colon.yaml
                  tests/fixtures/mistake-missing-colon-last.yaml tests/fixtures/mistake-no-space.yaml
                  tests/fixtures/mistake-tab.yaml tests/fixtures/mistake-indent.yaml
                  tests/fixtures/mistake-unclosed-quote.yaml tests/fixtures/mistake-stray-dash.yaml
                  tests/fixtures/duplicate-keys.yaml)
stagegap_cli_test(validate-encoding-errors 3 validate tests/fixtures/invalid-utf8.yaml
                  tests/fixtures/nul-byte.yaml tests/fixtures/utf16le-nobom.yaml
                  tests/fixtures/utf32le-bom.yaml)
stagegap_cli_test(validate-not-stagegap 3 validate tests/fixtures/empty.yaml
                  tests/fixtures/comment-only.yaml tests/fixtures/not-a-mapping.yaml
                  tests/fixtures/scalar.yaml)
stagegap_cli_test(validate-terminal-escape 3 validate tests/fixtures/terminal-escape.yaml)
stagegap_cli_test(validate-many-problems 3 validate tests/fixtures/many-problems.yaml)
stagegap_cli_test(validate-valid-and-invalid 3 validate data/epis.yaml tests/fixtures/tags.yaml)
stagegap_cli_test(validate-missing-file 4 validate no/such/answers.yaml)
stagegap_cli_test(validate-directory 0 validate data/examples/eastbrook-quarterly)
stagegap_cli_test(validate-stdin-twice 2 validate - -)
# The template's placeholder organisation and date, left unchanged: valid, with warnings.
stagegap_cli_test(validate-template-placeholders 0 validate tests/fixtures/template-placeholders.yaml)
# Messages that used to mislead: text with its own ': ' or '"' inside {...} wants quotes,
# not a comma; an import map is said to be one; a workbook is not an answers file.
stagegap_cli_test(validate-flow-needs-quotes 3 validate tests/fixtures/mistake-flow-colon.yaml tests/fixtures/mistake-flow-quote.yaml tests/fixtures/mistake-missing-colon.yaml)
stagegap_cli_test(validate-import-map 0 validate tests/fixtures/import/ms-forms.map.yaml)
stagegap_cli_test(validate-workbook 3 validate tests/fixtures/xlsx/basic.xlsx)
# Notes, evidence and comments that look like an e-mail address, a phone number or a
# staff number: a warning at each, exit 0 (issue 25).
stagegap_cli_test(validate-identifying-notes 0 validate tests/fixtures/identifying-notes.yaml)
