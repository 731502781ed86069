// Multiple choice: every option is ticked or not, and each tick (or its absence) is a part; a
// correct option left unticked is marked as missed.
import { readChecked, showChecked } from "./choices.js"
import single from "./single.js"
import { MISSED, result } from "./result.js"

export default {
  ...single,
  type: "multiple",
  multiPart: true,
  grade(key, response) {
    const chosen = new Set(Array.isArray(response) ? response : [])
    const parts = {}
    let right = 0
    for (const [optionKey, option] of Object.entries(key.options)) {
      if (chosen.has(optionKey) === option.correct) right += 1
      if (chosen.has(optionKey)) parts[optionKey] = option.correct
      else if (option.correct) parts[optionKey] = MISSED
    }
    return result(chosen.size > 0, right, Object.keys(key.options).length, parts)
  },
  correctResponse: (key) => Object.keys(key.options).filter((k) => key.options[k].correct),
  validResponse: (key, response) => (Array.isArray(response) ? response.filter((k) => k in key.options) : null),
  read: readChecked,
  show: (fieldset, response) => showChecked(fieldset, response ?? []),
}

// SCORM interaction (overrides/crs/scorm/interactions.js gives `f`, the version's formats).
// A named export of its own, so the site's bundles leave it out.
export const scorm = {
  type: "choice",
  patterns: (key, f) => [f.choices(Object.keys(key.options).filter((k) => key.options[k].correct), Object.keys(key.options))],
  response: (key, response, f) => f.choices(Object.keys(key.options).filter((k) => response.includes(k)), Object.keys(key.options)),
}
