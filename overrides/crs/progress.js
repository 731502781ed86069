// Progress marks in the navigation, on every page; lessons.js shows them on lesson pages and
// the module home.
import { h } from "./dom.js"
import { course, follow, lessonStatus, siteUrl, statusText } from "./model.js"

const GLYPH = { "Done": "✓", "In progress": "◐", "Not started": "○" }

// The glyph is decoration; `spoken` adds the status as text for screen readers.
export function mark(status, spoken = true) {
  const text = statusText(status)
  return h(
    "span",
    { class: `crs-mark crs-mark--${text.replace(" ", "-").toLowerCase()}` },
    h("span", { "aria-hidden": "true" }, GLYPH[text]),
    spoken && h("span", { class: "crs-visually-hidden" }, ` (${text.toLowerCase()})`),
  )
}

export function mountNav(nav) {
  const model = course()
  if (!model) return
  const byPath = new Map(model.lessons.map((l) => [new URL(siteUrl(l.url)).pathname, l]))
  const render = () => {
    for (const link of nav.querySelectorAll("a.md-nav__link[href]")) {
      const lesson = byPath.get(new URL(link.href).pathname)
      if (!lesson) continue
      link.querySelector(".crs-mark")?.remove()
      link.append(mark(lessonStatus(lesson)))
    }
  }
  render()
  follow(nav, render)
}
