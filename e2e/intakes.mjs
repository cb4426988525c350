// Intakes that several end-to-end files seed, as the wizard saves them.

/**
 * Low back pain with nothing that blocks or cautions a therapy (so acupuncture, mindfulness and CBT can all be
 * added), five free days, 300 minutes a week and 200 a month.
 */
export const PLAIN_LOW_BACK = {
  age: 45,
  pain: { primary: 'low_back', duration_months: 24, peg: { pain: 6, enjoyment: 5, activity: 5 } },
  mood: { phq4: { nervous: 0, worry: 0, interest: 0, down: 0 }, self_harm: 0 },
  start_back: { agree: [1], bothersome: 'slightly' },
  symptoms: [],
  conditions: [],
  medications: [],
  supplements: [],
  activity: 'active',
  practicalities: { minutes_per_week: 300, budget_per_month: 200, days: [0, 1, 2, 3, 4] },
};

/** Neck pain with nothing that blocks exercise, two free days (Tuesday and Thursday), 150 minutes a week. */
export const PLAIN_NECK = {
  age: 52,
  pain: { primary: 'neck', duration_months: 14, peg: { pain: 6, enjoyment: 5, activity: 5 } },
  mood: { phq4: { nervous: 1, worry: 1, interest: 0, down: 0 }, self_harm: 0 },
  symptoms: [], conditions: [], medications: [], supplements: [], activity: 'active',
  practicalities: { minutes_per_week: 150, budget_per_month: 100, days: [1, 3] },
};
