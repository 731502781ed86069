// Classify: each item goes in one category; each item is a part.
import { result } from "./result.js"

export default {
  type: "classify",
  unanswered: "Choose a category for every item first.",
  multiPart: true,
  // The page's key (crs/questiontypes/classify.py pack): [category's place, feedback] per item shown.
  unpack: (packed, parts) => ({
    categories: Object.fromEntries(parts.categories),
    items: Object.fromEntries(parts.keys.map((k, i) => [k, { category: parts.categories[packed[i][0]][0], feedback: packed[i][1] }])),
  }),
  grade(key, response) {
    const placed = response && typeof response === "object" ? response : {}
    const parts = {}
    let right = 0
    let answered = true
    for (const [itemKey, item] of Object.entries(key.items)) {
      if (!placed[itemKey]) answered = false
      parts[itemKey] = placed[itemKey] === item.category
      if (parts[itemKey]) right += 1
    }
    return result(answered, right, Object.keys(key.items).length, parts)
  },
  correctResponse: (key) => Object.fromEntries(Object.entries(key.items).map(([k, item]) => [k, item.category])),
  validResponse(key, response) {
    if (!response || typeof response !== "object" || Array.isArray(response)) return null
    const kept = {}
    for (const [itemKey, category] of Object.entries(response)) {
      if (itemKey in key.items && category in key.categories) kept[itemKey] = category
    }
    return kept
  },
  read(fieldset) {
    return Object.fromEntries(
      [...fieldset.querySelectorAll("[data-crs-item]")]
        .map((item) => [item.dataset.crsItem, item.querySelector("select").value])
        .filter(([, category]) => category),
    )
  },
  show(fieldset, response) {
    for (const item of fieldset.querySelectorAll("[data-crs-item]")) {
      item.querySelector("select").value = response?.[item.dataset.crsItem] ?? ""
    }
  },
  partFeedback(key, partKey, right, revealed) {
    const item = key.items[partKey]
    if (revealed) return [`Answer: ${key.categories[item.category]}`, item.feedback]
    if (right === undefined) return null
    return right ? ["Right", item.feedback] : ["Not in this category", ""]
  },
}

// SCORM interaction (overrides/crs/scorm/interactions.js gives `f`, the version's formats):
  // items are the sources, categories the targets.
// A named export of its own, so the site's bundles leave it out.
export const scorm = {
  type: "matching",
  patterns: (key, f) => [f.pairs(Object.entries(key.items).map(([k, item]) => [k, item.category]), Object.keys(key.items), Object.keys(key.categories))],
  response: (key, response, f) => f.pairs(Object.keys(key.items).filter((k) => response[k]).map((k) => [k, response[k]]), Object.keys(key.items), Object.keys(key.categories)),
}
