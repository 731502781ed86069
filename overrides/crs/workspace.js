// Entry of assets/crs/workspace.js, loaded only on "My workspace" (docs/workspace.md). It fills
// the server-rendered list of prompts and quizzes (crs/templates/workspace.html) with scores and
// progress, and adds export, print, import and clear. The answers themselves are edited through
// the reflection part (reflections.js), as on lesson pages.
import { parseImport, plan } from "./exchange.js"
import { describe, stamp, toMarkdown } from "./report.js"
import { downloadAsides, exportJSON as saveJSON } from "./saving.js"
import {
  askFirst, asides, clear, course, download, entries, follow, h, lessonOf, lessonStatus, plural, quizScore,
  register, say as announce, scoreText, write,
} from "./shared.js"

const ACTION = { add: "new", replace: "newer in the file", keep: "kept (same or newer here)" }

// A prompt shortened at a word boundary, never mid-word.
export function shorten(text, max = 80) {
  const flat = text.replace(/\s+/g, " ").trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max + 1).replace(/\s+\S*$/, "")
  return `${cut || flat.slice(0, max)}…`
}

// What an imported item is, in the learner's words: lessons, prompts and quiz questions by their
// titles and numbers, never by their ids.
export function itemLabel(model, change) {
  for (const lesson of model.lessons) {
    if (change.kind === "page" && lesson.page === change.id) return `Lesson “${lesson.title}”: ${change.value.done ? "marked done" : "not marked"}`
    for (const r of lesson.reflections) if (change.kind === "reflection" && r.id === change.id) return `Answer to “${shorten(r.prompt)}”`
    for (const quiz of lesson.quizzes) {
      const number = quiz.questions.indexOf(change.id) + 1
      if (change.kind === "quiz" && number) return `Quiz “${quiz.title}”, question ${number} of ${quiz.questions.length}`
    }
  }
  return "An item from another version of the course (kept, but not shown on any page)"
}

function mountWorkspace(el) {
  const model = course()
  if (!model) return
  const title = () => document.querySelector(".md-header__topic .md-ellipsis")?.textContent.trim() || model.course
  const message = h("p", { class: "crs-workspace__message", role: "status" })
  const panel = h("div", { class: "crs-workspace__panel", hidden: true })
  const say = (text) => announce(message, text)
  const exportJSON = () => {
    saveJSON()
    say("Exported your work as JSON.")
  }
  const exportMarkdown = () => {
    const now = new Date()
    const head = [`# ${title()}: my workspace`, "", `Exported ${stamp(now)} (course ${model.course}, build ${model.version}).`]
    download(`${model.course}-workspace-${now.toISOString().slice(0, 10)}.md`, toMarkdown(model, entries(), head), "text/markdown")
    say("Exported your work as Markdown.")
  }
  const ask = (heading, body, buttons) => {
    const head = h("h2", { class: "crs-workspace__panel-title", tabindex: "-1" }, heading)
    const close = () => {
      panel.hidden = true
      panel.replaceChildren()
    }
    panel.replaceChildren(
      head,
      ...body,
      h("p", {}, ...buttons.map(([label, act]) => [h("button", { type: "button", class: "crs-button", onclick: () => (close(), act?.()) }, label), " "])),
    )
    panel.hidden = false
    head.focus()
  }
  const file = h("input", { type: "file", accept: ".json,application/json", hidden: true, id: "crs-import-file" })
  file.addEventListener("change", async () => {
    const chosen = file.files[0]
    file.value = ""
    if (!chosen) return
    const result = parseImport(await chosen.text(), model)
    if (result.error) return say(`Nothing was imported. ${result.error}`)
    say("") // an earlier message ("Everything was cleared.") no longer applies
    const changes = plan(result.data, entries())
    const apply = changes.filter((c) => c.action !== "keep")
    if (!apply.length) return say("Nothing to import: everything in this file is already here, or newer here.")
    ask(
      `Import ${plural(apply.length, "item")} from ${chosen.name}?`,
      [
        h("p", {}, `Newer wins, item by item. ${plural(changes.length - apply.length, "item")} in the file will not change anything.`),
        h("ul", {}, changes.map((c) => h("li", {}, `${itemLabel(model, c)}: ${ACTION[c.action]}`))),
      ],
      [
        ["Import", () => {
          for (const c of apply) write(c.kind, c.id, c.value, c.updated)
          say(`Imported ${plural(apply.length, "item")}.`)
        }],
        ["Cancel", () => say("Import cancelled: nothing was changed.")],
      ],
    )
  })
  const clearAll = () => {
    say("")
    askFirst(clearButton, {
      question: "Clear everything?",
      detail: "Every reflection answer, quiz answer and lesson mark kept in this browser is removed; nothing is kept. Export a copy first if you may want it back.",
      choices: [
        ["Clear everything", () => (clear(), say("Everything was cleared."))],
        ["Export JSON first", () => (exportJSON(), clearAll())],
      ],
      onCancel: () => say("Nothing was cleared."),
    })
  }
  const button = (label, act) => h("button", { type: "button", class: "crs-button", onclick: act }, label)
  const clearButton = button("Clear all", clearAll)
  const damaged = button("Download damaged data", downloadAsides)
  el.prepend(
    h("div", { class: "crs-workspace__actions", role: "group", "aria-label": "Your work" },
      button("Export Markdown", exportMarkdown), " ",
      button("Export JSON", exportJSON), " ",
      button("Print", () => window.print()), " ",
      button("Import JSON", () => file.click()), " ",
      clearButton, " ", damaged, file),
    message,
    panel,
  )
  const render = () => {
    damaged.hidden = !asides().length
    for (const section of el.querySelectorAll("[data-crs-workspace-lesson]")) {
      const lesson = lessonOf(model, section.dataset.crsWorkspaceLesson)
      const line = section.querySelector(".crs-workspace__progress")
      if (lesson && line) line.textContent = `Progress: ${describe(lessonStatus(lesson))}`
      for (const item of section.querySelectorAll("[data-crs-workspace-quiz]")) {
        const quiz = lesson?.quizzes.find((q) => q.id === item.dataset.crsWorkspaceQuiz)
        const score = item.querySelector(".crs-workspace__score")
        if (quiz && score) score.textContent = scoreText(quizScore(quiz))
      }
    }
  }
  render()
  follow(el, render)
}

register("[data-crs-workspace]", mountWorkspace)
