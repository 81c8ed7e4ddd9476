/*
 * partition.h - one partition of an assessment's respondents under every figure a
 * report of it can show (docs/privacy.md, "One partition under every figure").
 *
 * Each grouping field the respondents give (role among them, "none given" as one more
 * value) is cut into the values shown apart and one pooled rest. The cut is chosen for
 * every field at once, so that each combination of the fields' parts (a block) has at
 * least the threshold of respondents, or none. Then every group any report of the same
 * files shows, by whichever field, is a union of whole blocks, and no sum or difference
 * of figures from any number of such reports can isolate fewer than the threshold.
 * The same files give the same partition whatever is asked (--by). Pure: no I/O.
 */
#ifndef STAGEGAP_PARTITION_H
#define STAGEGAP_PARTITION_H

#include <stdbool.h>
#include <stddef.h>

struct assessment;

struct partition_field {
    char *name;
    size_t n_values;
    char **values;     /* in byte order; NULL (none given) last */
    size_t *counts;    /* respondents per value */
    bool *shown;       /* shown apart under the partition */
    bool *shown_alone; /* shown apart were this field the only one (suppress.h) */
};

struct partition {
    struct partition_field *fields; /* in byte order of their names */
    size_t n_fields;
    size_t respondents;
    /* Respondents in combinations of the fields' one-way groups with fewer than the
       threshold: those reports by one field and by another set side by side would
       single out, had each field been cut on its own. */
    size_t protected_respondents;
};

/* Computes the partition of a's respondents (a->profiles) under min_group. */
void partition_compute(struct partition *p, const struct assessment *a, size_t min_group);
void partition_release(struct partition *p);
/* The field called name, or NULL when no respondent gives it. */
const struct partition_field *partition_field(const struct partition *p, const char *name);
/*
 * Whether value (NULL: none given) of field is shown apart: 1 shown (or everyone gives
 * it, so the field splits no one), 0 pooled, -1 no respondent gives that value.
 */
int partition_shown(const struct partition *p, const char *field, const char *value);
/*
 * Whether value of field is shown apart when the field is cut on its own (the one-field
 * rule, suppress.h): 1, 0 or -1 as partition_shown.
 */
int partition_shown_alone(const struct partition *p, const char *field, const char *value);

#endif
