#include "score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "partition.h"
#include "suppress.h"
#include "text.h"
#include "xalloc.h"

void score_init(struct score *s)
{
    memset(s, 0, sizeof(*s));
}

void score_release(struct score *s)
{
    if (s->rules) {
        for (size_t i = 0; i < s->rules->n_items; i++) {
            free(s->items[i].notes);
            stage_score_item_release(&s->items[i]);
        }
        for (size_t k = 0; k < s->n_suggestions; k++)
            exact_release(&s->suggestions[k].points_exact);
        for (size_t st = 0; st < s->rules->n_stages; st++) {
            exact_release(&s->stages[st].score_exact);
            for (size_t l = 0; s->stages[st].levels && l < s->rules->n_levels; l++)
                exact_release(&s->stages[st].levels[l].score_exact);
            free(s->stages[st].levels);
            free(s->stages[st].gaps);
            free(s->stages[st].unknown);
        }
        breakdown_release(&s->breakdown, s->rules->n_stages);
    }
    free(s->items);
    free(s->stages);
    free(s->suggestions);
    free(s->by_priority);
    score_init(s);
}

static const struct score *sort_score;

static int compare_gaps(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    int c = exact_cmp(&sort_score->items[b].impact_exact, &sort_score->items[a].impact_exact);
    if (c)
        return c;
    return (a > b) - (a < b);
}

static void stage_gaps(struct score *s, size_t stage, uint64_t weight)
{
    const struct rules *r = s->rules;
    const struct rules_stage *st = &r->stages[stage];
    struct score_stage *out = &s->stages[stage];
    out->gaps = xcalloc(st->n_items + 1, sizeof(*out->gaps));
    out->unknown = xcalloc(st->n_items + 1, sizeof(*out->unknown));
    for (size_t i = st->first_item; i < st->first_item + st->n_items; i++) {
        struct score_item *it = &s->items[i];
        if (it->state == UNKNOWN)
            out->unknown[out->n_unknown++] = i;
        if (it->state != SCORED)
            continue;
        /* 100 w (1 - good / out_of) / W */
        exact_set_products(&it->impact_exact, 100 * (uint64_t)r->items[i].weight_scaled,
                           it->out_of - it->good, it->out_of, weight);
        it->impact = exact_to_double(&it->impact_exact);
        if (score_item_open(s, i))
            out->gaps[out->n_gaps++] = i;
    }
    sort_score = s;
    qsort(out->gaps, out->n_gaps, sizeof(*out->gaps), compare_gaps);
    sort_score = NULL;
}

static void score_stage(struct score *s, size_t stage)
{
    const struct rules *r = s->rules;
    struct score_stage *out = &s->stages[stage];
    uint64_t weight;
    stage_score_totals(r, s->items, stage, out, &weight);
    out->levels = xcalloc(r->n_levels, sizeof(*out->levels));
    for (size_t l = 0; l < r->n_levels; l++)
        out->levels[l] = stage_score_cell(r, s->items, stage, (long)l, NULL);
    stage_gaps(s, stage, weight);
}

/*
 * A stage with nothing to answer does not apply, so it is no focus: every question
 * answered n/a, or no question at all (every item retired by an overlay, or context).
 */
static bool stage_not_applicable(const struct score *s, size_t stage)
{
    return s->stages[stage].answerable == 0;
}

/*
 * How many more of a stage's answerable items would have to be answered for it to have a
 * score: the least a >= max(1, answered) with a / answerable >= min-coverage, less answered.
 */
static size_t more_answers_needed(const struct rules *r, const struct score_stage *st)
{
    size_t a = st->answered ? st->answered : 1;
    while (a < st->answerable &&
           (uint64_t)a * EXACT_SCALE < (uint64_t)r->min_coverage_scaled * st->answerable)
        a++;
    return a > st->answered ? a - st->answered : 0;
}

/* The earliest stage not yet in the top band: stages are climbed in order. */
static void find_focus(struct score *s)
{
    const struct rules *r = s->rules;
    s->focus = -1;
    for (size_t st = 0; st < r->n_stages; st++) {
        struct score_stage *ss = &s->stages[st];
        ss->not_applicable = stage_not_applicable(s, st);
        ss->more_answers = ss->has_score || ss->not_applicable ? 0 : more_answers_needed(r, ss);
    }
    for (size_t st = 0; st < r->n_stages && s->focus < 0; st++)
        if (s->stages[st].band != 0 && !s->stages[st].not_applicable)
            s->focus = (int)st;
    if (s->focus < 0)
        return;
    int focus_band = s->stages[s->focus].band;
    for (size_t st = (size_t)s->focus + 1; st < r->n_stages; st++) {
        const struct score_stage *later = &s->stages[st];
        s->stages[st].rests_on_earlier =
            later->has_score && (focus_band == SCORE_NO_BAND || later->band < focus_band);
    }
}

bool score_addresses(const struct rules *r, size_t suggestion, size_t item)
{
    const struct rules_item *sg = &r->items[suggestion];
    for (size_t k = 0; k < sg->n_addresses; k++)
        if (sg->addresses[k] == item)
            return true;
    return false;
}

size_t score_suggestions_for(const struct score *s, size_t item, size_t *out)
{
    size_t n = 0;
    for (size_t k = 0; k < s->n_ranked; k++) {
        size_t sg = s->suggestions[s->by_priority[k]].item;
        if (score_addresses(s->rules, sg, item))
            out[n++] = sg;
    }
    return n;
}

/* The focus stage first, then the stages before it, then those after: stages in order. */
static size_t stage_rank(const struct score *s, size_t stage)
{
    return (int)stage == s->focus ? 0 : stage + 1;
}

/*
 * Points are shares of one stage's score, so they rank suggestions within a stage but
 * not across stages: stages come in climbing order from the focus (docs/scoring.md).
 * Suggestions already acted on come after every one not yet acted on (they are to keep
 * going with, not new actions), and those that close no open gap after those that do.
 */
static int compare_priority(const void *pa, const void *pb)
{
    const struct score *s = sort_score;
    const struct score_suggestion *a = &s->suggestions[*(const size_t *)pa];
    const struct score_suggestion *b = &s->suggestions[*(const size_t *)pb];
    bool da = s->items[a->item].acted_on, db = s->items[b->item].acted_on;
    bool za = exact_is_zero(&a->points_exact), zb = exact_is_zero(&b->points_exact);
    size_t sa = stage_rank(s, s->rules->items[a->item].stage);
    size_t sb = stage_rank(s, s->rules->items[b->item].stage);
    if (da != db)
        return da ? 1 : -1;
    if (za != zb)
        return za ? 1 : -1;
    if (sa != sb)
        return sa < sb ? -1 : 1;
    int c = exact_cmp(&b->points_exact, &a->points_exact);
    if (c)
        return c;
    return (a->item > b->item) - (a->item < b->item);
}

enum score_action score_suggestion_action(const struct score *s, const struct score_suggestion *sg)
{
    if (!sg->priority || exact_is_zero(&sg->points_exact))
        return SCORE_NO_ACTION;
    return s->items[sg->item].acted_on ? SCORE_KEEP_GOING : SCORE_TAKE_ACTION;
}

size_t score_actions(const struct score *s, enum score_action which, size_t max, size_t *out)
{
    size_t n = 0;
    for (size_t k = 0; k < s->n_ranked && (max == 0 || n < max); k++) {
        size_t at = s->by_priority[k];
        if (score_suggestion_action(s, &s->suggestions[at]) == which)
            out[n++] = at;
    }
    return n;
}

bool score_item_accepted(const struct score *s, size_t item)
{
    return s->items[item].accepted == SCORE_ACCEPTED;
}

size_t score_unranked_of(const struct score *s, enum score_unranked u, size_t stage, size_t *out)
{
    size_t n = 0;
    for (size_t k = 0; k < s->n_suggestions; k++) {
        const struct score_suggestion *sg = &s->suggestions[k];
        if (sg->unranked == u &&
            (stage == SCORE_ANY_STAGE || s->rules->items[sg->item].stage == stage))
            out[n++] = k;
    }
    return n;
}

size_t score_stage_disagreements(const struct score *s, size_t stage)
{
    const struct rules_stage *rs = &s->rules->stages[stage];
    size_t n = 0;
    for (size_t i = rs->first_item; i < rs->first_item + rs->n_items; i++)
        n += s->items[i].disagreement;
    return n;
}

bool score_item_is_gap(const struct score *s, size_t item)
{
    const struct score_stage *st = &s->stages[s->rules->items[item].stage];
    for (size_t g = 0; g < st->n_gaps; g++)
        if (st->gaps[g] == item)
            return true;
    return false;
}

bool score_item_open(const struct score *s, size_t item)
{
    const struct score_item *it = &s->items[item];
    return it->state == SCORED && it->good < it->out_of;
}

/*
 * Why a suggestion is not ranked, or SCORE_RANKED: never asked, answered n/a, accepted,
 * or too little known to rank it (its stage has no score, or its own answer is unknown).
 */
static enum score_unranked suggestion_unranked(const struct score *s, size_t item)
{
    const struct score_item *it = &s->items[item];
    if (it->state == CONTEXT)
        return SCORE_UNRANKED_NO_QUESTION;
    if (it->state == NOT_APPLICABLE)
        return SCORE_UNRANKED_NA;
    if (score_item_accepted(s, item))
        return SCORE_UNRANKED_ACCEPTED;
    if (!s->stages[s->rules->items[item].stage].has_score)
        return SCORE_UNRANKED_STAGE;
    if (it->state == UNKNOWN)
        return SCORE_UNRANKED_UNKNOWN;
    return SCORE_RANKED;
}

bool score_unranked_find_out(enum score_unranked u)
{
    return u == SCORE_UNRANKED_STAGE || u == SCORE_UNRANKED_UNKNOWN;
}

const char *score_unranked_id(enum score_unranked u)
{
    static const char *const ids[] = {NULL,       "no-question",      "n/a",
                                      "accepted", "stage-not-scored", "answer-unknown"};
    return ids[u];
}

size_t score_find_out_count(const struct score *s)
{
    size_t n = 0;
    for (size_t k = 0; k < s->n_suggestions; k++)
        n += score_unranked_find_out(s->suggestions[k].unranked);
    return n;
}

static void rank_suggestions(struct score *s)
{
    const struct rules *r = s->rules;
    s->suggestions = xcalloc(r->n_items + 1, sizeof(*s->suggestions));
    for (size_t i = 0; i < r->n_items; i++) {
        if (r->items[i].kind != ITEM_SUGGESTION)
            continue;
        struct score_suggestion *sg = &s->suggestions[s->n_suggestions++];
        sg->item = i;
        sg->unranked = suggestion_unranked(s, i);
        /* One never asked, or that does not apply, has no points: it is no action here.
           Any other has the impacts of the open gaps it addresses, accepted ones aside. */
        if (sg->unranked == SCORE_UNRANKED_NO_QUESTION || sg->unranked == SCORE_UNRANKED_NA)
            continue;
        for (size_t k = 0; k < r->items[i].n_addresses; k++)
            if (!score_item_accepted(s, r->items[i].addresses[k]))
                exact_add(&sg->points_exact, &s->items[r->items[i].addresses[k]].impact_exact);
        sg->points = exact_to_double(&sg->points_exact);
    }
    /* Those ranked come first, in priority order; the others follow, in rules order. */
    s->by_priority = xcalloc(s->n_suggestions + 1, sizeof(*s->by_priority));
    size_t unranked = 0;
    for (size_t k = 0; k < s->n_suggestions; k++)
        if (s->suggestions[k].unranked == SCORE_RANKED)
            s->by_priority[s->n_ranked++] = k;
    for (size_t k = 0; k < s->n_suggestions; k++)
        if (s->suggestions[k].unranked != SCORE_RANKED)
            s->by_priority[s->n_ranked + unranked++] = k;
    sort_score = s;
    qsort(s->by_priority, s->n_ranked, sizeof(*s->by_priority), compare_priority);
    sort_score = NULL;
    for (size_t k = 0; k < s->n_ranked; k++)
        s->suggestions[s->by_priority[k]].priority = k + 1;
}

/* By who wrote them, then what they wrote: for notes that name their writer. */
static int compare_notes_attributed(const void *pa, const void *pb)
{
    const struct answer_note *a = pa, *b = pb;
    const char *fa[4] = {a->respondent, a->role, a->note, a->evidence};
    const char *fb[4] = {b->respondent, b->role, b->note, b->evidence};
    for (int i = 0; i < 4; i++) {
        int c = strcmp(fa[i] ? fa[i] : "", fb[i] ? fb[i] : "");
        if (c)
            return c;
    }
    return 0;
}

/* By what they say, then the role shown: nothing that tells who wrote which. */
static int compare_notes_anonymous(const void *pa, const void *pb)
{
    const struct answer_note *a = pa, *b = pb;
    const char *fa[3] = {a->note, a->evidence, a->role};
    const char *fb[3] = {b->note, b->evidence, b->role};
    for (int i = 0; i < 3; i++) {
        int c = strcmp(fa[i] ? fa[i] : "", fb[i] ? fb[i] : "");
        if (c)
            return c;
    }
    return 0;
}

static long find_role_index(const struct assessment *a, const char *role)
{
    for (size_t k = 0; k < a->n_roles; k++)
        if (text_group_cmp(a->roles[k].role, role) == 0)
            return (long)k;
    return -1;
}

/*
 * Which of the assessment's roles a note may name (per a->roles): those the partition
 * under every figure shows apart (partition.h), so a note's role is never a group that
 * another field's groups would single out. Everyone in one role shows no role apart.
 */
static bool *roles_shown(const struct assessment *a, size_t min_group)
{
    bool *shown = xcalloc(a->n_roles + 1, sizeof(*shown));
    struct partition part;
    partition_compute(&part, a, min_group);
    const struct partition_field *roles = partition_field(&part, ANSWERS_FIELD_ROLE);
    for (size_t k = 0; roles && roles->n_values > 1 && k < a->n_roles; k++)
        shown[k] = partition_shown(&part, ANSWERS_FIELD_ROLE, a->roles[k].role) == 1;
    partition_release(&part);
    return shown;
}

bool score_role_shown(const struct assessment *a, const char *role, size_t min_group)
{
    long k = role ? find_role_index(a, role) : -1;
    if (k < 0)
        return false;
    bool *shown = roles_shown(a, min_group);
    bool yes = shown[k];
    free(shown);
    return yes;
}

/*
 * The notes as the report shows them, in a fixed order, so the order files were read
 * in never shows; without names unless s->attributed.
 */
static void sort_notes(struct score *s, struct score_item *out, const struct item_tally *t,
                       const bool *role_shown)
{
    if (!t->n_notes)
        return;
    out->notes = xcalloc(t->n_notes, sizeof(*out->notes));
    memcpy(out->notes, t->notes, t->n_notes * sizeof(*out->notes));
    out->n_notes = t->n_notes;
    /* A note's role as the report shows the role: one spelling (group_display). */
    for (size_t k = 0; k < out->n_notes; k++) {
        long role = out->notes[k].role ? find_role_index(s->assessment, out->notes[k].role) : -1;
        if (role >= 0)
            out->notes[k].role = s->assessment->roles[role].role;
    }
    if (s->attributed) {
        qsort(out->notes, out->n_notes, sizeof(*out->notes), compare_notes_attributed);
        return;
    }
    for (size_t k = 0; k < out->n_notes; k++) {
        struct answer_note *n = &out->notes[k];
        n->respondent = NULL;
        long role = n->role ? find_role_index(s->assessment, n->role) : -1;
        if (role < 0 || !role_shown[role])
            n->role = NULL;
    }
    qsort(out->notes, out->n_notes, sizeof(*out->notes), compare_notes_anonymous);
}

void score_align_breakdowns(struct score *const *scores, size_t n)
{
    if (n == 0)
        return;
    struct breakdown_side *sides = xcalloc(n, sizeof(*sides));
    for (size_t p = 0; p < n; p++)
        sides[p] =
            (struct breakdown_side){scores[p]->assessment, scores[p]->rules, &scores[p]->breakdown};
    breakdown_align(sides, n, scores[0]->min_group, scores[0]->by_default);
    free(sides);
}

void score_compute(struct score *s, const struct rules *r, const struct assessment *a)
{
    struct score_options o = {false, SUPPRESS_MIN_GROUP_DEFAULT, true, NULL};
    score_compute_with(s, r, a, &o);
}

/* Each accepted item, accepted or expired on the assessment's date. */
static void mark_accepted(struct score *s, const struct accept *accept)
{
    s->accept = accept;
    for (size_t k = 0; accept && k < accept->n_entries; k++) {
        const struct accept_entry *e = &accept->entries[k];
        struct score_item *it = &s->items[e->item];
        it->acceptance = e;
        it->accepted =
            accept_expired(e, s->assessment->date) ? SCORE_ACCEPT_EXPIRED : SCORE_ACCEPTED;
    }
}

void score_compute_with(struct score *s, const struct rules *r, const struct assessment *a,
                        const struct score_options *o)
{
    score_init(s);
    s->rules = r;
    s->assessment = a;
    s->attribute = o->attribute;
    s->min_group = o->min_group;
    s->by_default = o->by_default;
    s->attributed = o->attribute || a->respondents <= 1;
    s->items = xcalloc(r->n_items + 1, sizeof(*s->items));
    s->stages = xcalloc(r->n_stages, sizeof(*s->stages));
    bool *role_shown = roles_shown(a, o->min_group);
    size_t min_answers = score_min_answers(s);
    for (size_t i = 0; i < r->n_items; i++) {
        const struct item_tally *t = &a->items[i];
        stage_score_item(r, i, t, min_answers, &s->items[i]);
        /* A note from fewer than K people who answered the item would be theirs. */
        if (!s->items[i].withheld && t->n + t->n_na + t->n_unknown >= min_answers)
            sort_notes(s, &s->items[i], t, role_shown);
        else
            s->items[i].notes_withheld = t->n_notes;
    }
    free(role_shown);
    mark_accepted(s, o->accept);
    for (size_t st = 0; st < r->n_stages; st++)
        score_stage(s, st);
    find_focus(s);
    rank_suggestions(s);
    score_align_breakdowns(&s, 1);
}

size_t score_min_answers(const struct score *s)
{
    bool anonymous = !s->attributed && s->assessment->respondents >= s->min_group;
    return anonymous ? s->min_group : 0;
}

const char *score_band_id(const struct score *s, size_t stage)
{
    int b = s->stages[stage].band;
    return b == SCORE_NO_BAND ? SCORE_INSUFFICIENT : s->rules->bands[b].id;
}

static bool stage_has_na(const struct score *s, size_t stage)
{
    const struct rules_stage *st = &s->rules->stages[stage];
    for (size_t i = st->first_item; i < st->first_item + st->n_items; i++)
        if (s->items[i].state == NOT_APPLICABLE)
            return true;
    return false;
}

const char *score_band_title(const struct score *s, size_t stage)
{
    int b = s->stages[stage].band;
    if (s->stages[stage].not_applicable)
        return s->stages[stage].answerable == 0 && stage_has_na(s, stage)
                   ? "Does not apply (all n/a)"
                   : "Does not apply (no questions)";
    return b == SCORE_NO_BAND ? "Not enough answers" : s->rules->bands[b].title;
}

size_t score_stages_not_applicable(const struct score *s)
{
    size_t n = 0;
    for (size_t st = 0; st < s->rules->n_stages; st++)
        n += s->stages[st].not_applicable;
    return n;
}
