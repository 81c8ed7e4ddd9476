#include "ask.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "exact.h"
#include "rules.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

enum { LINE_MAX_BYTES = 4096 };

void ask_init(struct ask_session *s, const struct rules *r)
{
    memset(s, 0, sizeof(*s));
    s->rules = r;
    s->answers = xcalloc(r->n_items + 1, sizeof(*s->answers));
}

void ask_release(struct ask_session *s)
{
    if (s->answers)
        for (size_t i = 0; i < s->rules->n_items; i++) {
            free(s->answers[i].note);
            free(s->answers[i].evidence);
        }
    free(s->answers);
    free(s->organisation);
    free(s->date);
    free(s->respondent);
    free(s->role);
    memset(s, 0, sizeof(*s));
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

void ask_resume_from(struct ask_session *s, const struct assessment *a)
{
    free(s->organisation);
    free(s->date);
    s->organisation = dup_or_null(a->organisation);
    s->date = dup_or_null(a->date);
    for (size_t i = 0; i < s->rules->n_items; i++) {
        const struct item_tally *t = &a->items[i];
        struct ask_answer *ans = &s->answers[i];
        ans->state = item_tally_state(t);
        ans->score = item_tally_mean(t);
        if (t->n_notes) {
            ans->note = dup_or_null(t->notes[0].note);
            ans->evidence = dup_or_null(t->notes[0].evidence);
            if (!s->respondent)
                s->respondent = dup_or_null(t->notes[0].respondent);
            if (!s->role)
                s->role = dup_or_null(t->notes[0].role);
        }
    }
    if (a->n_roles && !s->role)
        s->role = xstrdup(a->roles[0].role);
}

/* ---- writing the answers file ---- */

static void add_number(struct strbuf *out, double v)
{
    if (v == floor(v))
        strbuf_addf(out, "%.0f", v);
    else
        strbuf_addf(out, "%g", v);
}

static void render_value(struct strbuf *out, const struct ask_answer *a)
{
    if (a->state == ANSWER_NA)
        strbuf_adds(out, "n/a");
    else if (a->state == ANSWER_UNKNOWN)
        strbuf_adds(out, "unknown");
    else
        add_number(out, a->score);
}

void ask_render(const struct ask_session *s, struct strbuf *out)
{
    const struct rules *r = s->rules;
    strbuf_adds(out, "# Answers written by 'stagegap ask'. Run it again to go on where you "
                     "stopped.\nformat: stagegap-answers/1\nrules: ");
    strbuf_adds(out, r->id);
    strbuf_adds(out, "\norganisation: ");
    escape_yaml(out, s->organisation ? s->organisation : "Your organisation");
    strbuf_addf(out, "\ndate: %s\n", s->date ? s->date : "2026-01-01");
    if (s->respondent || s->role) {
        strbuf_adds(out, "respondent: {");
        if (s->respondent) {
            strbuf_adds(out, "id: ");
            escape_yaml(out, s->respondent);
        }
        if (s->role) {
            strbuf_adds(out, s->respondent ? ", role: " : "role: ");
            escape_yaml(out, s->role);
        }
        strbuf_adds(out, "}\n");
    }
    strbuf_adds(out, "answers:\n");
    size_t written = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        const struct ask_answer *a = &s->answers[i];
        if (a->state == ANSWER_NONE)
            continue;
        strbuf_addf(out, "  %s: ", r->items[i].id);
        if (a->note || a->evidence) {
            strbuf_adds(out, "{score: ");
            render_value(out, a);
            if (a->note) {
                strbuf_adds(out, ", note: ");
                escape_yaml(out, a->note);
            }
            if (a->evidence) {
                strbuf_adds(out, ", evidence: ");
                escape_yaml(out, a->evidence);
            }
            strbuf_adds(out, "}");
        } else {
            render_value(out, a);
        }
        strbuf_addc(out, '\n');
        written++;
    }
    if (!written)
        strbuf_adds(out, "  {}\n");
}

/* ---- the dialogue ---- */

static int save(struct ask_session *s)
{
    struct strbuf yaml = STRBUF_INIT;
    ask_render(s, &yaml);
    int rc = s->save ? s->save(s->save_ctx, &yaml) : 0;
    strbuf_release(&yaml);
    return rc;
}

/* Reads one line without its end; false at end of input or on an interrupt. */
static bool read_line(struct ask_session *s, FILE *in, struct strbuf *line)
{
    strbuf_reset(line);
    strbuf_grow(line, 0); /* line->buf is never NULL after this */
    for (;;) {
        int c = fgetc(in);
        if (c == EOF) {
            if (ferror(in) && errno == EINTR && !(s->interrupted && *s->interrupted)) {
                clearerr(in);
                continue;
            }
            return line->len > 0 && !(s->interrupted && *s->interrupted);
        }
        if (c == '\n')
            break;
        if (line->len < LINE_MAX_BYTES)
            strbuf_addc(line, (char)c);
    }
    if (line->len && line->buf[line->len - 1] == '\r')
        line->buf[--line->len] = '\0';
    return true;
}

static void trim(char **start)
{
    char *p = *start;
    while (*p == ' ' || *p == '\t')
        p++;
    size_t n = strlen(p);
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
        p[--n] = '\0';
    *start = p;
}

static void set_note(struct ask_answer *a, const char *rest)
{
    free(a->note);
    a->note = *rest ? xstrdup(rest) : NULL;
}

/* Parses "7 pilot teams only", "n/a", "unknown because ..."; false when it is none. */
static bool parse_answer(const struct rules *r, char *text, struct ask_answer *a)
{
    char *rest = text;
    while (*rest && *rest != ' ' && *rest != '\t')
        rest++;
    char saved = *rest;
    *rest = '\0';
    bool ok = true;
    char *end;
    if (strcmp(text, "n/a") == 0 || strcmp(text, "N/A") == 0) {
        a->state = ANSWER_NA;
    } else if (strcmp(text, "unknown") == 0 || strcmp(text, "?") == 0) {
        a->state = ANSWER_UNKNOWN;
    } else {
        errno = 0;
        double v = strtod(text, &end);
        int64_t scaled;
        /* At most EXACT_PLACES decimals, as validate asks of a file. */
        ok = *text && !*end && !errno && isfinite(v) && v >= (double)r->scale_min &&
             v <= (double)r->scale_max && exact_parse_decimal(text, &scaled) == 0;
        if (ok) {
            a->state = ANSWER_SCORE;
            a->score = v;
        }
    }
    *rest = saved;
    if (ok) {
        trim(&rest);
        set_note(a, rest);
    }
    return ok;
}

static size_t count_answerable(const struct rules *r, size_t *first_open,
                               const struct ask_answer *answers)
{
    size_t n = 0;
    *first_open = r->n_items;
    for (size_t i = 0; i < r->n_items; i++) {
        if (!r->items[i].question)
            continue;
        if (answers[i].state == ANSWER_NONE && *first_open == r->n_items)
            *first_open = i;
        n++;
    }
    return n;
}

static void show_safe(FILE *out, const char *text)
{
    struct strbuf sb = STRBUF_INIT;
    text_add_safe(&sb, text, true);
    fputs(strbuf_str(&sb), out);
    strbuf_release(&sb);
}

static void show_question(const struct ask_session *s, FILE *out, size_t i, size_t k, size_t n)
{
    const struct rules *r = s->rules;
    const struct rules_item *it = &r->items[i];
    fprintf(out, "\nQuestion %zu of %zu - ", k, n);
    show_safe(out, r->stages[it->stage].title);
    fprintf(out, ", %s, ", item_kind_name(it->kind));
    show_safe(out, r->levels[it->level].title);
    fputs("\n  ", out);
    show_safe(out, it->question);
    fprintf(out, "\n  %ld = ", r->scale_min);
    show_safe(out, it->low ? it->low : r->scale_low);
    fprintf(out, "\n  %ld = ", r->scale_max);
    show_safe(out, it->high ? it->high : r->scale_high);
    if (s->answers[i].state != ANSWER_NONE) {
        struct strbuf now = STRBUF_INIT;
        render_value(&now, &s->answers[i]);
        fprintf(out, "\n  (answered: %s; Enter keeps it)", now.buf);
        strbuf_release(&now);
    }
    fputs("\n> ", out);
    fflush(out);
}

static void show_help(const struct rules *r, FILE *out)
{
    fprintf(out,
            "  Answer with a number from %ld to %ld, n/a (does not apply here) or "
            "unknown\n  (nobody knows), optionally followed by a note: '7 pilot teams "
            "only'.\n  Enter skips, 'back' goes to the previous question, 'quit' saves "
            "and stops.\n",
            r->scale_min, r->scale_max);
}

/* The index of the answerable item before i, or i when there is none. */
static size_t previous_item(const struct rules *r, size_t i)
{
    for (size_t k = i; k-- > 0;)
        if (r->items[k].question)
            return k;
    return i;
}

static size_t ordinal(const struct rules *r, size_t i)
{
    size_t k = 0;
    for (size_t j = 0; j <= i; j++)
        k += r->items[j].question != NULL;
    return k;
}

/* Asks for text until it is valid (or empty, when a default is given). */
static bool ask_text(struct ask_session *s, FILE *in, FILE *out, const char *prompt,
                     const char *fallback, bool (*valid)(const char *), char **dest)
{
    struct strbuf line = STRBUF_INIT;
    bool ok = false;
    for (;;) {
        fputs(prompt, out);
        fflush(out);
        if (!read_line(s, in, &line))
            break;
        char *text = line.buf;
        trim(&text);
        if (!*text && fallback) {
            strbuf_reset(&line);
            strbuf_adds(&line, fallback);
            text = line.buf;
        }
        if (*text && (!valid || valid(text)) && utf8_valid(text, strlen(text), NULL)) {
            free(*dest);
            *dest = xstrdup(text);
            ok = true;
            break;
        }
        if (!*text && !fallback) {
            ok = true; /* optional and skipped */
            break;
        }
        fputs("  That is not valid; try again.\n", out);
    }
    strbuf_release(&line);
    return ok;
}

static bool non_empty(const char *s)
{
    return *s != '\0';
}

int ask_details(struct ask_session *s, FILE *in, FILE *out, const char *today)
{
    struct strbuf prompt = STRBUF_INIT;
    if (!ask_text(s, in, out, "Organisation: ", NULL, non_empty, &s->organisation) ||
        !s->organisation)
        return -1;
    strbuf_addf(&prompt, "Date of the assessment [%s]: ", today);
    bool ok = ask_text(s, in, out, prompt.buf, today, date_valid, &s->date) &&
              ask_text(s, in, out,
                       "Your role, for example leader or practitioner "
                       "(Enter to skip): ",
                       NULL, NULL, &s->role);
    strbuf_release(&prompt);
    return ok ? 0 : -1;
}

int ask_run(struct ask_session *s, FILE *in, FILE *out)
{
    const struct rules *r = s->rules;
    struct strbuf line = STRBUF_INIT;
    size_t i;
    size_t n = count_answerable(r, &i, s->answers);
    int rc = 0;
    fprintf(out, "%zu questions", n);
    if (i < r->n_items && ordinal(r, i) > 1)
        fprintf(out, "; going on from question %zu", ordinal(r, i));
    fputs(". Type 'help' for how to answer.\n", out);
    while (i < r->n_items) {
        if (!r->items[i].question) {
            i++;
            continue;
        }
        show_question(s, out, i, ordinal(r, i), n);
        if (!read_line(s, in, &line))
            break;
        char *text = line.buf;
        trim(&text);
        if (strcmp(text, "back") == 0) {
            i = previous_item(r, i);
        } else if (strcmp(text, "quit") == 0) {
            break;
        } else if (strcmp(text, "help") == 0) {
            show_help(r, out);
        } else if (!*text) {
            i++;
        } else if (parse_answer(r, text, &s->answers[i])) {
            if ((rc = save(s)) != 0)
                break;
            i++;
        } else {
            fputs("  Not an answer. ", out);
            show_help(r, out);
        }
    }
    if (rc == 0)
        rc = save(s);
    fputs("\n", out);
    fflush(out);
    strbuf_release(&line);
    return rc;
}
