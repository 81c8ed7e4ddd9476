# Overlays (extends:): the Eastbrook example through validate, rules (every format),
# init and assess, and the problems validate reports, each located.
set(overlay data/examples/eastbrook-overlay.yaml)
stagegap_cli_test(overlay-validate 0 validate ${overlay})
stagegap_cli_test(overlay-validate-answers 0 validate --rules ${overlay}
                  data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(overlay-rules-text 0 rules --rules ${overlay})
stagegap_cli_test(overlay-rules-markdown 0 rules --rules ${overlay} --format markdown)
stagegap_cli_test(overlay-rules-json 0 rules --rules ${overlay} --format json)
stagegap_cli_test(overlay-rules-csv 0 rules --rules ${overlay} --format csv)
stagegap_cli_test(overlay-init 0 init --rules ${overlay})
stagegap_cli_test(overlay-assess-text 0 assess --rules ${overlay} --format text
                  data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(overlay-validate-errors 3 validate tests/fixtures/overlay/overlay-errors.yaml)
stagegap_cli_test(overlay-chain 3 validate tests/fixtures/overlay/chain.yaml)
stagegap_cli_test(overlay-extends-self 3 validate tests/fixtures/overlay/extends-self.yaml)
stagegap_cli_test(overlay-extends-directory 4 validate
                  tests/fixtures/overlay/extends-directory.yaml)
stagegap_cli_test(overlay-rules-errors 3 rules --rules tests/fixtures/overlay/overlay-errors.yaml)
# The tour's run: Eastbrook's overlay with its accepted gap, in every format, and its
# quarters compared and followed over time under the overlay.
set(accept data/examples/eastbrook-accept.yaml)
foreach(fmt text markdown json csv html)
    stagegap_cli_test(overlay-accept-assess-${fmt} 0 assess --rules ${overlay} --accept ${accept}
                      --format ${fmt} data/examples/eastbrook-mid-implementation.yaml)
endforeach()
stagegap_cli_test(overlay-compare-text 0 compare --rules ${overlay} --accept ${accept}
                  data/examples/eastbrook-quarterly/2026-04.yaml
                  data/examples/eastbrook-quarterly/2026-07.yaml)
stagegap_cli_test(overlay-compare-json 0 compare --rules ${overlay} --format json
                  data/examples/eastbrook-quarterly/2026-04.yaml
                  data/examples/eastbrook-quarterly/2026-07.yaml)
stagegap_cli_test(overlay-trend-text 0 trend --rules ${overlay}
                  data/examples/eastbrook-quarterly/2026-04.yaml
                  data/examples/eastbrook-quarterly/2026-07.yaml)
stagegap_cli_test(overlay-trend-json 0 trend --rules ${overlay} --format json
                  data/examples/eastbrook-quarterly/2026-04.yaml
                  data/examples/eastbrook-quarterly/2026-07.yaml)
# An overlay that puts one item at 100 and another at 0.001 in a stage: group rows weigh
# every item alike, and the report says so (issue 25, docs/privacy.md).
stagegap_cli_test(overlay-concentrated-by-team 0 assess
                  --rules tests/fixtures/overlay/concentrated-weights.yaml --by team
                  tests/fixtures/survey-team-only)
