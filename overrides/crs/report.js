// A learner's work as text: a lesson's progress line (lesson pages, the workspace) and the
// readable Markdown copy (workspace export, an assignment's submission). Part of page bundles,
// so it takes the course rules from crs.js (shared.js).
import { lessonStatus, plural, quizScore, scoreText, statusText } from "./shared.js"

// "1 of 2 prompts answered, 3 of 5 questions answered": what a status counts, without its verdict.
export function counts(status) {
  const parts = []
  if (status.promptTotal) parts.push(`${status.prompts} of ${plural(status.promptTotal, "prompt")} answered`)
  if (status.questions) parts.push(`${status.answered} of ${plural(status.questions, "question")} answered`)
  if (status.marked) parts.push("marked done")
  return parts.join(", ")
}

export function describe(status) {
  const parts = counts(status)
  return `${statusText(status)}${parts ? `: ${parts}` : ""}`
}

export function getter(items) {
  const map = new Map(items.map((item) => [`${item.kind}.${item.id}`, item.value]))
  return (kind, id) => map.get(`${kind}.${id}`)
}

const quote = (text) => text.trim().split("\n").map((line) => `> ${line}`.trimEnd()).join("\n")

export const stamp = (now) => `${now.toISOString().slice(0, 16).replace("T", " ")} UTC`

// `head`: the lines before the lessons. `scope` ({prompts, quizzes}: Sets of ids) keeps only
// those, and the lessons that have any; without it every lesson is listed with its progress.
export function toMarkdown(model, items, head, scope) {
  const get = getter(items)
  const lines = [...head]
  for (const lesson of model.lessons) {
    const reflections = lesson.reflections.filter((r) => !scope || scope.prompts.has(r.id))
    const quizzes = lesson.quizzes.filter((q) => !scope || scope.quizzes.has(q.id))
    if (scope && !reflections.length && !quizzes.length) continue
    lines.push("", `## ${lesson.title}`)
    if (!scope) lines.push("", `Progress: ${statusText(lessonStatus(lesson, get))}`)
    if (reflections.length) lines.push("", "### Reflections")
    for (const reflection of reflections) {
      const answer = String(get("reflection", reflection.id) ?? "").trim()
      lines.push("", quote(reflection.prompt), "", answer || "_No answer yet._")
    }
    if (quizzes.length) lines.push("", "### Quizzes", "")
    for (const quiz of quizzes) lines.push(`- ${quiz.title}: ${scoreText(quizScore(quiz, get))}`)
  }
  return `${lines.join("\n")}\n`
}
