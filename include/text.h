/*
 * text.h - small text utilities shared by loaders and renderers: UTF-8 checks,
 * display-safe copies of untrusted text, and "did you mean" suggestions.
 */
#ifndef STAGEGAP_TEXT_H
#define STAGEGAP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf;

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when it is not valid UTF-8. */
size_t utf8_seq_len(const unsigned char *s, size_t avail);
/* True when all n bytes are valid UTF-8; *bad_offset gets the first bad byte. */
bool utf8_valid(const char *s, size_t n, size_t *bad_offset);
/* Number of code points (display columns, roughly) in a valid UTF-8 string. */
size_t utf8_width(const char *s, size_t n);
/*
 * Length of the line break at s (CR LF, CR, LF, and U+0085, U+2028, U+2029, which YAML
 * 1.1 and so libyaml also count), or 0. Diagnostics split lines the way the parser
 * counts them, so a quoted line is always the one the position names.
 */
size_t text_line_break(const char *s, size_t avail);

/*
 * Appends s for showing on a terminal or in a plain-text report: control characters
 * (C0, DEL, C1) become visible escapes such as "\x1b", invalid UTF-8 becomes U+FFFD,
 * and newlines and tabs become spaces when flatten is set. Nothing in s can then act
 * as control.
 */
void text_add_safe(struct strbuf *sb, const char *s, bool flatten);
/* Appends 'value' for a diagnostic: made safe, and cut short after max code points. */
void text_add_quoted(struct strbuf *sb, const char *value, size_t max);
/*
 * A file's path in quotes, made safe like text_add_quoted; one of more than 120 code
 * points keeps its first 40 and its last 77 around "...", so that the file's own name,
 * extension and all, is always there whole.
 */
void text_add_quoted_path(struct strbuf *sb, const char *path);
/* A spreadsheet cell as a spreadsheet names it, for a workbook's diagnostics: column 2
   (1-based), row 7 is "B7". */
void text_cell_ref(size_t column, size_t row, char *out, size_t cap);
/*
 * Appends 'a' to sa and 'b' to sb, made safe, for a diagnostic that sets two values
 * side by side ("did you mean"): each is whole when it fits in max code points, and
 * otherwise both are cut to the same window around their first difference, with "..."
 * where text was left out, so two long values never look the same.
 */
void text_add_quoted_pair(struct strbuf *sa, const char *a, struct strbuf *sb, const char *b,
                          size_t max);

/*
 * Appends the words of text (already made safe; spaces separate words, and runs of them
 * count as one) filled to width columns: the first word at column col, where the caller
 * left off; each later one after a space, or, when it would run past width, at the
 * start of a new line begun with indent. A word longer than a line is left whole.
 * Returns the column after the last word (col when there is none).
 */
size_t text_fill(struct strbuf *out, const char *text, size_t col, size_t width,
                 const char *indent);
/*
 * A paragraph of lines: first, then text_fill's words, then a newline; first without
 * its trailing blanks when there are no words. first and indent are ours, not input.
 */
void text_add_filled(struct strbuf *out, const char *first, const char *indent, const char *text,
                     size_t width);

/* The candidate closest to word by edit distance, or NULL when none is close. */
/*
 * Group values (a role, a team) name one group whatever the case of their ASCII letters
 * and the spaces or tabs around them: "Practitioner" and " practitioner" are one. Compares
 * them so, like strcmp; text_group_trim gives the length of s without those spaces and
 * where it starts.
 */
int text_group_cmp(const char *x, const char *y);
const char *text_group_trim(const char *s, size_t *len);
const char *text_did_you_mean(const char *word, const char *const *candidates, size_t n);
size_t text_edit_distance(const char *a, const char *b);
/*
 * True when a column header asks for something that names or identifies a person: a
 * name (not a team's or service's), e-mail, phone, staff, employee, payroll or NI
 * number, date of birth, postcode (docs/import.md). Words are compared ignoring case.
 */
bool text_header_identifies(const char *header);
/*
 * What in free text looks like it identifies a person: "an e-mail address", "a phone
 * number" or "a staff or NI number" (a word of letters and four or more digits); NULL
 * when nothing does. For warnings: it cannot tell a name.
 */
const char *text_looks_identifying(const char *s);

#endif
