// The LMS side of a launch, for both SCORM versions: find the API the standard way and call it
// through one object that checks the error code after every call and refuses calls after the
// session has ended (LMSs may lose or reject them; scorm-again 1.2 silently accepts them).

// What differs between the versions, in one table; everything else asks it.
export const VERSIONS = {
  "1.2": {
    global: "API",
    calls: { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish", error: "LMSGetLastError" },
    names: {
      entry: "cmi.core.entry",
      location: "cmi.core.lesson_location",
      suspend: "cmi.suspend_data",
      exit: "cmi.core.exit",
      time: "cmi.core.session_time",
      raw: "cmi.core.score.raw",
      min: "cmi.core.score.min",
      max: "cmi.core.score.max",
      count: "cmi.interactions._count",
      mastery: "cmi.student_data.mastery_score",
    },
    // An element never written reads as "" here; 2004 answers error 403 instead.
    unsetIsEmpty: true,
    limits: { suspend: 4096, location: 255, response: 255, reflection: 255, comments: 4096 },
    exit: { unfinished: "suspend", finished: "" },
    fields: { response: "student_response", time: "time", description: null, reflection: "fill-in" },
    // lesson_status carries completion and success in one word.
    status: ["cmi.core.lesson_status"],
    statuses: ({ complete, verdict, prior }) => [prior[0] === "passed" ? "passed" : complete ? verdict : "incomplete"],
    sessionTime: (seconds) => [seconds / 3600, (seconds / 60) % 60, seconds % 60].map((n) => String(Math.floor(n)).padStart(2, "0")).join(":"),
    stamp: (iso) => new Date(iso).toTimeString().slice(0, 8),
  },
  "2004": {
    global: "API_1484_11",
    calls: { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate", error: "GetLastError" },
    names: {
      entry: "cmi.entry",
      location: "cmi.location",
      suspend: "cmi.suspend_data",
      exit: "cmi.exit",
      time: "cmi.session_time",
      raw: "cmi.score.raw",
      min: "cmi.score.min",
      max: "cmi.score.max",
      scaled: "cmi.score.scaled",
      count: "cmi.interactions._count",
      // No mastery: cmi.scaled_passing_score comes from the manifest's minNormalizedMeasure, the
      // pass mark this page already has, and reading it unset is error 403.
    },
    unsetIsEmpty: false,
    limits: { suspend: 64000, location: 1000, response: 250, reflection: 4000, comments: 0 },
    exit: { unfinished: "suspend", finished: "normal" },
    fields: { response: "learner_response", time: "timestamp", description: "description", reflection: "long-fill-in" },
    status: ["cmi.completion_status", "cmi.success_status"],
    statuses: ({ complete, verdict, prior }) => [
      complete || prior[0] === "completed" ? "completed" : "incomplete",
      prior[1] === "passed" ? "passed" : complete ? verdict : "unknown",
    ],
    sessionTime: (seconds) => `PT${Math.floor(seconds / 3600)}H${Math.floor(seconds / 60) % 60}M${Math.floor(seconds % 60)}S`,
    stamp: (iso) => new Date(iso).toISOString().slice(0, 19),
  },
}

// Interaction texts hold one line in both versions (scorm-again refuses a line break in a 1.2
// student_response and in any 2004 text, and a leading "{" reads as a 2004 delimiter):
// paragraphs are marked with a pilcrow instead, so no character of the answer is lost.
export function oneLine(text) {
  return String(text).replace(/\r\n|[\r\n\u2028\u2029]/g, " ¶ ").replace(/^\{/, " {")
}

// Walk up to 7 parents, then the opener and its parents (as the SCORM run-time documents it).
export function findAPI(win, global) {
  const search = (start) => {
    let w = start
    for (let level = 0; w && level <= 7; level++) {
      try {
        if (w[global]) return w[global]
      } catch {} // a cross-origin frame: keep walking
      if (w.parent === w) break
      w = w.parent
    }
    return null
  }
  let opener = null
  try {
    opener = win.opener
  } catch {}
  return search(win) ?? (opener ? search(opener) : null)
}

// One launch's session with the LMS. `onError(call, name, code)` hears every failed call.
export function connect(api, version, onError = () => {}) {
  const { calls } = VERSIONS[version]
  let state = "new" // new -> open -> ended
  const call = (fn, ...args) => {
    if (state === "ended") return ""
    let result
    try {
      result = api[calls[fn]](...args)
    } catch {
      result = ""
    }
    const code = String(api[calls.error]?.() ?? "0")
    if (code !== "0") onError(calls[fn], args[0], code)
    return code === "0" ? result : fn === "get" ? "" : "false"
  }
  return {
    version,
    open() {
      if (state !== "new") return false
      const ok = String(call("init", "")) === "true"
      state = ok ? "open" : "ended"
      return ok
    },
    get: (name) => (state === "open" ? String(call("get", name) ?? "") : ""),
    set: (name, value) => state === "open" && String(call("set", name, String(value))) === "true",
    commit: () => state === "open" && String(call("commit", "")) === "true",
    finish() {
      if (state !== "open") return false
      const ok = String(call("finish", "")) === "true"
      state = "ended"
      return ok
    },
    get ended() {
      return state === "ended"
    },
  }
}
