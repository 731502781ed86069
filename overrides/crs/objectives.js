// An objective's state shown in its list item, on lesson pages and the module home.
import { h } from "./shared.js"

// Each objective's state in words ("met", "lesson done"), so the tick never claims more than
// the learner showed (model.js objectiveStates).
export function markObjectives(list, states) {
  ;[...(list?.querySelectorAll(":scope > li") ?? [])].forEach((item, index) => {
    const state = states[index]
    item.classList.toggle("crs-objective--met", state === "met")
    item.classList.toggle("crs-objective--lesson-done", state === "lesson done")
    item.querySelector(".crs-objective__state")?.remove()
    if (state) item.append(h("span", { class: "crs-objective__state" }, h("span", { "aria-hidden": "true" }, " ✓ "), `(${state})`))
  })
}
