// The workspace export format: writing, checking and merging it, as pure functions of the course
// model and the stored items ([{kind, id, value, updated}]). Documented in
// docs/assets/crs/workspace-export.schema.json. No imports, so each bundle that writes or reads
// exports (saving.js for the storage notice and the workspace, the assignment page) can carry
// the part it uses.

export const FORMAT = "crs-workspace"
export const VERSION = 1
// kind in storage <-> section of the export, and how one item is written in it
const SECTIONS = {
  reflection: ["answers", (v) => ({ text: v }), (e) => e.text, (e) => typeof e.text === "string"],
  quiz: ["quizzes", (v) => ({ value: v }), (e) => e.value, (e) => "value" in e],
  page: ["pages", (v) => ({ done: v?.done === true }), (e) => ({ done: e.done }), (e) => typeof e.done === "boolean"],
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

// {data} when `text` is an export of this course that this page can read, else {error, kind}:
// kind is "damaged", "foreign" (not an export), "other-course" or "newer" (a newer format).
export function parseImport(text, model) {
  let data
  try {
    data = JSON.parse(text)
  } catch {
    return { kind: "damaged", error: "This file is damaged: it is not valid JSON." }
  }
  if (!data || typeof data !== "object" || data.format !== FORMAT)
    return { kind: "foreign", error: "This is not a workspace export (a JSON file saved with “Export JSON”)." }
  if (data.course !== model.course)
    return { kind: "other-course", error: `This export belongs to another course (“${data.course}”), not “${model.course}”.` }
  if (!Number.isInteger(data.schema) || data.schema < 1) return { kind: "damaged", error: "This export is damaged: its format version is missing." }
  if (data.schema > VERSION)
    return { kind: "newer", error: `This export was made by a newer version of the course (format ${data.schema}; this page reads format ${VERSION}). Open it with the newer course.` }
  for (const [name, , , valid] of Object.values(SECTIONS)) {
    const section = data[name] ?? {}
    if (typeof section !== "object" || Array.isArray(section)) return { kind: "damaged", error: `This export is damaged: “${name}” is not a list of items.` }
    for (const [id, entry] of Object.entries(section))
      if (!entry || typeof entry !== "object" || !valid(entry) || Number.isNaN(Date.parse(entry.updated)))
        return { kind: "damaged", error: `This export is damaged: item “${id}” in “${name}” is incomplete.` }
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
