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
  unpack: () => ({}),
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

// The key of one question (the shape each type's grade() reads) from what its quiz form carries
// (crs/templates/quiz.html): its packed list, [explanation, ...what its type packs], and the
// keys the markup shows (partsOf). Null when the list does not fit the markup: not graded.
export function unpackKey(packed, type, parts) {
  try {
    const [explanation, ...rest] = packed
    return { type, explanation, ...questionType(type).unpack(rest, parts) }
  } catch {
    return null
  }
}

// The option or item keys, and the category keys with their names, in the order the markup shows.
export function partsOf(fieldset) {
  const parts = fieldset.querySelectorAll("[data-crs-option], [data-crs-item]")
  const categories = [...(fieldset.querySelector("select")?.options ?? [])].filter((o) => o.value)
  return {
    keys: [...parts].map((el) => el.dataset.crsOption ?? el.dataset.crsItem),
    categories: categories.map((o) => [o.value, o.textContent]),
  }
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
