// Export, import and merge of the learner's work, as pure functions of the course model and
// the stored items ([{kind, id, value, updated}]). The JSON format is documented in
// overrides/assets/crs/workspace-export.schema.json.
import { lessonStatus, quizScore, statusText } from "./model.js"

export const FORMAT = "crs-workspace"
export const VERSION = 1
// kind in storage <-> section of the export, and how one item is written in it
const SECTIONS = {
  reflection: ["answers", (v) => ({ text: v }), (e) => e.text, (e) => typeof e.text === "string"],
  quiz: ["quizzes", (v) => ({ value: v }), (e) => e.value, (e) => "value" in e],
  page: ["pages", (v) => ({ done: v?.done === true }), (e) => ({ done: e.done }), (e) => typeof e.done === "boolean"],
}

function getter(items) {
  const map = new Map(items.map((item) => [`${item.kind}.${item.id}`, item.value]))
  return (kind, id) => map.get(`${kind}.${id}`)
}

export function toJSON(model, items, now = new Date()) {
  const out = { format: FORMAT, schema: VERSION, course: model.course, version: model.version, exported_at: now.toISOString() }
  for (const [name] of Object.values(SECTIONS)) out[name] = {}
  for (const item of items) {
    const section = SECTIONS[item.kind]
    if (section) out[section[0]][item.id] = { ...section[1](item.value), updated: item.updated }
  }
  return out
}

const quote = (text) => text.trim().split("\n").map((line) => `> ${line}`.trimEnd()).join("\n")

export function toMarkdown(model, items, title, now = new Date()) {
  const get = getter(items)
  const lines = [`# ${title}: my workspace`, "", `Exported ${now.toISOString().slice(0, 16).replace("T", " ")} UTC (course ${model.course}, build ${model.version}).`]
  for (const lesson of model.lessons) {
    lines.push("", `## ${lesson.title}`, "", `Progress: ${statusText(lessonStatus(lesson, get))}`)
    if (lesson.reflections.length) lines.push("", "### Reflections")
    for (const reflection of lesson.reflections) {
      const answer = String(get("reflection", reflection.id) ?? "").trim()
      lines.push("", quote(reflection.prompt), "", answer || "_No answer yet._")
    }
    if (lesson.quizzes.length) lines.push("", "### Quizzes", "")
    for (const quiz of lesson.quizzes) lines.push(`- ${quiz.title}: ${scoreText(quizScore(quiz, get))}`)
  }
  return `${lines.join("\n")}\n`
}

export function scoreText({ total, answered, correct }) {
  return answered ? `${correct} of ${total} correct (${answered} answered)` : "not attempted"
}

// {data} when `text` is an export of this course that this page can read, else {error}.
export function parseImport(text, model) {
  let data
  try {
    data = JSON.parse(text)
  } catch {
    return { error: "This file is damaged: it is not valid JSON." }
  }
  if (!data || typeof data !== "object" || data.format !== FORMAT)
    return { error: "This is not a workspace export (a JSON file saved with “Export JSON”)." }
  if (data.course !== model.course)
    return { error: `This export belongs to another course (“${data.course}”), not “${model.course}”.` }
  if (!Number.isInteger(data.schema) || data.schema < 1) return { error: "This export is damaged: its format version is missing." }
  if (data.schema > VERSION)
    return { error: `This export was made by a newer version of the course (format ${data.schema}; this page reads format ${VERSION}). Open it with the newer course.` }
  for (const [name, , , valid] of Object.values(SECTIONS)) {
    const section = data[name] ?? {}
    if (typeof section !== "object" || Array.isArray(section)) return { error: `This export is damaged: “${name}” is not a list of items.` }
    for (const [id, entry] of Object.entries(section))
      if (!entry || typeof entry !== "object" || !valid(entry) || Number.isNaN(Date.parse(entry.updated)))
        return { error: `This export is damaged: item “${id}” in “${name}” is incomplete.` }
  }
  return { data }
}

// What an import would do, item by item: add (new here), replace (newer in the file) or keep
// (the same, or newer here). Ties keep what is here.
export function plan(data, items) {
  const here = new Map(items.map((item) => [`${item.kind}.${item.id}`, item]))
  const changes = []
  for (const [kind, [name, , value]] of Object.entries(SECTIONS)) {
    for (const [id, entry] of Object.entries(data[name] ?? {})) {
      const incoming = { kind, id, value: value(entry), updated: entry.updated }
      const current = here.get(`${kind}.${id}`)
      const same = current && JSON.stringify(current.value) === JSON.stringify(incoming.value)
      const action = !current ? "add" : !same && Date.parse(incoming.updated) > Date.parse(current.updated) ? "replace" : "keep"
      changes.push({ ...incoming, action })
    }
  }
  return changes
}
