// The class summary (collate.js) as a tutor reads and files it: every answer to one prompt side
// by side, one Markdown file for reading and marking, one CSV file for a gradebook. Pure, shared
// by the page and the notebook like collate.js; no dates of "now", so both write the same bytes.

export function words(text) {
  return String(text ?? "").trim().split(/\s+/).filter(Boolean).length
}

// Every learner who was asked the prompt, with their answer ("" when left empty).
export function answersTo(summary, promptId) {
  return summary.learners
    .filter((l) => l.prompts.includes(promptId))
    .map((l) => ({ learner: l.learner, assignment: l.assignment, file: l.file, text: l.answers[promptId], words: words(l.answers[promptId]) }))
}

export const late = (l) => (l.daysLate ? `${l.daysLate} day${l.daysLate === 1 ? "" : "s"} late` : "")
export const percent = (part, whole) => (whole ? `${Math.round((100 * part) / whole)}%` : "")

const cell = (text) => String(text).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ")
const quote = (text) => text.trim().split("\n").map((line) => `> ${line}`.trimEnd()).join("\n")

function table(head, rows) {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)]
}

// One Markdown file: who submitted what, completion, scores, then every prompt's answers.
export function toMarkdown(summary, outline) {
  const prompt = new Map(outline.prompts.map((p) => [p.id, p]))
  const lines = [`# Class summary: ${outline.title || outline.course}`, "", `${summary.learners.length} submission${summary.learners.length === 1 ? "" : "s"} (course ${outline.course}, build ${outline.version}).`]
  if (summary.problems.length) {
    lines.push("", "## Files skipped", "", ...table(["File", "Why"], summary.problems.map((p) => [p.file, p.reason])))
  }
  lines.push("", "## Who submitted what", "")
  lines.push(...table(["Learner", "Assignment", "Downloaded", "Late", "Course build", "Prompts answered", "Quiz score"], summary.learners.map((l) => [
    l.learner, l.assignment, l.exportedAt, late(l) || "no", l.build + (l.otherBuild ? " (not this build)" : ""),
    `${l.promptsAnswered} of ${l.prompts.length}`, l.questions ? `${l.correct} of ${l.questions} (${l.score}%)` : "no quiz",
  ])))
  if (summary.prompts.length) {
    lines.push("", "## Completion per prompt", "", ...table(["Prompt", "Answered", "Asked", "Share"], summary.prompts.map((p) => [p.id, p.answered, p.asked, percent(p.answered, p.asked)])))
  }
  if (summary.questions.length) {
    lines.push("", "## Quiz questions", "", ...table(["Question", "Quiz", "Correct", "Wrong", "Unanswered", "Asked"], summary.questions.map((q) => [q.id, q.quiz, q.correct, q.wrong, q.unanswered, q.asked])))
    lines.push("", "Score distribution:", "", ...table(["Score", "Learners"], summary.scores.map((b) => [`${b.from}–${b.to}%`, b.count])))
    if (summary.mostMissed.length) lines.push("", "Most missed: " + summary.mostMissed.map((q) => `${q.id} (${q.wrong} wrong, ${q.unanswered} unanswered of ${q.asked})`).join("; ") + ".")
  }
  for (const p of summary.prompts) {
    lines.push("", `## Prompt ${p.id}`, "", `_${prompt.get(p.id).lesson}_`, "", quote(prompt.get(p.id).text))
    for (const a of answersTo(summary, p.id)) {
      lines.push("", `### ${a.learner}${summary.learners.some((l) => l.assignment !== a.assignment) ? ` (${a.assignment})` : ""}`, "", a.text.trim() ? `${a.text.trim()}\n\n_${a.words} word${a.words === 1 ? "" : "s"}_` : "_No answer._")
    }
  }
  return `${lines.join("\n")}\n`
}

// A spreadsheet program could run a cell that starts like a formula: such a cell gets a leading
// apostrophe, which they show as text.
function csvField(value) {
  let text = value == null ? "" : String(value)
  if (/^[=+@\t\r]|^-(?!\s)/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

// One row per learner, one column per question (correct / wrong / empty) and per prompt (the
// answer). UTF-8 with a byte-order mark and CRLF line ends, which spreadsheet programs expect.
export function toCSV(summary) {
  const questions = summary.questions.map((q) => q.id)
  const prompts = summary.prompts.map((p) => p.id)
  const head = ["learner", "assignment", "file", "downloaded", "days_late", "course_build", "prompts_answered", "prompts_asked", "correct", "answered", "questions", "score_percent", ...questions, ...prompts]
  const rows = summary.learners.map((l) => [
    l.learner, l.assignment, l.file, l.exportedAt, l.daysLate, l.build, l.promptsAnswered, l.prompts.length, l.correct, l.answered, l.questions, l.score ?? "",
    ...questions.map((id) => (id in l.results ? (l.results[id] === "unanswered" ? "" : l.results[id]) : "not asked")),
    ...prompts.map((id) => (l.prompts.includes(id) ? l.answers[id] : "not asked")),
  ])
  return `\ufeff${[head, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`
}
