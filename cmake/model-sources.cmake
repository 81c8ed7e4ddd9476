# The sources of the model loader (rules.c and what it calls), relative to the source
# root: what tools/model_to_c.c links to read a model at build time. Included by the
# top-level CMakeLists.txt and, when cross-compiling, by tools/CMakeLists.txt, which
# builds the generator with the build machine's compiler.
set(STAGEGAP_MODEL_SOURCES
    src/platform/xalloc.c src/base/strbuf.c src/base/pool.c src/base/diag.c src/base/text.c src/base/date.c src/base/fileio.c
    src/base/sha256.c src/base/exact.c src/base/yamlhint.c src/base/yamlread.c src/base/schema.c src/model/rules.c src/model/rules_load.c
    src/model/rules_overlay.c src/model/rules_hash.c)
