/*
 * doc.h - a report as one document tree, written three ways (the pandoc pattern:
 * builders -> one tree -> writers).
 *
 * A builder (report_build.c) says each report section once, as blocks (sections with
 * their heading, paragraphs, lists, tables, callouts) holding inline spans; the writers
 * doc_write_text, doc_write_markdown and doc_write_html each draw the whole tree their
 * own way. Text from the inputs is stored as it came and escaped only by each writer
 * (markdown escaping, HTML escaping, terminal control stripping), so it can never act as
 * control in any output; our own words are marked as such and written as they are.
 *
 * The tree owns its nodes and strings in one pool: doc_release frees it all. Nothing
 * here reads a score: this module sits below the builders and above base.
 *
 * Where today's formats say a thing differently on purpose and byte-identical output
 * still matters, a node or span can be shown in some formats only (doc_only). Each such
 * use is a known difference between the formats, to make agree in time.
 */
#ifndef STAGEGAP_DOC_H
#define STAGEGAP_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "pool.h"
#include "strbuf.h"

struct strbuf;

/* The three writers, as a mask: a node shown in every format has DOC_ALL. */
enum doc_format { DOC_TEXT = 1, DOC_MARKDOWN = 2, DOC_HTML = 4, DOC_ALL = 7 };

enum doc_kind {
    DOC_ROOT,
    DOC_SECTION, /* a heading (its spans) and what follows it (its children) */
    DOC_PARA,
    DOC_LIST,    /* children are DOC_ITEMs */
    DOC_ITEM,    /* its spans are its first paragraph; children are further blocks */
    DOC_TABLE,   /* spans: caption; children: DOC_ROWs, the first the header */
    DOC_ROW,     /* children: DOC_CELLs */
    DOC_CELL,    /* spans: the cell's text; children: a list, in HTML only */
    DOC_CALLOUT, /* a box set apart: the focus, a note, a source's caveat */
    DOC_FIGURE,  /* data that each writer draws its own way (struct doc_figure) */
    DOC_DRAWN,   /* HTML the page drew already (a chart not yet figure data), written as it
                    is in HTML only: a known difference, to turn into a figure in time */
    DOC_TERMS,   /* a report's details, children DOC_ITEMs: an item's label spans are its
                    term, the rest its value. Markdown writes a list ("- Term: value"), HTML
                    a <dl>; text none (the builder says them in a sentence) */
    DOC_NAV,     /* the page's contents, its children a list of links: HTML only */
};

/*
 * A figure is data, not drawing: text lays it out in columns, markdown as a table, HTML
 * as a shaded heat map with its key.
 */
enum doc_figure_kind {
    DOC_FIGURE_GROUPS, /* a row a group (name, respondents), a column a stage's score */
    DOC_FIGURE_LEVELS, /* one stage's score at each level of change: a row a level */
    DOC_FIGURE_STAGES, /* each stage's score, band and answers: a row a stage, one column */
    DOC_FIGURE_MATRIX, /* every stage's score at each level: a row a stage, a column a level */
    /* Before and after (compare): each stage, a row a stage (moves); each group's stages,
       a row a group and a column a stage (moves; counts before, counts_after); items, a
       row an item (item_moves). */
    DOC_FIGURE_MOVEMENT,
    DOC_FIGURE_GROUP_MOVEMENT,
    DOC_FIGURE_ITEMS,
    /* compare --plan: the actions done and how the gaps they address moved, the gaps no
       action addressed, or the actions not counted, a row an action (plan_rows) */
    DOC_FIGURE_PLAN_DONE,
    DOC_FIGURE_PLAN_GAPS,
    DOC_FIGURE_PLAN_NOT_COUNTED,
    /* trend's time in stage: a row a stage (row_words its focus, row_lines its sentence),
       a column a band, each cell the date it was first in it (the top band's: when it
       reached it, or "not yet") */
    DOC_FIGURE_TIMELINE,
    /* trend's stage scores at each assessment: a row a group (named; NULL: the whole
       assessment), a column a stage, a score a point (series; point_counts each group's
       respondents at each point) */
    DOC_FIGURE_SERIES,
};

/* DOC_FIGURE_STAGES: what a stage's row says beside its score. */
enum doc_stage_mark { DOC_MARK_NONE, DOC_MARK_FOCUS, DOC_MARK_RESTS };

struct doc_heat_cell {
    bool has;               /* false: not scored */
    double value;           /* 0 to 100, for the shade */
    const char *shown;      /* the score as the reader reads it, our figure: "62.5" */
    size_t answered, items; /* DOC_FIGURE_LEVELS: how many of the cell's items were answered */
};

/* A figure before and after (compare): our figures as the reader reads them, NULL for
   none; the note says how it moved ("fell"), NULL for nothing to say. */
struct doc_move {
    const char *before, *after, *change;
    const char *note;
    bool warn;                            /* the note is a warning: tagged in HTML */
    const char *band_before, *band_after; /* text from the inputs */
};

/* An item before and after: its stage, kind, text and id from the inputs, and its name
   as one line ("Launch barrier: Staff turnover"); our figures. */
struct doc_item_move {
    const char *stage, *kind, *text, *id, *name;
    const char *before, *after, *change, *direction; /* NULL for none */
};

/* A gap before and after (compare --plan): its name from the inputs; our figures, the
   answers' and the points the stage would gain were it closed. Not answered after: the
   answer now ("n/a", "unknown"), and no change or points after (NULL). */
struct doc_gap_move {
    const char *name;
    const char *answer_before, *answer_after, *answer_change;
    const char *points_before, *points_after, *points_change;
    const char *now; /* "still open", "closed" or "not answered" */
};

/* An action of a plan (compare --plan): its text, the rules item's id, its done date,
   owner and note from the inputs (NULL for none); not counted, our status and reason;
   the gaps it addresses (DOC_FIGURE_PLAN_GAPS: one row, no action, every gap). */
struct doc_plan_row {
    const char *action, *id, *done, *owner, *note;
    const char *status, *reason;
    bool not_done; /* not counted for not being done: text names its status */
    struct doc_gap_move *gaps;
    size_t n_gaps;
};

struct doc_figure {
    enum doc_figure_kind kind;
    size_t n_rows, n_cols;
    const char *title;           /* DOC_FIGURE_LEVELS: the stage's title, from the inputs */
    const char **rows;           /* the groups' or levels' names: from the inputs */
    size_t *counts;              /* each group's respondents */
    const char **cols;           /* the stages' titles: text from the inputs */
    struct doc_heat_cell *cells; /* n_rows * n_cols, a row at a time */
    /* DOC_FIGURE_STAGES: a cell's answered of items are the stage's questions answered
       of those that apply; counts are the items respondents disagree on */
    const char **bands;         /* each stage's band: text from the inputs */
    const char **shares;        /* the share answered, our figure ("62.5"); NULL for none */
    enum doc_stage_mark *marks; /* the focus, or a stage resting on it */
    bool disagree;              /* counts are shown: more than one respondent */
    struct doc_move *moves;     /* DOC_FIGURE_MOVEMENT, DOC_FIGURE_GROUP_MOVEMENT */
    size_t *counts_after;       /* DOC_FIGURE_GROUP_MOVEMENT: each group's respondents after */
    struct doc_item_move *item_moves; /* DOC_FIGURE_ITEMS */
    const char *aside;                /* DOC_FIGURE_ITEMS: our words after the title in a caption */
    bool columns;                   /* DOC_FIGURE_ITEMS: text sets them in columns, not as a list */
    struct doc_plan_row *plan_rows; /* DOC_FIGURE_PLAN_*: n_rows of them */
    const char **row_words, **row_lines; /* DOC_FIGURE_TIMELINE */
    size_t n_points;                     /* DOC_FIGURE_SERIES: the assessments */
    const char **points;                 /* their dates */
    size_t *point_counts;                /* n_rows * n_points */
    struct doc_heat_cell *series;        /* n_rows * n_cols * n_points */
    /* DOC_FIGURE_SERIES of the whole assessment: each point's organisation and focus
       (from the inputs), and each score's band, as series */
    const char **point_orgs, **point_focus, **series_bands;
    /* DOC_FIGURE_STAGES: the bands, highest first, that HTML's chart draws its zones
       from (doc_figure_bands), and the chart's number on its page, for its ids */
    const char **band_titles; /* text from the inputs */
    double *band_mins;
    size_t n_bands;
    unsigned chart;
};

enum doc_span_kind {
    DOC_SPAN_PLAIN,
    DOC_SPAN_STRONG,
    DOC_SPAN_CODE,
    DOC_SPAN_LINK,  /* text with href */
    DOC_SPAN_LABEL, /* a paragraph's lead word ("Caveat:"): styled in HTML only */
    DOC_SPAN_ASIDE, /* a quieter aside, such as a caption's legend: styled in HTML only */
    DOC_SPAN_TAG,   /* a short flag beside a thing ("overdue"): set as a tag in HTML only */
    DOC_SPAN_REF,   /* an item's id or a source's address, set small: HTML only */
    DOC_SPAN_BREAK, /* a line break inside a paragraph, in HTML only */
    DOC_SPAN_NONE,  /* a value with nothing to show: a dash in markdown, a quiet "none" in
                       HTML, left out in text */
};

/* How a paragraph or callout reads: HTML marks the quieter ones; text and markdown
   write them alike, but for a note callout, which text shows in yellow when colour is
   on. */
enum doc_tone { DOC_TONE_PLAIN, DOC_TONE_MUTED, DOC_TONE_OK, DOC_TONE_NOTE, DOC_TONE_SOURCE };

enum doc_align { DOC_ALIGN_LEFT, DOC_ALIGN_RIGHT };

struct doc_span {
    enum doc_span_kind kind;
    bool ours;     /* our own words: written as they are; otherwise text from the inputs */
    unsigned only; /* the formats that show it */
    const char *text;
    const char *href;  /* DOC_SPAN_LINK */
    const char *style; /* a style name for HTML's class attribute ("who"); NULL for none */
    struct doc_span *next;
};

struct doc_node {
    enum doc_kind kind;
    unsigned only;  /* the formats that show it */
    int level;      /* DOC_SECTION: 1 for the page's title, 2, 3 */
    const char *id; /* DOC_SECTION: its anchor ("comments"); NULL for none */
    enum doc_tone tone;
    const char *style;         /* DOC_LIST, DOC_TERMS, DOC_PARA, DOC_TABLE, DOC_CELL: a style
                                  name for HTML's class ("cell said", "meta", "threshold"; a
                                  cell's in place of "num", "" for none) */
    bool numbered;             /* DOC_LIST: "1." rather than "-" */
    bool bare_in_text;         /* DOC_LIST: text writes its items without a marker;
                                  DOC_SECTION: text writes no heading, its body in its place
                                  (as markdown does for a heading it shows nothing of) */
    const char *marker;        /* DOC_ITEM: text's marker in place of "- " ("try: ");
                                  DOC_CALLOUT: text's lead ("Note: "), "" for none; either
                                  way its later lines hang after it. A callout without one
                                  hangs two columns in */
    bool header;               /* DOC_CELL: a row's header (the first cell of a row) */
    enum doc_align *align;     /* DOC_TABLE: one per column */
    enum doc_align halign;     /* DOC_CELL: its column's, when the cell was made */
    size_t n_cols;             /* DOC_TABLE */
    struct doc_figure *figure; /* DOC_FIGURE */
    struct doc_span *spans, *last_span;
    struct doc_node *first, *last, *next, *parent;
    bool marker_as_is; /* DOC_ITEM: text keeps the marker's spaces, filling after it */
    /* DOC_TABLE: HTML sets its body in row groups, each opened by a DOC_ROW marked
       grouped; a row header spanning rows of one is the group's header */
    bool grouped;
    size_t rowspan, colspan; /* DOC_CELL: HTML's, 0 for none */
    bool shaded;             /* DOC_CELL: HTML sets it on the heat map's shade for shade */
    double shade;
    bool two_spaces;  /* DOC_CELL: markdown writes it empty as "|  |", not "| |" */
    const char *html; /* DOC_DRAWN */
};

struct doc {
    struct pool pool;
    struct doc_node *root;
};

void doc_init(struct doc *d);
void doc_release(struct doc *d);

/* ---- blocks: each appended as the last child of parent ---- */

struct doc_node *doc_section(struct doc *d, struct doc_node *parent, int level, const char *id);
struct doc_node *doc_para(struct doc *d, struct doc_node *parent);
struct doc_node *doc_list(struct doc *d, struct doc_node *parent, bool numbered);
struct doc_node *doc_item(struct doc *d, struct doc_node *list);
struct doc_node *doc_callout(struct doc *d, struct doc_node *parent, enum doc_tone tone);
/*
 * A table of n_cols columns, all left-aligned until doc_table_align says otherwise. A
 * column shown in some formats only is a column all the same: each cell takes the
 * alignment of its place in its row, and each writer lays out the cells it shows.
 */
struct doc_node *doc_table(struct doc *d, struct doc_node *parent, size_t n_cols);
void doc_table_align(struct doc_node *table, size_t col, enum doc_align align);
struct doc_node *doc_row(struct doc *d, struct doc_node *table);
struct doc_node *doc_cell(struct doc *d, struct doc_node *row, bool header);

/* A figure of the kind with room for n_rows x n_cols cells, for the caller to fill
   (strings with doc_strdup). */
struct doc_node *doc_figure(struct doc *d, struct doc_node *parent, enum doc_figure_kind kind,
                            size_t n_rows, size_t n_cols);
/* A DOC_FIGURE_SERIES of n_rows x n_cols x n_points scores, for the caller to fill. */
struct doc_node *doc_series(struct doc *d, struct doc_node *parent, size_t n_rows, size_t n_cols,
                            size_t n_points);
/* HTML drawn already, written as it is (DOC_DRAWN): the caller escaped its text. */
struct doc_node *doc_drawn(struct doc *d, struct doc_node *parent, const char *html);
/* Room for n zeroed things of size bytes that lives as long as the document. */
void *doc_alloc(struct doc *d, size_t n, size_t size);
/* A copy of s that lives as long as the document. */
const char *doc_strdup(struct doc *d, const char *s);
/* A copy of sb's text, as doc_strdup; sb is released, ready for the next. */
const char *doc_take(struct doc *d, struct strbuf *sb);

/* Shows n (or a span) in the given formats only: a known difference between them. 0
   shows it in none. */
struct doc_node *doc_only(struct doc_node *n, unsigned formats);

/* ---- inline spans, appended to a section's heading, a paragraph, item, cell or
   caption; each returns the span so that doc_span_only can narrow it ---- */

/* Text from the inputs; NULL appends nothing. */
struct doc_span *doc_text(struct doc *d, struct doc_node *n, const char *s);
/* Our own words: never text from the inputs. */
struct doc_span *doc_words(struct doc *d, struct doc_node *n, const char *s);
struct doc_span *doc_wordsf(struct doc *d, struct doc_node *n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
struct doc_span *doc_strong(struct doc *d, struct doc_node *n, const char *s);
struct doc_span *doc_code(struct doc *d, struct doc_node *n, const char *s);
struct doc_span *doc_link(struct doc *d, struct doc_node *n, const char *s, const char *href);
/* Our words as a label or an aside (DOC_SPAN_LABEL, DOC_SPAN_ASIDE). Labels in a row
   are one label ("Focus: " then a stage's title). */
struct doc_span *doc_label(struct doc *d, struct doc_node *n, const char *s);
/* Text from the inputs as part of a label. */
struct doc_span *doc_label_text(struct doc *d, struct doc_node *n, const char *s);
struct doc_span *doc_aside(struct doc *d, struct doc_node *n, const char *s);
/* Our words as a flag beside a thing (DOC_SPAN_TAG). */
struct doc_span *doc_tag(struct doc *d, struct doc_node *n, const char *s);
/* Text from the inputs that names something: an item's id, a source's address. */
struct doc_span *doc_ref(struct doc *d, struct doc_node *n, const char *s);
struct doc_span *doc_span_only(struct doc_span *sp, unsigned formats);
/* A value with nothing to show (DOC_SPAN_NONE). */
struct doc_span *doc_none(struct doc *d, struct doc_node *n);
/* A cell (not a header) of our words; of text from the inputs, or none for NULL or "". */
struct doc_node *doc_words_cell(struct doc *d, struct doc_node *row, const char *s);
struct doc_node *doc_text_cell(struct doc *d, struct doc_node *row, const char *s);
/* A line break in HTML; nothing in text and markdown. */
struct doc_span *doc_break(struct doc *d, struct doc_node *n);

/* ---- writers: each appends the tree to out ---- */

/* Wrapped to width columns; bold headings when color. */
void doc_write_text(const struct doc *d, struct strbuf *out, size_t width, bool color);
/* CommonMark with GFM tables, kept to markdownlint's defaults. */
void doc_write_markdown(const struct doc *d, struct strbuf *out);
/* HTML5 fragments (sections, paragraphs, lists, tables) for the page shell. */
void doc_write_html(const struct doc *d, struct strbuf *out);
/*
 * The Word (.docx) and OpenDocument text (.odt) writers (doc_docx.c, doc_odt.c) write
 * what markdown shows, through one walk (doc_office.c): a document's parts, each an XML
 * file named by its path in the archive, for the caller to zip (report_office.c) in the
 * order given, the one marked stored uncompressed. Headings are real headings (Word's
 * Heading 1 to 3, OpenDocument's outline levels), tables real tables whose first row is
 * a header repeated on each page, a figure the table of its data with its caption. The
 * parts hold no date, name or random id: the same tree makes the same bytes.
 */
enum { DOC_PARTS_MAX = 10 };
struct doc_part {
    const char *name;
    struct strbuf data;
    bool stored;
};
struct doc_package {
    struct doc_part parts[DOC_PARTS_MAX];
    size_t n;
};
void doc_write_docx(const struct doc *d, struct doc_package *pkg);
void doc_write_odt(const struct doc *d, struct doc_package *pkg);
/* Frees the parts' data; safe on a zeroed package. */
void doc_package_release(struct doc_package *pkg);

/* d written in format f (width and color are text's), then released (doc_write.c). */
void doc_write(struct doc *d, enum doc_format f, struct strbuf *out, size_t width, bool color);

/* Figure f as the table markdown and HTML write it (its columns, caption and rows,
   what one format shows alone marked doc_only), or a paragraph "None." for an empty one,
   appended to parent (doc_figure.c). */
void doc_figure_table(struct doc *d, struct doc_node *parent, const struct doc_figure *f);

/* Markdown inline text on one line, trimmed and escaped (escape_markdown). */
void doc_md_text(struct strbuf *out, const char *s);
/* The heat map's shades (doc_html.c): the ramp from light (0) to dark (100), and the text
   colour that reads on a shade. */
unsigned long doc_html_ramp_colour(double score);
const char *doc_html_text_colour_on(unsigned long bg);
/* HTML text that can neither open markup nor name anything to fetch (report_html_page.c
   says why). */
void doc_html_text(struct strbuf *out, const char *s);

/*
 * A section of level 1 is the report's title block: text writes its paragraphs as
 * lines at the margin, HTML writes it as the page's <header> and opens <main> after it
 * (the page shell closes it).
 */
struct doc_node *doc_terms(struct doc *d, struct doc_node *parent);
struct doc_node *doc_nav(struct doc *d, struct doc_node *parent);

/* Room for n bands in f's band_titles and band_mins, for the caller to fill. */
void doc_figure_bands(struct doc *d, struct doc_figure *f, size_t n);

/* n, or the first sibling after it that format (one of enum doc_format) shows; NULL for
   none: a writer's walk over the nodes it shows. */
const struct doc_node *doc_shown(const struct doc_node *n, unsigned format);
/* for (DOC_EACH(n, first, format)): n each sibling from first on that format shows. */
#define DOC_EACH(n, first, format)                                                                 \
    const struct doc_node *n = doc_shown(first, format);                                           \
    n;                                                                                             \
    n = doc_shown(n->next, format)
/* Whether table t has a row after its header that format (one of enum doc_format) shows:
   a writer leaves out a table with none. */
bool doc_table_has_body(const struct doc_node *t, unsigned format);
/* Whether section s holds anything format draws, the stage by level heat map aside when
   aside_matrix (text and markdown draw it a stage at a time instead): a writer leaves out
   a section holding only that heat map. */
bool doc_section_has_content(const struct doc_node *s, unsigned format, bool aside_matrix);

/* The bands for a chart (svg.h), drawn by the HTML writer because their names are text
   from the inputs: the height of their names above the plot (one row, or two when one
   would crowd), their labelled zones from top to bottom with the thresholds on an axis,
   and "The bands: Embedded from 80 to 100; Established from 60 to under 80; ...". */
struct svg_bands;
double doc_html_bands_header(const struct svg_bands *bs);
void doc_html_bands_draw(struct strbuf *out, const struct svg_bands *bs, double top, double bottom);
void doc_html_bands_in_words(struct strbuf *out, const struct svg_bands *bs);

#endif
