// Entry of assets/crs/lessons.js, loaded on lesson pages: the lesson's progress (status,
// objectives met, "Mark this lesson done") and where the learner is (resume.js).
import { markObjectives } from "./objectives.js"
import { describe } from "./report.js"
import { trackResume } from "./resume.js"
import { course, follow, h, lessonOf, lessonStatus, objectiveStates, register, remove, write } from "./shared.js"

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

register("[data-crs-lesson]", mountLesson)
