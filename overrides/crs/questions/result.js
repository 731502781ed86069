// What every question type's grade() returns: whether the response can be checked, how many
// parts are right of how many, and which parts (option or item keys) are right: true, false, or
// MISSED for a correct option left unticked.
export const MISSED = "missed"

export function result(answered, right, total, parts) {
  return { answered, correct: answered && right === total, right, total, parts }
}

// The learner's pick among options or True/False: a part-level verdict with its feedback.
export function choiceFeedback(right, feedback) {
  if (right === undefined) return null
  if (right === MISSED) return ["Correct, but not ticked", ""]
  return [right ? "Right" : "Not right", feedback]
}
