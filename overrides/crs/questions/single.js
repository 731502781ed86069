// Single choice: one option of several is right.
import { readChecked, showChecked } from "./choices.js"
import { choiceFeedback, result } from "./result.js"

export default {
  type: "single",
  unanswered: "Choose an answer first.",
  // The page's key (crs/questiontypes/choice.py pack): [right 1/0, feedback] per option shown.
  unpack: (packed, parts) => ({
    options: Object.fromEntries(parts.keys.map((k, i) => [k, { correct: packed[i][0] === 1, feedback: packed[i][1] }])),
  }),
  grade(key, response) {
    const option = key.options[response]
    const correct = option?.correct === true
    return result(option !== undefined, correct ? 1 : 0, 1, option ? { [response]: correct } : {})
  },
  correctResponse: (key) => Object.keys(key.options).find((k) => key.options[k].correct) ?? null,
  validResponse: (key, response) => (typeof response === "string" && response in key.options ? response : null),
  read: (fieldset) => readChecked(fieldset)[0] ?? null,
  show: (fieldset, response) => showChecked(fieldset, response === null ? [] : [response]),
  partFeedback(key, partKey, right, revealed) {
    const { correct, feedback } = key.options[partKey] ?? {}
    if (revealed) return correct ? ["Answer", feedback] : null
    return choiceFeedback(right, feedback)
  },
}

// SCORM interaction (overrides/crs/scorm/interactions.js gives `f`, the version's formats).
// A named export of its own, so the site's bundles leave it out.
export const scorm = {
  type: "choice",
  patterns: (key, f) => [f.choices(Object.keys(key.options).filter((k) => key.options[k].correct), Object.keys(key.options))],
  response: (key, response, f) => f.choices([response], Object.keys(key.options)),
}
