// Where the learner was working, so the module home can offer "Continue where you left off":
// on a lesson page, the last section scrolled to or the prompt or question last worked on,
// saved under storage kind "resume" (not part of exports: it is a place, not work).
import { course, lessonOf, read, siteUrl, write } from "./shared.js"

const KIND = "resume"
const ID = "last"

// The section a learner is reading: the last heading with an id above the top third of the
// window (headings in `headings`, each {id, text, top}).
export function currentSection(headings, viewportHeight) {
  let found = null
  for (const heading of headings) if (heading.top <= viewportHeight / 3) found = heading
  return found
}

// {href, lesson, section} for the home's button, or null when there is nothing to resume.
export function resumeTarget(model, saved) {
  const lesson = saved && lessonOf(model, saved.page)
  if (!lesson) return null
  const anchor = typeof saved.anchor === "string" && /^[\w-]+$/.test(saved.anchor) ? saved.anchor : ""
  return { url: anchor ? `${lesson.url}#${anchor}` : lesson.url, lesson, section: anchor ? String(saved.label ?? "") : "" }
}

export function trackResume(meta) {
  const page = meta.dataset.crsLesson
  const article = meta.closest("article") ?? document
  const remember = (anchor, label) => {
    const saved = read(KIND, ID)
    if (saved?.page === page && saved.anchor === anchor) return
    write(KIND, ID, { page, anchor, label })
  }
  let timer
  const onScroll = () => {
    if (!meta.isConnected) return window.removeEventListener("scroll", onScroll)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const headings = [...article.querySelectorAll("h2[id], h3[id]")].map((h) => ({
        id: h.id,
        text: h.textContent.replace(/¶$/, "").trim(),
        top: h.getBoundingClientRect().top,
      }))
      const section = currentSection(headings, window.innerHeight)
      remember(section?.id ?? "", section?.text ?? "")
    }, 400)
  }
  window.addEventListener("scroll", onScroll, { passive: true })
  article.addEventListener("focusin", (event) => {
    const item = event.target.closest("[data-crs-reflection], [data-crs-question]")
    if (!item?.id) return
    const label = item.closest("[data-crs-quiz]") ? "a quiz question" : "a reflection prompt"
    remember(item.id, label)
  })
  if (!read(KIND, ID) || read(KIND, ID).page !== page) remember("", "")
}

export function mountResume(holder) {
  const model = course()
  const target = resumeTarget(model, read(KIND, ID))
  if (!target) return
  const link = holder.querySelector("[data-crs-resume-link]")
  link.textContent = "Continue where you left off"
  link.href = siteUrl(target.url)
  // The lesson's title as the home's lesson list shows it (crs/templates/lessons.html, every
  // lesson of the course), so the page's course data need not carry the titles again.
  const listed = document.querySelector(`[data-crs-lesson-item="${CSS.escape(target.lesson.page)}"] .crs-lessons__title a`)
  const where = holder.querySelector("[data-crs-resume-where]")
  where.textContent = `“${listed.textContent}”${target.section ? `, at ${target.section}` : ""}`
}
