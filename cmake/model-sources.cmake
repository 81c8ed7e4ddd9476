# The sources of the model loader (rules.c and what it calls), relative to the source
# root: what tools/model_to_c.c links to read a model at build time. Included by the
# top-level CMakeLists.txt and, when cross-compiling, by tools/CMakeLists.txt, which
# builds the generator with the build machine's compiler.
set(STAGEGAP_MODEL_SOURCES
    src/xalloc.c src/strbuf.c src/pool.c src/diag.c src/text.c src/date.c src/fileio.c
    src/sha256.c src/exact.c src/yamlhint.c src/yamlread.c src/schema.c src/rules.c
    src/rules_overlay.c src/rules_hash.c)
