// Self-check quizzes rendered by crs/templates/quiz.html (data in quizzes/*.yml).
// The first half is pure (grading, state, messages) so it can be tested without a page; the
// second half mounts one <form data-crs-quiz> and keeps its DOM in step with that state.
// Each question's state is saved under storage kind "quiz" and the question id.
import { askFirst } from "./confirm.js"
import { h, say } from "./dom.js"
import { read, remove, subscribe, write } from "./storage.js"

const KIND = "quiz"
const MULTI_PART = new Set(["multiple", "classify", "order"])
export const MISSED = "missed"

// ---------------------------------------------------------------------------------------------
// Pure part
// ---------------------------------------------------------------------------------------------

const TYPOGRAPHIC = { "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " " }

// Same steps as crs.quizzes.normalize_answer in Python: NFKC, lower case, typographic quotes
// and dashes made plain, inner space collapsed, surrounding space and punctuation removed.
export function normalizeAnswer(text) {
  return String(text ?? "")
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201c\u201d\u2013\u2014\u00a0]/g, (c) => TYPOGRAPHIC[c])
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "")
}

export function emptyState() {
  return { response: null, checked: false, correct: false, revealed: false, attempts: 0 }
}

// Whether a response is complete enough to check, and how right it is. `parts` maps an option
// or item key to whether that part is right (only parts the learner touched, for choices), or to
// MISSED for a correct option of a multiple-choice question left unticked.
export function grade(key, response) {
  switch (key.type) {
    case "single": {
      const option = key.options[response]
      const correct = option?.correct === true
      return result(option !== undefined, correct ? 1 : 0, 1, option ? { [response]: correct } : {})
    }
    case "true-false": {
      const answered = typeof response === "boolean"
      const correct = answered && response === key.answer
      return result(answered, correct ? 1 : 0, 1, answered ? { [String(response)]: correct } : {})
    }
    case "multiple": {
      const chosen = new Set(Array.isArray(response) ? response : [])
      const parts = {}
      let right = 0
      for (const [optionKey, option] of Object.entries(key.options)) {
        if (chosen.has(optionKey) === option.correct) right += 1
        if (chosen.has(optionKey)) parts[optionKey] = option.correct
        else if (option.correct) parts[optionKey] = MISSED
      }
      return result(chosen.size > 0, right, Object.keys(key.options).length, parts)
    }
    case "fill-in": {
      const typed = normalizeAnswer(response)
      const correct = typed !== "" && key.answers.some((a) => normalizeAnswer(a) === typed)
      return result(typed !== "", correct ? 1 : 0, 1, {})
    }
    case "classify": {
      const placed = response && typeof response === "object" ? response : {}
      const parts = {}
      let right = 0
      let answered = true
      for (const [itemKey, item] of Object.entries(key.items)) {
        if (!placed[itemKey]) answered = false
        parts[itemKey] = placed[itemKey] === item.category
        if (parts[itemKey]) right += 1
      }
      return result(answered, right, Object.keys(key.items).length, parts)
    }
    case "order": {
      const shown = Array.isArray(response) ? response : []
      const parts = {}
      let right = 0
      key.order.forEach((itemKey, index) => {
        parts[itemKey] = shown[index] === itemKey
        if (parts[itemKey]) right += 1
      })
      return result(shown.length === key.order.length, right, key.order.length, parts)
    }
    default:
      return result(false, 0, 1, {})
  }
}

function result(answered, right, total, parts) {
  return { answered, correct: answered && right === total, right, total, parts }
}

export function correctResponse(key) {
  switch (key.type) {
    case "single":
      return Object.keys(key.options).find((k) => key.options[k].correct) ?? null
    case "multiple":
      return Object.keys(key.options).filter((k) => key.options[k].correct)
    case "true-false":
      return key.answer
    case "fill-in":
      return key.answers[0]
    case "classify":
      return Object.fromEntries(Object.entries(key.items).map(([k, item]) => [k, item.category]))
    case "order":
      return [...key.order]
    default:
      return null
  }
}

// A saved value made safe to use: wrong shapes (old data, another version) become empty.
export function restoreState(key, saved) {
  const state = emptyState()
  if (!saved || typeof saved !== "object") return state
  const response = validResponse(key, saved.response)
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

function validResponse(key, response) {
  switch (key.type) {
    case "single":
      return typeof response === "string" && response in key.options ? response : null
    case "multiple":
      return Array.isArray(response) ? response.filter((k) => k in key.options) : null
    case "true-false":
      return typeof response === "boolean" ? response : null
    case "fill-in":
      return typeof response === "string" ? response : null
    case "classify": {
      if (!response || typeof response !== "object" || Array.isArray(response)) return null
      const kept = {}
      for (const [itemKey, category] of Object.entries(response)) {
        if (itemKey in key.items && category in key.categories) kept[itemKey] = category
      }
      return kept
    }
    case "order": {
      if (!Array.isArray(response) || response.length !== key.order.length) return null
      const same = [...response].sort().join() === [...key.order].sort().join()
      return same ? response : null
    }
    default:
      return null
  }
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
  if (!MULTI_PART.has(type)) return "Not quite."
  const summary = `Not quite: ${graded.right} of ${graded.total} right.`
  const missed = Object.values(graded.parts).filter((part) => part === MISSED).length
  if (!missed) return summary
  return `${summary} ${missed} correct ${missed === 1 ? "option" : "options"} not ticked.`
}

export function unansweredMessage(type) {
  if (type === "fill-in") return "Type an answer first."
  if (type === "classify") return "Choose a category for every item first."
  return "Choose an answer first."
}

export function scoreText(states) {
  const correct = states.filter((s) => s.checked && s.correct && !s.revealed).length
  return `Score: ${correct} of ${states.length}`
}

// ---------------------------------------------------------------------------------------------
// DOM part
// ---------------------------------------------------------------------------------------------

export function mountQuiz(form) {
  let key
  try {
    key = JSON.parse(form.dataset.crsQuizKey)
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
  for (const fieldset of form.querySelectorAll("[data-crs-question]")) {
    const questionKey = key.questions?.[fieldset.dataset.crsQuestion]
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
  const resultEl = fieldset.querySelector("[data-crs-result]")
  const button = (name) => fieldset.querySelector(`[data-crs-action="${name}"]`)
  const checkButton = button("check")
  const retryButton = button("retry")
  const revealButton = button("reveal")
  const list = fieldset.querySelector("[data-crs-order]")
  const initialOrder = list ? itemKeys(list) : null
  let state = restoreState(key, read(KIND, id))

  const answerControls = () => [
    ...fieldset.querySelectorAll("input, select, [data-crs-move]"),
  ]

  function readResponse() {
    switch (type) {
      case "single":
      case "true-false": {
        const chosen = fieldset.querySelector("input:checked")
        if (!chosen) return null
        return type === "true-false" ? chosen.value === "true" : chosen.value
      }
      case "multiple":
        return [...fieldset.querySelectorAll("input:checked")].map((input) => input.value)
      case "fill-in":
        return fieldset.querySelector("input").value
      case "classify":
        return Object.fromEntries(
          [...fieldset.querySelectorAll("[data-crs-item]")]
            .map((item) => [item.dataset.crsItem, item.querySelector("select").value])
            .filter(([, category]) => category),
        )
      case "order":
        return itemKeys(list)
      default:
        return null
    }
  }

  function showResponse(response) {
    switch (type) {
      case "single":
      case "true-false":
      case "multiple": {
        const wanted = new Set(
          response === null ? [] : Array.isArray(response) ? response : [String(response)],
        )
        for (const input of fieldset.querySelectorAll("input")) input.checked = wanted.has(input.value)
        break
      }
      case "fill-in":
        fieldset.querySelector("input").value = response ?? ""
        break
      case "classify":
        for (const item of fieldset.querySelectorAll("[data-crs-item]")) {
          item.querySelector("select").value = response?.[item.dataset.crsItem] ?? ""
        }
        break
      case "order":
        for (const itemKey of response ?? initialOrder) {
          list.append(list.querySelector(`[data-crs-item="${itemKey}"]`))
        }
        break
    }
  }

  function partFeedback(partKey, right) {
    // Only the parts the learner chose get feedback; "Show answer" adds the right ones.
    const feedback = type === "true-false" ? key.feedback[partKey] : (key.options ?? key.items)?.[partKey]?.feedback
    if (state.revealed) {
      if (type === "classify") return [`Answer: ${key.categories[key.items[partKey].category]}`, feedback]
      const correct = type === "true-false" ? partKey === String(key.answer) : key.options?.[partKey]?.correct
      return correct ? ["Answer", feedback] : null
    }
    if (right === undefined) return null
    if (right === MISSED) return ["Correct, but not ticked", ""]
    if (type === "order") return [right ? "Right place" : "Wrong place", ""]
    if (type === "classify") return right ? ["Right", feedback] : ["Not in this category", ""]
    return [right ? "Right" : "Not right", feedback]
  }

  function render() {
    const graded = grade(key, state.response)
    for (const control of answerControls()) control.disabled = state.checked
    if (!state.checked && list) updateMoveButtons(list)
    checkButton.hidden = state.checked
    // Also after a correct answer: a learner may want to try a question again.
    retryButton.hidden = !state.checked
    revealButton.hidden = !state.checked || state.correct || state.revealed

    for (const holder of fieldset.querySelectorAll("[data-crs-option], [data-crs-item]")) {
      const partKey = holder.dataset.crsOption ?? holder.dataset.crsItem
      const feedbackEl = holder.querySelector("[data-crs-feedback]")
      const shown = state.checked ? partFeedback(partKey, graded.parts[partKey]) : null
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
      if (type === "fill-in") parts.push(html(key.feedback))
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
    state = { ...state, response: readResponse() }
    const graded = grade(key, state.response)
    if (!graded.answered) {
      save()
      const message = unansweredMessage(type)
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
    if (!state.checked) {
      state = { ...state, response: readResponse() }
      save()
    }
  })
  fieldset.addEventListener("input", () => {
    if (!state.checked && type === "fill-in") {
      state = { ...state, response: readResponse() }
      save()
    }
  })
  if (list) {
    list.addEventListener("click", (event) => {
      const moveButton = event.target.closest("[data-crs-move]")
      if (!moveButton || moveButton.disabled || state.checked) return
      const item = moveButton.closest("[data-crs-item]")
      const up = moveButton.dataset.crsMove === "up"
      const neighbour = up ? item.previousElementSibling : item.nextElementSibling
      if (!neighbour) return
      if (up) list.insertBefore(item, neighbour)
      else list.insertBefore(neighbour, item)
      updateMoveButtons(list)
      state = { ...state, response: itemKeys(list) }
      save()
      const items = [...list.children]
      announce(`Moved to position ${items.indexOf(item) + 1} of ${items.length}.`)
      // Keep focus on the moved item: the same button, or its other one at either end.
      const other = item.querySelector(`[data-crs-move="${up ? "down" : "up"}"]`)
      ;(moveButton.disabled ? other : moveButton).focus()
    })
  }

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

function itemKeys(list) {
  return [...list.querySelectorAll("[data-crs-item]")].map((item) => item.dataset.crsItem)
}

function updateMoveButtons(list) {
  const items = [...list.children]
  items.forEach((item, index) => {
    item.querySelector('[data-crs-move="up"]').disabled = index === 0
    item.querySelector('[data-crs-move="down"]').disabled = index === items.length - 1
  })
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
