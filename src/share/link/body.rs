//! The body: every shareable answer bit-packed in a fixed order. This packing is the compression.
//!
//! Conventions: `opt(x)` is a presence bit then `x`, so "not answered" (absent) differs from "none" (an empty
//! set) and from 0. `set(T)` is one bit per entry of table `T` in table order (used where the engine only asks
//! "is it there?"). `list(T)` keeps order: a count, then one index per item (used where order changes the plan).
//! Numbers use the fewest bits their range needs; `text(cap)` is a byte length then UTF-8 bytes.
//!
//! | field | layout (v2; v1 is the same without the "not sure" row) |
//! |---|---|
//! | own words included | 1 bit |
//! | age | opt(7 bits, 0–120) |
//! | pain | opt(primary opt(3), sites opt(set CONDITIONS), months opt(11 bits, 0–1440), PEG opt(3 × opt(4 bits, 0–10))) |
//! | mood | opt(PHQ-4 opt(4 × opt(2 bits)), self-harm opt(2 bits)) |
//! | STarT Back | opt(agree opt(8-bit set of items 1–8), item 9 opt(3 bits)) |
//! | symptoms, conditions, medications | each opt(set) |
//! | supplements | opt(list: 4-bit count, 4-bit indexes) — order sets the order of supplement notes |
//! | not sure (v2 only) | 3 bits: conditions, medications, supplements named in the intake's `unsure` |
//! | activity | opt(1 bit) |
//! | values | opt(what matters opt(text 280)*, areas 8-bit set then now/want opt(3 bits, 1–5) each, goals 2-bit count then text 140 each*) |
//! | practicalities | opt(minutes opt(16), budget opt(16), days opt(7-bit set), needles/touch/home opt(1) each) |
//! | selected | list: 5-bit count, 5-bit indexes — choice order sets the staggered starts |
//! | plan sessions a week | 25-bit set of therapies, then 3 bits (0–7) each |
//! | plan days | 25-bit set of therapies, then a 7-bit weekday set each |
//!
//! | flare plan (v3 only) | helps from plan list(5-bit count, 5-bit indexes), then signs, helps, reduce, contacts each opt(text 120) |
//!
//! `*` only when own words are included. Values the strict validator would refuse (e.g. a PEG item of 12 in
//! hand-edited data, sessions a week outside a therapy's usual course, a goal with a line break) and IDs outside
//! the tables are left out when encoding, so every link made can be opened: the reader refuses a body whose state
//! the document validator (`crate::store::validate`) would refuse, so what a link opens can be saved and restored.

use super::bits::{Reader, Writer};
use super::fields::{
    days, get_days, get_id, get_list, get_num, get_opt, get_set, get_text, get_u8, id, list, num,
    opt, set, text, Num,
};
use super::ids::{
    ACTIVITY, AREAS, BOTHERSOME, CONDITIONS, HEALTH, MEDICATIONS, SUPPLEMENTS, SYMPTOMS, THERAPIES,
};
use super::LinkError;
use crate::clinical::catalog::catalog;
use crate::clinical::intake::{
    AreaRating, Intake, Mood, Pain, Peg, Phq4, Practicalities, StartBack, Values,
};
use crate::clinical::plan::PlanSettings;
use crate::store::document::{AppState, FlarePlan};
use crate::store::limits::has_line_break_or_control;

/// Longest "what matters" text, in bytes: with the goals it keeps a maximal link under ~1,200 characters.
pub(super) const MAX_WHAT_MATTERS: usize = 280;
/// Longest goal, in bytes.
pub(super) const MAX_GOAL: usize = 140;
/// Longest text of each part of a flare plan, in bytes: four at the cap keep the largest link with a flare plan
/// within a QR code's capacity.
pub(super) const MAX_FLARE: usize = 120;
/// Goals carried: the engine uses the first three non-blank ones, and the intake form keeps three.
const MAX_GOALS: usize = 3;

// The strict validator has the same ranges; they are repeated here because a link version freezes its widths.
const AGE: Num = Num(7, 0, 120, "age");
const MONTHS: Num = Num(11, 0, 1440, "how long the pain has lasted");
const PEG: Num = Num(4, 0, 10, "pain score (PEG)");
const PHQ: Num = Num(2, 0, 3, "mood answer (PHQ-4)");
const RATING: Num = Num(3, 1, 5, "Whole-Health area rating");
const U16: Num = Num(16, 0, u16::MAX as u32, "time or budget");
/// Sessions a week: the catalog's largest `per_week_max` is 7; the reader then holds each to its therapy's course.
const PER_WEEK: Num = Num(3, 0, 7, "sessions a week");
const SUPPLEMENT_LIST: (u32, u32) = (4, 4);
const THERAPY_LIST: (u32, u32) = (5, 5);

/// Writes the body of `state` in the current layout (v2).
pub(super) fn write(w: &mut Writer, state: &AppState, free_text: bool) {
    let i = &state.intake;
    w.bit(free_text);
    num(w, AGE, i.age.map(u32::from));
    opt(w, i.pain.as_ref(), |w, p| {
        id(w, &CONDITIONS, p.primary.as_deref());
        opt(w, p.sites.as_deref(), |w, s| set(w, &CONDITIONS, s));
        num(w, MONTHS, p.duration_months.map(u32::from));
        opt(w, p.peg.as_ref(), |w, g| {
            for v in [g.pain, g.enjoyment, g.activity] {
                num(w, PEG, v.map(u32::from));
            }
        });
    });
    opt(w, i.mood.as_ref(), |w, m| {
        opt(w, m.phq4.as_ref(), |w, q| {
            for v in [q.nervous, q.worry, q.interest, q.down] {
                num(w, PHQ, v.map(u32::from));
            }
        });
        num(w, PHQ, m.self_harm.map(u32::from));
    });
    opt(w, i.start_back.as_ref(), |w, s| {
        opt(w, s.agree.as_ref(), |w, a| {
            (1..=8u8).for_each(|item| w.bit(a.contains(&item)))
        });
        id(w, &BOTHERSOME, s.bothersome.as_deref());
    });
    opt(w, i.symptoms.as_deref(), |w, s| set(w, &SYMPTOMS, s));
    opt(w, i.conditions.as_deref(), |w, s| set(w, &HEALTH, s));
    opt(w, i.medications.as_deref(), |w, s| set(w, &MEDICATIONS, s));
    opt(w, i.supplements.as_deref(), |w, s| {
        list(w, &SUPPLEMENTS, SUPPLEMENT_LIST, s)
    });
    // v2: which lists are "not sure" beside their ticks, one bit each in `Intake::UNSURE_LISTS` order.
    for list in Intake::UNSURE_LISTS {
        w.bit(i.unsure.iter().any(|u| u == list));
    }
    id(w, &ACTIVITY, i.activity.as_deref());
    opt(w, i.values.as_ref(), |w, v| write_values(w, v, free_text));
    opt(w, i.practicalities.as_ref(), |w, p| {
        num(w, U16, p.minutes_per_week.map(u32::from));
        num(w, U16, p.budget_per_month.map(u32::from));
        opt(w, p.days.as_deref(), days);
        for b in [p.needles_ok, p.touch_ok, p.home_only] {
            opt(w, b, |w, b| w.bit(b));
        }
    });
    list(w, &THERAPIES, THERAPY_LIST, &state.selected);
    // Only what the plan screen can set: a link with more would be refused when opened.
    let per_week = |t: &str| {
        let n = *state.plan.per_week.get(t)?;
        let course = catalog().therapy(t)?.course.as_ref()?;
        course.allows_per_week(n).then_some(u32::from(n))
    };
    THERAPIES.iter().for_each(|t| w.bit(per_week(t).is_some()));
    THERAPIES
        .iter()
        .filter_map(|t| per_week(t))
        .for_each(|n| w.bits(n, PER_WEEK.0));
    let plan_days = |t: &str| state.plan.days.get(t);
    THERAPIES.iter().for_each(|t| w.bit(plan_days(t).is_some()));
    THERAPIES
        .iter()
        .filter_map(|t| plan_days(t))
        .for_each(|d| days(w, d));
}

/// Writes the flare plan section of a v3 body: the plan's therapies that help, in the order ticked, then each text
/// (warning signs, what else helps, what to reduce, who to call) as opt(text).
pub(super) fn write_flare(w: &mut Writer, f: &FlarePlan) {
    list(w, &THERAPIES, THERAPY_LIST, &f.helps_from_plan);
    for t in [&f.signs, &f.helps, &f.reduce, &f.contacts] {
        opt(w, (!t.is_empty()).then_some(t), |w, t| {
            text(w, t, MAX_FLARE)
        });
    }
}

/// Reads the flare plan section of a v3 body.
fn read_flare(r: &mut Reader) -> Result<FlarePlan, LinkError> {
    let helps_from_plan = get_list(r, &THERAPIES, THERAPY_LIST, "a therapy")?;
    let mut texts = Vec::with_capacity(4);
    for _ in 0..4 {
        texts.push(get_opt(r, |r| get_text(r, MAX_FLARE, "flare plan"))?.unwrap_or_default());
    }
    let [signs, helps, reduce, contacts]: [String; 4] = texts
        .try_into()
        .map_err(|_| LinkError::BadText("flare plan"))?;
    Ok(FlarePlan {
        signs,
        helps_from_plan,
        helps,
        reduce,
        contacts,
    })
}

/// Writes `values`; own words only when `free_text`, blank goals never (the engine skips them).
fn write_values(w: &mut Writer, v: &Values, free_text: bool) {
    if free_text {
        opt(w, v.what_matters.as_deref(), |w, t| {
            text(w, t, MAX_WHAT_MATTERS)
        });
    }
    let rating = |area: &str| v.areas.iter().find(|a| a.area == area);
    AREAS.iter().for_each(|a| w.bit(rating(a).is_some()));
    for r in AREAS.iter().filter_map(|a| rating(a)) {
        num(w, RATING, r.now.map(u32::from));
        num(w, RATING, r.want.map(u32::from));
    }
    if free_text {
        let goals: Vec<&String> = v
            .goals
            .iter()
            .filter(|g| !g.trim().is_empty() && !has_line_break_or_control(g))
            .take(MAX_GOALS)
            .collect();
        w.bits(goals.len() as u32, 2);
        goals.iter().for_each(|g| text(w, g, MAX_GOAL));
    }
}

/// Reads a v1, v2 or v3 body: the state and whether own words were included.
pub(super) fn read(r: &mut Reader, version: u8) -> Result<(AppState, bool), LinkError> {
    let free_text = r.bit()?;
    let mut intake = Intake {
        age: get_num(r, AGE)?.map(|n| n as u16),
        ..Intake::default()
    };
    intake.pain = get_opt(r, |r| {
        Ok(Pain {
            primary: get_id(r, &CONDITIONS, "a pain condition")?,
            sites: get_opt(r, |r| get_set(r, &CONDITIONS))?,
            duration_months: get_num(r, MONTHS)?.map(|n| n as u16),
            peg: get_opt(r, |r| {
                Ok(Peg {
                    pain: get_u8(r, PEG)?,
                    enjoyment: get_u8(r, PEG)?,
                    activity: get_u8(r, PEG)?,
                })
            })?,
        })
    })?;
    intake.mood = get_opt(r, |r| {
        Ok(Mood {
            phq4: get_opt(r, |r| {
                Ok(Phq4 {
                    nervous: get_u8(r, PHQ)?,
                    worry: get_u8(r, PHQ)?,
                    interest: get_u8(r, PHQ)?,
                    down: get_u8(r, PHQ)?,
                })
            })?,
            self_harm: get_u8(r, PHQ)?,
        })
    })?;
    intake.start_back = get_opt(r, |r| {
        Ok(StartBack {
            agree: get_opt(r, |r| {
                let mask = r.bits(8)?;
                Ok((1..=8u8).filter(|i| mask >> (8 - i) & 1 == 1).collect())
            })?,
            bothersome: get_id(r, &BOTHERSOME, "a STarT Back answer")?,
        })
    })?;
    intake.symptoms = get_opt(r, |r| get_set(r, &SYMPTOMS))?;
    intake.conditions = get_opt(r, |r| get_set(r, &HEALTH))?;
    intake.medications = get_opt(r, |r| get_set(r, &MEDICATIONS))?;
    intake.supplements = get_opt(r, |r| {
        get_list(r, &SUPPLEMENTS, SUPPLEMENT_LIST, "a supplement")
    })?;
    // A v1 link predates "not sure" beside ticks: its lists were either answered or not.
    if version >= 2 {
        for list in Intake::UNSURE_LISTS {
            if r.bit()? {
                intake.unsure.push(list.to_string());
            }
        }
    }
    intake.activity = get_id(r, &ACTIVITY, "an activity level")?;
    intake.values = get_opt(r, |r| read_values(r, free_text))?;
    intake.practicalities = get_opt(r, |r| {
        Ok(Practicalities {
            minutes_per_week: get_num(r, U16)?.map(|n| n as u16),
            budget_per_month: get_num(r, U16)?.map(|n| n as u16),
            days: get_opt(r, get_days)?,
            needles_ok: get_opt(r, |r| r.bit())?,
            touch_ok: get_opt(r, |r| r.bit())?,
            home_only: get_opt(r, |r| r.bit())?,
        })
    })?;
    let selected = get_list(r, &THERAPIES, THERAPY_LIST, "a therapy")?;
    let mut plan = PlanSettings::default();
    for t in get_set(r, &THERAPIES)? {
        plan.per_week.insert(t, r.bits(PER_WEEK.0)? as u8);
    }
    for t in get_set(r, &THERAPIES)? {
        plan.days.insert(t, get_days(r)?);
    }
    // v3: a flare plan follows the plan settings.
    let flare = if version >= 3 {
        read_flare(r)?
    } else {
        FlarePlan::default()
    };
    let state = AppState {
        intake,
        selected,
        plan,
        flare,
        ..AppState::default()
    };
    Ok((state, free_text))
}

/// Reads `values` as [`write_values`] wrote it.
fn read_values(r: &mut Reader, free_text: bool) -> Result<Values, LinkError> {
    let mut v = Values::default();
    if free_text {
        v.what_matters = get_opt(r, |r| get_text(r, MAX_WHAT_MATTERS, "what matters to you"))?;
    }
    for area in get_set(r, &AREAS)? {
        let now = get_u8(r, RATING)?;
        let want = get_u8(r, RATING)?;
        v.areas.push(AreaRating { area, now, want });
    }
    if free_text {
        for _ in 0..r.bits(2)? {
            let goal = get_text(r, MAX_GOAL, "goal")?;
            if goal.trim().is_empty() || v.goals.len() == MAX_GOALS {
                return Err(LinkError::BadText("goal"));
            }
            v.goals.push(goal);
        }
    }
    Ok(v)
}
