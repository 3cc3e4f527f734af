/*
 * target — progress towards a quantified target, independent of the model
 * (targets are added to the model elsewhere; wire them through this small
 * input struct).
 *
 * From a baseline (value at a date), a target (value by a deadline) and the
 * progress measurements so far:
 *   share      = (latest - baseline) / (target - baseline): 0 at the
 *                baseline, 1 at the target, negative when moving away;
 *   pace_so_far = (latest - baseline) / years since the baseline;
 *   pace_needed = (target - latest) / years left until the deadline;
 * in the indicator's unit per year (years = days / 365.25).
 * Status:
 *   NO_DATA   no measurement after the baseline date;
 *   ACHIEVED  the latest measurement has reached the target (rounded to the
 *             indicator's decimals, in the target's direction);
 *   MISSED    the deadline has passed (latest measurement on or after it)
 *             without reaching it;
 *   ON_TRACK  continuing at pace_so_far reaches the target by the deadline
 *             (pace_so_far >= pace_needed, in the target's direction);
 *   OFF_TRACK otherwise.
 * A target equal to its baseline ("hold the level") is ACHIEVED while the
 * latest measurement rounds to at least as good, else OFF_TRACK / MISSED;
 * its direction comes from `polarity`.
 */
#ifndef TL_TARGET_H
#define TL_TARGET_H

#include <stddef.h>

#include "../model/model.h"

struct tl_date {
	int year, month, day; /* month and day 1-based; 0 means "1" */
};

struct tl_target_point {
	double value;
	struct tl_date date;
};

struct tl_target_input {
	struct tl_target_point baseline;
	struct tl_target_point target;      /* value to reach by date (the deadline) */
	const struct tl_target_point *progress; /* measurements, any order */
	size_t n_progress;
	int decimals;                       /* of the indicator, for "reached" */
	enum tl_polarity polarity;          /* only for a target equal to its baseline */
};

enum tl_target_status {
	TL_TARGET_NO_DATA = 0,
	TL_TARGET_ON_TRACK,
	TL_TARGET_OFF_TRACK,
	TL_TARGET_ACHIEVED,
	TL_TARGET_MISSED,
};

struct tl_target_progress {
	enum tl_target_status status;
	struct tl_target_point latest; /* the latest measurement after the baseline */
	double share;                  /* share of the way achieved */
	double years_elapsed, years_left;
	double pace_so_far, pace_needed; /* unit per year; pace_needed 0 once achieved or past deadline */
};

/* Days since 1970-01-01 of a proleptic Gregorian date. */
long tl_date_days(const struct tl_date *d);

struct tl_target_progress tl_target_assess(const struct tl_target_input *in);

/* Stable English name: no-data, on-track, off-track, achieved, missed. */
const char *tl_target_status_name(enum tl_target_status s);

#endif
