// A reflection prompt becomes a labelled text area that saves as the learner types.
// Server markup (crs/blocks.py, crs/templates/workspace.html) keeps the prompt readable without
// JavaScript; this adds the field, a word count, a "Saved" state and a copy for printing.
import { follow, h, plural, readEntry, write } from "./shared.js"

const DELAY = 600

export function words(text) {
  const trimmed = text.trim()
  return trimmed ? trimmed.split(/\s+/u).length : 0
}

// The line under the field: nothing claims a saved answer where none is written.
export function countText(text) {
  const count = words(text)
  return count ? plural(count, "word") : "Nothing written yet"
}

export function savedText(text, kept) {
  if (!kept) return "Not saved: kept in this tab only"
  return text.trim() ? "Saved" : "Answer removed"
}

export function mountReflection(section) {
  const id = section.dataset.crsReflection
  const promptId = section.getAttribute("aria-labelledby")
  const base = promptId.replace(/-prompt$/, "")
  const guidance = section.querySelector(".crs-reflection__guidance")
  const field = h("textarea", {
    class: "crs-reflection__field",
    id: `${base}-answer`,
    rows: 6,
    spellcheck: "true",
    "aria-labelledby": promptId,
    "aria-describedby": guidance?.id,
  })
  const count = h("span", { class: "crs-reflection__words" })
  const state = h("span", { class: "crs-reflection__saved", "aria-live": "polite" })
  const copy = h("div", { class: "crs-reflection__print", "aria-hidden": "true" })
  section.append(field, copy, h("p", { class: "crs-reflection__status" }, count, state))
  const showState = (text) => (state.textContent = text ? ` · ${text}` : "")

  let timer
  let pending = false
  let mine // the `updated` stamp of our own last write, to tell echoes from real changes

  const show = () => {
    count.textContent = countText(field.value)
    copy.textContent = field.value
  }
  const save = () => {
    if (!pending) return
    pending = false
    clearTimeout(timer)
    mine = new Date().toISOString()
    const kept = write("reflection", id, field.value, mine)
    showState(savedText(field.value, kept))
    section.classList.toggle("crs-reflection--unsaved", !kept)
  }
  const load = (entry) => {
    field.value = entry?.value ?? ""
    show()
  }

  load(readEntry("reflection", id))
  showState(field.value.trim() ? "Saved" : "")
  field.addEventListener("input", () => {
    show()
    if (!pending) showState("Saving…")
    pending = true
    clearTimeout(timer)
    timer = setTimeout(save, DELAY)
  })
  field.addEventListener("blur", save)
  window.addEventListener("pagehide", save)
  document.addEventListener("visibilitychange", () => document.hidden && save())
  follow(section, (kind, changed, entry) => {
    const echo = entry && entry.updated === mine
    const other = kind == null || (kind === "reflection" && changed === id && !echo)
    if (other && !pending) load(kind ? entry : readEntry("reflection", id))
  })
}
