/*
 * escape.h - making untrusted text safe in each output format.
 *
 * Text from rules and answers files (notes, evidence, names) goes into terminals, JSON,
 * markdown tables, CSV cells opened in spreadsheets and HTML pages. Each function here
 * appends s so that it reads as the same text and can never act as control or markup
 * in its format. They are tested byte by byte in tests/unit/test_escape.c.
 */
#ifndef STAGEGAP_ESCAPE_H
#define STAGEGAP_ESCAPE_H

struct strbuf;

/* A JSON string with its quotes; controls as \u00XX, invalid UTF-8 as U+FFFD. */
void escape_json(struct strbuf *sb, const char *s);
/*
 * Markdown inline text on one line: newlines become spaces, control characters are
 * shown as \xNN, and every character that could open markup inside a line (\ ` * _
 * [ ] < > # | & ~) is backslash-escaped. Renderers never start a line with input
 * text, so line-start markup ("- ", "1. ", "=") cannot arise.
 */
void escape_markdown(struct strbuf *sb, const char *s);
/*
 * One RFC 4180 CSV field, always quoted, with '"' doubled. A field a spreadsheet would
 * read as a formula (starting '=', '+', '-', '@', tab or carriage return) is prefixed
 * with an apostrophe. Numbers we write ourselves go through escape_csv_number instead.
 */
void escape_csv(struct strbuf *sb, const char *s);
/* HTML text or attribute value: & < > " ' as entities, controls as \xNN. */
void escape_html(struct strbuf *sb, const char *s);
/*
 * A YAML double-quoted scalar with its quotes: '"' and '\' escaped, controls and
 * line breaks as \xNN / \n, invalid UTF-8 as U+FFFD; any text round-trips inert.
 */
void escape_yaml(struct strbuf *sb, const char *s);
/* A mapping key that is an identifier (yid_valid): plain, but quoted where plain YAML
   would read it as null. */
void escape_yaml_key(struct strbuf *sb, const char *id);
/* Terminal text: see text_add_safe; flatten turns newlines into spaces. */
void escape_terminal(struct strbuf *sb, const char *s, int flatten);

#endif
