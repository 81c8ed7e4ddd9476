/*
 * test_textenc.c - a CSV export's bytes read as UTF-8 (kept), UTF-16 with a byte-order
 * mark or Windows-1252 (converted, with a warning), or refused at the offending byte;
 * the separator sniffed from the header row; decimal commas.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "fileio.h"
#include "strbuf.h"
#include "textenc.h"

#define SAVE_AS "save the export as 'CSV UTF-8 (Comma delimited)'"

/* Reads len bytes as "t.csv"; the diagnostics stay in *d, the text in *out. */
static int read_text(const char *buf, size_t len, struct strbuf *out, enum textenc *found,
                     struct diags *d)
{
    diags_init(d);
    strbuf_init(out);
    return textenc_to_utf8("t.csv", buf, len, out, found, d);
}

static void assert_kept(const char *buf, size_t len, const char *expect, enum textenc enc)
{
    struct diags d;
    struct strbuf out;
    enum textenc found = (enum textenc) - 1;
    assert_int_equal(read_text(buf, len, &out, &found, &d), 0);
    assert_int_equal(found, enc);
    assert_int_equal(out.len, strlen(expect));
    assert_string_equal(strbuf_str(&out), expect);
    strbuf_release(&out);
    diags_release(&d);
}

/* Asserts a refusal with exactly one error, msg at line:column, and out left empty. */
static void assert_refused(const char *buf, size_t len, unsigned line, unsigned column,
                           const char *msg)
{
    struct diags d;
    struct strbuf out;
    enum textenc found = TEXTENC_UTF16BE; /* left alone on failure */
    diags_init(&d);
    strbuf_init(&out);
    strbuf_adds(&out, "left over");
    assert_int_equal(textenc_to_utf8("t.csv", buf, len, &out, &found, &d), -1);
    assert_int_equal(out.len, 0);
    assert_string_equal(strbuf_str(&out), "");
    assert_int_equal(found, TEXTENC_UTF16BE);
    assert_int_equal(d.errors, 1);
    assert_int_equal(d.n, 1);
    assert_diag(&d, line, column, msg);
    strbuf_release(&out);
    diags_release(&d);
}

/* UTF-16 of ASCII or Latin-1 text (each byte one code unit), with its byte-order mark. */
static char *utf16(const char *latin1, size_t n, bool big_endian, size_t *len)
{
    char *b = malloc(2 * n + 2);
    assert_non_null(b);
    b[0] = big_endian ? '\xFE' : '\xFF';
    b[1] = big_endian ? '\xFF' : '\xFE';
    for (size_t i = 0; i < n; i++) {
        b[2 + 2 * i + (big_endian ? 1 : 0)] = latin1[i];
        b[2 + 2 * i + (big_endian ? 0 : 1)] = '\0';
    }
    *len = 2 * n + 2;
    return b;
}

/* ---- UTF-8 ---- */

static void test_textenc_utf8_kept(void **state)
{
    (void)state;
    const char *csv = "Name,Note\r\nZo\xC3\xAB,\xE2\x82\xAC"
                      "5 \xE2\x80\x99ok\xE2\x80\x99\n";
    struct diags d;
    struct strbuf out;
    enum textenc found;
    assert_int_equal(read_text(csv, strlen(csv), &out, &found, &d), 0);
    assert_int_equal(found, TEXTENC_UTF8);
    assert_string_equal(strbuf_str(&out), csv);
    assert_int_equal(d.n, 0); /* nothing converted, nothing said */
    strbuf_release(&out);
    diags_release(&d);
}

static void test_textenc_utf8_bom_dropped(void **state)
{
    (void)state;
    const char *csv = "\xEF\xBB\xBFName,Note\nZo\xC3\xAB,x\n";
    struct diags d;
    struct strbuf out;
    assert_int_equal(read_text(csv, strlen(csv), &out, NULL, &d), 0);
    assert_string_equal(strbuf_str(&out), "Name,Note\nZo\xC3\xAB,x\n");
    assert_int_equal(d.n, 0);
    strbuf_release(&out);
    diags_release(&d);
}

static void test_textenc_utf8_empty(void **state)
{
    (void)state;
    assert_kept("", 0, "", TEXTENC_UTF8);
    assert_kept("\xEF\xBB\xBF", 3, "", TEXTENC_UTF8);
    /* Not a whole mark: one byte 0xEF and then ASCII is Windows-1252's 'ï'. */
    struct diags d;
    struct strbuf out;
    enum textenc found;
    assert_int_equal(read_text("\xEF"
                               "a",
                               2, &out, &found, &d),
                     0);
    assert_int_equal(found, TEXTENC_WINDOWS_1252);
    assert_string_equal(strbuf_str(&out), "\xC3\xAF"
                                          "a");
    strbuf_release(&out);
    diags_release(&d);
}

static void test_textenc_utf8_bom_then_invalid(void **state)
{
    (void)state;
    const char *csv = "\xEF\xBB\xBFName\nZo\xEB\n";
    assert_refused(csv, strlen(csv), 2, 3,
                   "invalid UTF-8 (byte 0xeb) in a file that begins with UTF-8's byte-order "
                   "mark; " SAVE_AS " again");
}

/* ---- UTF-16 ---- */

static void test_textenc_utf16le_bom(void **state)
{
    (void)state;
    /* Python: b'\xff\xfe' + 'Name\tScore\r\nZo\u00eb \U0001F600\t7,5\r\n'.encode('utf-16-le') */
    static const char bytes[] = "\xFF\xFE\x4E\x00\x61\x00\x6D\x00\x65\x00\x09\x00\x53\x00\x63"
                                "\x00\x6F\x00\x72\x00\x65\x00\x0D\x00\x0A\x00\x5A\x00\x6F\x00"
                                "\xEB\x00\x20\x00\x3D\xD8\x00\xDE\x09\x00\x37\x00\x2C\x00\x35"
                                "\x00\x0D\x00\x0A\x00";
    struct diags d;
    struct strbuf out;
    enum textenc found;
    assert_int_equal(read_text(bytes, sizeof(bytes) - 1, &out, &found, &d), 0);
    assert_int_equal(found, TEXTENC_UTF16LE);
    assert_string_equal(strbuf_str(&out), "Name\tScore\r\nZo\xC3\xAB \xF0\x9F\x98\x80\t7,5\r\n");
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].severity, DIAG_WARNING);
    assert_diag(&d, 0, 0,
                "read as UTF-16 (Excel's 'Unicode Text'), not UTF-8; " SAVE_AS
                " to avoid this warning");
    assert_false(diags_failed(&d));
    strbuf_release(&out);
    diags_release(&d);
}

static void test_textenc_utf16be_bom(void **state)
{
    (void)state;
    const char text[] = "Name\tScore\r\nZo\xEB\t7\r\n"; /* Latin-1 code units */
    size_t len;
    char *bytes = utf16(text, sizeof(text) - 1, true, &len);
    struct diags d;
    struct strbuf out;
    enum textenc found;
    assert_int_equal(read_text(bytes, len, &out, &found, &d), 0);
    assert_int_equal(found, TEXTENC_UTF16BE);
    assert_string_equal(strbuf_str(&out), "Name\tScore\r\nZo\xC3\xAB\t7\r\n");
    assert_int_equal(d.n, 1);
    assert_diag(&d, 0, 0,
                "read as UTF-16 (big-endian, with a byte-order mark), not UTF-8; " SAVE_AS
                " to avoid this warning");
    strbuf_release(&out);
    diags_release(&d);
    free(bytes);
}

static void test_textenc_utf16_only_bom(void **state)
{
    (void)state;
    assert_kept("\xFF\xFE", 2, "", TEXTENC_UTF16LE);
}

static void test_textenc_utf16_cut_off(void **state)
{
    (void)state;
    size_t len;
    char *bytes = utf16("ab\ncd", 5, false, &len);
    assert_refused(bytes, len - 1, 2, 2,
                   "the file ends inside a UTF-16 character; is it whole? " SAVE_AS);
    free(bytes);
}

static void test_textenc_utf16_lone_surrogate(void **state)
{
    (void)state;
    /* "a,b\nc" then U+D800 with no low surrogate after it, then "x". */
    static const char bytes[] = "\xFF\xFE"
                                "a\0,\0b\0\n\0c\0\x00\xD8x\0";
    assert_refused(bytes, sizeof(bytes) - 1, 2, 2,
                   "invalid UTF-16 here (a surrogate without its pair); " SAVE_AS);
    /* A low surrogate with no high one before it, on the first line. */
    static const char low[] = "\xFF\xFE"
                              "a\0b\0\x00\xDC"
                              "c\0";
    assert_refused(low, sizeof(low) - 1, 1, 3,
                   "invalid UTF-16 here (a surrogate without its pair); " SAVE_AS);
}

static void test_textenc_utf16_nul(void **state)
{
    (void)state;
    static const char bytes[] = "\xFF\xFE"
                                "a\0,\0b\0\n\0c\0d\0e\0f\0\0\0";
    assert_refused(bytes, sizeof(bytes) - 1, 2, 5,
                   "a NUL byte, which a text file does not hold; is this a CSV file? " SAVE_AS);
}

static void test_textenc_utf32_refused(void **state)
{
    (void)state;
    assert_refused("\xFF\xFE\0\0a\0\0\0", 8, 0, 0,
                   "this file is UTF-32 text, which is not read; " SAVE_AS);
    assert_refused("\0\0\xFE\xFF\0\0\0a", 8, 0, 0,
                   "this file is UTF-32 text, which is not read; " SAVE_AS);
}

/* ---- Windows-1252 ---- */

static void test_textenc_1252_converted(void **state)
{
    (void)state;
    /* caf\xE9 = café, \xA3 = £, \x92 = ’, \x80 = € */
    const char *csv = "Name,Note\r\ncaf\xE9,\xA3"
                      "5 \x92ok\x92 \x80\r\n";
    struct diags d;
    struct strbuf out;
    enum textenc found;
    assert_int_equal(read_text(csv, strlen(csv), &out, &found, &d), 0);
    assert_int_equal(found, TEXTENC_WINDOWS_1252);
    assert_string_equal(strbuf_str(&out), "Name,Note\r\ncaf\xC3\xA9,\xC2\xA3"
                                          "5 \xE2\x80\x99ok\xE2\x80\x99 \xE2\x82\xAC\r\n");
    assert_int_equal(d.n, 1);
    assert_int_equal(d.v[0].severity, DIAG_WARNING);
    assert_diag(&d, 2, 4,
                "not UTF-8 (byte 0xe9 here): read as Windows-1252 (Excel's 'CSV (Comma "
                "delimited)'), which makes this byte '\xC3\xA9' (if the file is in another "
                "code page, say it with --encoding NAME); " SAVE_AS " to avoid this warning");
    assert_false(diags_failed(&d));
    strbuf_release(&out);
    diags_release(&d);
}

/* The warning names the first byte that is not UTF-8, wherever it is. */
static void test_textenc_1252_first_bad_byte(void **state)
{
    (void)state;
    const char *csv = "a,b\nc,d\n\"x\ny\",\x80"
                      "1\n";
    struct diags d;
    struct strbuf out;
    assert_int_equal(read_text(csv, strlen(csv), &out, NULL, &d), 0);
    assert_string_equal(strbuf_str(&out), "a,b\nc,d\n\"x\ny\",\xE2\x82\xAC"
                                          "1\n");
    assert_diag(&d, 4, 4,
                "not UTF-8 (byte 0x80 here): read as Windows-1252 (Excel's 'CSV (Comma "
                "delimited)'), which makes this byte '\xE2\x82\xAC' (if the file is in "
                "another code page, say it with --encoding NAME); " SAVE_AS
                " to avoid this warning");
    strbuf_release(&out);
    diags_release(&d);
}

static void test_textenc_1252_undefined_bytes(void **state)
{
    (void)state;
    static const unsigned char undefined[] = {0x81, 0x8D, 0x8F, 0x90, 0x9D};
    for (size_t i = 0; i < sizeof(undefined); i++) {
        char csv[] = "Name,Note\nZo\xEB,xx\n";
        csv[15] = (char)undefined[i]; /* the second x */
        char msg[300];
        snprintf(msg, sizeof(msg),
                 "byte 0x%02x is neither UTF-8 nor Windows-1252 (which has no character for "
                 "it); is this a CSV file? If it is in another code page, say which with "
                 "--encoding NAME (such as cp1250), or " SAVE_AS,
                 undefined[i]);
        assert_refused(csv, strlen(csv), 2, 6, msg);
    }
}

#define FOREIGN(b, c)                                                                              \
    "not UTF-8, and not Windows-1252 either: byte " b " here would be '" c "' inside a word, "     \
    "as another code page's letters are read in Windows-1252 (Central European Excel's "           \
    "cp1250, a Mac's macintosh, a DOS cp850); say the file's encoding with --encoding NAME "       \
    "(such as --encoding cp1250), or " SAVE_AS

/* Another code page's letters read as Windows-1252 symbols: refused, not warned. */
static void test_textenc_1252_foreign_refused(void **state)
{
    (void)state;
    /* cp1250's "Łódź-Śródmieście": '£' before a letter. */
    const char *lodz = "Team\n\xA3\xF3"
                       "d\x9F-\x8Cr\xF3"
                       "dmie\x9C"
                       "cie\n";
    assert_refused(lodz, strlen(lodz), 2, 1, FOREIGN("0xa3", "£"));
    /* cp1250's "Wrocław": '³' between letters. */
    const char *wroclaw = "Team\nWroc\xB3"
                          "aw\n";
    assert_refused(wroclaw, strlen(wroclaw), 2, 5, FOREIGN("0xb3", "³"));
    /* cp1250's "źle" after a small letter, and MacRoman's "café" (é is 0x8E, 'Ž'). */
    const char *dz = "Team\nd\x9F\n";
    assert_refused(dz, strlen(dz), 2, 2, FOREIGN("0x9f", "Ÿ"));
    const char *mac = "Team\ncaf\x8E\n";
    assert_refused(mac, strlen(mac), 2, 4, FOREIGN("0x8e", "Ž"));
    /* MacRoman's "Équipe" and cp850's "château": 0x83, 'ƒ', next to a letter. */
    const char *equipe = "Team\n\x83quipe\n";
    assert_refused(equipe, strlen(equipe), 2, 1, FOREIGN("0x83", "ƒ"));
    const char *chateau = "Team\nch\x83teau\n";
    assert_refused(chateau, strlen(chateau), 2, 3, FOREIGN("0x83", "ƒ"));
    /* Western text that holds the same bytes where they belong is read. */
    const char *west = "Team\nc\x9Cur caf\xE9 don\x92t \xA3"
                       "5 Stra\xDF"
                       "e m\xB2 \xAB"
                       "oui\xBB 1\xBA \x83"
                       "5\n";
    assert_kept(west, strlen(west),
                "Team\nc\xC5\x93ur caf\xC3\xA9 don\xE2\x80\x99t \xC2\xA3"
                "5 Stra\xC3\x9F"
                "e "
                "m\xC2\xB2 \xC2\xAB"
                "oui\xC2\xBB 1\xC2\xBA \xC6\x92"
                "5\n",
                TEXTENC_WINDOWS_1252);
}

/* --encoding: any code page iconv knows, converted without a warning. */
static void test_textenc_named_encoding(void **state)
{
    (void)state;
    struct diags d;
    struct strbuf out;
    diags_init(&d);
    strbuf_init(&out);
    const char *lodz = "Team\n\xA3\xF3"
                       "d\x9F-\x8Cr\xF3"
                       "dmie\x9C"
                       "cie\n";
    assert_int_equal(textenc_from("t.csv", "cp1250", lodz, strlen(lodz), &out, &d), 0);
    assert_string_equal(strbuf_str(&out), "Team\n\xC5\x81\xC3\xB3"
                                          "d\xC5\xBA-\xC5\x9Ar\xC3\xB3"
                                          "dmie\xC5\x9B"
                                          "cie\n");
    assert_int_equal(d.n, 0);
    /* A UTF-8 byte-order mark read as UTF-8 is dropped. */
    assert_int_equal(textenc_from("t.csv", "UTF-8", "\xEF\xBB\xBFId\n", 6, &out, &d), 0);
    assert_string_equal(strbuf_str(&out), "Id\n");
    /* A byte the encoding has no character for, located; an unknown name. */
    assert_int_equal(textenc_from("t.csv", "UTF-8", "Id\nab\xFF\n", 7, &out, &d), -1);
    assert_diag(&d, 2, 3, "byte 0xff cannot be read as 'UTF-8' text; is --encoding right?");
    assert_int_equal(out.len, 0);
    assert_int_equal(textenc_from("t.csv", "no-such-code-page", "Id\n", 3, &out, &d), -1);
    assert_diag(&d, 0, 0,
                "--encoding 'no-such-code-page' is not an encoding this system's iconv "
                "converts (try 'iconv --list'); cp1250, cp1251, macintosh, cp850 and "
                "iso-8859-2 are common ones");
    assert_int_equal(textenc_from("t.csv", "cp1250", "Id\n\0", 4, &out, &d), -1);
    assert_diag(&d, 2, 1,
                "a NUL byte, which a text file does not hold; is this a CSV file? " SAVE_AS);
    assert_int_equal(d.errors, 3);
    strbuf_release(&out);
    diags_release(&d);
}

static void test_textenc_nul_refused(void **state)
{
    (void)state;
    assert_refused("a,b\nc\0d\n", 8, 2, 2,
                   "a NUL byte, which a text file does not hold; is this a CSV file? " SAVE_AS);
    /* In otherwise Windows-1252 text too. */
    assert_refused("a,\xE9\nc,d\0", 9, 2, 4,
                   "a NUL byte, which a text file does not hold; is this a CSV file? " SAVE_AS);
    /* UTF-16 without its mark. */
    assert_refused("a\0,\0b\0", 6, 1, 2,
                   "a NUL byte: this looks like UTF-16 or UTF-32 text without a byte-order "
                   "mark, which is not read; " SAVE_AS);
    assert_refused("\0a\0,", 4, 1, 1,
                   "a NUL byte: this looks like UTF-16 or UTF-32 text without a byte-order "
                   "mark, which is not read; " SAVE_AS);
    /* After a UTF-8 mark, counted from the text after it. */
    assert_refused("\xEF\xBB\xBF"
                   "ab\0",
                   6, 1, 3,
                   "a NUL byte, which a text file does not hold; is this a CSV file? " SAVE_AS);
}

static void test_textenc_too_long(void **state)
{
    (void)state;
    /* Each 0xE9 becomes two bytes of UTF-8: one byte more than half the limit is over. */
    size_t n = TEXTENC_OUTPUT_MAX / 2 + 1;
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, '\xE9', n);
    assert_refused(big, n, 0, 0,
                   "this file is longer than the limit of 67108864 bytes once read "
                   "as UTF-8");
    /* Exactly at the limit is read. */
    struct diags d;
    struct strbuf out;
    assert_int_equal(read_text(big, n - 1, &out, NULL, &d), 0);
    assert_int_equal(out.len, TEXTENC_OUTPUT_MAX);
    strbuf_release(&out);
    diags_release(&d);
    free(big);
}

/* ---- separators ---- */

static void test_textenc_sniff_delimiter(void **state)
{
    (void)state;
#define SNIFF(s) textenc_sniff_delimiter((s), sizeof(s) - 1)
    assert_int_equal(SNIFF("ID,Name,Role\n1;2;3;4;5\n"), ',');
    assert_int_equal(SNIFF("ID;Name;Role\r\n1,5;2,5\r\n"), ';');
    assert_int_equal(SNIFF("ID\tName\tRole\n"), '\t');
    assert_int_equal(SNIFF("\xEF\xBB\xBFID;Name"), ';');
    /* Separators inside quotes are text, and a quoted header may span lines. */
    assert_int_equal(SNIFF("\"a;b;c\",d"), ',');
    assert_int_equal(SNIFF("\"x,y,z\";b;c"), ';');
    assert_int_equal(SNIFF("\"Q1,\nstill Q1,\";Q2;Q3\nx,y,z,w,v\n"), ';');
    assert_int_equal(SNIFF("\"say \"\"hi\"\";x\";b;c"), ';');
    /* Only the first record counts. */
    assert_int_equal(SNIFF("a;b\nc,d,e,f\n"), ';');
    assert_int_equal(SNIFF("a;b\rc,d,e,f\r"), ';');
    /* Ties and nothing: ','. */
    assert_int_equal(SNIFF("a,b;c"), ',');
    assert_int_equal(SNIFF("a;b\tc"), ',');
    assert_int_equal(SNIFF("a;b;c\td\te"), ',');
    assert_int_equal(SNIFF("Name"), ',');
    assert_int_equal(SNIFF(""), ',');
    /* Blank lines before the header are skipped. */
    assert_int_equal(SNIFF("\r\n\n;;;\na,b"), ';');
    /* A quote never closed: everything after it is quoted. */
    assert_int_equal(SNIFF("a;\"b;c;d"), ';');
#undef SNIFF
}

/* ---- decimal commas ---- */

static void assert_decimal(const char *cell, const char *expect)
{
    struct strbuf out = STRBUF_INIT;
    strbuf_adds(&out, "old");
    if (!textenc_decimal_comma(cell, &out)) {
        fprintf(stderr, "'%s' not read as a decimal comma\n", cell);
        fail();
    }
    assert_string_equal(strbuf_str(&out), expect);
    strbuf_release(&out);
}

static void assert_not_decimal(const char *cell)
{
    struct strbuf out = STRBUF_INIT;
    strbuf_adds(&out, "old");
    if (textenc_decimal_comma(cell, &out)) {
        fprintf(stderr, "'%s' read as a decimal comma: '%s'\n", cell, strbuf_str(&out));
        fail();
    }
    assert_string_equal(strbuf_str(&out), "old");
    strbuf_release(&out);
}

static void test_textenc_decimal_comma(void **state)
{
    (void)state;
    assert_decimal("7,5", "7.5");
    assert_decimal("-0,25", "-0.25");
    assert_decimal("+3,0", "+3.0");
    assert_decimal("10,125", "10.125");
    assert_not_decimal("1,000,5");
    assert_not_decimal("7,");
    assert_not_decimal(",5");
    assert_not_decimal("7,5x");
    assert_not_decimal("1.000,5");
    assert_not_decimal("7.5");
    assert_not_decimal("7");
    assert_not_decimal("");
    assert_not_decimal("-,5");
    assert_not_decimal("--7,5");
    assert_not_decimal(" 7,5");
    assert_not_decimal("7,5 ");
    assert_not_decimal("7 ,5");
    assert_not_decimal("7,5 - mostly");
    assert_not_decimal("\xD9\xA7,5"); /* an Arabic-Indic seven is not a digit here */
}

/* ---- the fixtures tests/tools/make_encoding_fixtures.py makes ---- */

#define FIXTURES "tests/fixtures/import/"

/* The fixture's bytes read as UTF-8; found and the number of warnings checked. */
static char *read_fixture(const char *name, enum textenc expect, size_t warnings, size_t *len)
{
    struct diags d;
    struct strbuf out;
    char *buf;
    size_t n;
    enum textenc found;
    diags_init(&d);
    strbuf_init(&out);
    assert_int_equal(fileio_read(name, TEXTENC_OUTPUT_MAX, &buf, &n, &d), 0);
    if (textenc_to_utf8(name, buf, n, &out, &found, &d) != 0)
        print_diags(&d);
    assert_false(diags_failed(&d));
    assert_int_equal(found, expect);
    assert_int_equal(d.n, warnings);
    free(buf);
    diags_release(&d);
    return strbuf_detach(&out, len);
}

static void test_textenc_fixtures(void **state)
{
    (void)state;
    size_t len;
    char *utf8 = read_fixture(FIXTURES "ms-forms.csv", TEXTENC_UTF8, 0, &len);
    assert_int_equal(textenc_sniff_delimiter(utf8, len), ',');
    /* The Windows-1252 file is ms-forms.csv but for one name, byte for byte. */
    struct strbuf expect = STRBUF_INIT;
    const char *at = strstr(utf8, "Jo Smith");
    assert_non_null(at);
    strbuf_add(&expect, utf8, (size_t)(at - utf8));
    strbuf_adds(&expect, "Zo\xC3\xAB Smith");
    strbuf_adds(&expect, at + strlen("Jo Smith"));
    char *text = read_fixture(FIXTURES "ms-forms-1252.csv", TEXTENC_WINDOWS_1252, 1, &len);
    assert_string_equal(text, strbuf_str(&expect));
    assert_int_equal(textenc_sniff_delimiter(text, len), ',');
    free(text);

    text = read_fixture(FIXTURES "ms-forms-semicolon.csv", TEXTENC_UTF8, 0, &len);
    assert_int_equal(textenc_sniff_delimiter(text, len), ';');
    assert_non_null(strstr(text, ";Practitioner;5,5;;Don\xE2\x80\x99t know;"));
    free(text);

    text = read_fixture(FIXTURES "ms-forms-utf16.txt", TEXTENC_UTF16LE, 1, &len);
    assert_int_equal(textenc_sniff_delimiter(text, len), '\t');
    assert_non_null(strstr(text, "\tZo\xC3\xAB Smith\t"));
    assert_non_null(strstr(text, "\tPractitioner\t5.5\t\tDon\xE2\x80\x99t know\t"));
    free(text);
    strbuf_release(&expect);
    free(utf8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_textenc_utf8_kept),
        cmocka_unit_test(test_textenc_utf8_bom_dropped),
        cmocka_unit_test(test_textenc_utf8_empty),
        cmocka_unit_test(test_textenc_utf8_bom_then_invalid),
        cmocka_unit_test(test_textenc_utf16le_bom),
        cmocka_unit_test(test_textenc_utf16be_bom),
        cmocka_unit_test(test_textenc_utf16_only_bom),
        cmocka_unit_test(test_textenc_utf16_cut_off),
        cmocka_unit_test(test_textenc_utf16_lone_surrogate),
        cmocka_unit_test(test_textenc_utf16_nul),
        cmocka_unit_test(test_textenc_utf32_refused),
        cmocka_unit_test(test_textenc_1252_foreign_refused),
        cmocka_unit_test(test_textenc_named_encoding),
        cmocka_unit_test(test_textenc_1252_converted),
        cmocka_unit_test(test_textenc_1252_first_bad_byte),
        cmocka_unit_test(test_textenc_1252_undefined_bytes),
        cmocka_unit_test(test_textenc_nul_refused),
        cmocka_unit_test(test_textenc_too_long),
        cmocka_unit_test(test_textenc_sniff_delimiter),
        cmocka_unit_test(test_textenc_decimal_comma),
        cmocka_unit_test(test_textenc_fixtures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
