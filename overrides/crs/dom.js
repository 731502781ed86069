// Small DOM helpers shared by the components.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue
    if (name.startsWith("on")) el.addEventListener(name.slice(2), value)
    else el.setAttribute(name, value === true ? "" : value)
  }
  el.append(...children.flat().filter((child) => child != null && child !== false))
  return el
}

// Saves text as a file; a Blob link works from file:// too and needs no server.
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = h("a", { href: url, download: name, hidden: true })
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`
}

const pending = new WeakMap()

// Sets a live region's text after emptying it, so the same message twice is announced again.
export function say(region, text) {
  region.textContent = ""
  clearTimeout(pending.get(region))
  pending.set(region, setTimeout(() => (region.textContent = text), 50))
}
