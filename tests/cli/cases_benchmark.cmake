# benchmark (issue 30): the bundled fictional network of ten authorities, with our place
# among them (--self) and without (the network's distributions only), in every format;
# each refusal with its reason: fewer than 5 authorities, a second share of one date,
# another model, dates, an answers file given as a share, a directory with none.
set(network data/examples/network)
set(ours data/examples/network/eastbrook-2026-09-30.yaml)
set(fx tests/fixtures/share/benchmark)
foreach(format text markdown json csv html)
    stagegap_cli_test(benchmark-self-${format} 0 benchmark --format ${format} --self ${ours} ${network})
    stagegap_cli_test(benchmark-network-${format} 0 benchmark --format ${format} ${network})
endforeach()
stagegap_cli_test(benchmark-as-of 0 benchmark --as-of 2026-06-30
    --self ${network}/eastbrook-2026-06-30.yaml ${network})
stagegap_cli_test(benchmark-four-authorities 3 benchmark --self ${ours}
    ${network}/lowfield-2026-07-31.yaml ${network}/westvale-2026-09-30.yaml
    ${network}/riverside-2026-09-15.yaml)
stagegap_cli_test(benchmark-as-of-too-early 3 benchmark --as-of 2026-03-31 ${network})
stagegap_cli_test(benchmark-second-share-one-date 3 benchmark ${network} ${fx}/lowfield-copy.yaml)
stagegap_cli_test(benchmark-other-model 3 benchmark ${network} ${fx}/older-model.yaml)
stagegap_cli_test(benchmark-other-model-allowed 0 benchmark --allow-model-change --self ${ours}
    ${network} ${fx}/older-model.yaml)
stagegap_cli_test(benchmark-bad-as-of 2 benchmark --as-of 2026-02-30 ${network})
stagegap_cli_test(benchmark-self-after-as-of 2 benchmark --as-of 2026-06-30 --self ${ours} ${network})
stagegap_cli_test(benchmark-answers-as-share 3 benchmark data/examples/eastbrook-mid-implementation.yaml)
stagegap_cli_test(benchmark-bad-share 3 benchmark ${network} tests/fixtures/share/bad-means.yaml)
stagegap_cli_test(benchmark-empty-directory 3 benchmark ${fx}/empty)
stagegap_cli_test(benchmark-no-shares 2 benchmark)
stagegap_cli_test(benchmark-format-unknown 2 benchmark --format pdf ${network})
stagegap_cli_test(benchmark-output-over-input 2 benchmark --output ${network}/lowfield-2026-07-31.yaml ${network})
