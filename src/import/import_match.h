/*
 * import_match.h - the header row of an export: its columns matched to items and respondent
 * fields, and the comment columns settled once every row is in.
 */
#ifndef STAGEGAP_IMPORT_MATCH_H
#define STAGEGAP_IMPORT_MATCH_H

struct importer;

void import_process_header(struct importer *im);
/*
 * Once every row is in: a column taken for free text is left out (or unknown, if its
 * cells are answers); a column mapped to comments whose cells look like identifiers is
 * left out; the comments kept are added to their files; one warning lists every column
 * left out because it identifies people.
 */
void import_settle_comments(struct importer *im);

#endif
