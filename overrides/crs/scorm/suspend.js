// cmi.suspend_data: every quiz answer, lesson mark and reflection of the module in a compact
// JSON (SCORM 1.2 allows 4,096 characters). Option, item and category keys are written as their
// position in the question's key, answers and marks as small numbers. Reflections go in whole
// or not at all, as many as fit; the ones left out are reported, never cut.
//
//   {"v":1, "c":course, "t":saved (s, base 36),
//    "q":{id:[response, flags, attempts, interaction]}, "p":[done page], "r":{id:[text|null, interaction]}}
const VERSION = 1
const CHECKED = 1
const CORRECT = 2
const REVEALED = 4

// The keys a question's responses are made of, in key order.
function vocabulary(key) {
  return [...Object.keys(key?.options ?? {}), ...Object.keys(key?.items ?? {}), ...Object.keys(key?.categories ?? {})]
}

function pack(value, words) {
  if (typeof value === "string") return words.includes(value) ? words.indexOf(value) : value
  if (Array.isArray(value)) return value.map((v) => pack(v, words))
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [String(pack(k, words)), pack(v, words)]))
  }
  return value
}

function unpack(value, words) {
  if (typeof value === "number") return words[value] ?? null
  if (Array.isArray(value)) return value.map((v) => unpack(v, words))
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [/^\d+$/.test(k) ? words[Number(k)] : k, unpack(v, words)]))
  }
  return value
}

// state: {course, saved (ms), quizzes: {id: saved quiz state}, pages: [src], reflections: {id: text},
// slots: {id: interaction index}}. Returns {text, left: [reflection ids not kept]}.
export function encode(state, keys, limit) {
  const slot = (id) => state.slots[id] ?? -1
  const q = {}
  for (const [id, s] of Object.entries(state.quizzes)) {
    const flags = (s.checked ? CHECKED : 0) | (s.correct ? CORRECT : 0) | (s.revealed ? REVEALED : 0)
    q[id] = [pack(s.response, vocabulary(keys[id])), flags, s.attempts ?? 0, slot(id)]
  }
  const data = { v: VERSION, c: state.course, t: Math.floor(state.saved / 1000).toString(36), q, p: state.pages, r: {} }
  const ids = Object.keys(state.reflections)
  for (const id of ids) data.r[id] = [null, slot(id)]
  let text = JSON.stringify(data)
  const left = []
  for (const id of ids) {
    data.r[id][0] = state.reflections[id]
    const longer = JSON.stringify(data)
    if (longer.length <= limit) text = longer
    else {
      data.r[id][0] = null
      left.push(id)
    }
  }
  return { text, left }
}

const isId = (id) => typeof id === "string" && id.length > 0

// The state written by encode, or null when the text is empty; throws on damaged or foreign data.
export function decode(text, course, keys) {
  if (!text) return null
  const data = JSON.parse(text)
  if (data?.v !== VERSION || data.c !== course) throw new Error("not this course's data")
  const { q, p, r } = data
  if (!q || typeof q !== "object" || !Array.isArray(p) || !r || typeof r !== "object") throw new Error("damaged data")
  const state = { course, saved: parseInt(data.t, 36) * 1000 || 0, quizzes: {}, pages: p.filter(isId), reflections: {}, slots: {} }
  for (const [id, entry] of Object.entries(q)) {
    if (!Array.isArray(entry)) throw new Error("damaged data")
    const [response, flags, attempts, n] = entry
    state.quizzes[id] = {
      response: unpack(response ?? null, vocabulary(keys[id])),
      checked: Boolean(flags & CHECKED),
      correct: Boolean(flags & CORRECT),
      revealed: Boolean(flags & REVEALED),
      attempts: Number.isInteger(attempts) ? attempts : 0,
    }
    if (Number.isInteger(n) && n >= 0) state.slots[id] = n
  }
  for (const [id, entry] of Object.entries(r)) {
    if (!Array.isArray(entry)) throw new Error("damaged data")
    if (typeof entry[0] === "string") state.reflections[id] = entry[0]
    if (Number.isInteger(entry[1]) && entry[1] >= 0) state.slots[id] = entry[1]
  }
  return state
}
