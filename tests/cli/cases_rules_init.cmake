# rules and init: every format for both shipped models, and each refusal.
stagegap_cli_test(rules-text 0 rules)
stagegap_cli_test(rules-markdown 0 rules --format markdown)
stagegap_cli_test(rules-json 0 rules --format json)
stagegap_cli_test(rules-epis-text 0 rules --rules data/epis.yaml --format text)
stagegap_cli_test(rules-epis-markdown 0 rules --rules=data/epis.yaml --format=markdown)
stagegap_cli_test(rules-epis-json 0 rules --rules data/epis.yaml --format json)
stagegap_cli_test(rules-csv 0 rules --format csv)
stagegap_cli_test(rules-epis-csv 0 rules --rules data/epis.yaml --format csv)
stagegap_cli_test(rules-unknown-format 2 rules --format html)
stagegap_cli_test(rules-extra-argument 2 rules data/epis.yaml)
stagegap_cli_test(rules-missing-file 4 rules --rules no/such/rules.yaml)
stagegap_cli_test(rules-answers-as-rules 3 rules --rules data/examples/westvale-sustaining.yaml)
stagegap_cli_test(init 0 init)
stagegap_cli_test(init-epis 0 init --rules data/epis.yaml)
stagegap_cli_test(init-unknown-option 2 init --format json)
stagegap_cli_test(init-extra-argument 2 init answers.yaml)
stagegap_cli_test(init-missing-rules 4 init --rules no/such/rules.yaml)

# The model as JSON must parse; item ids are unique, start with their stage's id, and
# every address names an item.
find_program(STAGEGAP_PYTHON3 python3)
if(STAGEGAP_PYTHON3)
    set(check_model [=[
import json, sys
m = json.load(sys.stdin)
assert m["format"] == "stagegap-model/1", m["format"]
assert len(m["sha256"]) == 64
ids = [i["id"] for s in m["stages"] for i in s["items"]]
assert len(ids) == len(set(ids)) > 0
assert all(i["id"].startswith(s["id"] + ".") for s in m["stages"] for i in s["items"])
assert all(a in ids for s in m["stages"] for i in s["items"] for a in i["addresses"])
assert all(isinstance(i["weight"], (int, float)) for s in m["stages"] for i in s["items"])
]=])
    foreach(model default data/epis.yaml)
        if(model STREQUAL "default")
            set(rules_arg "")
        else()
            set(rules_arg "--rules ${model}")
        endif()
        string(MAKE_C_IDENTIFIER ${model} tag)
        add_test(NAME cli_rules-json-parses-${tag}
            COMMAND sh -c "\"$1\" rules ${rules_arg} --format json | \"$2\" -c \"$3\""
                    sh ${STAGEGAP_CLI} ${STAGEGAP_PYTHON3} "${check_model}"
            WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    endforeach()
endif()
