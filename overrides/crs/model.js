// The course model: its core, the same on every page (script #crs-course: lessons with their
// prompt and question ids), with what this page's bundle reads besides (script
// #crs-course-detail in the content, swapped by instant navigation; crs.coursedata
// COURSE_DETAIL) merged over it. Each script hands its data to its own element (crsData).
import { hasText, questionState } from "./rules.js"
import { read, subscribe } from "./storage.js"

// Material's config "base" is relative to the page first loaded; instant navigation keeps it.
const firstHref = location.href
let cache

export function course() {
  const core = document.getElementById("crs-course")?.crsData
  if (!core) return null
  const detail = document.getElementById("crs-course-detail")?.crsData
  if (cache?.core !== core || cache.detail !== detail) cache = { core, detail, model: withDetail(core, detail) }
  return cache.model
}

// The core with a page's detail over it: lesson by lesson (the detail lists them in the same
// order), or whole when the detail is the full model.
export function withDetail(core, detail) {
  if (!detail) return core
  return { ...core, ...detail, lessons: core.lessons.map((lesson, index) => ({ ...lesson, ...detail.lessons?.[index] })) }
}

// Absolute URL of a site-root-relative path such as "models.html". The site root comes from
// the course model's script, not Material's config, whose base is tutor/ on tutor pages.
export function siteUrl(path) {
  const base = document.getElementById("crs-course")?.dataset.crsBase || "."
  return new URL(path, new URL(base.replace(/\/?$/, "/"), firstHref)).href
}

export function lessonOf(model, page) {
  return model?.lessons.find((lesson) => lesson.page === page)
}

export function quizScore(quiz, get = read) {
  const states = quiz.questions.map((id) => questionState(get("quiz", id)))
  return {
    total: states.length,
    answered: states.filter((s) => s.answered).length,
    correct: states.filter((s) => s.correct).length,
  }
}

export function scoreText({ total, answered, correct }) {
  return answered ? `${correct} of ${total} correct (${answered} answered)` : "not attempted"
}

// done: every prompt has text and every question an answer (with at least one of them), or marked.
export function lessonStatus(lesson, get = read) {
  const prompts = lesson.reflections.filter((r) => hasText(get("reflection", r.id))).length
  let answered = 0
  let questions = 0
  for (const quiz of lesson.quizzes) {
    const score = quizScore(quiz, get)
    answered += score.answered
    questions += score.total
  }
  const items = lesson.reflections.length + questions
  const complete = items > 0 && prompts === lesson.reflections.length && answered === questions
  const marked = get("page", lesson.page)?.done === true
  return {
    prompts,
    promptTotal: lesson.reflections.length,
    answered,
    questions,
    marked,
    done: marked || complete,
    started: marked || prompts + answered > 0,
  }
}

// Per objective: "met" when every question linked to it (front matter `practised_by`) is answered
// correctly and every linked prompt written; "lesson done" for an objective with no links once
// the lesson is done (a tick that claims no more than that); null otherwise.
export function objectiveStates(model, lesson, status, get = read) {
  const prompts = new Set(model.lessons.flatMap((l) => l.reflections.map((r) => r.id)))
  const practised = (id) =>
    prompts.has(id) ? String(get("reflection", id) ?? "").trim() !== "" : questionState(get("quiz", id)).correct
  // One list of links per objective (crs.course.summary), empty for an unlinked objective.
  return (lesson.objective_links ?? []).map((links) => {
    if (!links.length) return status.done ? "lesson done" : null
    return links.every(practised) ? "met" : null
  })
}

export function statusText(status) {
  return status.done ? "Done" : status.started ? "In progress" : "Not started"
}

// Calls back on every stored change while `el` is on the page (instant navigation replaces it).
export function follow(el, callback) {
  const stop = subscribe((...change) => (el.isConnected ? callback(...change) : stop()))
}
