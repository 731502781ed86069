// Entry of assets/crs/scorm.js, the runtime of a SCORM package's launch page (scorm.html). The
// whole module is one SCO, yet learners move between its pages: this page holds the one LMS
// session for the whole launch and shows the course pages in an inner frame, so there is one
// Initialize and one Terminate however far the learner goes. The course pages run unchanged:
// they save to localStorage as always, and this page, on the same origin, hears every change
// through the `storage` event and reads the saved work directly. Without an LMS API it simply
// opens the course home.
import { h } from "../dom.js"
import { course } from "../model.js"
import { read, readEntry, subscribe, write } from "../storage.js"
import { VERSIONS, connect, findAPI } from "./lms.js"
import * as record from "./record.js"
import { decode } from "./suspend.js"

const HOME = "index.html"
const IDLE_COMMIT = 60_000 // unsaved reflection text reaches the LMS within a minute
const KINDS = new Set(["quiz", "reflection", "page"])

const bar = () => document.getElementById("crs-scorm-bar")

// A message above the course, with optional buttons [label, action]; "Dismiss" is always there.
function tell(text, actions = []) {
  const item = h("div", { class: "crs-scorm-message" }, h("p", {}, text))
  const close = () => {
    item.remove()
    bar().hidden = !bar().children.length
  }
  const buttons = [...actions, ["Dismiss", () => {}]].map(([label, action]) =>
    h("button", { type: "button", onclick: () => (action(), close()) }, label),
  )
  item.append(h("p", {}, ...buttons))
  bar().append(item)
  bar().hidden = false
}

// Values from an earlier session win over this browser's, unless this browser's are newer.
function restore(state) {
  const when = new Date(state.saved).toISOString()
  const put = (kind, id, value) => {
    const local = readEntry(kind, id)
    if (!local || Date.parse(local.updated) <= state.saved) write(kind, id, value, when)
  }
  for (const [id, value] of Object.entries(state.quizzes)) put("quiz", id, value)
  for (const [id, text] of Object.entries(state.reflections)) put("reflection", id, text)
  for (const page of state.pages) put("page", page, { done: true })
}

function start() {
  const version = document.body.dataset.crsScorm
  const api = findAPI(window, VERSIONS[version].global)
  const frame = document.getElementById("crs-scorm-frame")
  if (!api) return location.replace(HOME)
  const { names, status, limits, fields, exit, sessionTime, unsetIsEmpty } = VERSIONS[version]
  const model = course()
  const keys = JSON.parse(document.getElementById("crs-scorm-keys").textContent)
  const failures = []
  const lms = connect(api, version, (call, name, code) => failures.push(`${call}(${name ?? ""}): error ${code}`))
  if (!lms.open()) {
    frame.src = HOME
    return tell("The LMS did not open a session, so this visit is not recorded there. Your work is still saved in this browser.")
  }
  const started = Date.now()
  const prior = status.map((name) => lms.get(name))
  // An LMS may let the tutor change the pass mark (SCORM 1.2 mastery_score) after import.
  const fromLms = names.mastery ? lms.get(names.mastery) : ""
  const mastery = fromLms && Number.isFinite(Number(fromLms)) ? Number(fromLms) : Number(document.body.dataset.crsMastery)
  const count = Number(lms.get(names.count)) || 0
  // Only a resumed attempt has suspend data and a location (this page writes both every time).
  const resumed = lms.get(names.entry) === "resume"
  const kept = (name) => (resumed || unsetIsEmpty ? lms.get(name) : "")
  let slots = {}
  try {
    const state = decode(kept(names.suspend), model.course, keys)
    if (state) {
      // Reflections too long for SCORM 1.2's suspend data come back from the comments.
      const more = limits.comments ? record.parseComments(model, lms.get("cmi.comments")) : {}
      state.reflections = { ...more, ...state.reflections }
      restore(state)
      // Interactions the LMS did not keep are written again at the next free index.
      slots = Object.fromEntries(Object.entries(state.slots).filter(([, n]) => n < count))
    }
  } catch {
    tell("The progress the LMS kept for this module could not be read (it is damaged or from another course), so it was left aside. Your work saved in this browser is used instead.")
  }
  let next = count
  const sent = new Map() // name or interaction id -> what was last written
  const entryTime = (kind, id) => readEntry(kind, id)?.updated ?? new Date().toISOString()

  const put = (name, value) => {
    if (sent.get(name) === String(value)) return
    if (lms.set(name, value)) sent.set(name, String(value))
  }
  const putInteraction = (it) => {
    const signature = JSON.stringify(it)
    if (sent.get(it.id) === signature) return
    slots[it.id] ??= next++
    const base = `cmi.interactions.${slots[it.id]}.`
    lms.set(`${base}id`, it.id)
    lms.set(`${base}type`, it.type)
    if (fields.description && it.description) lms.set(`${base}${fields.description}`, it.description)
    it.patterns.forEach((pattern, i) => lms.set(`${base}correct_responses.${i}.pattern`, pattern))
    if (it.weighting) lms.set(`${base}weighting`, it.weighting)
    lms.set(`${base}${fields.response}`, it.response)
    lms.set(`${base}result`, it.result)
    lms.set(`${base}${fields.time}`, it.time)
    sent.set(it.id, signature)
  }
  const where = () => {
    const root = new URL(".", location.href).href
    try {
      const href = frame.contentWindow.location.href
      if (href.startsWith(root)) {
        const path = href.slice(root.length)
        return path.length <= limits.location ? path : path.split("#")[0]
      }
    } catch {}
    return HOME
  }
  const showNotes = () => {
    const commentsLeft = limits.comments ? record.comments(model, read, limits.comments).left : []
    const suspendLeft = record.suspendData(model, keys, read, version, Date.now(), slots).left
    const notes = record.notes(model, read, version, commentsLeft, suspendLeft)
    let doc
    try {
      doc = frame.contentDocument
    } catch {}
    for (const section of doc?.querySelectorAll("[data-crs-reflection]") ?? []) {
      const text = (notes[section.dataset.crsReflection] ?? []).join(" ")
      let note = section.querySelector(".crs-scorm-note")
      if (!text) note?.remove()
      else {
        if (!note) {
          note = doc.createElement("p")
          note.className = "crs-reflection__status crs-scorm-note"
          note.setAttribute("role", "status")
          section.append(note)
        }
        if (note.textContent !== text) note.textContent = text
      }
    }
  }

  let timer = null
  let told = 0
  const sync = (final = false) => {
    clearTimeout(timer)
    timer = null
    const now = progressNow()
    record.statuses(version, now, mastery, prior).forEach((word, i) => {
      put(status[i], word)
      prior[i] = word
    })
    put(names.raw, now.raw)
    put(names.min, 0)
    put(names.max, 100)
    if (names.scaled) put(names.scaled, now.raw / 100)
    for (const it of record.interactions(model, keys, read, version, entryTime)) putInteraction(it)
    if (limits.comments) put("cmi.comments", record.comments(model, read, limits.comments).text)
    put(names.suspend, record.suspendData(model, keys, read, version, Date.now(), slots).text)
    put(names.location, where())
    put(names.exit, final && now.complete ? exit.finished : exit.unfinished)
    if (final) put(names.time, sessionTime((Date.now() - started) / 1000))
    lms.commit()
    showNotes()
    if (failures.length > told) {
      told = failures.length
      tell(`The LMS refused part of your progress (${failures.at(-1)}). Your work is still saved in this browser.`)
    }
  }
  const progressNow = () => record.progress(model, read)

  subscribe((kind, id, entry) => {
    if (lms.ended || (kind !== null && !KINDS.has(kind))) return
    // Checkpoints (a question checked, a lesson marked, everything cleared) go to the LMS now;
    // typing waits for the next checkpoint, a hidden page or a minute at most.
    if (kind === null || kind === "page" || (kind === "quiz" && entry?.value?.checked)) return sync()
    if (kind === "reflection") showNotes()
    timer ??= setTimeout(sync, IDLE_COMMIT)
  })
  document.addEventListener("visibilitychange", () => document.hidden && !lms.ended && sync())
  window.addEventListener("pagehide", () => {
    if (lms.ended) return
    // This page unloads before the course page inside it: let that page save what is being
    // typed (reflections save on pagehide) before the last values are read.
    try {
      frame.contentWindow.dispatchEvent(new PageTransitionEvent("pagehide", { persisted: false }))
    } catch {}
    sync(true)
    lms.finish()
  })
  frame.addEventListener("load", showNotes)

  const resumeAt = kept(names.location)
  frame.src = HOME
  if (resumed && resumeAt && resumeAt !== HOME) {
    const lesson = model.lessons.find((l) => resumeAt.split("#")[0] === l.url)
    tell(`Welcome back. You were last at “${lesson?.title ?? resumeAt.split("#")[0]}”.`, [
      ["Go back there", () => (frame.src = resumeAt)],
    ])
  }
  sync()
}

start()
