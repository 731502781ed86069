// Entry of assets/crs/assignment.js, loaded only on the learner's assignment page
// (docs/assignment.md), so other learner pages never download it. The page holds an empty section
// per lesson (crs/templates/assignment.html); this loads the parts of the lessons the link draws
// on (every prompt and quiz of the lesson, hidden: crs.tutor.assignment_parts) and reveals the
// ones the link names. The prompts and quizzes themselves are mounted by crs.js exactly as on
// lesson pages, so answers are shared with the rest of the site under the same ids.
import { decode, scope, slug } from "./assignments.js"
import { counts, describe, getter, stamp, toMarkdown as workMarkdown } from "./report.js"
import { toJSON } from "./exchange.js"
import { course, download, entries, h, lessonStatus, register, say, subscribe } from "./shared.js"

// Stored items in the assignment's scope. A reflection is saved when its field loses focus, so
// text typed just before "Download" is in there too.
export function itemsFor(model, assignment, stored) {
  const { prompts, questions } = scope(model, assignment)
  return stored.filter((i) => (i.kind === "reflection" && prompts.has(i.id)) || (i.kind === "quiz" && questions.has(i.id)))
}

export function submission(model, assignment, items, learner, now = new Date()) {
  return { ...toJSON(model, items, now), assignment: { ...assignment }, learner }
}

// The assignment read as one lesson made of the chosen prompts and quizzes, so its progress
// follows the same rule and wording as a lesson's.
export function progressText(model, assignment, items) {
  const chosen = {
    reflections: assignment.prompts.map((id) => ({ id })),
    quizzes: model.lessons.flatMap((l) => l.quizzes).filter((q) => assignment.quizzes.includes(q.id)),
  }
  const status = lessonStatus(chosen, getter(items))
  const lost = (assignment.not_found?.prompts.length ?? 0) + (assignment.not_found?.quizzes.length ?? 0)
  if (lost) {
    const what = lost === 1 ? "1 item your tutor asked for cannot be found" : `${lost} items your tutor asked for cannot be found`
    const done = counts(status) || "nothing that can be shown"
    return `Progress: ${done}; ${what} (see above), so this is not complete. Download your work below and tell your tutor.`
  }
  return `Progress: ${describe(status)}.${status.done ? " All done: download your submission below." : ""}`
}

export function toMarkdown(model, assignment, items, learner, now = new Date()) {
  const head = [`# ${assignment.title}`, "", `- Learner: ${learner}`, `- Assignment: ${assignment.id}`]
  if (assignment.due) head.push(`- Due: ${assignment.due}`)
  head.push(`- Downloaded: ${stamp(now)} (course ${model.course}, build ${model.version})`)
  if (assignment.instructions) head.push("", "## Instructions", "", assignment.instructions)
  const lost = assignment.not_found ?? { prompts: [], quizzes: [] }
  if (lost.prompts.length || lost.quizzes.length) {
    head.push("", "## Asked for but not found", "", "The assignment link named these, and this course has none by that id:", "")
    for (const id of lost.prompts) head.push(`- prompt \`${id}\``)
    for (const id of lost.quizzes) head.push(`- quiz \`${id}\``)
  }
  const chosen = { prompts: new Set(assignment.prompts), quizzes: new Set(assignment.quizzes) }
  return workMarkdown(model, items, head, chosen)
}

// The lessons holding any prompt or quiz of the assignment.
export function lessonsFor(model, assignment) {
  const prompts = new Set(assignment.prompts)
  const quizzes = new Set(assignment.quizzes)
  return model.lessons.filter((l) => l.reflections.some((r) => prompts.has(r.id)) || l.quizzes.some((q) => quizzes.has(q.id)))
}

// Each lesson's part is a script calling window.crsAssignmentPart(lesson, html) (a script loads
// from file:// too); loaded once per visit of the page. A part that fails to load leaves its
// lesson out, and the progress line still counts what the link asked for.
function partLoader(el) {
  const loading = new Map()
  const arrived = new Map()
  window.crsAssignmentPart = (lesson, html) => arrived.get(lesson)?.(html)
  return (lesson) => {
    const section = el.querySelector(`[data-crs-assignment-lesson="${CSS.escape(lesson)}"]`)
    if (!section) return Promise.resolve()
    if (!loading.has(lesson)) {
      loading.set(lesson, new Promise((resolve) => {
        arrived.set(lesson, (html) => {
          section.innerHTML = html
          resolve()
        })
        document.body.append(h("script", { src: section.dataset.crsAssignmentPart, onerror: resolve }))
      }))
    }
    return loading.get(lesson)
  }
}

function mountAssignment(el) {
  const model = course()
  if (!model) return
  const loadPart = partLoader(el)
  const $ = (name) => el.querySelector(`[data-crs-assignment-${name}]`)
  const problemsBox = $("problems")
  const message = $("message")
  let current

  const items = () => itemsFor(model, current, entries())
  const showProgress = () => current && ($("progress").textContent = progressText(model, current, items()))

  let latest = 0
  const show = async () => {
    const result = decode(location.hash, model)
    const mine = ++latest
    if (result.assignment) {
      await Promise.all(lessonsFor(model, result.assignment).map((l) => loadPart(l.page)))
      if (mine !== latest) return // the link changed while its parts loaded
      // crs.js mounts every registered component not mounted yet: the parts' prompts and quizzes.
      register("[data-crs-assignment]", mountAssignment)
    }
    current = result.assignment
    problemsBox.hidden = !result.problems.length
    // Material's admonition sets `display`, which would override `hidden`: only while shown.
    problemsBox.classList.toggle("admonition", !problemsBox.hidden)
    problemsBox.classList.toggle("warning", !problemsBox.hidden)
    problemsBox.replaceChildren(
      h("p", { class: "admonition-title" }, result.problems.length === 1 ? "This assignment link has a problem:" : "This assignment link has problems:"),
      h("ul", {}, result.problems.map((p) => h("li", {}, p))),
    )
    // Served visible (the page without a link, and without JavaScript): only a link hides it.
    $("empty").hidden = !result.empty
    const chosen = new Set(current ? [...current.prompts.map((id) => `prompt:${id}`), ...current.quizzes.map((id) => `quiz:${id}`)] : [])
    for (const item of el.querySelectorAll("[data-crs-assignment-item]")) item.hidden = !chosen.has(item.dataset.crsAssignmentItem)
    for (const lesson of el.querySelectorAll("[data-crs-assignment-lesson]")) lesson.hidden = !lesson.querySelector("[data-crs-assignment-item]:not([hidden])")
    $("head").hidden = $("submit").hidden = !current
    if (!current) return
    $("title").textContent = current.title
    document.title = `${current.title} - ${document.title.split(" - ").pop()}`
    const due = $("due")
    due.hidden = !current.due
    due.textContent = current.due ? `Due: ${new Date(`${current.due}T12:00:00`).toLocaleDateString(undefined, { dateStyle: "full" })}` : ""
    const instructions = $("instructions")
    instructions.hidden = !current.instructions
    instructions.replaceChildren(...current.instructions.split(/\n{2,}/).map((para) => h("p", {}, para)))
    showProgress()
  }

  let timer
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(showProgress, 800)
  }
  for (const type of ["input", "change", "click", "focusout"]) el.addEventListener(type, later)
  subscribe(later)
  window.addEventListener("hashchange", show)

  const name = $("name")
  for (const button of el.querySelectorAll("[data-crs-assignment-download]")) {
    button.addEventListener("click", () => {
      const learner = name.value.trim()
      if (!learner) {
        say(message, "Type your name first: it names the file your tutor receives.")
        name.focus()
        return
      }
      const base = `${current.id}-${slug(learner) || "learner"}`
      const kept = items()
      if (button.dataset.crsAssignmentDownload === "json") {
        download(`${base}.json`, `${JSON.stringify(submission(model, current, kept, learner), null, 2)}\n`, "application/json")
        say(message, `Saved ${base}.json: send this file to your tutor.`)
      } else {
        download(`${base}.md`, toMarkdown(model, current, kept, learner), "text/markdown")
        say(message, `Saved ${base}.md, a readable copy of your work.`)
      }
    })
  }
  show()
}

register("[data-crs-assignment]", mountAssignment)
