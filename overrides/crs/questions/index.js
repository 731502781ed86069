// The question-type registry of the front end: one module per type (crs/questiontypes/ is the
// build's). quizzes.js asks it; nothing else branches on a type name.
import classify from "./classify.js"
import fillIn from "./fill-in.js"
import multiple from "./multiple.js"
import order from "./order.js"
import single from "./single.js"
import trueFalse from "./true-false.js"

const TYPES = Object.fromEntries([single, multiple, trueFalse, fillIn, classify, order].map((t) => [t.type, t]))

// An unknown type (a key from a newer build) grades as unanswered instead of breaking the page.
const UNKNOWN = {
  unanswered: "Choose an answer first.",
  unpack: () => ({}),
  grade: () => ({ answered: false, correct: false, right: 0, total: 1, parts: {} }),
  correctResponse: () => null,
  validResponse: () => null,
  read: () => null,
  show: () => {},
  partFeedback: () => null,
  scorm: null,
}

export function questionType(type) {
  return TYPES[type] ?? UNKNOWN
}
