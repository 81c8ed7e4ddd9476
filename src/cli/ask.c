#include "ask.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "escape.h"
#include "exact.h"
#include "rules.h"
#include "schema.h"
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
    for (size_t k = 0; k < s->n_groups; k++) {
        free(s->groups[k].field);
        free(s->groups[k].value);
    }
    free(s->groups);
    memset(s, 0, sizeof(*s));
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

void ask_set_group(struct ask_session *s, const char *field, const char *value)
{
    size_t k = 0;
    while (k < s->n_groups && strcmp(s->groups[k].field, field) != 0)
        k++;
    if (k == s->n_groups) {
        s->groups = xrealloc(s->groups, st_mult(s->n_groups + 1, sizeof(*s->groups)));
        s->groups[s->n_groups++].field = xstrdup(field);
    } else {
        free(s->groups[k].value);
    }
    s->groups[k].value = xstrdup(value);
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
    escape_yaml(out, s->organisation ? s->organisation : ANSWERS_PLACEHOLDER_ORGANISATION);
    strbuf_addf(out, "\ndate: %s\n", s->date ? s->date : ANSWERS_PLACEHOLDER_DATE);
    if (s->respondent || s->role || s->n_groups) {
        strbuf_adds(out, "respondent: {");
        if (s->respondent) {
            strbuf_adds(out, "id: ");
            escape_yaml(out, s->respondent);
        }
        if (s->role) {
            strbuf_adds(out, s->respondent ? ", role: " : "role: ");
            escape_yaml(out, s->role);
        }
        /* Field names are identifiers: the loader checked those read back. */
        for (size_t k = 0; k < s->n_groups; k++) {
            if (k == 0)
                strbuf_adds(out, s->respondent || s->role ? ", groups: {" : "groups: {");
            else
                strbuf_adds(out, ", ");
            escape_yaml_key(out, s->groups[k].field);
            strbuf_adds(out, ": ");
            escape_yaml(out, s->groups[k].value);
        }
        strbuf_adds(out, s->n_groups ? "}}\n" : "}\n");
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
        /* An interrupt that came while the question was being shown, before this read
           began, would otherwise wait for the next key: it ends the read now. (One in
           the instant between this check and the read still waits for a key.) */
        if (s->interrupted && *s->interrupted)
            return false;
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

/*
 * Parses "7 pilot teams only", "n/a", "unknown because ..."; false when it is none, with
 * why in msg, worded as validate words the same mistake in a file.
 */
static bool parse_answer(const struct rules *r, char *text, struct ask_answer *a,
                         struct strbuf *msg)
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
        bool number = *text && !*end && !errno && isfinite(v);
        bool in_range = number && v >= (double)r->scale_min && v <= (double)r->scale_max;
        int64_t scaled;
        /* At most EXACT_PLACES decimals, as validate asks of a file. */
        ok = in_range && exact_parse_decimal(text, &scaled) == 0;
        if (ok) {
            a->state = ANSWER_SCORE;
            a->score = v;
        } else {
            struct strbuf shown = STRBUF_INIT;
            if (number)
                text_add_safe(&shown, text, true);
            else
                text_add_quoted(&shown, text, 40);
            if (in_range)
                ymsg_too_precise(msg, "the answer", strbuf_str(&shown));
            else if (number)
                answers_msg_off_scale(msg, r, "the answer", strbuf_str(&shown));
            else
                answers_msg_not_answer(msg, r, "the answer", strbuf_str(&shown));
            strbuf_release(&shown);
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

static size_t width_of(const struct ask_session *s)
{
    return s->width ? s->width : 80;
}

/* A paragraph of text made safe and filled to the terminal's width by text_fill. */
static void show_filled(const struct ask_session *s, FILE *out, const char *first,
                        const char *indent, const char *text)
{
    struct strbuf safe = STRBUF_INIT, filled = STRBUF_INIT;
    text_add_safe(&safe, text, true);
    text_add_filled(&filled, first, indent, strbuf_str(&safe), width_of(s));
    fputs(strbuf_str(&filled), out);
    strbuf_release(&filled);
    strbuf_release(&safe);
}

static void show_question(const struct ask_session *s, FILE *out, size_t i, size_t k, size_t n)
{
    const struct rules *r = s->rules;
    const struct rules_item *it = &r->items[i];
    struct strbuf head = STRBUF_INIT, end = STRBUF_INIT;
    strbuf_addf(&head, "Question %zu of %zu - %s, %s, %s", k, n, r->stages[it->stage].title,
                rules_item_label(it), r->levels[it->level].title);
    fputc('\n', out);
    show_filled(s, out, "", "  ", strbuf_str(&head));
    show_filled(s, out, "  ", "  ", it->question);
    strbuf_addf(&end, "  %ld = ", r->scale_min);
    show_filled(s, out, strbuf_str(&end), "      ", it->low ? it->low : r->scale_low);
    strbuf_reset(&end);
    strbuf_addf(&end, "  %ld = ", r->scale_max);
    show_filled(s, out, strbuf_str(&end), "      ", it->high ? it->high : r->scale_high);
    if (s->answers[i].state != ANSWER_NONE) {
        struct strbuf now = STRBUF_INIT;
        render_value(&now, &s->answers[i]);
        fprintf(out, "  (answered: %s; Enter keeps it)\n", now.buf);
        strbuf_release(&now);
    }
    fputs("> ", out);
    fflush(out);
    strbuf_release(&end);
    strbuf_release(&head);
}

/* A message about what was typed, as a sentence: "  The answer must be ...". */
static void show_problem(FILE *out, const struct strbuf *msg)
{
    fputs("  ", out);
    if (msg->len && msg->buf[0] >= 'a' && msg->buf[0] <= 'z')
        fputc(msg->buf[0] - 'a' + 'A', out);
    else if (msg->len)
        fputc(msg->buf[0], out);
    fputs(msg->len ? msg->buf + 1 : "", out);
    fputs(".\n", out);
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

/* One of the details ask_details asks for, and what it says when the reply will not do. */
struct detail {
    const char *prompt;
    const char *fallback; /* taken on Enter; NULL when there is none */
    bool required;        /* Enter without a fallback is refused */
    void (*check)(const char *text, struct strbuf *msg); /* fills msg when text will not do */
    const char *help;
};

static void check_date(const char *text, struct strbuf *msg)
{
    if (!date_valid(text))
        answers_msg_bad_date(msg, "the date");
}

/*
 * Asks for one detail until the reply will do; false when input ended or the respondent
 * typed 'quit' (nothing has been answered yet, so there is nothing to save).
 */
static bool ask_text(struct ask_session *s, FILE *in, FILE *out, const struct detail *d,
                     char **dest)
{
    struct strbuf line = STRBUF_INIT, msg = STRBUF_INIT;
    bool ok = false;
    for (;;) {
        fputs(d->prompt, out);
        fflush(out);
        if (!read_line(s, in, &line))
            break;
        char *text = line.buf;
        trim(&text);
        if (strcmp(text, "quit") == 0)
            break;
        if (strcmp(text, "help") == 0) {
            fprintf(out, "  %s\n", d->help);
            continue;
        }
        if (!*text && d->fallback) {
            strbuf_reset(&line);
            strbuf_adds(&line, d->fallback);
            text = line.buf;
        }
        if (!*text && !d->required) {
            ok = true; /* optional and skipped */
            break;
        }
        strbuf_reset(&msg);
        if (!*text)
            strbuf_adds(&msg, "this is needed; type 'quit' to stop");
        else if (!utf8_valid(text, strlen(text), NULL))
            strbuf_adds(&msg, "this is not valid UTF-8 text");
        else if (d->check)
            d->check(text, &msg);
        if (!msg.len) {
            free(*dest);
            *dest = xstrdup(text);
            ok = true;
            break;
        }
        show_problem(out, &msg);
    }
    strbuf_release(&msg);
    strbuf_release(&line);
    return ok;
}

int ask_details(struct ask_session *s, FILE *in, FILE *out, const char *today)
{
    struct strbuf prompt = STRBUF_INIT;
    strbuf_addf(&prompt, "Date of the assessment [%s]: ", today);
    const struct detail organisation = {
        "Organisation: ", NULL, true, NULL,
        "The organisation the answers are for. 'quit' stops without saving."};
    const struct detail date = {
        strbuf_str(&prompt), today, true, check_date,
        "The date of the assessment, written YYYY-MM-DD; Enter takes the date shown. "
        "'quit' stops without saving."};
    const struct detail role = {
        "Your role, for example leader or practitioner (Enter to skip): ", NULL, false, NULL,
        "Your role, for example leader or practitioner; Enter skips. 'quit' stops "
        "without saving."};
    const struct detail team = {
        "Your team (Enter to skip): ", NULL, false, NULL,
        "The team you work in, so that reports can compare teams without naming anyone; "
        "Enter skips. 'quit' stops without saving."};
    char *team_name = NULL;
    bool ok = ask_text(s, in, out, &organisation, &s->organisation) &&
              ask_text(s, in, out, &date, &s->date) && ask_text(s, in, out, &role, &s->role) &&
              ask_text(s, in, out, &team, &team_name);
    if (ok && team_name)
        ask_set_group(s, "team", team_name);
    free(team_name);
    strbuf_release(&prompt);
    return ok ? 0 : -1;
}

int ask_run(struct ask_session *s, FILE *in, FILE *out)
{
    const struct rules *r = s->rules;
    struct strbuf line = STRBUF_INIT, msg = STRBUF_INIT;
    size_t i;
    size_t n = count_answerable(r, &i, s->answers);
    int rc = 0;
    strbuf_addf(&msg, "%zu questions", n);
    if (i < r->n_items && ordinal(r, i) > 1)
        strbuf_addf(&msg, "; going on from question %zu", ordinal(r, i));
    strbuf_adds(&msg, ". Type 'help' for how to answer.");
    show_filled(s, out, "", "", strbuf_str(&msg));
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
        } else {
            strbuf_reset(&msg);
            if (!parse_answer(r, text, &s->answers[i], &msg)) {
                show_problem(out, &msg);
                fputs("  Type 'help' for how to answer.\n", out);
                continue;
            }
            if ((rc = save(s)) != 0)
                break;
            i++;
        }
    }
    if (rc == 0)
        rc = save(s);
    fputs("\n", out);
    fflush(out);
    strbuf_release(&msg);
    strbuf_release(&line);
    return rc;
}
