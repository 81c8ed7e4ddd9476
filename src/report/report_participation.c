/*
 * report_participation.c - the participation line and its caveat, worded once for every
 * format (report_participation_internal.h).
 */
#include <stddef.h>

#include "participation.h"
#include "report.h"
#include "report_participation_internal.h"
#include "score.h"
#include "strbuf.h"

void report_participation_of(struct strbuf *out, size_t answered, size_t invited)
{
    strbuf_addf(out, "%zu of %zu (%zu%%)", answered, invited,
                participation_percent(answered, invited));
}

void report_participation_group(struct strbuf *out, const struct score *s,
                                const struct participation_row *row)
{
    report_group_name(out, &s->breakdown, &s->breakdown.groups[row->group]);
    strbuf_addc(out, ' ');
    report_participation_of(out, row->answered, row->invited);
}

void report_participation_line(struct strbuf *out, const struct score *s)
{
    const struct participation *p = s->participation;
    if (!p)
        return;
    strbuf_addf(out, "Participation: %zu of %zu staff asked answered (%zu%%).", p->answered,
                p->invited, participation_percent(p->answered, p->invited));
    if (!p->n_rows)
        return;
    strbuf_addf(out, " By %s:", p->field);
    for (size_t k = 0; k < p->n_rows; k++) {
        strbuf_adds(out, k ? ", " : " ");
        report_participation_group(out, s, &p->rows[k]);
    }
    strbuf_addc(out, '.');
}

void report_participation_caveat(struct strbuf *out, const struct score *s)
{
    const struct participation *p = s->participation;
    if (!p || !p->low)
        return;
    strbuf_addf(out,
                "Few answered: under %d%% of the staff asked, so these results may not speak "
                "for the %zu who did not answer. Read them with care, and ask why so few "
                "answered before acting on them.",
                PARTICIPATION_LOW_PERCENT, p->invited - p->answered);
}
