// The one place the course touches localStorage. Every value is JSON under a namespaced key
// ("crs.v1.<kind>.<id>") wrapped as {value, updated}, so exports can merge item by item
// (newer wins) and other tabs can follow along through the `storage` event.
const PREFIX = "crs.v1."

function backend() {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

export function key(kind, id) {
  return `${PREFIX}${kind}.${id}`
}

export function readEntry(kind, id) {
  const raw = backend()?.getItem(key(kind, id))
  if (raw == null) return undefined
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}

export function read(kind, id) {
  return readEntry(kind, id)?.value
}

export function write(kind, id, value, updated = new Date().toISOString()) {
  try {
    backend()?.setItem(key(kind, id), JSON.stringify({ value, updated }))
    return true
  } catch {
    return false
  }
}

export function remove(kind, id) {
  try {
    backend()?.removeItem(key(kind, id))
  } catch {
    // Nothing to lose: the item is gone either way or storage is off.
  }
}

// Calls back with (kind, id, entry) when another tab changes a course item.
export function onExternalChange(callback) {
  window.addEventListener("storage", (event) => {
    if (!event.key?.startsWith(PREFIX)) return
    const rest = event.key.slice(PREFIX.length)
    const dot = rest.indexOf(".")
    const entry = event.newValue == null ? undefined : safeParse(event.newValue)
    callback(rest.slice(0, dot), rest.slice(dot + 1), entry)
  })
}

function safeParse(raw) {
  try {
    return JSON.parse(raw)
  } catch {
    return undefined
  }
}
