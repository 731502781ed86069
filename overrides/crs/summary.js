// Entry of assets/crs/summary.js, loaded only on the Class summary tutor page, in place of the
// tutor bundle (crs/templates/class-summary.html). The tutor chooses or drops learners' submission
// files; they are read here, in the browser (nothing is uploaded or kept), and summarised by
// collate.js, the rules the notebook download runs too.
import { barChart } from "./charts.js"
import { collate } from "./collate.js"
import { answersTo, late, percent, toCSV, toMarkdown } from "./collate-export.js"
import { download, h, plural, register, say } from "./shared.js"

const KINDS = { damaged: "Damaged", foreign: "Not a submission", "other-course": "Another course", newer: "Newer format", duplicate: "Older duplicate" }
const when = (iso) => `${iso.slice(0, 16).replace("T", " ")} UTC`
const strict = new TextDecoder("utf-8", { fatal: true })

async function readFile(file) {
  try {
    return { name: file.name, text: strict.decode(await file.arrayBuffer()) }
  } catch {
    return { name: file.name, text: null }
  }
}

// A wide table scrolls inside its own box, which takes focus so the keyboard can scroll it too.
function table(caption, head, rows) {
  return h("div", { class: "crs-summary__scroll", tabindex: "0", role: "region", "aria-label": caption }, h("table", {},
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, head.map((text) => h("th", { scope: "col" }, text)))),
    h("tbody", {}, rows.map((row) => h("tr", {}, row.map((text, i) => (i === 0 ? h("th", { scope: "row" }, text) : h("td", {}, text)))))),
  ))
}

function section(title, id, ...body) {
  return h("section", { class: "crs-summary__section", "aria-labelledby": id }, h("h2", { id }, title), ...body)
}

function mountSummary(el) {
  const outline = JSON.parse(el.dataset.crsOutline)
  const root = new URL(el.dataset.crsSiteRoot, location.href)
  const link = (path, text, label) => h("a", { href: new URL(path, root).href, "aria-label": label }, text)
  const prompts = new Map(outline.prompts.map((p) => [p.id, p]))
  const questions = new Map(outline.quizzes.flatMap((quiz) => quiz.questions.map((q) => [q.id, { ...q, quiz: quiz.title }])))
  const $ = (name) => el.querySelector(`[data-crs-summary-${name}]`)
  const input = $("input")
  const drop = $("drop")
  const status = $("status")
  const result = $("result")
  let files = []
  let summary = null
  let chosenPrompt = ""

  const add = async (list) => {
    const read = await Promise.all([...list].map(readFile))
    let renamed = 0
    for (const file of read) {
      if (files.some((f) => f.name === file.name && f.text === file.text)) continue
      let name = file.name
      for (let n = 2; files.some((f) => f.name === name); n += 1) name = `${file.name} (${n})`
      renamed += name !== file.name
      files.push({ name, text: file.text })
    }
    summary = collate(files, outline)
    render()
    const skipped = summary.problems.length
    say(status, `${plural(summary.learners.length, "submission")} read from ${plural(files.length, "file")}${skipped ? `; ${plural(skipped, "file")} skipped or superseded (listed below)` : ""}.${renamed ? ` ${plural(renamed, "file")} had the name of another with different content; both are kept.` : ""}`)
  }

  const answers = () => {
    const box = h("div", { class: "crs-summary__answers" })
    const show = () => {
      chosenPrompt = select.value
      const prompt = prompts.get(chosenPrompt)
      box.replaceChildren(
        h("blockquote", {}, prompt.text, " ", link(prompt.href, "Open in the lesson")),
        h("ol", { class: "crs-summary__answer-list" }, answersTo(summary, chosenPrompt).map((a) =>
          h("li", { class: `crs-summary__answer${a.text.trim() ? "" : " crs-summary__answer--empty"}` },
            h("p", { class: "crs-summary__answer-who" }, h("strong", {}, a.learner), ` · ${plural(a.words, "word")}`),
            a.text.trim() ? h("div", { class: "crs-summary__answer-text" }, a.text.trim()) : h("p", {}, h("em", {}, "No answer (left empty).")),
          ))),
      )
    }
    const select = h("select", { id: "crs-summary-prompt", onchange: show },
      summary.prompts.map((p) => h("option", { value: p.id, selected: p.id === chosenPrompt }, `${p.id} (${prompts.get(p.id).lesson})`)))
    show()
    return [h("p", {}, h("label", { for: "crs-summary-prompt" }, "Prompt: "), select), box]
  }

  const render = () => {
    result.hidden = files.length === 0
    if (!summary) return result.replaceChildren()
    const s = summary
    const out = []
    if (s.problems.length) {
      out.push(section("Files skipped", "crs-summary-problems", h("p", {}, "These files are not in the summary; nothing in them was changed."),
        table(`${plural(s.problems.length, "file")} skipped or superseded`, ["File", "Problem", "Why"], s.problems.map((p) => [p.file, KINDS[p.kind] ?? p.kind, p.reason]))))
    }
    out.push(section("Who submitted what", "crs-summary-who",
      table(`${plural(s.learners.length, "submission")}`, ["Learner", "Assignment", "Downloaded", "Late", "Course build", "Prompts answered", "Quiz score"], s.learners.map((l) => [
        l.learner, l.title ? `${l.title} (${l.assignment})` : l.assignment, when(l.exportedAt), late(l) || (l.due ? "on time" : "no due date"),
        l.otherBuild ? `${l.build || "unknown"} (not this build)` : l.build, `${l.promptsAnswered} of ${l.prompts.length}`, l.questions ? `${l.correct} of ${l.questions} (${l.score}%)` : "no quiz",
      ]))))
    if (s.prompts.length) {
      const max = Math.max(...s.prompts.map((p) => p.asked))
      out.push(section("Completion per prompt", "crs-summary-prompts",
        barChart({ bars: s.prompts.map((p) => ({ label: p.id, value: p.answered })), max, describe: `Bar chart of learners who answered each prompt, out of ${max}; the table below has the figures.` }),
        table("Learners who answered each prompt", ["Prompt", "Lesson", "Answered", "Asked", "Share"], s.prompts.map((p) => [link(prompts.get(p.id).href, p.id), prompts.get(p.id).lesson, String(p.answered), String(p.asked), percent(p.answered, p.asked)]))))
    }
    if (s.questions.length) {
      const scored = s.scores.reduce((n, b) => n + b.count, 0)
      out.push(section("Quiz scores", "crs-summary-scores",
        barChart({ bars: s.scores.map((b) => ({ label: `${b.from}–${b.to}%`, value: b.count })), max: Math.max(...s.scores.map((b) => b.count)), describe: `Bar chart of how many learners scored in each band, ${scored} learners in all; the table below has the figures.` }),
        table("Learners by share of quiz questions correct", ["Score", "Learners"], s.scores.map((b) => [`${b.from}–${b.to}%`, String(b.count)]))))
      const keyed = (list, caption) => table(caption, ["Question", "Quiz", "Wrong", "Unanswered", "Correct", "Asked", "Answer key"], list.map((q) => [
        link(questions.get(q.id).href, q.id, `${q.id}: open its lesson section`), questions.get(q.id).quiz, String(q.wrong), String(q.unanswered), String(q.correct), String(q.asked),
        link(questions.get(q.id).key, "Answer key", `Answer key of ${q.id}, in the tutor guide`),
      ]))
      out.push(section("Most-missed questions", "crs-summary-missed",
        h("p", {}, "Missed: checked and not right, or the answer was shown. Each question links to the lesson section that teaches it."),
        s.mostMissed.length ? keyed(s.mostMissed, "Questions most often missed, most first") : h("p", {}, "No question was missed.")))
      out.push(section("Completion per question", "crs-summary-questions", keyed(s.questions, "Every question asked, in course order")))
    }
    if (s.prompts.length) out.push(section("Every answer to one prompt", "crs-summary-answers", ...answers()))
    out.push(section("Export", "crs-summary-export",
      h("p", {}, "Markdown for reading and marking (every answer, prompt by prompt); CSV for a gradebook (one row per learner, one column per question and prompt)."),
      h("p", {},
        h("button", { type: "button", class: "crs-button", onclick: () => save("md") }, "Download Markdown"), " ",
        h("button", { type: "button", class: "crs-button", onclick: () => save("csv") }, "Download CSV"), " ",
        h("button", { type: "button", class: "crs-button", onclick: clear }, "Start again"))))
    result.replaceChildren(...out)
  }

  const save = (kind) => {
    const name = `class-summary-${outline.course}.${kind}`
    if (kind === "md") download(name, toMarkdown(summary, outline), "text/markdown;charset=utf-8")
    else download(name, toCSV(summary), "text/csv;charset=utf-8")
    say(status, `Saved ${name}.`)
  }

  function clear() {
    files = []
    summary = null
    render()
    input.value = ""
    input.focus()
    say(status, "Cleared: no files are open.")
  }

  input.addEventListener("change", () => add(input.files))
  drop.addEventListener("dragover", (event) => {
    event.preventDefault()
    drop.classList.add("crs-summary__drop--over")
  })
  drop.addEventListener("dragleave", () => drop.classList.remove("crs-summary__drop--over"))
  drop.addEventListener("drop", (event) => {
    event.preventDefault()
    drop.classList.remove("crs-summary__drop--over")
    add(event.dataTransfer.files)
  })
  $("nojs").hidden = true
  drop.hidden = false
}

register("[data-crs-summary]", mountSummary)
