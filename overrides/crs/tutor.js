// Entry of assets/crs/tutor.js, loaded only on tutor pages (front matter `tutor: true`, or
// docs/tutor/.meta.yml), so learner pages never download it. Two components: "Copy link" buttons
// in the tutor guide, and the assignment builder (crs/templates/assignment-builder.html).
import { LIMITS, decode, encode, slug } from "./assignments.js"
import { course, h, plural, register, say as announce } from "./shared.js"

async function copyText(text, fallbackInput) {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    if (!fallbackInput) return false
    fallbackInput.select()
    try {
      return document.execCommand("copy")
    } catch {
      return false
    }
  }
}

function liveRegion(parent) {
  const region = h("p", { class: "crs-visually-hidden", role: "status" })
  parent.append(region)
  return (text) => announce(region, text)
}

// The guide: a "Copy link" button beside each prompt's link.
function mountGuide(el) {
  const say = liveRegion(el)
  for (const link of el.querySelectorAll("a[data-crs-copy-link]")) {
    const id = link.closest("[data-crs-guide-prompt]")?.dataset.crsGuidePrompt ?? ""
    const button = h("button", { type: "button", class: "crs-button crs-button--small", "aria-label": `Copy link to prompt ${id}` }, "Copy link")
    button.addEventListener("click", async () => {
      const ok = await copyText(new URL(link.getAttribute("href"), location.href).href)
      say(ok ? `Link to prompt ${id} copied.` : "Could not copy: use the link's context menu instead.")
    })
    link.after(" ", button)
  }
}

// The builder: form -> assignment -> link, handout and summary, kept in step on every change.
function mountBuilder(el) {
  const form = el.querySelector("[data-crs-builder-form]")
  const $ = (name) => el.querySelector(`[data-crs-builder-${name}]`)
  const handout = document.querySelector("[data-crs-handout]")
  const learnerPage = new URL(el.dataset.crsLearnerPage, location.href)
  const status = $("message")
  const say = (text) => announce(status, text)
  const boxes = (name) => [...form.querySelectorAll(`input[name="${name}"]`)]

  const read = () => {
    const title = form.title.value.trim().slice(0, LIMITS.title)
    return {
      id: slug(title) || "assignment",
      title,
      due: form.due.value,
      instructions: form.instructions.value.trim().slice(0, LIMITS.instructions),
      prompts: boxes("prompt").filter((b) => b.checked).map((b) => b.value),
      quizzes: boxes("quiz").filter((b) => b.checked).map((b) => b.value),
    }
  }

  const update = () => {
    const a = read()
    const count = a.prompts.length + a.quizzes.length
    const ready = Boolean(a.title && count)
    const fragment = encode(a)
    const url = `${learnerPage.href.split("#")[0]}#${fragment}`
    $("url").value = ready ? url : ""
    $("summary").textContent = ready
      ? `“${a.title}”: ${plural(a.prompts.length, "prompt")} and ${plural(a.quizzes.length, "quiz")}${a.due ? `, due ${a.due}` : ""}. The link is ${url.length} characters long.`
      : !a.title ? "Give the assignment a title." : "Choose at least one prompt or quiz."
    for (const button of [$("copy"), $("print")]) button.disabled = !ready
    const open = $("open")
    if (ready) {
      open.href = url
      open.removeAttribute("aria-disabled")
    } else {
      open.removeAttribute("href")
      open.setAttribute("aria-disabled", "true")
    }
    if (ready) history.replaceState(null, "", `#${fragment}`)
    if (handout) {
      handout.querySelector("[data-crs-handout-title]").textContent = a.title || "Assignment"
      handout.querySelector("[data-crs-handout-due]").textContent = a.due ? `Due: ${a.due}` : ""
      handout.querySelector("[data-crs-handout-instructions]").replaceChildren(...(a.instructions ? a.instructions.split(/\n{2,}/).map((p) => h("p", {}, p)) : []))
      const chosen = new Set([...a.prompts.map((id) => `prompt:${id}`), ...a.quizzes.map((id) => `quiz:${id}`)])
      for (const item of handout.querySelectorAll("[data-crs-handout-item]")) item.hidden = !chosen.has(item.dataset.crsHandoutItem)
    }
  }

  const filter = () => {
    const words = form.querySelector("#crs-builder-search").value.toLowerCase().split(/\s+/).filter(Boolean)
    let shown = 0
    const items = form.querySelectorAll("[data-crs-builder-item]")
    for (const item of items) {
      const text = item.textContent.toLowerCase()
      item.hidden = !words.every((w) => text.includes(w))
      if (!item.hidden) shown += 1
    }
    for (const lesson of form.querySelectorAll("[data-crs-builder-lesson]")) lesson.hidden = !lesson.querySelector("[data-crs-builder-item]:not([hidden])")
    $("count").textContent = words.length ? `${shown} of ${items.length} shown` : ""
  }

  // Reopening the builder with an assignment's fragment fills the form in (to edit or reuse it).
  const restore = () => {
    const { assignment } = decode(location.hash, course())
    if (!assignment) return
    form.title.value = /(^|&)t=/.test(location.hash.slice(1)) ? assignment.title : ""
    form.due.value = assignment.due
    form.instructions.value = assignment.instructions
    for (const b of boxes("prompt")) b.checked = assignment.prompts.includes(b.value)
    for (const b of boxes("quiz")) b.checked = assignment.quizzes.includes(b.value)
  }

  form.addEventListener("submit", (event) => event.preventDefault())
  form.addEventListener("input", (event) => (event.target.type === "search" ? filter() : update()))
  form.addEventListener("change", update)
  $("copy").addEventListener("click", async () => {
    const ok = await copyText($("url").value, $("url"))
    say(ok ? "Link copied: paste it into an e-mail or your course page." : "Could not copy: select the link and copy it yourself.")
  })
  $("print").addEventListener("click", () => window.print())
  restore()
  update()
}

register("[data-crs-guide-lesson]", mountGuide)
register("[data-crs-builder]", mountBuilder)
