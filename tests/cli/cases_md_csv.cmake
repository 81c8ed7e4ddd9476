# Markdown and CSV reports of the example assessments (src/report/assess/report_markdown.c,
# src/report/report_csv.c). The markdown files should pass markdownlint with MD013 disabled.
stagegap_cli_test(assess-eastbrook-markdown 0
    assess --format markdown data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(assess-northmoor-markdown 0
    assess --format markdown data/examples/northmoor-just-launched.yaml)
stagegap_cli_test(assess-westvale-markdown 0
    assess --format markdown data/examples/westvale-sustaining.yaml)
stagegap_cli_test(assess-eastbrook-csv 0
    assess --format csv data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(assess-westvale-csv 0
    assess --format csv data/examples/westvale-sustaining.yaml)
