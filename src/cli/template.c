#include "template.h"

#include <stdbool.h>
#include <string.h>

#include "answers.h"
#include "evidence.h"
#include "rules_builtin.h"
#include "rules.h"
#include "strbuf.h"
#include "text.h"

/* Comment lines are filled to this many columns. */
enum { COMMENT_WIDTH = 88 };

/* Kind names for comments, in enum item_kind order. */
static const char *const kind_titles[ITEM_KINDS] = {"Key challenge", "Facilitator", "Barrier",
                                                    "Suggestion"};

/*
 * Appends s so that it can sit in a YAML comment: text_add_safe with flatten leaves no
 * line break (LF, CR, NEL, U+2028/9) or control character, and the noncharacters
 * U+FFFE and U+FFFF, which libyaml refuses anywhere in a file, become U+FFFD.
 */
static void add_comment_text(struct strbuf *out, const char *s)
{
    struct strbuf safe = STRBUF_INIT;
    text_add_safe(&safe, s, true);
    const char *p = strbuf_str(&safe);
    for (size_t i = 0; i < safe.len; i++) {
        if ((unsigned char)p[i] == 0xEF && (unsigned char)p[i + 1] == 0xBF &&
            ((unsigned char)p[i + 2] == 0xBE || (unsigned char)p[i + 2] == 0xBF)) {
            strbuf_adds(out, "\xEF\xBF\xBD");
            i += 2;
        } else {
            strbuf_addc(out, p[i]);
        }
    }
    strbuf_release(&safe);
}

/*
 * Appends s as comment lines filled to COMMENT_WIDTH columns: the first starts with
 * first, the others with indent (both ours, each holding the '#'). A word longer than a
 * line is left whole.
 */
static void add_comment(struct strbuf *out, const char *first, const char *indent, const char *s)
{
    struct strbuf safe = STRBUF_INIT;
    add_comment_text(&safe, s);
    text_add_filled(out, first, indent, strbuf_str(&safe), COMMENT_WIDTH);
    strbuf_release(&safe);
}

/* A path as one shell word: as it is when that is safe, else in single quotes. */
static void add_shell_word(struct strbuf *sb, const char *s)
{
    static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                "0123456789._/-+";
    if (*s && strspn(s, plain) == strlen(s)) {
        strbuf_adds(sb, s);
        return;
    }
    strbuf_addc(sb, '\'');
    for (; *s; s++) {
        if (*s == '\'')
            strbuf_adds(sb, "'\\''");
        else
            strbuf_addc(sb, *s);
    }
    strbuf_addc(sb, '\'');
}

/* How to run the next command: with --rules FILE unless the model is the built-in one. */
static void add_command(struct strbuf *out, const struct rules *r, const char *command)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "stagegap %s ", command);
    if (r->file && strcmp(r->file, EMBEDDED_RULES_NAME) != 0) {
        strbuf_adds(&sb, "--rules ");
        add_shell_word(&sb, r->file);
        strbuf_addc(&sb, ' ');
    }
    strbuf_adds(&sb, "FILE");
    add_comment(out, "#   ", "#     ", strbuf_str(&sb));
    strbuf_release(&sb);
}

static void add_header(const struct rules *r, struct strbuf *out)
{
    struct strbuf sb = STRBUF_INIT;
    strbuf_addf(&sb, "stagegap answers to \"%s\" (model %s, version %s).", r->title, r->id,
                r->version);
    add_comment(out, "# ", "# ", strbuf_str(&sb));
    strbuf_adds(out, "#\n");
    strbuf_reset(&sb);
    strbuf_addf(&sb,
                "Answer each question below by replacing its 'unknown' with a number "
                "from %ld to %ld; with n/a when the question does not apply to your "
                "organisation; or leave it unknown when nobody knows yet (it lowers the "
                "stage's coverage and is listed as something to find out). To add a note "
                "or evidence, write a map instead, for example:",
                r->scale_min, r->scale_max);
    add_comment(out, "# ", "# ", strbuf_str(&sb));
    strbuf_addf(out,
                "#   {score: %ld, note: \"pilot teams only\", evidence: \"supervision "
                "audit\"}\n#\n",
                r->scale_min + (r->scale_max - r->scale_min) / 2);
    strbuf_reset(&sb);
    strbuf_addf(&sb, "The scale in general, from %ld to %ld:", r->scale_min, r->scale_max);
    add_comment(out, "# ", "# ", strbuf_str(&sb));
    strbuf_reset(&sb);
    strbuf_addf(&sb, "%ld = %s", r->scale_min, r->scale_low);
    add_comment(out, "#   ", "#     ", strbuf_str(&sb));
    strbuf_reset(&sb);
    strbuf_addf(&sb, "%ld = %s", r->scale_max, r->scale_high);
    add_comment(out, "#   ", "#     ", strbuf_str(&sb));
    add_comment(out, "# ", "# ",
                "Each question below says what its two ends mean. For a barrier, a higher "
                "number means the barrier holds the service back more.");
    strbuf_adds(out, "#\n");
    add_comment(out, "# ", "# ", "Set organisation and date, then check and score the file:");
    add_command(out, r, "validate");
    add_command(out, r, "assess");
    strbuf_addc(out, '\n');
    strbuf_release(&sb);
}

/* The model id, quoted in the one case a plain scalar would read as nothing. */
static void add_rules_line(const struct rules *r, struct strbuf *out)
{
    bool null_word = strcmp(r->id, "null") == 0;
    strbuf_addf(out, "rules: %s%s%s\n", null_word ? "\"" : "", r->id, null_word ? "\"" : "");
}

static void add_item(const struct rules *r, const struct rules_item *it, struct strbuf *out)
{
    struct strbuf sb = STRBUF_INIT;
    if (it->label) { /* the model's label, as every report calls the item */
        strbuf_adds(&sb, it->label);
        sb.buf[0] =
            (char)(sb.buf[0] >= 'a' && sb.buf[0] <= 'z' ? sb.buf[0] - 'a' + 'A' : sb.buf[0]);
    } else {
        strbuf_adds(&sb, kind_titles[it->kind]);
    }
    strbuf_addf(&sb, " (%s): %s", r->levels[it->level].title, it->text);
    strbuf_addc(out, '\n');
    add_comment(out, "  # ", "  #   ", strbuf_str(&sb));
    strbuf_reset(&sb);
    if (it->hedge) {
        add_comment(out, "  # ", "  #   ", it->hedge);
    }
    strbuf_addf(&sb, "Question: %s", it->question);
    add_comment(out, "  # ", "  #   ", strbuf_str(&sb));
    strbuf_reset(&sb);
    strbuf_addf(&sb, "%ld = %s", r->scale_min, it->low ? it->low : r->scale_low);
    add_comment(out, "  # ", "  #   ", strbuf_str(&sb));
    strbuf_reset(&sb);
    strbuf_addf(&sb, "%ld = %s", r->scale_max, it->high ? it->high : r->scale_high);
    add_comment(out, "  # ", "  #   ", strbuf_str(&sb));
    /* Ids are [a-z0-9._-], so they are plain YAML keys. */
    strbuf_addf(out, "  %s: unknown\n", it->id);
    strbuf_release(&sb);
}

static void add_stage(const struct rules *r, size_t s, struct strbuf *out)
{
    const struct rules_stage *st = &r->stages[s];
    struct strbuf sb = STRBUF_INIT;
    strbuf_adds(out, "\n  # ");
    strbuf_addchars(out, '=', COMMENT_WIDTH - 4);
    strbuf_addc(out, '\n');
    strbuf_addf(&sb, "Stage %zu of %zu: %s (%s)", s + 1, r->n_stages, st->title, st->id);
    add_comment(out, "  # ", "  #   ", strbuf_str(&sb));
    if (st->description)
        add_comment(out, "  # ", "  # ", st->description);
    strbuf_adds(out, "  # ");
    strbuf_addchars(out, '=', COMMENT_WIDTH - 4);
    strbuf_addc(out, '\n');
    size_t asked = 0;
    for (size_t i = st->first_item; i < st->first_item + st->n_items; i++) {
        if (r->items[i].question) {
            add_item(r, &r->items[i], out);
            asked++;
        }
    }
    if (!asked)
        strbuf_adds(out, "  # (no questions in this stage)\n");
    strbuf_release(&sb);
}

void template_render(const struct rules *r, struct strbuf *out)
{
    add_header(r, out);
    strbuf_adds(out, "format: " ANSWERS_FORMAT "\n");
    add_rules_line(r, out);
    strbuf_adds(out, "organisation: \"" ANSWERS_PLACEHOLDER_ORGANISATION
                     "\"  # change to your organisation's name\n"
                     "date: " ANSWERS_PLACEHOLDER_DATE
                     "  # the date of this assessment, YYYY-MM-DD: change it\n"
                     "# respondent:  # optional: who answered; to say, remove '# ' from these "
                     "lines\n"
                     "#   id: r01\n"
                     "#   role: practitioner\n"
                     "#   groups: {team: Northside, locality: North}  # team, locality, any "
                     "grouping used\n\n");
    if (rules_answerable(r) == 0) {
        strbuf_adds(out, "answers: {}  # this model has no questions to answer\n");
        return;
    }
    strbuf_adds(out, "answers:\n");
    for (size_t s = 0; s < r->n_stages; s++)
        add_stage(r, s, out);
}

/* ---- the evidence template ---- */

/* An indicator we suggest for the built-in model: its YAML lines but bears-on, and the
   items it bears on. */
struct suggestion {
    const char *id, *title, *source, *scale, *better;
    const char *items[4];
};

static const struct suggestion sos_suggestions[] = {
    {"staff-trained",
     "Social workers who have completed Signs of Safety training",
     "workforce development records, all social work posts",
     "{kind: percentage}",
     "higher",
     {"launch.training-for-all-workers", "implement.all-workers-trained"}},
    {"case-audit",
     "Case-file audit against Signs of Safety practice",
     "the quality assurance team's audit of sampled cases, scored on the practice framework",
     "{kind: rating, min: 0, max: 10}",
     "higher",
     {"implement.reformed-assessment", "implement.assessments-written-up",
      "implement.meaningful-qa-system"}},
    {"supervision-audit",
     "Supervision records that follow the Signs of Safety format",
     "an audit of sampled supervision records",
     "{kind: percentage}",
     "higher",
     {"implement.changed-supervision"}},
    {"family-feedback",
     "Families who said their worker explained the plan clearly",
     "feedback cards after child protection conferences",
     "{kind: percentage}",
     "higher",
     {"implement.reformed-family-meetings", "implement.meetings-sos-way"}},
    {"practice-recognised",
     "Teams whose good practice was recognised and shared this quarter",
     "practice week and learning review records",
     "{kind: percentage}",
     "higher",
     {"implement.recognise-good-practice"}},
    {"turnover",
     "Social worker turnover in the year",
     "DfE children's social work workforce statistics (published yearly for every council)",
     "{kind: percentage}",
     "lower",
     {"sustain.staff-turnover"}},
    {"agency-rate",
     "Social workers employed through agencies",
     "DfE children's social work workforce statistics, agency worker rate",
     "{kind: percentage}",
     "lower",
     {"sustain.staff-turnover"}},
    {"inspection",
     "Last inspection's overall judgement",
     "the inspectorate's report (Ofsted ILACS in England)",
     "{kind: category, levels: [inadequate, requires-improvement-to-be-good, good, outstanding]}",
     "higher",
     {"sustain.quality-retained"}},
};

/* The suggestion's items that r has with a question, as a YAML flow list; 0 when none. */
static size_t add_bears_on(const struct rules *r, const struct suggestion *sg, struct strbuf *out)
{
    size_t n = 0;
    for (size_t k = 0; k < 4 && sg->items[k]; k++) {
        long i = rules_find_item(r, sg->items[k]);
        if (i < 0 || !r->items[i].question)
            continue;
        strbuf_adds(out, n++ ? ", " : "[");
        strbuf_adds(out, sg->items[k]);
    }
    if (n)
        strbuf_adds(out, "]");
    return n;
}

static void add_suggestion(const struct rules *r, const struct suggestion *sg, struct strbuf *out)
{
    struct strbuf items = STRBUF_INIT, words = STRBUF_INIT;
    if (add_bears_on(r, sg, &items) == 0) {
        strbuf_release(&items);
        return; /* an overlay retired every item it bears on */
    }
    strbuf_adds(&words, "Suggested by stagegap (ours, not the briefing's): bears on ");
    for (size_t k = 0, n = 0; k < 4 && sg->items[k]; k++) {
        long i = rules_find_item(r, sg->items[k]);
        if (i < 0 || !r->items[i].question)
            continue;
        strbuf_adds(&words, n++ ? "; " : "");
        strbuf_adds(&words, r->items[i].text);
    }
    strbuf_addc(&words, '.');
    add_comment(out, "  # ", "  # ", strbuf_str(&words));
    strbuf_addf(out,
                "  - id: %s\n    title: \"%s\"\n    source: \"%s\"  # who measured it, and how\n"
                "    scale: %s\n    better: %s\n    # target:   # optional, on the scale\n"
                "    bears-on: %s\n    values: []  # add {date: YYYY-MM-DD, value: ...} lines\n\n",
                sg->id, sg->title, sg->source, sg->scale, sg->better, strbuf_str(&items));
    strbuf_release(&words);
    strbuf_release(&items);
}

/* Another model: one example indicator, on its first question, and every item in
   comments. */
static void add_example(const struct rules *r, struct strbuf *out)
{
    const struct rules_item *first = NULL;
    for (size_t i = 0; i < r->n_items && !first; i++)
        first = r->items[i].question ? &r->items[i] : NULL;
    strbuf_adds(out, "  # An example: change it to a figure you measure. The model's questions:\n");
    for (size_t i = 0; i < r->n_items; i++)
        if (r->items[i].question) {
            struct strbuf line = STRBUF_INIT;
            strbuf_addf(&line, "%s: ", r->items[i].id);
            strbuf_adds(&line, r->items[i].text);
            add_comment(out, "  #   ", "  #     ", strbuf_str(&line));
            strbuf_release(&line);
        }
    strbuf_addf(out,
                "  - id: an-indicator\n    title: \"What is measured\"\n"
                "    source: \"Who measured it, and how\"\n    scale: {kind: percentage}\n"
                "    better: higher\n    bears-on: [%s]\n    values: []\n",
                first ? first->id : "");
}

void template_render_evidence(const struct rules *r, struct strbuf *out)
{
    add_comment(out, "# ", "# ",
                "An evidence file for stagegap (" EVIDENCE_FORMAT "): figures measured outside "
                "the self-assessment, set beside the ratings in every report. Evidence never "
                "changes a score. Which items an indicator bears on is a judgement: the "
                "suggestions below are stagegap's, not the model's source's. Keep the "
                "indicators you measure, give each its source and dated values, and delete "
                "the rest; a figure of fewer than 5 people (say so with 'base: N') is refused. "
                "Check it with 'stagegap validate FILE'. See docs/evidence.md.");
    strbuf_adds(out, "\nformat: " EVIDENCE_FORMAT "\n");
    add_rules_line(r, out);
    strbuf_adds(out, "organisation: \"" ANSWERS_PLACEHOLDER_ORGANISATION
                     "\"  # change to your organisation's name\nindicators:\n");
    size_t before = out->len;
    bool built_in = strcmp(r->id, "signs-of-safety") == 0 ||
                    (r->base && strcmp(r->base->id, "signs-of-safety") == 0);
    for (size_t k = 0; built_in && k < sizeof(sos_suggestions) / sizeof(*sos_suggestions); k++)
        add_suggestion(r, &sos_suggestions[k], out);
    if (out->len == before && rules_answerable(r) > 0)
        add_example(r, out);
}
