// Entry of assets/crs/lessons.js, loaded on lesson pages and the module home: progress on a
// lesson page (status, objectives met, "Mark this lesson done", where the learner is) and on the
// home (a bar, each lesson's status, Reset progress, "Continue where you left off").
import { describe } from "./report.js"
import { mountResume, trackResume } from "./resume.js"
import { askFirst, clear, course, follow, h, lessonOf, lessonStatus, mark, objectiveStates, plural, register, remove, write } from "./shared.js"

// Each objective's state in words ("met", "lesson done"), so the tick never claims more than
// the learner showed (model.js objectiveStates).
function markObjectives(list, states) {
  ;[...(list?.querySelectorAll(":scope > li") ?? [])].forEach((item, index) => {
    const state = states[index]
    item.classList.toggle("crs-objective--met", state === "met")
    item.classList.toggle("crs-objective--lesson-done", state === "lesson done")
    item.querySelector(".crs-objective__state")?.remove()
    if (state) item.append(h("span", { class: "crs-objective__state" }, h("span", { "aria-hidden": "true" }, " ✓ "), `(${state})`))
  })
}

function mountLesson(meta) {
  const lesson = lessonOf(course(), meta.dataset.crsLesson)
  if (!lesson) return
  const line = h("p", { class: "crs-lesson-meta__progress" })
  meta.append(line)
  const button = h("button", { type: "button", class: "crs-button", "aria-pressed": "false" }, "Mark this lesson done")
  const note = h("span", { class: "crs-lesson-done__status", "aria-live": "polite" })
  button.addEventListener("click", () => {
    if (button.getAttribute("aria-pressed") === "true") remove("page", lesson.page)
    else write("page", lesson.page, { done: true })
  })
  const holder = h("div", { class: "crs-lesson-done" }, button, " ", note)
  const after = meta.parentElement.querySelector(".crs-keypoints") ?? meta
  after.after(holder)
  const render = () => {
    const status = lessonStatus(lesson)
    line.textContent = `Your progress: ${describe(status)}`
    button.setAttribute("aria-pressed", String(status.marked))
    note.textContent = status.done ? "This lesson is done." : ""
    markObjectives(meta.querySelector(".crs-objectives ul"), objectiveStates(course(), lesson, status))
  }
  render()
  follow(meta, render)
  trackResume(meta)
}

function mountLessons(el) {
  const model = course()
  if (!model) return
  const bar = h("progress", { class: "crs-progress__bar", id: "crs-progress-bar", max: model.lessons.length })
  const label = h("label", { for: "crs-progress-bar", class: "crs-progress__label" })
  const reset = h("button", { type: "button", class: "crs-button" }, "Reset progress")
  reset.addEventListener("click", () =>
    askFirst(reset, {
      question: "Reset your progress?",
      detail: "Lesson marks, quiz answers and your place in the course are cleared. Your reflection answers are kept.",
      choices: [["Reset progress", () => clear(["page", "quiz", "resume"])]],
    }),
  )
  el.prepend(h("div", { class: "crs-progress" }, label, " ", bar, " ", reset))
  const render = () => {
    let done = 0
    for (const item of el.querySelectorAll("[data-crs-lesson-item]")) {
      const lesson = lessonOf(model, item.dataset.crsLessonItem)
      if (!lesson) continue
      const status = lessonStatus(lesson)
      done += status.done
      item.querySelector(".crs-lesson-status")?.remove()
      item.querySelector(".crs-lessons__title")?.append(" ", h("span", { class: "crs-lesson-status" }, mark(status, false), " ", describe(status)))
      markObjectives(item.querySelector(".crs-lessons__objectives"), objectiveStates(model, lesson, status))
    }
    bar.value = done
    label.textContent = `Your progress: ${done} of ${plural(model.lessons.length, "lesson")} done`
  }
  render()
  follow(el, render)
}

register("[data-crs-lesson]", mountLesson)
register("[data-crs-lessons]", mountLessons)
register("[data-crs-resume]", mountResume)
