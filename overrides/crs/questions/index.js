// The question-type registry of the front end: one module per type (crs/questiontypes/ is the
// build's). quizzes.js asks it; nothing else branches on a type name.
import classify, { scorm as classifyScorm } from "./classify.js"
import fillIn, { scorm as fillInScorm } from "./fill-in.js"
import multiple, { scorm as multipleScorm } from "./multiple.js"
import order, { scorm as orderScorm } from "./order.js"
import single, { scorm as singleScorm } from "./single.js"
import trueFalse, { scorm as trueFalseScorm } from "./true-false.js"

const TYPES = Object.fromEntries([single, multiple, trueFalse, fillIn, classify, order].map((t) => [t.type, t]))

// An unknown type (a key from a newer build) grades as unanswered instead of breaking the page.
const UNKNOWN = {
  unanswered: "Choose an answer first.",
  grade: () => ({ answered: false, correct: false, right: 0, total: 1, parts: {} }),
  correctResponse: () => null,
  validResponse: () => null,
  read: () => null,
  show: () => {},
  partFeedback: () => null,
}

export function questionType(type) {
  return TYPES[type] ?? UNKNOWN
}

// A type's SCORM interaction mapping (overrides/crs/scorm/interactions.js), or null.
export function scormOf(type) {
  const mappings = {
    [classify.type]: classifyScorm,
    [fillIn.type]: fillInScorm,
    [multiple.type]: multipleScorm,
    [order.type]: orderScorm,
    [single.type]: singleScorm,
    [trueFalse.type]: trueFalseScorm,
  }
  return mappings[type] ?? null
}
