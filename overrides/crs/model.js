// The course model every page carries (<script id="crs-course">) and the pure rules of progress.
import { hasText, questionState } from "./rules.js"
import { read, subscribe } from "./storage.js"

// Material's config "base" is relative to the page first loaded; instant navigation keeps it.
const firstHref = location.href
let cache

export function course() {
  const el = document.getElementById("crs-course")
  if (!el) return null
  if (cache?.el !== el) {
    try {
      cache = { el, model: JSON.parse(el.textContent) }
    } catch {
      return null
    }
  }
  return cache.model
}

// Absolute URL of a site-root-relative path such as "models.html".
export function siteUrl(path) {
  let base = "."
  try {
    base = JSON.parse(document.getElementById("__config").textContent).base || "."
  } catch {}
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

export function statusText(status) {
  return status.done ? "Done" : status.started ? "In progress" : "Not started"
}

// Calls back on every stored change while `el` is on the page (instant navigation replaces it).
export function follow(el, callback) {
  const stop = subscribe((...change) => (el.isConnected ? callback(...change) : stop()))
}
