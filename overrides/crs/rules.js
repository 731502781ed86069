// What counts as done, as pure functions with no imports: the learner's progress (model.js) and
// the tutor's class summary (collate.js, also run by the notebook) read work by these same rules.

// A reflection counts as answered when it has any text besides spaces.
export function hasText(text) {
  return String(text ?? "").trim() !== ""
}

// A quiz question (value as overrides/crs/quizzes.js saves it) counts once checked; a shown
// answer does not count as correct.
export function questionState(value) {
  const answered = value?.checked === true
  return { answered, correct: answered && value.correct === true && !value.revealed }
}
