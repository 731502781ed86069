// True or false: the response is a boolean; each of the two answers has its own feedback.
import { readChecked, showChecked } from "./choices.js"
import { choiceFeedback, result } from "./result.js"

export default {
  type: "true-false",
  unanswered: "Choose an answer first.",
  // The page's key (crs/questiontypes/truefalse.py pack).
  unpack: ([answer, ifTrue, ifFalse]) => ({ answer: answer === 1, feedback: { true: ifTrue, false: ifFalse } }),
  grade(key, response) {
    const answered = typeof response === "boolean"
    const correct = answered && response === key.answer
    return result(answered, correct ? 1 : 0, 1, answered ? { [String(response)]: correct } : {})
  },
  correctResponse: (key) => key.answer,
  validResponse: (key, response) => (typeof response === "boolean" ? response : null),
  read(fieldset) {
    const [chosen] = readChecked(fieldset)
    return chosen === undefined ? null : chosen === "true"
  },
  show: (fieldset, response) => showChecked(fieldset, response === null ? [] : [response]),
  partFeedback(key, partKey, right, revealed) {
    const feedback = key.feedback[partKey]
    if (revealed) return partKey === String(key.answer) ? ["Answer", feedback] : null
    return choiceFeedback(right, feedback)
  },
}

// SCORM interaction (overrides/crs/scorm/interactions.js gives `f`, the version's formats).
// A named export of its own, so the site's bundles leave it out.
export const scorm = {
  type: "true-false",
  patterns: (key, f) => [f.bool(key.answer)],
  response: (key, response, f) => f.bool(response),
}
