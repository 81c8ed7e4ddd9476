/*
 * input_format.c - the 'format' key of a file an organisation gives (input_format.h).
 */
#include "input_format.h"

#include <string.h>

#include "accept.h"
#include "answers.h"
#include "evidence.h"
#include "headcount.h"
#include "plan.h"
#include "rules.h"
#include "schema.h"
#include "share.h"

static const struct {
    const char *format, *name;
} known[] = {
    {RULES_FORMAT, "a rules file"},         {ANSWERS_FORMAT, "an answers file"},
    {PLAN_FORMAT, "an action plan"},        {ACCEPT_FORMAT, "a file of accepted gaps"},
    {SHARE_FORMAT, "a share file"},         {EVIDENCE_FORMAT, "an evidence file"},
    {HEADCOUNT_FORMAT, "a headcount file"},
};

bool input_check_format(const struct yctx *c, const struct ynode *root, const char *want,
                        const char *what, const char *hint)
{
    const struct ynode *format = ymap_get(root, "format");
    if (!format) {
        yerror(c, root, "no 'format' key; %s starts with 'format: %s'", what, want);
        return false;
    }
    if (ynode_is(format, want))
        return true;
    for (size_t k = 0; k < sizeof(known) / sizeof(*known); k++)
        if (ynode_is(format, known[k].format)) {
            yerror(c, format, "this is %s, not %s%s%s", known[k].name, what, hint ? "; " : "",
                   hint ? hint : "");
            return false;
        }
    yerror(c, format, "format must be '%s'", want);
    return false;
}
