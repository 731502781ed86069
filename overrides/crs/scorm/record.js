// What the LMS is told, worked out from the course model and the learner's saved work, with no
// LMS calls: status, score, interactions, comments, suspend data and the notes a learner needs
// when an answer does not fit. launch.js writes what changed.
import { lessonStatus } from "../model.js"
import { questionInteraction } from "./interactions.js"
import { VERSIONS, oneLine } from "./lms.js"
import { encode } from "./suspend.js"

const questionIds = (model) => [...new Set(model.lessons.flatMap((l) => l.quizzes.flatMap((q) => q.questions)))]
const prompts = (model) => model.lessons.flatMap((l) => l.reflections)
const textOf = (get, id) => String(get("reflection", id) ?? "")

// The learner's saved work in the shape suspend.js writes. get(kind, id) -> saved value.
export function collect(model, get, saved, slots) {
  const quizzes = {}
  for (const id of questionIds(model)) if (get("quiz", id)) quizzes[id] = get("quiz", id)
  const reflections = {}
  for (const { id } of prompts(model)) if (textOf(get, id)) reflections[id] = textOf(get, id)
  const pages = model.lessons.filter((l) => get("page", l.page)?.done === true).map((l) => l.page)
  return { course: model.course, saved, quizzes, pages, reflections, slots }
}

export function progress(model, get) {
  const ids = questionIds(model)
  const correct = ids.filter((id) => {
    const s = get("quiz", id)
    return s?.checked === true && s.correct === true && !s.revealed
  }).length
  const lessonsDone = model.lessons.every((l) => lessonStatus(l, get).done)
  const written = prompts(model).every(({ id }) => textOf(get, id).trim())
  return { raw: ids.length ? Math.round((100 * correct) / ids.length) : 0, complete: lessonsDone && written }
}

// Status words; a passed (or completed) attempt stays so whatever happens on a revisit.
export function statuses(version, { raw, complete }, mastery, prior) {
  const verdict = raw >= mastery ? "passed" : "failed"
  return VERSIONS[version].statuses({ complete, verdict, prior })
}

// Every interaction the module has now: checked questions, then written reflections.
// entryTime(kind, id) -> ISO time of the saved value.
export function interactions(model, keys, get, version, entryTime) {
  const { limits, stamp, fields } = VERSIONS[version]
  const out = []
  for (const id of questionIds(model)) {
    const found = questionInteraction(id, keys[id], get("quiz", id), version, limits.response)
    if (found) out.push({ ...found, time: stamp(entryTime("quiz", id)) })
  }
  for (const { id, prompt } of prompts(model)) {
    const text = textOf(get, id)
    if (!text.trim()) continue
    out.push({
      id,
      type: fields.reflection,
      patterns: [],
      response: oneLine(text).slice(0, limits.reflection),
      result: "neutral",
      description: fields.description ? oneLine(String(prompt).replace(/\s+/g, " ").trim()).slice(0, 250) : undefined,
      time: stamp(entryTime("reflection", id)),
    })
  }
  return out
}

// SCORM 1.2 cmi.comments: "[prompt id] answer" per written prompt, whole answers as many as fit.
export function comments(model, get, limit) {
  let text = ""
  const left = []
  for (const { id } of prompts(model)) {
    const answer = textOf(get, id).trim()
    if (!answer) continue
    const next = `${text}${text ? "\n\n" : ""}[${id}] ${answer}`
    if (next.length <= limit) text = next
    else left.push(id)
  }
  return { text, left }
}

// The answers in comments written by comments(), by prompt id: a block starts at a known id.
export function parseComments(model, text) {
  const ids = prompts(model).map((p) => p.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
  if (!text || !ids.length) return {}
  const start = new RegExp(`(?:^|\n\n)\\[(${ids.join("|")})\\] `, "g")
  const found = [...text.matchAll(start)]
  return Object.fromEntries(
    found.map((m, i) => [m[1], text.slice(m.index + m[0].length, found[i + 1]?.index ?? text.length)]),
  )
}

const NOTES = {
  short: (n) => `In the LMS's report of your answers your tutor sees the first ${n.toLocaleString("en")} characters of this answer; the rest is in the comments the LMS keeps for them.`,
  cut: (n) => `This answer is longer than the LMS keeps (${n.toLocaleString("en")} characters): your tutor sees its beginning there. The whole answer stays in this browser and in your workspace export: send that to your tutor.`,
  suspend: () => "This answer is too long for the LMS to keep for your next visit from another device. It stays in this browser and in your workspace export.",
}

// Notes per prompt id for answers the LMS cannot take whole.
export function notes(model, get, version, commentsLeft, suspendLeft) {
  const { limits } = VERSIONS[version]
  const out = {}
  const add = (id, text) => (out[id] ??= []).push(text)
  for (const { id } of prompts(model)) {
    const length = oneLine(textOf(get, id)).length
    if (length > limits.reflection) {
      if (limits.comments && !commentsLeft.includes(id)) add(id, NOTES.short(limits.reflection))
      else add(id, NOTES.cut(limits.reflection))
    }
    if (suspendLeft.includes(id)) add(id, NOTES.suspend())
  }
  return out
}

export function suspendData(model, keys, get, version, saved, slots) {
  return encode(collect(model, get, saved, slots), keys, VERSIONS[version].limits.suspend)
}
