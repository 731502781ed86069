// What every question type's grade() returns: whether the response can be checked, how many
// parts are right of how many, and which parts (option or item keys) are right.
export function result(answered, right, total, parts) {
  return { answered, correct: answered && right === total, right, total, parts }
}

// The learner's pick among options or True/False: a part-level verdict with its feedback.
export function choiceFeedback(right, feedback) {
  return right === undefined ? null : [right ? "Right" : "Not right", feedback]
}
