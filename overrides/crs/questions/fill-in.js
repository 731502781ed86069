// Fill in: a typed answer, accepted when it matches an accepted answer as compared.
import { result } from "./result.js"

const TYPOGRAPHIC = { "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " " }

// Same steps as normalize_answer in crs/questiontypes/fillin.py: NFKC, lower case, typographic
// quotes and dashes made plain, inner space collapsed, surrounding space and punctuation removed.
export function normalizeAnswer(text) {
  return String(text ?? "")
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201c\u201d\u2013\u2014\u00a0]/g, (c) => TYPOGRAPHIC[c])
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "")
}

export default {
  type: "fill-in",
  unanswered: "Type an answer first.",
  // The page's key (crs/questiontypes/fillin.py pack).
  unpack: ([answers, feedback]) => ({ answers, feedback }),
  // Saved as the learner types, not only on change, so a reload keeps a half-typed answer.
  savesOnInput: true,
  grade(key, response) {
    const typed = normalizeAnswer(response)
    const correct = typed !== "" && key.answers.some((a) => normalizeAnswer(a) === typed)
    return result(typed !== "", correct ? 1 : 0, 1, {})
  },
  correctResponse: (key) => key.answers[0],
  validResponse: (key, response) => (typeof response === "string" ? response : null),
  read: (fieldset) => fieldset.querySelector("input").value,
  show(fieldset, response) {
    fieldset.querySelector("input").value = response ?? ""
  },
  partFeedback: () => null,
  // The hint shown under "Not quite."
  wrongHint: (key) => key.feedback,
}

// SCORM interaction (overrides/crs/scorm/interactions.js gives `f`, the version's formats):
  // every accepted answer is a right response.
// A named export of its own, so the site's bundles leave it out.
export const scorm = {
  type: "fill-in",
  patterns: (key, f, limit) => key.answers.map((answer) => f.text(answer, limit)),
  response: (key, response, f, limit) => f.text(response, limit),
}
