/*
 * plan_write.c - a new action plan from a scored assessment, and one action's lines,
 * which an update (plan_update.c) appends in the same words.
 */
#include "plan_write.h"
#include "plan_write_internal.h"
#include "report_build_internal.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "plan.h"
#include "report.h"
#include "rules.h"
#include "score.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* Comment lines are filled to this many columns, as in the answers template. */
enum { COMMENT_WIDTH = 88 };

/* Appends text (ours, with '\n' line ends) with each line ending in eol. */
static void add_lines(struct strbuf *out, const char *text, const char *eol)
{
    for (const char *p = text; *p; p++) {
        if (*p == '\n')
            strbuf_adds(out, eol);
        else
            strbuf_addc(out, *p);
    }
}

/* "# N. Title (Stage; addresses gaps worth X points)", the title made safe and filled. */
static void action_comment(struct strbuf *out, const char *indent, const struct score *s,
                           const struct score_suggestion *sg, size_t priority,
                           const char *added_from)
{
    const struct rules *r = s->rules;
    const struct rules_item *it = &r->items[sg->item];
    struct strbuf text = STRBUF_INIT, first = STRBUF_INIT, more = STRBUF_INIT;
    struct strbuf name = STRBUF_INIT;
    report_item_words(&name, it);
    text_add_safe(&text, strbuf_str(&name), true);
    strbuf_release(&name);
    strbuf_adds(&text, " (");
    text_add_safe(&text, r->stages[it->stage].title, true);
    strbuf_adds(&text, "; addresses gaps worth ");
    report_add_exact(&text, &sg->points_exact);
    strbuf_adds(&text, " points");
    if (added_from)
        strbuf_addf(&text, "; added from the assessment of %s", added_from);
    strbuf_adds(&text, ")");
    strbuf_addf(&first, "%s# %zu. ", indent, priority);
    strbuf_addf(&more, "%s#    ", indent);
    text_add_filled(out, strbuf_str(&first), strbuf_str(&more), strbuf_str(&text), COMMENT_WIDTH);
    strbuf_release(&more);
    strbuf_release(&first);
    strbuf_release(&text);
}

/*
 * The gaps the action addresses: the items it names that are gaps in their
 * stage (score_item_open), whose impacts make its points.
 */
static void addresses(struct strbuf *out, const char *keys, const struct score *s,
                      const struct score_suggestion *sg)
{
    const struct rules *r = s->rules;
    const struct rules_item *it = &r->items[sg->item];
    size_t listed = 0;
    for (size_t k = 0; k < it->n_addresses; k++) {
        size_t gap = it->addresses[k];
        const struct score_item *si = &s->items[gap];
        if (!score_item_open(s, gap) || score_item_accepted(s, gap))
            continue; /* an accepted gap adds nothing to the action's points */
        if (listed++ == 0)
            strbuf_addf(out, "%saddresses: # the gaps it addresses, and their answers on %s\n",
                        keys, s->assessment->date);
        strbuf_addf(out, "%s  - {item: ", keys);
        escape_yaml_key(out, r->items[gap].id);
        strbuf_adds(out, ", answer: ");
        report_add_ratio(out, si->answer_num, si->answer_den);
        strbuf_adds(out, "}\n");
    }
    if (listed == 0)
        strbuf_addf(out, "%saddresses: []\n", keys);
}

void plan_write_action(struct strbuf *out, const struct plan_style *st, const struct score *s,
                       const struct score_suggestion *sg, size_t priority, const char *added_from)
{
    struct strbuf lines = STRBUF_INIT, keys = STRBUF_INIT;
    strbuf_adds(&keys, st->indent);
    strbuf_addchars(&keys, ' ', 1 + utf8_width(st->after_dash, strlen(st->after_dash)));
    action_comment(&lines, st->indent, s, sg, priority, added_from);
    strbuf_addf(&lines, "%s-%saction: ", st->indent, st->after_dash);
    escape_yaml_key(&lines, s->rules->items[sg->item].id);
    strbuf_addf(&lines, "\n%spriority: %zu\n", strbuf_str(&keys), priority);
    addresses(&lines, strbuf_str(&keys), s, sg);
    static const char *const fields[] = {"owner:", "due:", "status: planned", "done:", "note:"};
    for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++)
        strbuf_addf(&lines, "%s%s\n", strbuf_str(&keys), fields[k]);
    add_lines(out, strbuf_str(&lines), st->eol);
    strbuf_release(&keys);
    strbuf_release(&lines);
}

/*
 * "Find out first", as comments: the stages too thinly answered to score and the
 * suggestions whose own answer nobody knew. None of them is ranked, so none is an
 * action here until the next assessment knows more.
 */
static void find_out(struct strbuf *out, const struct score *s)
{
    const struct rules *r = s->rules;
    if (!score_find_out_count(s))
        return;
    strbuf_adds(out,
                "#\n# Find out first: not in this plan, since too little is known to rank them.\n");
    struct strbuf text = STRBUF_INIT;
    for (size_t st = 0; st < r->n_stages; st++) {
        const struct score_stage *ss = &s->stages[st];
        if (ss->has_score || ss->not_applicable)
            continue;
        strbuf_reset(&text);
        text_add_safe(&text, r->stages[st].title, true);
        strbuf_addf(&text,
                    " has too few answers for a score (%zu of %zu answered); %zu more "
                    "answered would give it one. Its suggestions:",
                    ss->answered, ss->answerable, ss->more_answers);
        const char *sep = " ";
        for (size_t k = 0; k < s->n_suggestions; k++) {
            const struct score_suggestion *sg = &s->suggestions[k];
            if (sg->unranked != SCORE_UNRANKED_STAGE || r->items[sg->item].stage != st)
                continue;
            strbuf_adds(&text, sep);
            text_add_safe(&text, r->items[sg->item].id, true);
            sep = ", ";
        }
        strbuf_adds(&text, *sep == ' ' ? " none." : ".");
        text_add_filled(out, "# - ", "#   ", strbuf_str(&text), COMMENT_WIDTH);
    }
    for (size_t k = 0; k < s->n_suggestions; k++) {
        const struct score_suggestion *sg = &s->suggestions[k];
        if (sg->unranked != SCORE_UNRANKED_UNKNOWN)
            continue;
        strbuf_reset(&text);
        strbuf_adds(&text, "Nobody knew whether ");
        text_add_safe(&text, r->items[sg->item].id, true);
        strbuf_adds(&text, " has been acted on.");
        text_add_filled(out, "# - ", "#   ", strbuf_str(&text), COMMENT_WIDTH);
    }
    strbuf_release(&text);
}

/* "#\n# LABEL TEXT", filled; TEXT (from the rules file) made safe. Nothing without text. */
static void labelled_comment(struct strbuf *out, const char *label, const char *text)
{
    if (!text)
        return;
    struct strbuf line = STRBUF_INIT;
    strbuf_adds(&line, label);
    strbuf_addc(&line, ' ');
    text_add_safe(&line, text, true);
    strbuf_adds(out, "#\n");
    text_add_filled(out, "# ", "# ", strbuf_str(&line), COMMENT_WIDTH);
    strbuf_release(&line);
}

/* What the comments at the top say: what the file is, how to fill it in, and what the
   model rests on (the source's caveat and the model author's judgement). */
static void header(struct strbuf *out, const struct score *s, const char *tool_version)
{
    const struct rules *r = s->rules;
    struct strbuf text = STRBUF_INIT;
    strbuf_adds(&text, "Action plan for ");
    text_add_safe(&text, s->assessment->organisation, true);
    strbuf_adds(&text, ", made by stagegap ");
    text_add_safe(&text, tool_version, true);
    strbuf_addf(&text, " from the assessment of %s against %s ", s->assessment->date, r->id);
    text_add_safe(&text, r->version, true);
    strbuf_adds(&text, ".");
    text_add_filled(out, "# ", "# ", strbuf_str(&text), COMMENT_WIDTH);
    strbuf_release(&text);
    strbuf_adds(out,
                "#\n"
                "# Fill in, for each action: owner (who leads it), due (YYYY-MM-DD), status\n"
                "# (planned, in progress, done or dropped), done (the date it was done,\n"
                "# YYYY-MM-DD) and note (anything else). Leave the rest as it is: stagegap reads\n"
                "# it back. Run\n"
                "#   stagegap plan --update THIS-FILE NEXT-ASSESSMENT...\n"
                "# to add the next assessment's new actions; nothing you wrote here is changed.\n"
                "#\n");
    text_add_filled(out, "# ", "# ", SCORE_GAP_LEGEND, COMMENT_WIDTH);
    labelled_comment(out, REPORT_CAVEAT_LABEL, report_caveat(s));
    labelled_comment(out, "How the model was built:", r->source.judgement);
    find_out(out, s);
}

void plan_write_new(const struct score *s, const char *tool_version, size_t top, struct strbuf *out)
{
    static const struct plan_style ours = {"\n", "  ", " "};
    size_t *chosen = xcalloc(s->n_suggestions + 1, sizeof(*chosen));
    size_t n = score_actions(s, SCORE_TAKE_ACTION, top, chosen);
    header(out, s, tool_version);
    strbuf_addf(out, "format: %s\nrules: ", PLAN_FORMAT);
    escape_yaml_key(out, s->rules->id);
    strbuf_adds(out, "\norganisation: ");
    escape_yaml(out, s->assessment->organisation);
    strbuf_addf(out, "\nassessed: %s\n", s->assessment->date);
    if (n == 0)
        strbuf_addf(out,
                    "# The assessment of %s has no actions to take: no suggestion not yet acted\n"
                    "# on addresses a gap.\n"
                    "actions: []\n",
                    s->assessment->date);
    else
        strbuf_adds(out, "actions:\n");
    for (size_t k = 0; k < n; k++)
        plan_write_action(out, &ours, s, &s->suggestions[chosen[k]], k + 1, NULL);
    free(chosen);
}
