// Asking before a destructive action, the same way everywhere (Reset quiz, Reset progress, Clear
// all): a small panel in the page, next to the button, never window.confirm. It says what goes
// and what is kept, takes focus, and gives it back to the button when answered; Escape cancels.
import { h } from "./dom.js"

let counter = 0

// anchor: the button that asked. choices: [[label, act]] shown before Cancel; the first is the
// destructive one. Returns nothing; every choice and Cancel closes the panel.
export function askFirst(anchor, { question, detail, choices, onCancel }) {
  anchor.parentElement.querySelector(":scope > .crs-confirm")?.remove()
  const id = `crs-confirm-${++counter}`
  const close = () => {
    panel.remove()
    anchor.focus()
  }
  const cancel = () => (close(), onCancel?.())
  const heading = h("p", { class: "crs-confirm__question", id, tabindex: "-1" }, question)
  const buttons = choices.map(([label, act], index) =>
    h("button", { type: "button", class: `crs-button${index ? "" : " crs-button--danger"}`, onclick: () => (close(), act()) }, label),
  )
  const panel = h(
    "div",
    { class: "crs-confirm", role: "group", "aria-labelledby": id },
    heading,
    h("p", { class: "crs-confirm__detail" }, detail),
    h("p", { class: "crs-confirm__actions" }, ...buttons, h("button", { type: "button", class: "crs-button", onclick: cancel }, "Cancel")),
  )
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault()
      cancel()
    }
  })
  anchor.after(panel)
  heading.focus()
}
