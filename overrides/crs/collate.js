// Collating learners' submission files into a class summary: the one definition of the rules,
// pure and without the DOM. The "Class summary" tutor page (summary.js) runs it in the browser;
// the notebook download runs the same code in Python through an embedded JavaScript engine
// (crs/kit/collate.py), so both give the same figures for the same files.
//
// A submission is what "Download my submission" saves on the assignment page, or "Export JSON"
// on My workspace: the workspace export format (exchange.js) plus `assignment` and `learner`.
// `outline` is the course as data, written by the build (crs/collation.py outline()).
import { parseImport } from "./exchange.js"
import { hasText, questionState } from "./rules.js"

export const WHOLE_COURSE = "(whole course)"
// Score bands of the distribution, in percent: [from, to] inclusive.
export const BANDS = [[0, 19], [20, 39], [40, 59], [60, 79], [80, 100]]
const MOST_MISSED = 10
const DATE = /^\d{4}-\d{2}-\d{2}$/

const problem = (file, kind, reason) => ({ problem: { file, kind, reason } })

function checkAssignment(assignment) {
  if (assignment == null) return true
  const ids = (list) => list === undefined || (Array.isArray(list) && list.every((id) => typeof id === "string"))
  return typeof assignment === "object" && typeof assignment.id === "string" && assignment.id !== "" && ids(assignment.prompts) && ids(assignment.quizzes)
}

// One file: {submission} or {problem: {file, kind, reason}}; never throws for bad input.
// `text` is null when the file's bytes are not UTF-8 text.
export function readSubmission(file, text, outline) {
  if (text == null) return problem(file, "damaged", "This file is not text (expected a .json submission).")
  const model = { course: outline.course }
  const parsed = parseImport(text, model)
  if (parsed.error) {
    const notJson = parsed.kind === "damaged" && !/\.json$/i.test(file)
    if (notJson) return problem(file, "foreign", "This is not a JSON submission file (a learner's .md copy is for reading; the .json file is the one to collect).")
    return problem(file, parsed.kind, parsed.error)
  }
  const data = parsed.data
  if (typeof data.exported_at !== "string" || Number.isNaN(Date.parse(data.exported_at)))
    return problem(file, "damaged", "This export is damaged: it does not say when it was downloaded (exported_at).")
  if (!checkAssignment(data.assignment))
    return problem(file, "damaged", "This submission is damaged: its assignment has no id, or its lists of prompts and quizzes are not lists of ids.")
  const learner = typeof data.learner === "string" && data.learner.trim() ? data.learner.trim() : file.replace(/\.[^.]*$/, "")
  const assignment = data.assignment
    ? { id: data.assignment.id, title: String(data.assignment.title ?? ""), due: DATE.test(data.assignment.due ?? "") ? data.assignment.due : "", prompts: data.assignment.prompts ?? [], quizzes: data.assignment.quizzes ?? [] }
    : null
  const answers = {}
  for (const [id, entry] of Object.entries(data.answers ?? {})) if (hasText(entry.text)) answers[id] = entry.text
  const quizzes = {}
  for (const [id, entry] of Object.entries(data.quizzes ?? {})) quizzes[id] = entry.value
  return { submission: { file, learner, assignment, exportedAt: data.exported_at, build: typeof data.version === "string" ? data.version : "", answers, quizzes } }
}

// Prompt and question ids a submission was asked, in course order: its assignment's, or every
// one of the course for a whole-workspace export. Ids the course no longer has are left out.
function asked(sub, outline) {
  const a = sub.assignment
  const prompts = outline.prompts.filter((p) => !a || a.prompts.includes(p.id)).map((p) => p.id)
  const questions = outline.quizzes.filter((q) => !a || a.quizzes.includes(q.id)).flatMap((q) => q.questions.map((x) => x.id))
  return { prompts, questions }
}

export function result(value) {
  const state = questionState(value)
  return state.correct ? "correct" : state.answered ? "wrong" : "unanswered"
}

// Late when downloaded on a (UTC) day after the due date; the number of days late.
export function lateness(exportedAt, due) {
  if (!due) return 0
  const day = Date.parse(`${new Date(exportedAt).toISOString().slice(0, 10)}T00:00:00Z`)
  return Math.max(0, Math.round((day - Date.parse(`${due}T00:00:00Z`)) / 86400000))
}

// The same learner (name, case and spaces ignored) twice for one assignment: the newest download
// counts (ties: the file name last in order); the others are listed.
function resolveDuplicates(subs, problems) {
  const kept = new Map()
  for (const sub of subs) {
    const key = `${sub.learner.toLowerCase().replace(/\s+/g, " ")}\n${sub.assignment?.id ?? WHOLE_COURSE}`
    const other = kept.get(key)
    if (!other) {
      kept.set(key, sub)
      continue
    }
    const [older, newer] = Date.parse(sub.exportedAt) >= Date.parse(other.exportedAt) ? [other, sub] : [sub, other]
    kept.set(key, newer)
    problems.push({ file: older.file, kind: "duplicate", reason: `An earlier submission by ${older.learner} (downloaded ${older.exportedAt}); ${newer.file} (downloaded ${newer.exportedAt}) is used instead.` })
  }
  return [...kept.values()]
}

const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

// files: [{name, text}] -> the class summary (plain data; the page and the notebook show it).
export function collate(files, outline) {
  const problems = []
  const read = []
  for (const { name, text } of [...files].sort((a, b) => byName(a.name, b.name))) {
    const out = readSubmission(name, text, outline)
    if (out.problem) problems.push(out.problem)
    else read.push(out.submission)
  }
  const subs = resolveDuplicates(read, problems).sort((a, b) => byName(a.assignment?.id ?? WHOLE_COURSE, b.assignment?.id ?? WHOLE_COURSE) || byName(a.learner.toLowerCase(), b.learner.toLowerCase()) || byName(a.file, b.file))
  const prompts = new Map(outline.prompts.map((p) => [p.id, { id: p.id, answered: 0, asked: 0 }]))
  const questions = new Map(outline.quizzes.flatMap((q) => q.questions.map((x) => [x.id, { id: x.id, quiz: q.id, correct: 0, wrong: 0, unanswered: 0, asked: 0 }])))
  const learners = subs.map((sub) => {
    const scope = asked(sub, outline)
    const results = {}
    for (const id of scope.prompts) {
      prompts.get(id).asked += 1
      if (id in sub.answers) prompts.get(id).answered += 1
    }
    for (const id of scope.questions) {
      results[id] = result(sub.quizzes[id])
      questions.get(id).asked += 1
      questions.get(id)[results[id]] += 1
    }
    const count = (what) => Object.values(results).filter((r) => r === what).length
    const total = scope.questions.length
    const correct = count("correct")
    return {
      learner: sub.learner,
      file: sub.file,
      assignment: sub.assignment?.id ?? WHOLE_COURSE,
      title: sub.assignment?.title ?? "",
      due: sub.assignment?.due ?? "",
      exportedAt: sub.exportedAt,
      build: sub.build,
      otherBuild: sub.build !== outline.version,
      daysLate: lateness(sub.exportedAt, sub.assignment?.due),
      prompts: scope.prompts,
      promptsAnswered: scope.prompts.filter((id) => id in sub.answers).length,
      answers: Object.fromEntries(scope.prompts.map((id) => [id, sub.answers[id] ?? ""])),
      results,
      correct,
      answered: total - count("unanswered"),
      questions: total,
      score: total ? Math.round((100 * correct) / total) : null,
    }
  })
  const scored = learners.filter((l) => l.score != null)
  const perQuestion = [...questions.values()].filter((q) => q.asked)
  return {
    course: outline.course,
    version: outline.version,
    learners,
    problems: problems.sort((a, b) => byName(a.file, b.file)),
    prompts: [...prompts.values()].filter((p) => p.asked),
    questions: perQuestion,
    scores: BANDS.map(([from, to]) => ({ from, to, count: scored.filter((l) => l.score >= from && l.score <= to).length })),
    mostMissed: perQuestion
      .filter((q) => q.wrong || q.unanswered)
      .map((q, order) => ({ ...q, order }))
      .sort((a, b) => b.wrong - a.wrong || b.unanswered - a.unanswered || a.order - b.order)
      .slice(0, MOST_MISSED)
      .map(({ order, ...q }) => q),
  }
}
