// Entry of assets/crs/home.js, loaded on the module home (<!-- crs:lessons -->): progress over
// the lesson list (a bar, each lesson's status, Reset progress) and "Continue where you left off".
import { markObjectives } from "./objectives.js"
import { describe } from "./report.js"
import { mountResume } from "./resume.js"
import { askFirst, clear, course, follow, h, lessonOf, lessonStatus, mark, objectiveStates, plural, register } from "./shared.js"

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

register("[data-crs-lessons]", mountLessons)
register("[data-crs-resume]", mountResume)
