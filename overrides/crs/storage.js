// The one place the course touches localStorage. Every value is JSON under a namespaced key
// ("crs.v1.<kind>.<id>") wrapped as {value, updated}, so exports can merge item by item
// (newer wins) and other tabs can follow along through the `storage` event.
//
// Nothing here throws. When the browser will not keep a value (storage off, private mode,
// quota exceeded) the value is held in memory for this tab, so the page and exports still
// have it, and a problem is reported once ("unavailable", "quota", "corrupt"). A stored value
// that does not parse is moved aside ("crs.aside.<key>") for the learner to download.
const PREFIX = "crs.v1."
const ASIDE = "crs.aside."
const META = "crs.meta"
export const SCHEMA = 1
// MIGRATIONS[n](api) turns a schema-n store into schema n+1; api = {keys, get, set, del}.
const MIGRATIONS = {}

const memory = new Map() // key -> entry that could not be persisted
const listeners = new Set()
const problems = new Map() // kind -> detail
const problemListeners = new Set()
let ls // undefined: not probed yet; null: unavailable

function backend() {
  if (ls !== undefined) return ls
  ls = null
  try {
    const s = window.localStorage
    s.getItem(META)
    ls = s
    s.setItem("crs.probe", "1")
    s.removeItem("crs.probe")
  } catch (error) {
    report(ls && isQuota(error) ? "quota" : "unavailable")
  }
  if (ls) migrate()
  return ls
}

const api = {
  keys: () => {
    const out = []
    try {
      for (let i = 0; i < ls.length; i++) out.push(ls.key(i))
    } catch {}
    return out
  },
  get: (k) => {
    try {
      return ls.getItem(k)
    } catch {
      return null
    }
  },
  set: (k, v) => ls.setItem(k, v),
  del: (k) => {
    try {
      ls.removeItem(k)
    } catch {}
  },
}

function migrate() {
  let meta
  try {
    meta = JSON.parse(api.get(META))
  } catch {}
  const hasData = api.keys().some((k) => k.startsWith(PREFIX))
  let from = meta?.schema ?? (hasData ? 1 : SCHEMA)
  if (from > SCHEMA) return // written by a newer build: read what we can, rewrite nothing
  try {
    for (; from < SCHEMA; from++) MIGRATIONS[from]?.(api)
    if (meta?.schema !== SCHEMA) api.set(META, JSON.stringify({ schema: SCHEMA }))
  } catch {}
}

function isQuota(error) {
  return error?.name === "QuotaExceededError" || error?.code === 22 || error?.code === 1014
}

function report(kind, detail) {
  if (problems.has(kind)) return
  problems.set(kind, detail)
  for (const callback of problemListeners) callback(kind, detail)
}

// Calls back with (kind, detail) for every problem so far and each new one.
export function onProblem(callback) {
  problemListeners.add(callback)
  for (const [kind, detail] of problems) callback(kind, detail)
}

export function key(kind, id) {
  return `${PREFIX}${kind}.${id}`
}

function split(k) {
  const rest = k.slice(PREFIX.length)
  const dot = rest.indexOf(".")
  return [rest.slice(0, dot), rest.slice(dot + 1)]
}

function parse(raw) {
  try {
    const entry = JSON.parse(raw)
    if (entry && typeof entry === "object" && "value" in entry) return entry
  } catch {}
  return undefined
}

export function readEntry(kind, id) {
  const k = key(kind, id)
  if (memory.has(k)) return memory.get(k)
  if (!backend()) return undefined
  const raw = api.get(k)
  if (raw == null) return undefined
  const entry = parse(raw)
  if (!entry) setAside(k, raw)
  return entry
}

function setAside(k, raw) {
  try {
    api.set(ASIDE + k, raw)
    api.del(k)
  } catch {
    memory.set(ASIDE + k, raw)
  }
  report("corrupt")
}

// Raw values that could not be read, as [{key, raw}], for the learner to download.
export function asides() {
  const found = []
  for (const k of backend() ? api.keys() : [])
    if (k?.startsWith(ASIDE)) found.push({ key: k.slice(ASIDE.length), raw: api.get(k) })
  for (const [k, raw] of memory) if (k.startsWith(ASIDE)) found.push({ key: k.slice(ASIDE.length), raw })
  return found
}

export function read(kind, id) {
  return readEntry(kind, id)?.value
}

export function write(kind, id, value, updated = new Date().toISOString()) {
  const k = key(kind, id)
  const entry = { value, updated }
  let saved = false
  if (backend()) {
    try {
      api.set(k, JSON.stringify(entry))
      memory.delete(k)
      saved = true
    } catch (error) {
      report(isQuota(error) ? "quota" : "unavailable")
    }
  }
  if (!saved) memory.set(k, entry)
  notify(kind, id, entry, false)
  return saved
}

export function remove(kind, id) {
  const k = key(kind, id)
  memory.delete(k)
  if (backend()) api.del(k)
  notify(kind, id, undefined, false)
}

// Every course item: [{kind, id, value, updated}], from storage and from memory.
export function entries() {
  const ks = new Set(memory.keys())
  for (const k of backend() ? api.keys() : []) ks.add(k)
  const out = []
  for (const k of ks) {
    if (!k?.startsWith(PREFIX)) continue
    const [kind, id] = split(k)
    const entry = readEntry(kind, id)
    if (entry) out.push({ kind, id, value: entry.value, updated: entry.updated })
  }
  return out
}

// Removes the items of the given kinds (all course items and set-aside values when none given).
export function clear(kinds) {
  for (const { kind, id } of entries()) if (!kinds || kinds.includes(kind)) remove(kind, id)
  if (!kinds) {
    for (const { key: k } of asides()) {
      memory.delete(ASIDE + k)
      if (ls) api.del(ASIDE + k)
    }
  }
}

function notify(kind, id, entry, external) {
  for (const callback of listeners) callback(kind, id, entry, external)
}

let watching = false
// Calls back with (kind, id, entry, external) on every change, in this tab or another; kind is
// null when another tab cleared everything. Returns a function that stops the calls.
export function subscribe(callback) {
  listeners.add(callback)
  if (!watching) {
    watching = true
    window.addEventListener("storage", (event) => {
      if (event.key == null) return notify(null, null, undefined, true)
      if (!event.key.startsWith(PREFIX)) return
      const [kind, id] = split(event.key)
      memory.delete(event.key)
      notify(kind, id, event.newValue == null ? undefined : parse(event.newValue), true)
    })
  }
  return () => listeners.delete(callback)
}
