/*
 * test_yamlread.c - the YAML reader: the tree it builds, the positions it records, and
 * every kind of input it refuses (anchors, aliases, tags, a second document, deep
 * nesting, duplicate and non-text keys, long text, NULs, too many values, bad bytes and
 * encodings), each with its exact message, line and column.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "exact.h"
#include "schema.h"
#include "strbuf.h"
#include "yamlread.h"

/* Reads len bytes of yaml with the default limits into doc, diagnostics into d. */
static int read_n(struct ydoc *doc, const char *yaml, size_t len, struct diags *d)
{
    ydoc_init(doc);
    diags_init(d);
    return yaml_read(doc, "t.yaml", yaml, len, &ylimits_default, d);
}

static int read_s(struct ydoc *doc, const char *yaml, struct diags *d)
{
    return read_n(doc, yaml, strlen(yaml), d);
}

static void done(struct ydoc *doc, struct diags *d)
{
    ydoc_release(doc);
    diags_release(d);
}

/* A valid document that yields a tree, positions and plain flags. */
static void test_yamlread_builds_tree_with_positions(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_s(&doc, "a: 1\nb: [x, 'y']\nc: {d: \"e\"}\n", &d), 0);
    assert_int_equal(d.errors, 0);
    assert_false(doc.broken);
    const struct ynode *root = doc.root;
    assert_non_null(root);
    assert_int_equal(root->type, YNODE_MAP);
    assert_int_equal(root->n, 6);
    assert_int_equal(root->line, 1);
    assert_int_equal(root->column, 1);
    assert_string_equal(root->kids[0]->str, "a");
    assert_string_equal(root->kids[1]->str, "1");
    assert_true(root->kids[1]->plain);
    assert_int_equal(root->kids[1]->line, 1);
    assert_int_equal(root->kids[1]->column, 4);
    const struct ynode *seq = root->kids[3];
    assert_int_equal(seq->type, YNODE_SEQ);
    assert_int_equal(seq->n, 2);
    assert_int_equal(seq->line, 2);
    assert_int_equal(seq->column, 4);
    assert_string_equal(seq->kids[1]->str, "y");
    assert_false(seq->kids[1]->plain);
    assert_int_equal(seq->kids[1]->column, 8);
    const struct ynode *map = root->kids[5];
    assert_int_equal(map->type, YNODE_MAP);
    assert_int_equal(map->kids[1]->len, 1);
    assert_int_equal(map->kids[1]->line, 3);
    assert_int_equal(map->kids[1]->column, 8);
    done(&doc, &d);
}

static void test_yamlread_empty_and_comment_only_have_no_root(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_n(&doc, "", 0, &d), 0);
    assert_null(doc.root);
    assert_false(doc.broken);
    done(&doc, &d);
    assert_int_equal(read_s(&doc, "# nothing here\n\n", &d), 0);
    assert_null(doc.root);
    assert_false(doc.broken);
    done(&doc, &d);
}

/* A UTF-8 byte-order mark and CRLF line ends read as normal, positions unchanged. */
static void test_yamlread_bom_and_crlf(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    const char *yaml = "\xEF\xBB\xBF"
                       "a: 1\r\nb: x\r\nb: y\r\n";
    assert_int_equal(read_s(&doc, yaml, &d), -1);
    assert_int_equal(d.errors, 1);
    assert_diag(&d, 3, 1, "duplicate key 'b', first given at line 2; keep only one");
    assert_string_equal(d.v[0].source_line, "b: y");
    assert_int_equal(d.v[0].caret, 0);
    assert_string_equal(doc.root->kids[0]->str, "a");
    assert_int_equal(doc.root->kids[0]->column, 1);
    assert_string_equal(doc.root->kids[3]->str, "x");
    assert_int_equal(doc.root->kids[3]->line, 2);
    assert_int_equal(doc.root->kids[3]->column, 4);
    done(&doc, &d);
    /* On the first line, where the mark stands, columns do not count it either. */
    assert_int_equal(read_s(&doc, "\xEF\xBB\xBF{a: 1, a: 2}\r\n", &d), -1);
    assert_diag(&d, 1, 8, "duplicate key 'a', first given at line 1; keep only one");
    assert_string_equal(d.v[0].source_line, "{a: 1, a: 2}");
    assert_int_equal(d.v[0].caret, 7);
    done(&doc, &d);
}

static void test_yamlread_refuses_anchors_and_aliases(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_s(&doc, "a: &x 1\nb: *x\nc: &y [1]\n", &d), -1);
    assert_int_equal(d.errors, 3);
    assert_diag(&d, 1, 4, "anchors ('&') are not allowed in a stagegap file; write the value out");
    assert_diag(&d, 2, 4, "aliases ('*') are not allowed in a stagegap file; write the value out");
    assert_diag(&d, 3, 4, "anchors ('&') are not allowed in a stagegap file; write the value out");
    /* The tree is still built, so callers can report more; the alias stands as INVALID. */
    assert_false(doc.broken);
    assert_non_null(doc.root);
    assert_int_equal(doc.root->kids[3]->type, YNODE_INVALID);
    done(&doc, &d);
}

/* "Billion laughs": every anchor and alias is refused and counted, none expanded. */
static void test_yamlread_alias_bomb_is_refused_quickly(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'i'; c++) {
        strbuf_addf(&sb, "%c: &%c [", c, c);
        for (int k = 0; k < 9; k++)
            strbuf_addf(&sb, "%s*%c", k ? ", " : "", c - 1);
        strbuf_adds(&sb, "]\n");
    }
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_n(&doc, sb.buf, sb.len, &d), -1);
    assert_int_equal(d.errors, 9 + 8 * 9);
    assert_int_equal(d.n, DIAG_MAX);
    assert_int_equal(d.dropped, 9 + 8 * 9 - DIAG_MAX);
    assert_diag(&d, 2, 4, "anchors ('&') are not allowed in a stagegap file; write the value out");
    assert_diag(&d, 2, 8, "aliases ('*') are not allowed in a stagegap file; write the value out");
    done(&doc, &d);
    strbuf_release(&sb);
}

static void test_yamlread_refuses_tags(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_s(&doc, "a: !!str 1\nb: !local {c: 1}\nc: !!seq []\n", &d), -1);
    assert_int_equal(d.errors, 3);
    assert_diag(&d, 1, 4, "tags ('!') are not allowed in a stagegap file; remove the tag");
    assert_diag(&d, 2, 4, "tags ('!') are not allowed in a stagegap file; remove the tag");
    assert_diag(&d, 3, 4, "tags ('!') are not allowed in a stagegap file; remove the tag");
    done(&doc, &d);
}

static void test_yamlread_refuses_second_document(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_s(&doc, "a: 1\n---\nb: 2\n", &d), -1);
    assert_diag(&d, 2, 1, "a second YAML document; a stagegap file holds exactly one");
    assert_true(doc.broken);
    assert_null(doc.root);
    done(&doc, &d);
    assert_int_equal(read_s(&doc, "--- a\n...\n--- b\n", &d), -1);
    assert_diag(&d, 3, 1, "a second YAML document; a stagegap file holds exactly one");
    done(&doc, &d);
}

/* 16 collections inside each other are fine; the 17th is refused where it opens. */
static void test_yamlread_refuses_deep_nesting(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    char ok[64], deep[64];
    memset(ok, 0, sizeof(ok));
    memset(deep, 0, sizeof(deep));
    memset(ok, '[', 16);
    memset(ok + 16, ']', 16);
    memset(deep, '[', 17);
    memset(deep + 17, ']', 17);
    assert_int_equal(read_s(&doc, ok, &d), 0);
    done(&doc, &d);
    assert_int_equal(read_s(&doc, deep, &d), -1);
    assert_int_equal(d.errors, 1);
    assert_diag(&d, 1, 17, "nesting deeper than 16 levels");
    assert_true(doc.broken);
    assert_null(doc.root);
    done(&doc, &d);
    /* Block style counts the same way. */
    struct strbuf sb = STRBUF_INIT;
    for (int i = 0; i < 20; i++) {
        strbuf_addchars(&sb, ' ', (size_t)(2 * i));
        strbuf_adds(&sb, "k:\n");
    }
    assert_int_equal(read_n(&doc, sb.buf, sb.len, &d), -1);
    assert_diag(&d, 17, 33, "nesting deeper than 16 levels");
    done(&doc, &d);
    strbuf_release(&sb);
}

/* A megabyte of '[' is refused at the limit, without recursion or a big stack. */
static void test_yamlread_refuses_megabyte_of_brackets(void **state)
{
    (void)state;
    size_t len = 1024 * 1024;
    char *buf = malloc(len);
    assert_non_null(buf);
    memset(buf, '[', len);
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_n(&doc, buf, len, &d), -1);
    assert_int_equal(d.errors, 1);
    assert_diag(&d, 1, 17, "nesting deeper than 16 levels");
    done(&doc, &d);
    free(buf);
}

static void test_yamlread_refuses_duplicate_keys(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_s(&doc, "a: 1\nb: 2\na: 3\nc: {x: 1, x: 2, x: 3}\n", &d), -1);
    assert_int_equal(d.errors, 3);
    assert_diag(&d, 3, 1, "duplicate key 'a', first given at line 1; keep only one");
    assert_diag(&d, 4, 11, "duplicate key 'x', first given at line 4; keep only one");
    assert_diag(&d, 4, 17, "duplicate key 'x', first given at line 4; keep only one");
    /* Quoted and plain spellings of one key are one key. */
    done(&doc, &d);
    assert_int_equal(read_s(&doc, "a: 1\n\"a\": 2\n", &d), -1);
    assert_diag(&d, 2, 1, "duplicate key 'a', first given at line 1; keep only one");
    done(&doc, &d);
}

/*
 * A map of more than 8 keys is checked through a hash table; a duplicate in it is still
 * reported as the sort reports it: in key order, each copy naming the one before it.
 */
static void test_yamlread_duplicate_keys_in_a_large_map(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    struct strbuf y = STRBUF_INIT;
    for (int i = 0; i < 40; i++)
        strbuf_addf(&y, "launch.item-%02d: %d\n", i, i % 10);
    assert_int_equal(read_s(&doc, strbuf_str(&y), &d), 0); /* 40 keys, all different */
    assert_int_equal(d.n, 0);
    done(&doc, &d);
    strbuf_adds(&y, "launch.item-07: 1\nlaunch.item-03: 2\nlaunch.item-07: 3\n");
    assert_int_equal(read_s(&doc, strbuf_str(&y), &d), -1);
    assert_int_equal(d.errors, 3);
    assert_diag(&d, 42, 1, "duplicate key 'launch.item-03', first given at line 4; keep only one");
    assert_diag(&d, 41, 1, "duplicate key 'launch.item-07', first given at line 8; keep only one");
    assert_diag(&d, 43, 1, "duplicate key 'launch.item-07', first given at line 41; keep only one");
    assert_int_equal(d.v[0].line, 42); /* key order, as the sort gives */
    assert_int_equal(d.v[1].line, 41);
    assert_int_equal(d.v[2].line, 43);
    done(&doc, &d);
    strbuf_release(&y);
}

/*
 * Keys of one length whose first and last 8 bytes agree crowd the quick hash (as ids
 * like launch-10.x ... launch-16.x do): the check hashes every byte instead, and still
 * finds every key different, or the one duplicate among them (reported by the sort).
 */
static void test_yamlread_keys_alike_at_both_ends(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    struct strbuf y = STRBUF_INIT;
    for (int i = 0; i < 60; i++)
        strbuf_addf(&y, "aaaaaaaa-%02d-zzzzzzzz: 1\n", i);
    assert_int_equal(read_s(&doc, strbuf_str(&y), &d), 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(doc.root->n, 120);
    done(&doc, &d);
    strbuf_adds(&y, "aaaaaaaa-59-zzzzzzzz: 2\n");
    assert_int_equal(read_s(&doc, strbuf_str(&y), &d), -1);
    assert_int_equal(d.errors, 1);
    assert_diag(&d, 61, 1,
                "duplicate key 'aaaaaaaa-59-zzzzzzzz', first given at line 60; keep only one");
    done(&doc, &d);
    strbuf_release(&y);
}

/* Keys with a NUL inside compare as C strings up to it, as they always have. */
static void test_yamlread_keys_with_a_nul_compare_up_to_it(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_s(&doc, "\"a\\0b\": 1\n\"a\\0c\": 2\n", &d), -1);
    assert_int_equal(d.errors, 3);
    assert_diag(&d, 1, 1, "text holds a NUL character");
    assert_diag(&d, 2, 1, "text holds a NUL character");
    assert_diag(&d, 2, 1, "duplicate key 'a', first given at line 1; keep only one");
    done(&doc, &d);
}

/* The hot path's number check gives what ydecimal gives, for every kind of scalar. */
static void test_schema_ydecimal_ok_agrees_with_ydecimal(void **state)
{
    (void)state;
    static const char *const values[] = {
        "7",   "0",         "10",         "11",  "-1",     "007",    "7.5",    "7.125", "7.1234",
        "1e1", "0x5",       "\"5\"",      "n/a", "~",      "''",     "1234",   ".5",    "+3",
        "3.",  "999999999", "1234567890", "-0",  "0.0001", "10.000", "10.001", "inf",   "nan",
        "[1]", "{a: 1}",    "5 ",         "1_0", "0o7",    "10.0000"};
    for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
        struct ydoc doc;
        struct diags d;
        struct strbuf y = STRBUF_INIT;
        strbuf_addf(&y, "v: %s\n", values[i]);
        read_s(&doc, strbuf_str(&y), &d);
        const struct ynode *v = doc.root->kids[1];
        struct yctx c = {"t.yaml", &d};
        int64_t quiet = -7, loud = -7;
        bool ok = ydecimal_ok(v, 0, 10 * EXACT_SCALE, &quiet);
        size_t before = d.n;
        int rc = ydecimal(&c, v, 0, 10 * EXACT_SCALE, "v", &loud);
        if (ok != (rc == 0) || (ok && quiet != loud) || (!ok && quiet != -7))
            fail_msg("'%s': ydecimal_ok %d (%lld), ydecimal %d (%lld)", values[i], ok,
                     (long long)quiet, rc, (long long)loud);
        assert_int_equal(d.n, before + (rc != 0)); /* only ydecimal reports */
        strbuf_release(&y);
        done(&doc, &d);
    }
}

static void test_schema_ynode_is_null(void **state)
{
    (void)state;
    static const struct {
        const char *yaml;
        bool null;
    } cases[] = {{"v: ~\n", true},         {"v:\n", true},        {"v: null\n", true},
                 {"v: Null\n", true},      {"v: NULL\n", true},   {"v: nULL\n", false},
                 {"v: nul\n", false},      {"v: nulls\n", false}, {"v: '~'\n", false},
                 {"v: \"null\"\n", false}, {"v: ''\n", false},    {"v: ~~\n", false},
                 {"v: [null]\n", false},   {"v: 0\n", false}};
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct ydoc doc;
        struct diags d;
        assert_int_equal(read_s(&doc, cases[i].yaml, &d), 0);
        if (ynode_is_null(doc.root->kids[1]) != cases[i].null)
            fail_msg("%s: ynode_is_null should be %d", cases[i].yaml, cases[i].null);
        done(&doc, &d);
    }
}

static void test_yamlread_refuses_non_text_keys(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_s(&doc, "? [a, b]\n: 1\n? {c: d}\n: 2\n", &d), -1);
    assert_int_equal(d.errors, 2);
    assert_diag(&d, 1, 3, "a key must be plain text, not a list or mapping");
    assert_diag(&d, 3, 3, "a key must be plain text, not a list or mapping");
    done(&doc, &d);
}

static void test_yamlread_refuses_long_text(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(&sb, "a: ");
    strbuf_addchars(&sb, 'x', ylimits_default.max_scalar);
    strbuf_adds(&sb, "\nb: \"");
    strbuf_addchars(&sb, 'y', ylimits_default.max_scalar + 1);
    strbuf_adds(&sb, "\"\n");
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_n(&doc, sb.buf, sb.len, &d), -1);
    assert_int_equal(d.errors, 1);
    assert_diag(&d, 2, 4, "text of 16385 bytes is longer than the limit of 16384");
    done(&doc, &d);
    strbuf_release(&sb);
}

/* A NUL written as an escape reaches the scalar: refused there. */
static void test_yamlread_refuses_escaped_nul(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_s(&doc, "a: ok\nb: \"x\\0y\"\nc: \"\\x00\"\n", &d), -1);
    assert_int_equal(d.errors, 2);
    assert_diag(&d, 2, 4, "text holds a NUL character");
    assert_diag(&d, 3, 4, "text holds a NUL character");
    done(&doc, &d);
}

/* A raw NUL or other control byte is a reader error, located by its byte offset. */
static void test_yamlread_refuses_raw_control_bytes(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    static const char nul[] = "a: 1\nb: x\0y\n";
    assert_int_equal(read_n(&doc, nul, sizeof(nul) - 1, &d), -1);
    assert_int_equal(d.errors, 1);
    assert_diag(&d, 2, 5,
                "control character U+0000 is not allowed in a YAML file; remove "
                "it, or write it as an escape in double quotes");
    assert_string_equal(d.v[0].source_line, "b: x\\x00y");
    assert_int_equal(d.v[0].caret, 4);
    assert_true(doc.broken);
    done(&doc, &d);
    assert_int_equal(read_s(&doc,
                            "a: b\x07"
                            "c\n",
                            &d),
                     -1);
    assert_diag(&d, 1, 5,
                "control character U+0007 is not allowed in a YAML file; remove "
                "it, or write it as an escape in double quotes");
    done(&doc, &d);
    assert_int_equal(read_s(&doc,
                            "\xEF\xBB\xBF"
                            "ab: \x1b[31m\n",
                            &d),
                     -1);
    assert_diag(&d, 1, 5,
                "control character U+001B is not allowed in a YAML file; remove "
                "it, or write it as an escape in double quotes");
    assert_string_equal(d.v[0].source_line, "ab: \\x1b[31m");
    done(&doc, &d);
}

static void test_yamlread_refuses_invalid_utf8(void **state)
{
    (void)state;
    static const struct {
        const char *yaml;
        unsigned line, column;
        const char *msg;
    } cases[] = {
        {"a: 1\nb: \xC3\x28\n", 2, 4,
         "invalid UTF-8 (byte 0xc3 at offset 8); save the file as UTF-8"},
        {"a: \xC0\xAF\n", 1, 4, "invalid UTF-8 (byte 0xc0 at offset 3); save the file as UTF-8"},
        {"a: \xED\xA0\x80\n", 1, 4,
         "invalid UTF-8 (byte 0xed at offset 3); save the file as UTF-8"},
        {"a: \xF4\x90\x80\x80\n", 1, 4,
         "invalid UTF-8 (byte 0xf4 at offset 3); save the file as UTF-8"},
        {"a: \xE2\x82\n", 1, 4, "invalid UTF-8 (byte 0xe2 at offset 3); save the file as UTF-8"},
        {"\xC3\xA9t\xC3\xA9: \xFF\n", 1, 6,
         "invalid UTF-8 (byte 0xff at offset 7); save the file as UTF-8"},
        {"a: x\xe2\x80\xa8"
         "bc\xFE\n",
         2, 3, "invalid UTF-8 (byte 0xfe at offset 9); save the file as UTF-8"},
        {"\xEF\xBB\xBF"
         "ab\x80\n",
         1, 3, "invalid UTF-8 (byte 0x80 at offset 5); save the file as UTF-8"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct ydoc doc;
        struct diags d;
        assert_int_equal(read_s(&doc, cases[i].yaml, &d), -1);
        assert_int_equal(d.errors, 1);
        assert_true(doc.broken);
        assert_diag(&d, cases[i].line, cases[i].column, cases[i].msg);
        done(&doc, &d);
    }
}

/* The caret stands under the bad byte even when escapes come before it. */
static void test_yamlread_invalid_utf8_caret_after_escapes(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_s(&doc, "\x01\xC3\xA9: \xFF\n", &d), -1);
    assert_diag(&d, 1, 5, "invalid UTF-8 (byte 0xff at offset 5); save the file as UTF-8");
    assert_string_equal(d.v[0].source_line, "\\x01\xC3\xA9: \xEF\xBF\xBD");
    assert_int_equal(d.v[0].caret, 7);
    done(&doc, &d);
}

/* UTF-16 with a byte-order mark is read, little- or big-endian, positions right. */
static void test_yamlread_reads_utf16_with_bom(void **state)
{
    (void)state;
    static const char le[] = "\xFF\xFE"
                             "a\0:\0 \0\xE9\0\n\0b\0:\0 \0[\0\n\0";
    static const char be[] = "\xFE\xFF"
                             "\0a\0:\0 \0\xE9\0\n\0b\0:\0 \0[\0\n";
    static const char dup[] = "\xFF\xFE"
                              "a\0:\0 \0"
                              "1\0\r\0\n\0a\0:\0 \0"
                              "2\0";
    const char *bufs[] = {le, be};
    size_t lens[] = {sizeof(le) - 1, sizeof(be) - 1};
    for (int i = 0; i < 2; i++) {
        struct ydoc doc;
        struct diags d;
        assert_int_equal(read_n(&doc, bufs[i], lens[i], &d), -1);
        assert_int_equal(d.errors, 1);
        assert_diag(&d, 3, 1,
                    "not valid YAML: did not find expected node content (while "
                    "parsing a flow node, which starts at line 3)");
        done(&doc, &d);
    }
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_n(&doc, dup, sizeof(dup) - 1, &d), -1);
    assert_int_equal(d.errors, 1);
    assert_diag(&d, 2, 1, "duplicate key 'a', first given at line 1; keep only one");
    assert_string_equal(d.v[0].source_line, "a: 2");
    done(&doc, &d);
    /* Text outside the BMP comes through a surrogate pair. */
    static const char pair[] = "\xFF\xFE"
                               "a\0:\0 \0\x3D\xD8\x00\xDE";
    assert_int_equal(read_n(&doc, pair, sizeof(pair) - 1, &d), 0);
    assert_string_equal(doc.root->kids[1]->str, "\xF0\x9F\x98\x80");
    done(&doc, &d);
}

static void test_yamlread_refuses_broken_utf16(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    static const char lone_low[] = "\xFF\xFE"
                                   "a\0:\0\n\0b\0b\0\x00\xDC";
    assert_int_equal(read_n(&doc, lone_low, sizeof(lone_low) - 1, &d), -1);
    assert_diag(&d, 2, 3,
                "invalid UTF-16: a low surrogate without a high one before it "
                "(byte offset 12); save the file as UTF-8");
    assert_null(d.v[0].source_line);
    done(&doc, &d);
    static const char lone_high[] = "\xFE\xFF"
                                    "\0a\xD8\x00\0b";
    assert_int_equal(read_n(&doc, lone_high, sizeof(lone_high) - 1, &d), -1);
    assert_diag(&d, 1, 2,
                "invalid UTF-16: a high surrogate without a low one after it "
                "(byte offset 4); save the file as UTF-8");
    done(&doc, &d);
    static const char odd[] = "\xFF\xFE"
                              "a\0b";
    assert_int_equal(read_n(&doc, odd, sizeof(odd) - 1, &d), -1);
    assert_diag(&d, 1, 2,
                "invalid UTF-16: the last character is cut short (byte offset 4); "
                "save the file as UTF-8");
    done(&doc, &d);
}

static void test_yamlread_refuses_utf16_without_bom_and_utf32(void **state)
{
    (void)state;
    static const struct {
        const char *buf;
        size_t len;
        const char *msg;
    } cases[] = {
        {"a\0:\0 \0"
         "1\0",
         8,
         "this looks like UTF-16 or UTF-32 text without a byte-order "
         "mark; save the file as UTF-8"},
        {"\0a\0:\0 \0"
         "1",
         8,
         "this looks like UTF-16 or UTF-32 text without a byte-order "
         "mark; save the file as UTF-8"},
        {"a\0\0\0", 4,
         "this looks like UTF-16 or UTF-32 text without a byte-order "
         "mark; save the file as UTF-8"},
        {"\xFF\xFE\0\0"
         "a\0\0\0",
         8, "this is UTF-32 text; save the file as UTF-8"},
        {"\0\0\xFE\xFF"
         "\0\0\0a",
         8, "this is UTF-32 text; save the file as UTF-8"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct ydoc doc;
        struct diags d;
        assert_int_equal(read_n(&doc, cases[i].buf, cases[i].len, &d), -1);
        assert_int_equal(d.errors, 1);
        assert_diag(&d, 1, 1, cases[i].msg);
        /* Wide text quoted as bytes would be noise: no source line. */
        assert_null(d.v[0].source_line);
        assert_true(doc.broken);
        done(&doc, &d);
    }
}

static void test_yamlread_reports_syntax_errors_located(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_s(&doc, "a: 1\n  b: 2\n", &d), -1);
    assert_int_equal(d.errors, 1);
    assert_diag(&d, 2, 3,
                "this line is indented 2 spaces and line 1 above it 0; keys of one mapping "
                "must line up");
    assert_string_equal(d.v[0].note,
                        "libyaml: mapping values are not allowed in this context at line 2, "
                        "column 4");
    assert_true(doc.broken);
    done(&doc, &d);
    assert_int_equal(read_s(&doc, "a: \"open\nb: 2\n", &d), -1);
    assert_diag(&d, 1, 4, "this quote is never closed; put a closing \" where the text ends");
    assert_string_equal(d.v[0].note,
                        "libyaml: found unexpected end of stream at line 3, column 1 (while "
                        "scanning a quoted scalar that starts at line 1)");
    done(&doc, &d);
    /* Where the text shows no likely mistake, libyaml's words are the message. */
    assert_int_equal(read_s(&doc, "a: [b, c}\n", &d), -1);
    assert_int_equal(d.errors, 1);
    assert_diag(&d, 1, 9,
                "not valid YAML: did not find expected ',' or ']' (while parsing a flow "
                "sequence, which starts at line 1)");
    assert_null(d.v[0].note);
    done(&doc, &d);
    /* A '{' closed on a later line is not called unclosed. */
    assert_int_equal(read_s(&doc, "a: {\n  b: 1\n  c: 2 }\n", &d), -1);
    assert_diag(&d, 3, 4,
                "not valid YAML: did not find expected ',' or '}' (while parsing a flow "
                "mapping, which starts at line 1)");
    done(&doc, &d);
}

/*
 * A mistake made by hand: the diagnostic names the line the person got wrong, at the
 * column where the fix goes, says the fix, and keeps libyaml's words as its note.
 */
struct hand_mistake {
    const char *yaml;
    unsigned line, column;
    const char *msg;
    const char *note;
};

static void expect_hand_mistakes(const struct hand_mistake *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct ydoc doc;
        struct diags d;
        assert_int_equal(read_s(&doc, cases[i].yaml, &d), -1);
        assert_int_equal(d.errors, 1);
        assert_diag(&d, cases[i].line, cases[i].column, cases[i].msg);
        assert_non_null(d.v[0].note);
        assert_string_equal(d.v[0].note, cases[i].note);
        assert_true(doc.broken);
        done(&doc, &d);
    }
}

#define N_CASES(a) (sizeof(a) / sizeof((a)[0]))

static void test_yamlread_missing_colon_named_at_its_line(void **state)
{
    (void)state;
    static const struct hand_mistake cases[] = {
        /* Among other keys: libyaml stops at the next key. */
        {"format: x\nanswers:\n  a.b: 1\n  launch.introducing-sos 9\n  a.d: 2\n", 4, 25,
         "a key needs ':' after it: 'launch.introducing-sos: 9'",
         "libyaml: could not find expected ':' at line 5, column 3 (while scanning a simple "
         "key that starts at line 4)"},
        /* The last item, before a blank line and a comment: libyaml stops at the end. */
        {"answers:\n  a.b: 1\n  a.c 9\n\n# end\n", 3, 6, "a key needs ':' after it: 'a.c: 9'",
         "libyaml: could not find expected ':' at line 5, column 1 (while scanning a simple "
         "key that starts at line 3)"},
        /* The first item of a mapping: libyaml reads on into the next line. */
        {"answers:\n  # launch\n  a.b 8\n  a.c: 9\n", 3, 6, "a key needs ':' after it: 'a.b: 8'",
         "libyaml: mapping values are not allowed in this context at line 4, column 6"},
        /* A key with nothing after it; a comment after the value. */
        {"answers\n  a.b: 1\n", 1, 8, "a key needs ':' after it: 'answers:'",
         "libyaml: mapping values are not allowed in this context at line 2, column 6"},
        /* A value in braces, and a key in a list item. */
        {"answers:\n  a.b {score: 8, note: \"x\"}\n  a.c: 2\n", 2, 6,
         "a key needs ':' after it: 'a.b: {score: 8, note: \"x\"}'",
         "libyaml: mapping values are not allowed in this context at line 2, column 22"},
        {"levels:\n  - id outer\n    title: x\n", 2, 7, "a key needs ':' after it: 'id: outer'",
         "libyaml: mapping values are not allowed in this context at line 3, column 10"},
        {"a: 1\nb 2 # c\nc: 3\n", 2, 2, "a key needs ':' after it: 'b: 2'",
         "libyaml: could not find expected ':' at line 3, column 1 (while scanning a simple "
         "key that starts at line 2)"},
        /* Columns count code points; a byte-order mark and CR LF change nothing. */
        {"\xEF\xBB\xBF"
         "answers:\r\n  caf\xC3\xA9 9\r\n  b: 1\r\n",
         2, 7, "a key needs ':' after it: 'caf\xC3\xA9: 9'",
         "libyaml: mapping values are not allowed in this context at line 3, column 4"},
    };
    expect_hand_mistakes(cases, N_CASES(cases));
}

static void test_yamlread_missing_space_after_colon(void **state)
{
    (void)state;
    static const struct hand_mistake cases[] = {
        {"answers:\n  a.b: 1\n  a.c:9\n  a.d: 2\n", 3, 7, "a ':' needs a space after it: 'a.c: 9'",
         "libyaml: could not find expected ':' at line 4, column 3 (while scanning a simple "
         "key that starts at line 3)"},
        {"answers:\n  a.b: 1\n  a.c:9\n\n", 3, 7, "a ':' needs a space after it: 'a.c: 9'",
         "libyaml: could not find expected ':' at line 5, column 1 (while scanning a simple "
         "key that starts at line 3)"},
        {"a: 1\nb:{score: 8, note: x}\nc: 2\n", 2, 3,
         "a ':' needs a space after it: 'b: {score: 8, note: x}'",
         "libyaml: mapping values are not allowed in this context at line 2, column 18"},
        {"format:x\nanswers:\n  a.b: 1\n", 1, 8, "a ':' needs a space after it: 'format: x'",
         "libyaml: mapping values are not allowed in this context at line 2, column 8"},
    };
    expect_hand_mistakes(cases, N_CASES(cases));
}

static void test_yamlread_tab_indentation(void **state)
{
    (void)state;
    static const struct hand_mistake cases[] = {
        {"answers:\n\ta.b: 1\n", 2, 1, "tabs cannot indent YAML; use spaces",
         "libyaml: found character that cannot start any token at line 2, column 1 (while "
         "scanning for the next token that starts at line 2)"},
        {"answers:\n  a.b: 1\n\ta.c: 2\n", 3, 1, "tabs cannot indent YAML; use spaces",
         "libyaml: found a tab character that violates indentation at line 3, column 1 "
         "(while scanning a plain scalar that starts at line 2)"},
        {"answers:\n  a.b: 1\n  \ta.c: 2\n", 3, 3, "tabs cannot indent YAML; use spaces",
         "libyaml: found a tab character that violates indentation at line 3, column 3 "
         "(while scanning a plain scalar that starts at line 2)"},
    };
    expect_hand_mistakes(cases, N_CASES(cases));
}

static void test_yamlread_wrong_indentation(void **state)
{
    (void)state;
    static const struct hand_mistake cases[] = {
        {"answers:\n  a.b: 1\n   a.c: 2\n  a.d: 3\n", 3, 4,
         "this line is indented 3 spaces and line 2 above it 2; keys of one mapping must "
         "line up",
         "libyaml: mapping values are not allowed in this context at line 3, column 7"},
        {"answers:\n  a.b: 1\n a.c: 2\n", 3, 2,
         "this line is indented 1 space and line 2 above it 2; keys of one mapping must "
         "line up",
         "libyaml: did not find expected key at line 3, column 2 (while parsing a block "
         "mapping that starts at line 1)"},
        {"answers:\n   - a\n  - b\n", 3, 3,
         "this line is indented 2 spaces and line 2 above it 3; items of one list must line up",
         "libyaml: did not find expected key at line 3, column 3 (while parsing a block "
         "mapping that starts at line 1)"},
        {"- a: 1\n - b\n", 2, 2,
         "this line is indented 1 space and line 1 above it 0; items of one list must line up",
         "libyaml: did not find expected '-' indicator at line 2, column 2 (while parsing a "
         "block collection that starts at line 1)"},
        /* The first key sets the indentation; the lines after it agree with each other. */
        {"answers:\n   a.b: 1\n  a.c: 2\n  a.d: 3\n", 2, 4,
         "this line is indented 3 spaces and line 3 below it 2; keys of one mapping must "
         "line up",
         "libyaml: did not find expected key at line 3, column 3 (while parsing a block "
         "mapping that starts at line 1)"},
        {"# c\n format: x\nrules: y\n", 2, 2,
         "this line is indented 1 space and line 3 below it 0; keys of one mapping must "
         "line up",
         "libyaml: did not find expected <document start> at line 3, column 1"},
        /* A value carried onto a second line is text: the line after it is out of place. */
        {"a: some\n  text\n    b: 1\n", 3, 5,
         "this line is indented 4 spaces and line 2 above it 2; keys of one mapping must "
         "line up",
         "libyaml: mapping values are not allowed in this context at line 3, column 6"},
    };
    expect_hand_mistakes(cases, N_CASES(cases));
}

static void test_yamlread_quotes_not_closed_or_closed_early(void **state)
{
    (void)state;
    static const struct hand_mistake cases[] = {
        {"organisation: \"Eastbrook\ndate: 2026-01-01\n", 1, 15,
         "this quote is never closed; put a closing \" where the text ends",
         "libyaml: found unexpected end of stream at line 3, column 1 (while scanning a "
         "quoted scalar that starts at line 1)"},
        {"a: 1\norganisation: 'Eastbrook\n", 2, 15,
         "this quote is never closed; put a closing ' where the text ends",
         "libyaml: found unexpected end of stream at line 3, column 1 (while scanning a "
         "quoted scalar that starts at line 2)"},
        /* Closed, as libyaml sees it, by the opening quote of a later value. */
        {"organisation: \"Eastbrook\ndate: 2026-01-01\nnote: \"x\"\n", 1, 15,
         "this quote is never closed; put a closing \" where the text ends",
         "libyaml: did not find expected key at line 3, column 8 (while parsing a block "
         "mapping that starts at line 1)"},
        {"organisation: 'Eastbrook's'\n", 1, 25,
         "this quote ends the text early: inside '...' write each ' as '', or put the text "
         "in \"...\" instead",
         "libyaml: did not find expected key at line 1, column 26 (while parsing a block "
         "mapping that starts at line 1)"},
        {"note: \"the \"best\" one\"\n", 1, 12,
         "this quote ends the text early: inside \"...\" write each \" as \\\", or put the "
         "text in '...' instead",
         "libyaml: did not find expected key at line 1, column 13 (while parsing a block "
         "mapping that starts at line 1)"},
    };
    expect_hand_mistakes(cases, N_CASES(cases));
}

static void test_yamlread_stray_dash_and_value_with_colon(void **state)
{
    (void)state;
    static const struct hand_mistake cases[] = {
        {"answers:\n  a.b: 1\n  - a.c: 2\n", 3, 3,
         "a list item ('-') among keys; remove the '-', or put the list under a key of its "
         "own",
         "libyaml: did not find expected key at line 3, column 3 (while parsing a block "
         "mapping that starts at line 2)"},
        {"answers:\n  a.b: 1\n  -\n  a.c: 2\n", 3, 3,
         "a '-' alone on a line among keys; remove the line",
         "libyaml: did not find expected key at line 3, column 3 (while parsing a block "
         "mapping that starts at line 2)"},
        /* A '-' on the first key makes a list of the block: the '-' is named. */
        {"answers:\n  - a.b: 1\n  a.c: 2\n  a.d: 3\n", 2, 3,
         "a list item ('-') among keys; remove the '-', or put the list under a key of its "
         "own",
         "libyaml: did not find expected '-' indicator at line 3, column 3 (while parsing a "
         "block collection that starts at line 2)"},
        {"format: x\n- rules: y\n", 2, 1,
         "a list item ('-') among keys; remove the '-', or put the list under a key of its "
         "own",
         "libyaml: did not find expected key at line 2, column 1 (while parsing a block "
         "mapping that starts at line 1)"},
        {"a: 1\nnote: see \"x\": then y\n", 2, 14,
         "a value that holds ': ' must be quoted: 'note: \"see \\\"x\\\": then y\"'",
         "libyaml: mapping values are not allowed in this context at line 2, column 14"},
    };
    expect_hand_mistakes(cases, N_CASES(cases));
}

static void test_yamlread_brackets_not_closed_or_missing_comma(void **state)
{
    (void)state;
    static const struct hand_mistake cases[] = {
        {"respondent: {id: x, role: y\ndate: 1\n", 1, 13,
         "this '{' is never closed; end the mapping with '}'",
         "libyaml: did not find expected ',' or '}' at line 2, column 5 (while parsing a "
         "flow mapping that starts at line 1)"},
        {"list: [a, b\ndate: 1\n", 1, 7, "this '[' is never closed; end the list with ']'",
         "libyaml: did not find expected ',' or ']' at line 2, column 5 (while parsing a "
         "flow sequence that starts at line 1)"},
        {"a.b: {score: 8 note: x}\n", 1, 15,
         "a ',' is missing here: items inside '{...}' and '[...]' are separated by commas",
         "libyaml: did not find expected ',' or '}' at line 1, column 20 (while parsing a "
         "flow mapping that starts at line 1)"},
    };
    expect_hand_mistakes(cases, N_CASES(cases));
}

/* Lines are counted the way libyaml counts them, so the quoted line matches. */
static void test_yamlread_lines_split_like_the_parser(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_s(&doc, "a: x\xE2\x80\xA8 b: [\n", &d), -1);
    assert_diag(&d, 2, 2,
                "this line is indented 1 space and line 1 above it 0; keys of one mapping "
                "must line up");
    assert_string_equal(d.v[0].source_line, " b: [");
    assert_int_equal(d.v[0].caret, 1);
    done(&doc, &d);
    assert_int_equal(read_s(&doc, "a: 1\rb: 2\ra: 3\r", &d), -1);
    assert_diag(&d, 3, 1, "duplicate key 'a', first given at line 1; keep only one");
    assert_string_equal(d.v[0].source_line, "a: 3");
    done(&doc, &d);
}

static void test_yamlread_refuses_too_many_values(void **state)
{
    (void)state;
    static const struct ylimits small = {.max_depth = 16, .max_scalar = 100, .max_nodes = 10};
    struct ydoc doc;
    struct diags d;
    ydoc_init(&doc);
    diags_init(&d);
    const char *yaml = "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]";
    assert_int_equal(yaml_read(&doc, "t.yaml", yaml, strlen(yaml), &small, &d), -1);
    assert_int_equal(d.errors, 1);
    assert_diag(&d, 1, 29, "more than 10 values in one file");
    assert_true(doc.broken);
    done(&doc, &d);
    /* The default limit, within a file under the size cap. */
    struct strbuf sb = STRBUF_INIT;
    strbuf_addc(&sb, '[');
    for (size_t i = 0; i < ylimits_default.max_nodes + 10; i++)
        strbuf_adds(&sb, "1,");
    strbuf_addc(&sb, ']');
    assert_true(sb.len < 1024 * 1024);
    assert_int_equal(read_n(&doc, sb.buf, sb.len, &d), -1);
    assert_int_equal(d.errors, 1);
    assert_diag(&d, 1, 400000, "more than 200000 values in one file");
    done(&doc, &d);
    strbuf_release(&sb);
}

/* Every problem of a file is reported, up to DIAG_MAX kept and the rest counted. */
static void test_yamlread_reports_every_problem(void **state)
{
    (void)state;
    struct strbuf sb = STRBUF_INIT;
    for (int i = 0; i < 60; i++)
        strbuf_addf(&sb, "k%d: &a%d %d\n", i, i, i);
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_n(&doc, sb.buf, sb.len, &d), -1);
    assert_int_equal(d.errors, 60);
    assert_int_equal(d.n, DIAG_MAX);
    assert_int_equal(d.dropped, 10);
    assert_true(diags_full(&d));
    assert_diag(&d, 50, 6, "anchors ('&') are not allowed in a stagegap file; write the value out");
    done(&doc, &d);
    strbuf_release(&sb);
}

static void test_yamlread_release_is_safe_twice(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    assert_int_equal(read_s(&doc, "a: [1, 2]\n", &d), 0);
    ydoc_release(&doc);
    ydoc_release(&doc);
    assert_null(doc.root);
    diags_release(&d);
}

/* Where nodes end, whether a collection is in brackets, and offsets back from positions. */
static void test_yamlread_end_positions_and_offsets(void **state)
{
    (void)state;
    struct ydoc doc;
    struct diags d;
    const char *yaml = "a: [x, y]\nb:\n  - k: v\n    n: |\n      one\n\nc: \"\xc3\xa9t\xc3\xa9\"\n";
    assert_int_equal(read_s(&doc, yaml, &d), 0);
    const struct ynode *r = doc.root, *a = r->kids[1], *b = r->kids[3], *c = r->kids[5];
    assert_false(r->flow);
    assert_true(a->flow);
    assert_int_equal(a->end_line, 1);
    assert_int_equal(a->end_column, 10); /* just after ']' */
    assert_false(b->flow);
    const struct ynode *k = b->kids[0]->kids[1];
    assert_int_equal(k->end_line, 3);
    assert_int_equal(k->end_column, 9); /* just after "v" */
    /* A block scalar ends at the start of the line after its last. */
    const struct ynode *n = b->kids[0]->kids[3];
    assert_string_equal(n->str, "one\n");
    assert_int_equal(n->end_line, 7);
    assert_int_equal(n->end_column, 1);
    assert_int_equal(c->end_line, 7);
    assert_int_equal(c->end_column, 9); /* code points, not bytes */
    size_t at = yaml_offset_of(yaml, strlen(yaml), c->line, c->column);
    assert_int_equal(strncmp(yaml + at, "\"\xc3\xa9", 3), 0);
    at = yaml_offset_of(yaml, strlen(yaml), c->end_line, c->end_column);
    assert_string_equal(yaml + at, "\n");
    assert_int_equal(yaml_offset_of(yaml, strlen(yaml), 99, 1), strlen(yaml));
    done(&doc, &d);
    /* A byte-order mark takes no column; CR LF is one line break. */
    const char *bom = "\xEF\xBB\xBF"
                      "a: 1\r\nb: 2\r\n";
    assert_int_equal(yaml_offset_of(bom, strlen(bom), 1, 1), 3);
    assert_int_equal(yaml_offset_of(bom, strlen(bom), 2, 4), 12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_yamlread_builds_tree_with_positions),
        cmocka_unit_test(test_yamlread_end_positions_and_offsets),
        cmocka_unit_test(test_yamlread_empty_and_comment_only_have_no_root),
        cmocka_unit_test(test_yamlread_bom_and_crlf),
        cmocka_unit_test(test_yamlread_refuses_anchors_and_aliases),
        cmocka_unit_test(test_yamlread_alias_bomb_is_refused_quickly),
        cmocka_unit_test(test_yamlread_refuses_tags),
        cmocka_unit_test(test_yamlread_refuses_second_document),
        cmocka_unit_test(test_yamlread_refuses_deep_nesting),
        cmocka_unit_test(test_yamlread_refuses_megabyte_of_brackets),
        cmocka_unit_test(test_yamlread_refuses_duplicate_keys),
        cmocka_unit_test(test_yamlread_refuses_non_text_keys),
        cmocka_unit_test(test_yamlread_refuses_long_text),
        cmocka_unit_test(test_yamlread_refuses_escaped_nul),
        cmocka_unit_test(test_yamlread_refuses_raw_control_bytes),
        cmocka_unit_test(test_yamlread_refuses_invalid_utf8),
        cmocka_unit_test(test_yamlread_invalid_utf8_caret_after_escapes),
        cmocka_unit_test(test_yamlread_reads_utf16_with_bom),
        cmocka_unit_test(test_yamlread_refuses_broken_utf16),
        cmocka_unit_test(test_yamlread_refuses_utf16_without_bom_and_utf32),
        cmocka_unit_test(test_yamlread_reports_syntax_errors_located),
        cmocka_unit_test(test_yamlread_missing_colon_named_at_its_line),
        cmocka_unit_test(test_yamlread_missing_space_after_colon),
        cmocka_unit_test(test_yamlread_tab_indentation),
        cmocka_unit_test(test_yamlread_wrong_indentation),
        cmocka_unit_test(test_yamlread_quotes_not_closed_or_closed_early),
        cmocka_unit_test(test_yamlread_stray_dash_and_value_with_colon),
        cmocka_unit_test(test_yamlread_brackets_not_closed_or_missing_comma),
        cmocka_unit_test(test_yamlread_lines_split_like_the_parser),
        cmocka_unit_test(test_yamlread_refuses_too_many_values),
        cmocka_unit_test(test_yamlread_reports_every_problem),
        cmocka_unit_test(test_yamlread_release_is_safe_twice),
        cmocka_unit_test(test_yamlread_duplicate_keys_in_a_large_map),
        cmocka_unit_test(test_yamlread_keys_alike_at_both_ends),
        cmocka_unit_test(test_yamlread_keys_with_a_nul_compare_up_to_it),
        cmocka_unit_test(test_schema_ydecimal_ok_agrees_with_ydecimal),
        cmocka_unit_test(test_schema_ynode_is_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
