// Each question type's SCORM interaction: its interaction type, the right response(s) and the
// learner's response, written in each version's own format. Keys and responses are in the shape
// overrides/crs/quizzes.js uses (data-crs-quiz-key, saved state).

const LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"
const SOURCES = "123456789abcdefghijklmnopqrstuvwxyz"

// SCORM 1.2 names choices, sources and targets with single characters; 2004 takes identifiers
// (the stable keys) and its own delimiters.
const FORMATS = {
  "1.2": {
    choices: (keys, all) => keys.map((k) => LETTERS[all.indexOf(k)]).join(","),
    pairs: (pairs, items, categories) => pairs.map(([i, c]) => `${SOURCES[items.indexOf(i)]}.${LETTERS[categories.indexOf(c)]}`).join(","),
    bool: (value) => (value ? "t" : "f"),
    text: (text, limit) => String(text).slice(0, limit),
  },
  "2004": {
    choices: (keys) => keys.join("[,]"),
    pairs: (pairs) => pairs.map(([i, c]) => `${i}[.]${c}`).join("[,]"),
    bool: (value) => String(Boolean(value)),
    // `[,]` separates the strings of a fill-in response, so a typed one must not form it.
    text: (text, limit) => String(text).replaceAll("[,]", "[ ,]").slice(0, limit),
  },
}

const options = (key) => Object.keys(key.options ?? {})
const items = (key) => Object.keys(key.items ?? {})
const categories = (key) => Object.keys(key.categories ?? {})
const chosen = (key) => options(key).filter((k) => key.options[k].correct)

// type -> {type, patterns(key, f, limit) -> [pattern], response(key, r, f, limit) -> string}
export const TYPES = {
  single: {
    type: "choice",
    patterns: (key, f) => [f.choices(chosen(key), options(key))],
    response: (key, r, f) => f.choices([r], options(key)),
  },
  multiple: {
    type: "choice",
    patterns: (key, f) => [f.choices(chosen(key), options(key))],
    response: (key, r, f) => f.choices(options(key).filter((k) => r.includes(k)), options(key)),
  },
  "true-false": {
    type: "true-false",
    patterns: (key, f) => [f.bool(key.answer)],
    response: (key, r, f) => f.bool(r),
  },
  "fill-in": {
    type: "fill-in",
    patterns: (key, f, limit) => key.answers.map((a) => f.text(a, limit)),
    response: (key, r, f, limit) => f.text(r, limit),
  },
  classify: {
    type: "matching",
    patterns: (key, f) => [f.pairs(items(key).map((i) => [i, key.items[i].category]), items(key), categories(key))],
    response: (key, r, f) => f.pairs(items(key).filter((i) => r[i]).map((i) => [i, r[i]]), items(key), categories(key)),
  },
  order: {
    type: "sequencing",
    patterns: (key, f) => [f.choices(key.order, key.order)],
    response: (key, r, f) => f.choices(r, key.order),
  },
}

// The interaction of one checked question, or null when it has not been checked.
export function questionInteraction(id, key, state, version, limit) {
  const mapping = TYPES[key?.type]
  if (!mapping || !state?.checked || state.response == null) return null
  const f = FORMATS[version]
  return {
    id,
    type: mapping.type,
    patterns: mapping.patterns(key, f, limit),
    response: mapping.response(key, state.response, f, limit),
    result: state.correct && !state.revealed ? "correct" : version === "1.2" ? "wrong" : "incorrect",
    weighting: "1",
  }
}
