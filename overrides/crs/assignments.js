// Assignment links, pure: what a tutor chose, carried in the #fragment of a link to
// assignment.html, so it works from file:// and never reaches a server. Format version 1:
//
//   #v=1&id=<id>&t=<title>&d=<YYYY-MM-DD>&r=<prompt ids>&q=<quiz ids>&i=<instructions>&c=<check>
//
// Values are percent-encoded; `r` and `q` are comma-separated ids (ids are [a-z0-9-], so they need
// no encoding); `d`, `r`, `q` and `i` are left out when empty. `c` is a checksum (FNV-1a, base 36)
// of everything before "&c=", so a link cut short in an e-mail or edited by hand is noticed rather
// than silently showing less. Used by the builder (tutor.js) and the learner page (assignment.js).
export const VERSION = 1
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
export const LIMITS = { title: 120, instructions: 1500 }

export function slug(text, max = 40) {
  return String(text ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, max)
    .replace(/^-+|-+$/g, "")
}

export function checksum(text) {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0
  return hash.toString(36)
}

export function validDate(text) {
  const m = DATE.exec(text)
  if (!m) return false
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  return date.getUTCFullYear() === +m[1] && date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3]
}

// {id, title, due, instructions, prompts: [ids], quizzes: [ids]} -> fragment (without "#").
export function encode(a) {
  const parts = [`v=${VERSION}`, `id=${encodeURIComponent(a.id || slug(a.title) || "assignment")}`, `t=${encodeURIComponent(a.title)}`]
  if (a.due) parts.push(`d=${encodeURIComponent(a.due)}`)
  if (a.prompts?.length) parts.push(`r=${a.prompts.join(",")}`)
  if (a.quizzes?.length) parts.push(`q=${a.quizzes.join(",")}`)
  if (a.instructions) parts.push(`i=${encodeURIComponent(a.instructions)}`)
  const body = parts.join("&")
  return `${body}&c=${checksum(body)}`
}

// Every prompt and quiz id the course has (from the course model, model.js).
export function known(model) {
  const prompts = new Set()
  const quizzes = new Set()
  for (const lesson of model?.lessons ?? []) {
    for (const r of lesson.reflections) prompts.add(r.id)
    for (const q of lesson.quizzes) quizzes.add(q.id)
  }
  return { prompts, quizzes }
}

const quoted = (text) => `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`

// fragment -> {empty} | {assignment, problems}: whatever is valid is kept, and each thing that is
// not is named in `problems` (sentences for the learner).
export function decode(fragment, model) {
  const text = String(fragment ?? "").replace(/^#/, "")
  if (!text.trim()) return { empty: true, problems: [] }
  const problems = []
  const fields = new Map()
  const cut = text.lastIndexOf("&c=")
  const body = cut >= 0 ? text.slice(0, cut) : text
  for (const part of text.split("&")) {
    if (!part) continue
    const eq = part.indexOf("=")
    const name = eq < 0 ? part : part.slice(0, eq)
    const raw = eq < 0 ? "" : part.slice(eq + 1)
    try {
      fields.set(name, decodeURIComponent(raw.replace(/\+/g, " ")))
    } catch {
      problems.push(`Part ${quoted(name)} of the link is damaged, so it was left out.`)
    }
  }
  const version = fields.get("v")
  const newer = /^\d+$/.test(version ?? "") && Number(version) > VERSION
  if (version == null) problems.push("The link does not say which format it uses; it was read as format 1.")
  else if (newer) problems.push(`This link was made by a newer version of the course (link format ${version}; this page reads format ${VERSION}): what could be read is shown; ask your tutor for a new link.`)
  else if (version !== String(VERSION)) problems.push(`The link's format ${quoted(version)} is not one this page knows; it was read as format ${VERSION}.`)
  if (!fields.has("c")) problems.push("The link has no check code: it may have been cut short, so some of what your tutor chose may be missing.")
  else if (fields.get("c") !== checksum(body)) problems.push("The link was changed or cut short after your tutor made it (its check code does not match): some of what they chose may be missing.")
  if (!newer) {
    const unknownParts = [...fields.keys()].filter((name) => !["v", "id", "t", "d", "r", "q", "i", "c"].includes(name))
    if (unknownParts.length) problems.push(`The link has parts this page does not know (${unknownParts.map(quoted).join(", ")}); they were ignored.`)
  }

  let title = (fields.get("t") ?? "").trim().slice(0, LIMITS.title)
  if (!title) {
    problems.push("The link has no title.")
    title = "Assignment"
  }
  let id = fields.get("id") ?? ""
  if (!ID.test(id)) {
    if (id) problems.push(`The assignment id ${quoted(id)} is not valid; one was made from the title.`)
    id = slug(title) || "assignment"
  }
  let due = fields.get("d") ?? ""
  if (due && !validDate(due)) {
    problems.push(`The due date ${quoted(due)} is not a date (expected year-month-day), so it is not shown.`)
    due = ""
  }
  const course = known(model)
  // Ids the tutor asked for that this course cannot show are kept apart: they still count in
  // the progress and are named in the submission, so a damaged link never reads as "all done".
  const notFound = { prompts: [], quizzes: [] }
  const list = (name, what, have, lost) => {
    const out = []
    for (const item of (fields.get(name) ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
      if (out.includes(item) || lost.includes(item)) continue
      if (have.has(item)) {
        out.push(item)
        continue
      }
      lost.push(item)
      if (!ID.test(item)) problems.push(`${quoted(item)} is not a valid ${what} id, so it was left out.`)
      else problems.push(`This course has no ${what} ${quoted(item)} (renamed, or mistyped in the link?), so it was left out.`)
    }
    return out
  }
  const prompts = list("r", "prompt", course.prompts, notFound.prompts)
  const quizzes = list("q", "quiz", course.quizzes, notFound.quizzes)
  if (!prompts.length && !quizzes.length) problems.push("The link names no prompt or quiz that this course has, so there is nothing to answer.")
  const instructions = (fields.get("i") ?? "").slice(0, LIMITS.instructions)
  const assignment = { id, title, due, instructions, prompts, quizzes }
  if (notFound.prompts.length || notFound.quizzes.length) assignment.not_found = notFound
  return { assignment, problems }
}

// The ids of the items an assignment covers: prompts, and every question of its quizzes.
export function scope(model, assignment) {
  const prompts = new Set(assignment.prompts)
  const questions = new Set()
  for (const lesson of model?.lessons ?? [])
    for (const quiz of lesson.quizzes) if (assignment.quizzes.includes(quiz.id)) for (const q of quiz.questions) questions.add(q)
  return { prompts, questions }
}
