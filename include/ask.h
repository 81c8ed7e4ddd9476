/*
 * ask.h - "stagegap ask": the questionnaire one question at a time on a terminal.
 *
 * The session reads lines from `in` and writes prompts to `out`; after every answer it
 * hands the whole answers file so far to a save callback, so that end of input,
 * Ctrl-C or a crash loses nothing already answered. The terminal check and signal
 * handling belong to the command line; this module only talks through its streams.
 */
#ifndef STAGEGAP_ASK_H
#define STAGEGAP_ASK_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "answers.h"

struct rules;
struct strbuf;

/* One respondent's answer to one item, as ask holds it. */
struct ask_answer {
    enum answer_state state;
    double score;
    char *note, *evidence;
};

struct ask_session {
    const struct rules *rules;
    char *organisation, *date, *respondent, *role;
    /* respondent.groups in file order: ask asks for "team"; others read back are kept. */
    struct ask_group {
        char *field, *value;
    } * groups;
    size_t n_groups;
    struct ask_answer *answers; /* one per rules item */
    /* Called with the answers file so far; returns 0, or -1 to stop the session. */
    int (*save)(void *ctx, const struct strbuf *yaml);
    void *save_ctx;
    volatile sig_atomic_t *interrupted; /* set by a SIGINT handler, or NULL */
    size_t width;                       /* the terminal's columns; 0 for 80 */
};

void ask_init(struct ask_session *s, const struct rules *r);
void ask_release(struct ask_session *s);
/* Fills the session from an existing answers file of one respondent. */
void ask_resume_from(struct ask_session *s, const struct assessment *a);
/* Sets the group field to value (a copy), replacing the one given before. */
void ask_set_group(struct ask_session *s, const char *field, const char *value);
/* Asks for the organisation, the date (today by default), the respondent's role and
 * team; -1 when input ended first. */
int ask_details(struct ask_session *s, FILE *in, FILE *out, const char *today);
/* Runs the questionnaire; returns 0 when it ended normally (answered, end of input,
 * interrupted), -1 when saving failed. */
int ask_run(struct ask_session *s, FILE *in, FILE *out);
/* The answers file for the session's answers so far. */
void ask_render(const struct ask_session *s, struct strbuf *out);

#endif
