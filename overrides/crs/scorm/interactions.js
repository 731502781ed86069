// A question's SCORM interaction. Each question type says how it maps (the `scorm` export of
// overrides/crs/questions/<type>.js: interaction type, right responses, learner's response);
// this module holds each version's formats they write with. Keys and responses are in the shape
// overrides/crs/quizzes.js uses (data-crs-quiz-key, saved state).
import { scormOf } from "../questions/index.js"
import { oneLine } from "./lms.js"

const LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"
const SOURCES = "123456789abcdefghijklmnopqrstuvwxyz"

// SCORM 1.2 names choices, sources and targets with single characters; 2004 takes identifiers
// (the stable keys) and its own delimiters.
const FORMATS = {
  "1.2": {
    choices: (keys, all) => keys.map((k) => LETTERS[all.indexOf(k)]).join(","),
    pairs: (pairs, items, categories) => pairs.map(([i, c]) => `${SOURCES[items.indexOf(i)]}.${LETTERS[categories.indexOf(c)]}`).join(","),
    bool: (value) => (value ? "t" : "f"),
    text: (text, limit) => oneLine(text).slice(0, limit),
    wrong: "wrong",
  },
  "2004": {
    choices: (keys) => keys.join("[,]"),
    pairs: (pairs) => pairs.map(([i, c]) => `${i}[.]${c}`).join("[,]"),
    bool: (value) => String(Boolean(value)),
    // `[,]` separates the strings of a fill-in response, so a typed one must not form it.
    text: (text, limit) => oneLine(String(text).replaceAll("[,]", "[ ,]")).slice(0, limit),
    wrong: "incorrect",
  },
}

// The interaction of one checked question, or null when it has not been checked.
export function questionInteraction(id, key, state, version, limit) {
  const mapping = scormOf(key?.type)
  if (!mapping || !state?.checked || state.response == null) return null
  const f = FORMATS[version]
  return {
    id,
    type: mapping.type,
    patterns: mapping.patterns(key, f, limit),
    response: mapping.response(key, state.response, f, limit),
    result: state.correct && !state.revealed ? "correct" : f.wrong,
    weighting: "1",
  }
}
