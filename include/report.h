/*
 * report.h - rendering a scored assessment as text, markdown, JSON or CSV.
 *
 * Every renderer reads the same struct score and writes into a strbuf; none does I/O
 * or scores anything itself. The table of formats is the one place that knows them
 * all, so a new format is one file and one row.
 */
#ifndef STAGEGAP_REPORT_H
#define STAGEGAP_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct assessment;
struct plan_review;
struct strbuf;
struct score;

#define REPORT_FORMAT "stagegap-report/1"

struct report_ctx {
    const struct score *score; /* with its rules and assessment */
    const char *tool_version;
    bool color;   /* ANSI colour: only for a terminal without NO_COLOR */
    size_t width; /* columns to wrap text to */
    /* assess --plan: the plan read against this assessment (plan_review.h); NULL
       without a plan, and the report has no plan section. */
    const struct plan_review *plan;
    /* assess --evidence: the evidence file and how it stands beside this assessment
       (evidence_view.h); NULL without, and the report has no evidence section. */
    const struct evidence *evidence;
    const struct evidence_view *evidence_view;
};

struct report_format {
    const char *name;
    void (*render)(const struct report_ctx *ctx, struct strbuf *out);
};

/*
 * The Word and OpenDocument formats (report_office.c): "docx" and "odt", written by
 * assess alone today. report_render_office writes the assess report as one, the file
 * called name (for messages) into out; report_office_write writes any document d (then
 * released). 0, or -1 with the error in diags (libzip could not be opened).
 */
struct diags;
struct doc;
bool report_format_is_office(const char *format);
int report_render_office(const struct report_ctx *ctx, const char *format, const char *name,
                         struct strbuf *out, struct diags *diags);
int report_office_write(struct doc *d, const char *format, const char *name, struct strbuf *out,
                        struct diags *diags);

/* The format called name, or NULL. */
const struct report_format *report_format_find(const char *name);

void report_render_text(const struct report_ctx *ctx, struct strbuf *out);
void report_render_markdown(const struct report_ctx *ctx, struct strbuf *out);
void report_render_json(const struct report_ctx *ctx, struct strbuf *out);
void report_render_csv(const struct report_ctx *ctx, struct strbuf *out);
/* One self-contained HTML5 page: inline CSS and SVG, nothing fetched (report_html.c). */
void report_render_html(const struct report_ctx *ctx, struct strbuf *out);

/* An overlay's base and merged model hash (report_model_change.c), for r->base only: a
   sentence to make safe for a terminal, and markdown list lines (nothing when plain). */
struct rules;
void report_overlay_sentence(struct strbuf *sb, const struct rules *r);
void report_md_overlay(struct strbuf *out, const struct rules *r);

/* Writes the "tool" and "rules" objects every JSON format starts with. */
struct jsonw;
struct rules;
void report_json_provenance(struct jsonw *w, const struct rules *r, const char *tool_version);
/*
 * The "breakdown" object every JSON format carries: {by, min_group, shown, note}; and a
 * group's "values" (null for the pooled row) and "other", the start of its object.
 */
struct score_breakdown;
struct score_group;
void report_json_breakdown(struct jsonw *w, const struct score_breakdown *b, size_t min_group);
void report_json_group_values(struct jsonw *w, const struct score_breakdown *b,
                              const struct score_group *g);

/* A drawing coordinate goes through strbuf_add_tenths (strbuf.h); a figure the reader
   takes as a result, through one of these three. */
/* An exact figure to one decimal, rounded half away from zero (exact_format). */
struct exact;
void report_add_exact(struct strbuf *out, const struct exact *q);
/* num / den to one decimal, exactly: a mean answer, a min, a max, a spread. */
void report_add_ratio(struct strbuf *out, int64_t num, uint64_t den);
/* 100 * part / whole to one decimal, exactly: a coverage as a percentage. */
void report_add_percent(struct strbuf *out, size_t part, size_t whole);
/*
 * The only spread a report shows of an item's answers (docs/privacy.md): "3 low,
 * 5 middle, 4 high", how many answers fall in the bottom, middle and top thirds of the
 * scale; appended only for a scored item with at least K answers. True when appended.
 */
bool report_add_spread(struct strbuf *out, const struct score *s, size_t item);
/* "fewer than K answers, not shown": what a report says of a withheld item. */
void report_add_withheld(struct strbuf *out, const struct score *s);
/*
 * What every format says, near its top, when the report was made with --attribute
 * (and only then): a pooled report's notes otherwise never say who wrote them.
 */
#define REPORT_ATTRIBUTION_ON "Attribution is on: notes show who wrote them (--attribute)."
/* The caveat every report carries: the rules' source note. */
const char *report_caveat(const struct score *s);
/*
 * Ends a row of the assess CSV that is no suggestion's and no comment's: its caveat cell,
 * then the cells only those rows fill (priority, points, about) empty, and CRLF.
 */
void report_csv_row_end(struct strbuf *out, const struct score *s);
/* A CSV text cell and the comma after it; NULL is an empty cell. */
void report_csv_text(struct strbuf *out, const char *s);
/* The one lead-in every format puts before the caveat. The note speaks for itself (the
 * built-in one opens "In the briefing's own words:"), so the lead-in is a label, not a
 * sentence that would quote a quotation. */
#define REPORT_CAVEAT_LABEL "Caveat:"
/*
 * "SoS stands for Signs of Safety." for each short form the model's item texts use that
 * spells the initials of words in its title (case and all), so a report can say once
 * what it means; appends nothing when there is none.
 */
void report_add_short_forms(struct strbuf *out, const struct rules *r);
/*
 * The assessment's comments sorted by question, then text (so the order respondents
 * were read in never shows), in a new array the caller frees; *n is their count.
 */
struct answer_comment;
const struct answer_comment **report_sorted_comments(const struct score *s, size_t *n);
/* True when comment k of v starts a new question (the first, or another than k-1's). */
bool report_comment_starts_group(const struct answer_comment *const *v, size_t k);

/*
 * Breakdowns by group (breakdown.h), said the same way in every format. The texts are
 * plain: each renderer escapes them as it escapes any text from the inputs.
 */
struct score_breakdown;
struct score_group;
#define REPORT_POOLED_ROW "Other groups"
/* "By team", "By team and role". */
void report_breakdown_title(struct strbuf *out, const struct score_breakdown *b);
/* "Northside", "Northside / manager", "no team given", or REPORT_POOLED_ROW; a group
   whose value is REPORT_POOLED_ROW is "Other groups (a team so named)". */
void report_group_name(struct strbuf *out, const struct score_breakdown *b,
                       const struct score_group *g);
/*
 * The one sentence a breakdown needs: why it is left out, or how its pooled row was
 * made; nothing when there is nothing to say.
 */
void report_breakdown_note(struct strbuf *out, const struct score_breakdown *b);
/* A report of fewer respondents than the threshold (without --attribute) says it is
   not anonymous; nothing otherwise. */
void report_anonymity_note(struct strbuf *out, const struct score *s);
/*
 * "Respondents' dates run from D1 to D2." when the respondents' dates differ, else
 * nothing: every format says so near its date.
 */
void report_date_range(struct strbuf *out, const struct assessment *a);
/*
 * What every pooled report (more than one respondent) says near its top, in every
 * format: the anonymity threshold K, and whether --min-group lowered it below the
 * default. Appends nothing for one respondent.
 */
void report_threshold_line(struct strbuf *out, size_t respondents, size_t min_group);

#endif
