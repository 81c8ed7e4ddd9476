#include "rules_render.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "jsonw.h"
#include "report.h"
#include "rules.h"
#include "strbuf.h"
#include "text.h"

/* The text outline is for a terminal or a plain-text file, so it has one fixed width. */
enum { TEXT_WIDTH = 80, LABEL_WIDTH = 12 };

/* Headings for each kind of item, in enum item_kind order. */
static const char *const kind_titles[ITEM_KINDS] = {"Key challenges", "Facilitators", "Barriers",
                                                    "Suggestions"};

/* markdownlint reads an empty table cell as a misplaced pipe: an empty cell holds a dash. */
#define EMPTY_CELL "\xe2\x80\x94"

static size_t count_kind(const struct rules *r, const struct rules_stage *st, enum item_kind kind)
{
    size_t n = 0;
    for (size_t i = st->first_item; i < st->first_item + st->n_items; i++)
        n += r->items[i].kind == kind;
    return n;
}

/* ---- text ---- */

/*
 * Appends s made safe for a terminal, filled to TEXT_WIDTH columns: the first line
 * starts with first, the others with indent (both ours, ASCII).
 */
static void add_wrapped(struct strbuf *out, const char *first, const char *indent, const char *s)
{
    struct strbuf safe = STRBUF_INIT;
    escape_terminal(&safe, s, 1);
    text_add_filled(out, first, indent, strbuf_str(&safe), TEXT_WIDTH);
    strbuf_release(&safe);
}

/* "Label:      text", the text in a column of its own. */
static void text_field(struct strbuf *out, const char *label, const char *value)
{
    char first[LABEL_WIDTH + 1];
    snprintf(first, sizeof(first), "%-*s", LABEL_WIDTH, label);
    add_wrapped(out, first, "            ", value);
}

/* What an overlay did, counted: "2 items added, 4 changed, 1 retired". */
static void overlay_summary(const struct rules *r, struct strbuf *out)
{
    size_t added = 0, changed = 0, retired = 0;
    for (size_t i = 0; i < r->n_items; i++) {
        added += r->items[i].origin == ORIGIN_ADDED;
        changed += r->items[i].origin == ORIGIN_CHANGED;
        retired += r->items[i].retired != NULL;
    }
    strbuf_addf(out, "%zu item%s added, %zu changed, %zu retired", added, added == 1 ? "" : "s",
                changed, retired);
}

/* "signs-of-safety 1.1.0, FILE": the base an overlay extends. */
static void base_name(const struct rules *r, struct strbuf *out)
{
    strbuf_addf(out, "%s %s, %s", r->base->id, r->base->version, r->base->file);
}

static void text_overlay_fields(const struct rules *r, struct strbuf *out)
{
    struct strbuf sb = STRBUF_INIT;
    base_name(r, &sb);
    text_field(out, "Extends:", strbuf_str(&sb));
    text_field(out, "Base hash:", r->base->sha256);
    text_field(out, "Model hash:", r->model_sha256);
    strbuf_reset(&sb);
    overlay_summary(r, &sb);
    text_field(out, "Overlay:", strbuf_str(&sb));
    strbuf_release(&sb);
}

/*
 * How an overlay marks an item, or false for the base's own: "added", "changed: weight,
 * target", "retired: REASON".
 */
static bool overlay_mark(const struct rules_item *it, struct strbuf *out)
{
    if (it->retired)
        strbuf_addf(out, "retired: %s", it->retired);
    else if (it->origin == ORIGIN_ADDED)
        strbuf_adds(out, "added");
    else if (it->origin == ORIGIN_CHANGED) {
        strbuf_adds(out, "changed: ");
        rules_describe_changes(it->changes, out);
    } else
        return false;
    return true;
}

/* "7 by 2027-03-31" (for a barrier, "at most 7 by ..."). */
static void target_text(const struct rules_item *it, struct strbuf *out)
{
    strbuf_addf(out, "%s%g by %s", it->kind == ITEM_BARRIER ? "at most " : "", it->target.score,
                it->target.by);
}

static void text_header(const struct rules *r, struct strbuf *out)
{
    char buf[64];
    add_wrapped(out, "", "", r->title);
    if (r->description) {
        strbuf_addc(out, '\n');
        add_wrapped(out, "", "", r->description);
    }
    strbuf_addc(out, '\n');
    text_field(out, "Model:", r->id);
    text_field(out, "Version:", r->version);
    text_field(out, "SHA-256:", r->sha256);
    if (r->base)
        text_overlay_fields(r, out);
    text_field(out, "Source:", r->source.title);
    if (r->source.publisher)
        text_field(out, "Publisher:", r->source.publisher);
    if (r->source.year) {
        snprintf(buf, sizeof(buf), "%ld", r->source.year);
        text_field(out, "Year:", buf);
    }
    if (r->source.url)
        text_field(out, "URL:", r->source.url);
    text_field(out, REPORT_CAVEAT_LABEL, r->source.note);
    if (r->source.judgement)
        text_field(out, "Judgement:", r->source.judgement);
    snprintf(buf, sizeof(buf), "answers from %ld to %ld", r->scale_min, r->scale_max);
    text_field(out, "Scale:", buf);
    text_field(out, "Low end:", r->scale_low);
    text_field(out, "High end:", r->scale_high);
}

/* "TITLE (ID)EXTRA" and, below it, the description indented. */
static void text_entry(struct strbuf *out, const char *title, const char *id, const char *extra,
                       const char *description)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s (%s)%s", title, id, extra);
    add_wrapped(out, "  ", "    ", strbuf_str(&sb));
    if (description)
        add_wrapped(out, "    ", "    ", description);
    strbuf_release(&sb);
}

static void text_levels_and_bands(const struct rules *r, struct strbuf *out)
{
    char extra[64];
    strbuf_adds(out, "\nLevels of change\n");
    for (size_t i = 0; i < r->n_levels; i++)
        text_entry(out, r->levels[i].title, r->levels[i].id, "", r->levels[i].description);
    strbuf_adds(out, "\nBands (how a stage score from 0 to 100 is read, highest first)\n");
    for (size_t i = 0; i < r->n_bands; i++) {
        snprintf(extra, sizeof(extra), ", from %g", r->bands[i].min);
        text_entry(out, r->bands[i].title, r->bands[i].id, extra, r->bands[i].description);
    }
}

static void text_item(const struct rules *r, const struct rules_item *it, struct strbuf *out)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "%s (level %s", it->id, r->levels[it->level].id);
    if (it->weight != 1)
        strbuf_addf(&sb, ", weight %g", it->weight);
    strbuf_adds(&sb, ")\n");
    /* Ids are short, so this line is not wrapped: a weight stays beside its level. */
    strbuf_adds(out, "    ");
    escape_terminal(out, strbuf_str(&sb), 0);
    add_wrapped(out, "      ", "      ", it->text);
    if (it->label)
        add_wrapped(out, "      Label: ", "        ", it->label);
    if (it->hedge)
        add_wrapped(out, "      Hedge: ", "        ", it->hedge);
    strbuf_reset(&sb);
    if (overlay_mark(it, &sb))
        add_wrapped(out, "      Overlay: ", "        ", strbuf_str(&sb));
    if (it->retired) {
        /* Never asked or scored: the mark says why. */
    } else if (it->question) {
        add_wrapped(out, "      Question: ", "        ", it->question);
        strbuf_reset(&sb);
        strbuf_addf(&sb, "      %ld = ", r->scale_min);
        add_wrapped(out, strbuf_str(&sb), "        ", it->low ? it->low : r->scale_low);
        strbuf_reset(&sb);
        strbuf_addf(&sb, "      %ld = ", r->scale_max);
        add_wrapped(out, strbuf_str(&sb), "        ", it->high ? it->high : r->scale_high);
        if (it->target.set) {
            strbuf_reset(&sb);
            target_text(it, &sb);
            add_wrapped(out, "      Target: ", "        ", strbuf_str(&sb));
        }
    } else {
        add_wrapped(out, "      ", "      ", "(no question: shown for context, not scored)");
    }
    if (it->kind == ITEM_SUGGESTION && it->n_addresses) {
        strbuf_reset(&sb);
        for (size_t k = 0; k < it->n_addresses; k++)
            strbuf_addf(&sb, "%s%s", k ? ", " : "", r->items[it->addresses[k]].id);
        add_wrapped(out, "      Addresses: ", "        ", strbuf_str(&sb));
    }
    strbuf_release(&sb);
}

static void text_stage(const struct rules *r, size_t s, struct strbuf *out)
{
    const struct rules_stage *st = &r->stages[s];
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "Stage %zu: %s (%s)", s + 1, st->title, st->id);
    strbuf_addc(out, '\n');
    add_wrapped(out, "", "  ", strbuf_str(&sb));
    if (st->description)
        add_wrapped(out, "  ", "  ", st->description);
    for (int k = 0; k < ITEM_KINDS; k++) {
        if (!count_kind(r, st, (enum item_kind)k))
            continue;
        strbuf_addf(out, "\n  %s\n", kind_titles[k]);
        for (size_t i = st->first_item; i < st->first_item + st->n_items; i++)
            if (r->items[i].kind == (enum item_kind)k)
                text_item(r, &r->items[i], out);
    }
    if (st->n_notes) {
        strbuf_adds(out, "\n  Notes\n");
        for (size_t i = 0; i < st->n_notes; i++)
            add_wrapped(out, "    - ", "      ", st->notes[i]);
    }
    strbuf_release(&sb);
}

void rules_render_text(const struct rules *r, struct strbuf *out)
{
    text_header(r, out);
    text_levels_and_bands(r, out);
    for (size_t s = 0; s < r->n_stages; s++)
        text_stage(r, s, out);
}

/* ---- markdown ---- */

/* Ids are [a-z0-9._-] by the time a model is loaded, but a code span is checked anyway. */
static bool is_plain_id(const char *s)
{
    return *s && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789._-") == strlen(s);
}

static void md_id(struct strbuf *out, const char *id)
{
    if (is_plain_id(id)) {
        strbuf_addc(out, '`');
        strbuf_adds(out, id);
        strbuf_addc(out, '`');
    } else {
        escape_markdown(out, id);
    }
}

/*
 * A URL becomes an autolink only when it is http(s) and holds nothing an autolink could
 * not (blanks, < >, controls, backticks); otherwise it is shown as escaped text.
 */
static void md_url(struct strbuf *out, const char *url)
{
    static const char safe[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                               "0123456789-._~:/?#[]@!$&'()*+,;=%";
    bool web = strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0;
    if (web && strspn(url, safe) == strlen(url)) {
        strbuf_addc(out, '<');
        strbuf_adds(out, url);
        strbuf_addc(out, '>');
    } else {
        escape_markdown(out, url);
    }
}

/*
 * A stage's name in headings: its title, with its id when another stage or one of the
 * page's own headings has the same title, so no two headings repeat (markdownlint MD024).
 */
static void md_stage_name(struct strbuf *out, const struct rules *r, size_t s)
{
    static const char *const fixed[] = {"Levels of change", "Bands", "Where this comes from"};
    const char *title = r->stages[s].title;
    bool clash = strcmp(title, r->title) == 0;
    for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
        clash = clash || strcmp(title, fixed[i]) == 0;
    for (size_t i = 0; i < r->n_stages; i++)
        clash = clash || (i != s && strcmp(title, r->stages[i].title) == 0);
    escape_markdown(out, title);
    if (clash) {
        strbuf_adds(out, " (");
        md_id(out, r->stages[s].id);
        strbuf_addc(out, ')');
    }
}

static void md_cell(struct strbuf *out, const char *s)
{
    if (s)
        escape_markdown(out, s);
    else
        strbuf_adds(out, EMPTY_CELL);
}

static void md_overlay_lines(const struct rules *r, struct strbuf *out)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(out, "\n- Extends: ");
    md_id(out, r->base->id);
    strbuf_adds(out, ", version ");
    escape_markdown(out, r->base->version);
    strbuf_adds(out, ", ");
    escape_markdown(out, r->base->file);
    strbuf_addf(out, "\n- SHA-256 of the base: `%s`", r->base->sha256);
    strbuf_addf(out, "\n- Hash of the merged model: `%s`", r->model_sha256);
    overlay_summary(r, &sb);
    strbuf_addf(out, "\n- Overlay: %s", strbuf_str(&sb));
    strbuf_release(&sb);
}

static void md_header(const struct rules *r, struct strbuf *out)
{
    strbuf_adds(out, "# ");
    escape_markdown(out, r->title);
    strbuf_adds(out, "\n\n");
    if (r->description) {
        strbuf_adds(out, "**About this model:** ");
        escape_markdown(out, r->description);
        strbuf_adds(out, "\n\n");
    }
    strbuf_adds(out, "- Model: ");
    md_id(out, r->id);
    strbuf_adds(out, ", version ");
    escape_markdown(out, r->version);
    strbuf_adds(out, "\n- SHA-256 of the rules file: `");
    strbuf_adds(out, r->sha256);
    strbuf_adds(out, "`\n- Source: ");
    escape_markdown(out, r->source.title);
    if (r->source.publisher) {
        strbuf_adds(out, ", ");
        escape_markdown(out, r->source.publisher);
    }
    if (r->source.year)
        strbuf_addf(out, ", %ld", r->source.year);
    strbuf_addf(out, "\n- Scale: answers from %ld to %ld\n- Low end of the scale: ", r->scale_min,
                r->scale_max);
    escape_markdown(out, r->scale_low);
    strbuf_adds(out, "\n- High end of the scale: ");
    escape_markdown(out, r->scale_high);
    if (r->base)
        md_overlay_lines(r, out);
    size_t questions = rules_answerable(r);
    strbuf_addf(out, "\n- %zu stage%s, %zu item%s, %zu question%s\n\n", r->n_stages,
                r->n_stages == 1 ? "" : "s", r->n_items, r->n_items == 1 ? "" : "s", questions,
                questions == 1 ? "" : "s");
    strbuf_adds(out, "> **" REPORT_CAVEAT_LABEL "** ");
    escape_markdown(out, r->source.note);
    strbuf_adds(out, "\n\n");
}

static void md_levels_and_bands(const struct rules *r, struct strbuf *out)
{
    strbuf_adds(out, "## Levels of change\n\n");
    for (size_t i = 0; i < r->n_levels; i++) {
        const struct rules_level *lv = &r->levels[i];
        strbuf_adds(out, "- **");
        escape_markdown(out, lv->title);
        strbuf_adds(out, "** (");
        md_id(out, lv->id);
        strbuf_addc(out, ')');
        if (lv->description) {
            strbuf_adds(out, ": ");
            escape_markdown(out, lv->description);
        }
        strbuf_addc(out, '\n');
    }
    strbuf_adds(out, "\n## Bands\n\n"
                     "A stage's score runs from 0 to 100; it is read as the first band, from "
                     "the top, whose lowest score it reaches.\n\n"
                     "| Band | Id | Lowest score | What it means |\n"
                     "| --- | --- | --- | --- |\n");
    for (size_t i = 0; i < r->n_bands; i++) {
        const struct rules_band *b = &r->bands[i];
        strbuf_adds(out, "| ");
        escape_markdown(out, b->title);
        strbuf_adds(out, " | ");
        md_id(out, b->id);
        strbuf_addf(out, " | %g | ", b->min);
        md_cell(out, b->description);
        strbuf_adds(out, " |\n");
    }
    strbuf_addc(out, '\n');
}

static void md_item(const struct rules *r, const struct rules_item *it, struct strbuf *out)
{
    strbuf_adds(out, "| ");
    escape_markdown(out, it->text);
    strbuf_adds(out, " (");
    md_id(out, it->id);
    strbuf_addc(out, ')');
    if (it->label) {
        strbuf_adds(out, ", ");
        escape_markdown(out, it->label);
    }
    if (it->hedge) {
        strbuf_adds(out, ": ");
        escape_markdown(out, it->hedge);
    }
    if (it->origin != ORIGIN_BASE) {
        struct strbuf sb = STRBUF_INIT;
        overlay_mark(it, &sb);
        strbuf_adds(out, " *");
        escape_markdown(out, strbuf_str(&sb));
        strbuf_addc(out, '*');
        strbuf_release(&sb);
    }
    strbuf_adds(out, " | ");
    if (it->retired) {
        strbuf_adds(out, "*Retired by the overlay:* ");
        escape_markdown(out, it->retired);
    } else if (it->question) {
        escape_markdown(out, it->question);
        strbuf_addf(out, " (%ld: ", r->scale_min);
        escape_markdown(out, it->low ? it->low : r->scale_low);
        strbuf_addf(out, "; %ld: ", r->scale_max);
        escape_markdown(out, it->high ? it->high : r->scale_high);
        strbuf_addc(out, ')');
        if (it->target.set) {
            struct strbuf sb = STRBUF_INIT;
            target_text(it, &sb);
            strbuf_adds(out, " Target: ");
            escape_markdown(out, strbuf_str(&sb));
            strbuf_release(&sb);
        }
    } else {
        strbuf_adds(out, "*Not asked: shown for context*");
    }
    strbuf_adds(out, " | ");
    escape_markdown(out, r->levels[it->level].title);
    strbuf_addf(out, " | %g |", it->weight);
    if (it->kind == ITEM_SUGGESTION) {
        strbuf_adds(out, it->n_addresses ? " " : " " EMPTY_CELL);
        for (size_t k = 0; k < it->n_addresses; k++) {
            if (k)
                strbuf_adds(out, ", ");
            md_id(out, r->items[it->addresses[k]].id);
        }
        strbuf_adds(out, " |");
    }
    strbuf_addc(out, '\n');
}

static void md_stage(const struct rules *r, size_t s, struct strbuf *out)
{
    const struct rules_stage *st = &r->stages[s];
    struct strbuf name = STRBUF_INIT;
    md_stage_name(&name, r, s);
    strbuf_addf(out, "## %s\n\n", strbuf_str(&name));
    strbuf_addf(out, "Stage %zu of %zu, id ", s + 1, r->n_stages);
    md_id(out, st->id);
    strbuf_adds(out, ".");
    if (st->description) {
        strbuf_addc(out, ' ');
        escape_markdown(out, st->description);
    }
    strbuf_adds(out, "\n\n");
    for (int k = 0; k < ITEM_KINDS; k++) {
        if (!count_kind(r, st, (enum item_kind)k))
            continue;
        strbuf_addf(out, "### %s: %s\n\n", strbuf_str(&name), kind_titles[k]);
        if (k == ITEM_SUGGESTION)
            strbuf_adds(out, "| Item | Question | Level | Weight | Addresses |\n"
                             "| --- | --- | --- | --- | --- |\n");
        else
            strbuf_adds(out, "| Item | Question | Level | Weight |\n"
                             "| --- | --- | --- | --- |\n");
        for (size_t i = st->first_item; i < st->first_item + st->n_items; i++)
            if (r->items[i].kind == (enum item_kind)k)
                md_item(r, &r->items[i], out);
        strbuf_addc(out, '\n');
    }
    if (st->n_notes) {
        strbuf_addf(out, "### %s: Notes\n\n", strbuf_str(&name));
        for (size_t i = 0; i < st->n_notes; i++) {
            strbuf_adds(out, "- ");
            escape_markdown(out, st->notes[i]);
            strbuf_addc(out, '\n');
        }
        strbuf_addc(out, '\n');
    }
    strbuf_release(&name);
}

static void md_source(const struct rules *r, struct strbuf *out)
{
    const struct rules_source *src = &r->source;
    strbuf_adds(out, "## Where this comes from\n\n- Source: ");
    escape_markdown(out, src->title);
    if (src->publisher) {
        strbuf_adds(out, "\n- Publisher: ");
        escape_markdown(out, src->publisher);
    }
    if (src->year)
        strbuf_addf(out, "\n- Year: %ld", src->year);
    if (src->url) {
        strbuf_adds(out, "\n- Link: ");
        md_url(out, src->url);
    }
    strbuf_adds(out, "\n\n");
    if (src->judgement) {
        strbuf_adds(out, "**What is the rules author's judgement:** ");
        escape_markdown(out, src->judgement);
    } else {
        strbuf_adds(out, "The rules file does not say which parts of it are its author's "
                         "judgement rather than the source's.");
    }
    strbuf_addc(out, '\n');
}

void rules_render_markdown(const struct rules *r, struct strbuf *out)
{
    md_header(r, out);
    md_levels_and_bands(r, out);
    for (size_t s = 0; s < r->n_stages; s++)
        md_stage(r, s, out);
    md_source(r, out);
}

/* ---- JSON ---- */

static void json_header(const struct rules *r, struct jsonw *j)
{
    jsonw_kstring(j, "format", MODEL_FORMAT);
    jsonw_kstring(j, "id", r->id);
    jsonw_kstring(j, "version", r->version);
    jsonw_kstring(j, "title", r->title);
    jsonw_kstring(j, "description", r->description);
    jsonw_kstring(j, "sha256", r->sha256);
    jsonw_kstring(j, "model_sha256", r->model_sha256);
    jsonw_key(j, "base");
    if (r->base) {
        jsonw_object(j);
        jsonw_kstring(j, "id", r->base->id);
        jsonw_kstring(j, "version", r->base->version);
        jsonw_kstring(j, "file", r->base->file);
        jsonw_kstring(j, "sha256", r->base->sha256);
        jsonw_end(j, '}');
    } else {
        jsonw_null(j);
    }
    jsonw_kobject(j, "source");
    jsonw_kstring(j, "title", r->source.title);
    jsonw_kstring(j, "publisher", r->source.publisher);
    if (r->source.year)
        jsonw_kint(j, "year", r->source.year);
    else
        jsonw_kstring(j, "year", NULL);
    jsonw_kstring(j, "url", r->source.url);
    jsonw_kstring(j, "note", r->source.note);
    jsonw_kstring(j, "judgement", r->source.judgement);
    jsonw_end(j, '}');
    jsonw_kobject(j, "scale");
    jsonw_kint(j, "min", r->scale_min);
    jsonw_kint(j, "max", r->scale_max);
    jsonw_kstring(j, "low", r->scale_low);
    jsonw_kstring(j, "high", r->scale_high);
    jsonw_end(j, '}');
    jsonw_kobject(j, "scoring");
    jsonw_knumber(j, "min_coverage", r->min_coverage);
    jsonw_knumber(j, "acted_on", r->acted_on);
    jsonw_end(j, '}');
}

static void json_levels_and_bands(const struct rules *r, struct jsonw *j)
{
    jsonw_karray(j, "levels");
    for (size_t i = 0; i < r->n_levels; i++) {
        jsonw_object(j);
        jsonw_kstring(j, "id", r->levels[i].id);
        jsonw_kstring(j, "title", r->levels[i].title);
        jsonw_kstring(j, "description", r->levels[i].description);
        jsonw_end(j, '}');
    }
    jsonw_end(j, ']');
    jsonw_karray(j, "bands");
    for (size_t i = 0; i < r->n_bands; i++) {
        jsonw_object(j);
        jsonw_kstring(j, "id", r->bands[i].id);
        jsonw_kstring(j, "title", r->bands[i].title);
        jsonw_knumber(j, "min", r->bands[i].min);
        jsonw_kstring(j, "description", r->bands[i].description);
        jsonw_end(j, '}');
    }
    jsonw_end(j, ']');
}

/* target, origin, changes and retired: what a target and an overlay set on an item. */
static void json_item_overlay(const struct rules_item *it, struct jsonw *j)
{
    static const char *const origins[] = {"base", "changed", "added"};
    static const char *const changes[] = {"question", "weight", "target", "addresses"};
    jsonw_key(j, "target");
    if (it->target.set) {
        jsonw_object(j);
        jsonw_knumber(j, "score", it->target.score);
        jsonw_kstring(j, "by", it->target.by);
        jsonw_end(j, '}');
    } else {
        jsonw_null(j);
    }
    jsonw_kstring(j, "origin", origins[it->origin]);
    jsonw_karray(j, "changes");
    for (size_t k = 0; k < 4; k++)
        if (it->changes & (1u << k))
            jsonw_string(j, changes[k]);
    jsonw_end(j, ']');
    jsonw_kstring(j, "retired", it->retired);
}

static void json_item(const struct rules *r, const struct rules_item *it, struct jsonw *j)
{
    jsonw_object(j);
    jsonw_kstring(j, "id", it->id);
    jsonw_kstring(j, "kind", item_kind_name(it->kind));
    jsonw_kstring(j, "text", it->text);
    jsonw_kstring(j, "level", r->levels[it->level].id);
    jsonw_kstring(j, "question", it->question);
    jsonw_kstring(j, "low", it->low);
    jsonw_kstring(j, "high", it->high);
    jsonw_knumber(j, "weight", it->weight);
    jsonw_kstring(j, "source", it->source);
    jsonw_kstring(j, "label", rules_item_label(it));
    jsonw_kstring(j, "hedge", it->hedge);
    jsonw_karray(j, "addresses");
    for (size_t k = 0; k < it->n_addresses; k++)
        jsonw_string(j, r->items[it->addresses[k]].id);
    jsonw_end(j, ']');
    json_item_overlay(it, j);
    jsonw_end(j, '}');
}

static void json_stage(const struct rules *r, const struct rules_stage *st, struct jsonw *j)
{
    jsonw_object(j);
    jsonw_kstring(j, "id", st->id);
    jsonw_kstring(j, "title", st->title);
    jsonw_kstring(j, "description", st->description);
    jsonw_karray(j, "notes");
    for (size_t i = 0; i < st->n_notes; i++)
        jsonw_string(j, st->notes[i]);
    jsonw_end(j, ']');
    jsonw_karray(j, "items");
    for (size_t i = st->first_item; i < st->first_item + st->n_items; i++)
        json_item(r, &r->items[i], j);
    jsonw_end(j, ']');
    jsonw_end(j, '}');
}

void rules_render_json(const struct rules *r, struct strbuf *out)
{
    struct jsonw j;
    jsonw_init(&j, out);
    jsonw_object(&j);
    json_header(r, &j);
    json_levels_and_bands(r, &j);
    jsonw_karray(&j, "stages");
    for (size_t s = 0; s < r->n_stages; s++)
        json_stage(r, &r->stages[s], &j);
    jsonw_end(&j, ']');
    jsonw_end(&j, '}');
}

/* ---- CSV: the questions, for building a form ---- */

void rules_render_csv(const struct rules *r, struct strbuf *out)
{
    strbuf_adds(out, "id,stage,category,question,min,low,max,high\r\n");
    for (size_t i = 0; i < r->n_items; i++) {
        const struct rules_item *it = &r->items[i];
        if (!it->question)
            continue;
        escape_csv(out, it->id);
        strbuf_addc(out, ',');
        escape_csv(out, r->stages[it->stage].title);
        strbuf_addc(out, ',');
        escape_csv(out, item_kind_name(it->kind));
        strbuf_addc(out, ',');
        escape_csv(out, it->question);
        strbuf_addf(out, ",%ld,", r->scale_min);
        escape_csv(out, it->low ? it->low : r->scale_low);
        strbuf_addf(out, ",%ld,", r->scale_max);
        escape_csv(out, it->high ? it->high : r->scale_high);
        strbuf_adds(out, "\r\n");
    }
}
