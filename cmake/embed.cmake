# Turns INPUT into a C source file OUTPUT holding its bytes and their SHA-256, with
# nothing but CMake. The hash is computed here, once, rather than at every run: it was
# 11% of a one-respondent assess's instructions (docs/performance.md, "Start-up"). unit_rules checks
# it against the hash of the embedded bytes computed at run time.
file(READ ${INPUT} hex HEX)
file(SHA256 ${INPUT} sha256)
string(LENGTH "${hex}" hex_len)
math(EXPR byte_len "${hex_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){16})" "\\1\n    " bytes "${bytes}")
file(WRITE ${OUTPUT}
"/* Generated from data/signs-of-safety.yaml by cmake/embed.cmake; do not edit. */\n"
"#include \"embedded.h\"\n\n"
"const unsigned char embedded_rules[] = {\n    ${bytes}\n};\n"
"const size_t embedded_rules_len = ${byte_len};\n"
"const char embedded_rules_sha256[] = \"${sha256}\";\n")
