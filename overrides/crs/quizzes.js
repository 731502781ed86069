// Self-check quizzes rendered by crs/templates/quiz.html (data in quizzes/*.yml).
// The first half is pure (grading, state, messages) so it can be tested without a page; the
// second half mounts one <form data-crs-quiz> and keeps its DOM in step with that state.
// Each question's state is saved under storage kind "quiz" and the question id.
import { partsOf, questionType, unpackKey } from "./questions/index.js"
import { MISSED } from "./questions/result.js"
import { askFirst, h, read, remove, say, subscribe, write } from "./shared.js"

const KIND = "quiz"

export { normalizeAnswer } from "./questions/fill-in.js"
export { MISSED }

// ---------------------------------------------------------------------------------------------
// Pure part
// ---------------------------------------------------------------------------------------------

export function emptyState() {
  return { response: null, checked: false, correct: false, revealed: false, attempts: 0 }
}

// Whether a response is complete enough to check, and how right it is. `parts` maps an option
// or item key to whether that part is right (only parts the learner touched, for choices), or to
// MISSED for a correct option of a multiple-choice question left unticked.
export const grade = (key, response) => questionType(key.type).grade(key, response)

export const correctResponse = (key) => questionType(key.type).correctResponse(key)

// A saved value made safe to use: wrong shapes (old data, another version) become empty.
export function restoreState(key, saved) {
  const state = emptyState()
  if (!saved || typeof saved !== "object") return state
  const response = questionType(key.type).validResponse(key, saved.response)
  state.response = response
  state.attempts = Number.isInteger(saved.attempts) && saved.attempts > 0 ? saved.attempts : 0
  if (response !== null && saved.checked === true) {
    state.checked = true
    state.revealed = saved.revealed === true
    // Graded again, so a corrected answer key never keeps a stale "correct".
    state.correct = !state.revealed && grade(key, response).correct
  }
  return state
}

export function checked(state, graded) {
  return { ...state, checked: true, correct: graded.correct, attempts: state.attempts + 1 }
}

export function retried(state) {
  // After "Show answer" the shown answer is cleared, so it cannot simply be checked again.
  return { ...state, checked: false, correct: false, revealed: false, response: state.revealed ? null : state.response }
}

export function revealed(state, key) {
  return { ...state, checked: true, correct: false, revealed: true, response: correctResponse(key) }
}

export function verdict(type, graded) {
  if (graded.correct) return "Correct."
  if (!questionType(type).multiPart) return "Not quite."
  const summary = `Not quite: ${graded.right} of ${graded.total} right.`
  const missed = Object.values(graded.parts).filter((part) => part === MISSED).length
  if (!missed) return summary
  return `${summary} ${missed} correct ${missed === 1 ? "option" : "options"} not ticked.`
}

export function scoreText(states) {
  const correct = states.filter((s) => s.checked && s.correct && !s.revealed).length
  return `Score: ${correct} of ${states.length}`
}

// ---------------------------------------------------------------------------------------------
// DOM part
// ---------------------------------------------------------------------------------------------

export function mountQuiz(form) {
  let packed
  try {
    packed = JSON.parse(form.dataset.crsQuizKey)
  } catch {
    return // No key, no grading: the questions stay readable as plain form controls.
  }
  const live = form.querySelector("[data-crs-live]")
  const scoreEl = form.querySelector("[data-crs-score]")
  const announce = (message) => say(live, message)
  const updateScore = () => {
    scoreEl.textContent = scoreText(questions.map((q) => q.state()))
  }
  const questions = []
  for (const [index, fieldset] of [...form.querySelectorAll("[data-crs-question]")].entries()) {
    const questionKey = Array.isArray(packed) && unpackKey(packed[index], fieldset.dataset.crsType, partsOf(fieldset))
    if (questionKey) questions.push(mountQuestion(fieldset, questionKey, announce, updateScore))
  }
  const byId = new Map(questions.map((q) => [q.id, q]))

  for (const el of form.querySelectorAll("[data-crs-js]")) el.hidden = false
  form.addEventListener("submit", (event) => {
    // Enter in a text field checks that question instead of reloading the page.
    event.preventDefault()
    const fieldset = document.activeElement?.closest?.("[data-crs-question]")
    byId.get(fieldset?.dataset.crsQuestion)?.check()
  })
  const resetButton = form.querySelector('[data-crs-action="reset"]')
  resetButton.addEventListener("click", () => {
    const answered = questions.filter((q) => q.state().response !== null || q.state().checked).length
    if (!answered) return announce("Nothing to reset: no question of this quiz has an answer yet.")
    askFirst(resetButton, {
      question: "Reset this quiz?",
      detail: `Your answers to the ${answered === 1 ? "1 answered question" : `${answered} answered questions`} of this quiz are cleared. Your reflections, other quizzes and lesson marks are kept.`,
      choices: [["Reset quiz", () => {
        for (const question of questions) question.reset()
        updateScore()
        announce("Quiz reset.")
        questions[0]?.focusFirstControl()
      }]],
      onCancel: () => announce("Nothing was reset."),
    })
  })
  // Another tab answered or cleared, or this tab removed answers elsewhere ("Reset progress"):
  // show what is saved now. This form's own writes are already on screen, and reloading them
  // would move the caret while typing. A form replaced by navigation lets go.
  const unsubscribe = subscribe((kind, id, entry, external) => {
    if (!form.isConnected) return unsubscribe()
    if (!external && entry !== undefined) return
    if (kind !== null && (kind !== KIND || !byId.has(id))) return
    for (const question of kind === null ? questions : [byId.get(id)]) question.reload()
    updateScore()
  })
  updateScore()
}

function mountQuestion(fieldset, key, announce, updateScore) {
  const id = fieldset.dataset.crsQuestion
  const type = key.type
  const kind = questionType(type)
  const resultEl = fieldset.querySelector("[data-crs-result]")
  const button = (name) => fieldset.querySelector(`[data-crs-action="${name}"]`)
  const checkButton = button("check")
  const retryButton = button("retry")
  const revealButton = button("reveal")
  let state = restoreState(key, read(KIND, id))

  const answerControls = () => [
    ...fieldset.querySelectorAll("input, select, [data-crs-move]"),
  ]
  const showResponse = (response) => kind.show(fieldset, response)
  const saveResponse = (response) => {
    state = { ...state, response }
    save()
  }

  function render() {
    const graded = grade(key, state.response)
    for (const control of answerControls()) control.disabled = state.checked
    if (!state.checked) kind.unlocked?.(fieldset)
    checkButton.hidden = state.checked
    // Also after a correct answer: a learner may want to try a question again.
    retryButton.hidden = !state.checked
    revealButton.hidden = !state.checked || state.correct || state.revealed

    for (const holder of fieldset.querySelectorAll("[data-crs-option], [data-crs-item]")) {
      const partKey = holder.dataset.crsOption ?? holder.dataset.crsItem
      const feedbackEl = holder.querySelector("[data-crs-feedback]")
      const shown = state.checked ? kind.partFeedback(key, partKey, graded.parts[partKey], state.revealed) : null
      const missed = !state.revealed && graded.parts[partKey] === MISSED
      const mark = shown?.[0].startsWith("Right") || shown?.[0].startsWith("Answer")
      holder.classList.toggle("crs-is-right", Boolean(shown) && mark)
      holder.classList.toggle("crs-is-missed", Boolean(shown) && missed)
      holder.classList.toggle("crs-is-wrong", Boolean(shown) && !mark && !missed)
      if (feedbackEl) setFeedback(feedbackEl, shown)
    }

    resultEl.classList.remove("crs-is-right", "crs-is-wrong", "crs-is-revealed")
    if (!state.checked) {
      resultEl.hidden = true
      resultEl.replaceChildren()
      return
    }
    resultEl.hidden = false
    const parts = []
    if (state.revealed) {
      resultEl.classList.add("crs-is-revealed")
      parts.push(h("p", { class: "crs-result__verdict" }, "Answer shown."), html(key.explanation))
    } else if (graded.correct) {
      resultEl.classList.add("crs-is-right")
      parts.push(h("p", { class: "crs-result__verdict" }, verdict(type, graded)), html(key.explanation))
    } else {
      resultEl.classList.add("crs-is-wrong")
      parts.push(h("p", { class: "crs-result__verdict" }, verdict(type, graded)))
      const hint = kind.wrongHint?.(key)
      if (hint) parts.push(html(hint))
      parts.push(h("p", { class: "crs-result__next" }, "Try again, or show the answer."))
    }
    resultEl.replaceChildren(...parts)
  }

  function save() {
    write(KIND, id, state)
  }

  function setState(next) {
    state = next
    save()
    render()
    updateScore()
  }

  function check() {
    if (state.checked) return
    state = { ...state, response: kind.read(fieldset) }
    const graded = grade(key, state.response)
    if (!graded.answered) {
      save()
      const message = kind.unanswered
      resultEl.replaceChildren(h("p", { class: "crs-result__verdict" }, message))
      resultEl.hidden = false
      announce(message)
      return
    }
    setState(checked(state, graded))
    announce(verdict(type, graded))
    resultEl.focus()
  }

  function focusFirstControl() {
    answerControls().find((c) => !c.disabled && !c.closest("[hidden]"))?.focus()
  }

  checkButton.addEventListener("click", check)
  retryButton.addEventListener("click", () => {
    setState(retried(state))
    showResponse(state.response)
    render()
    announce("Try again.")
    focusFirstControl()
  })
  revealButton.addEventListener("click", () => {
    setState(revealed(state, key))
    showResponse(state.response)
    announce("Answer shown.")
    resultEl.focus()
  })
  fieldset.addEventListener("change", () => {
    if (!state.checked) saveResponse(kind.read(fieldset))
  })
  if (kind.savesOnInput) {
    fieldset.addEventListener("input", () => {
      if (!state.checked) saveResponse(kind.read(fieldset))
    })
  }
  kind.mount?.(fieldset, { saveResponse, isLocked: () => state.checked, announce })

  showResponse(state.response)
  render()

  return {
    id,
    state: () => state,
    check,
    focusFirstControl,
    reset() {
      remove(KIND, id)
      state = emptyState()
      showResponse(null)
      render()
    },
    reload() {
      state = restoreState(key, read(KIND, id))
      showResponse(state.response)
      render()
    },
  }
}

function setFeedback(element, shown) {
  if (!shown) {
    element.hidden = true
    element.replaceChildren()
    return
  }
  const [label, feedbackHtml] = shown
  const parts = [h("p", { class: "crs-feedback__label" }, label)]
  if (feedbackHtml) parts.push(html(feedbackHtml))
  element.replaceChildren(...parts)
  element.hidden = false
}

// Feedback and explanations are HTML made at build time from quiz Markdown and sanitised there
// (crs.quizzes.sanitize_html); nothing typed by the learner is ever inserted as HTML.
function html(fragment) {
  const div = h("div", { class: "crs-result__text" })
  div.innerHTML = fragment
  return div
}
