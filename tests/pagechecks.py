"""Checks run inside a page with Playwright: what a learner sees of form controls and of the
page's width, computed from the styles the browser applied."""

from __future__ import annotations

# For every visible text input, select and textarea: the best contrast of its boundary (a border
# side at least 1px wide, or its own background) against the background it sits on. WCAG 1.4.11
# asks for 3:1. Colours with alpha are composited over what is behind them.
CONTROL_BOUNDARIES = """
() => {
  const parse = (text) => {
    const m = text.match(/rgba?\\(([^)]+)\\)/)
    if (!m) return [0, 0, 0, 0]
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number)
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]
  }
  const over = (top, bottom) => {
    const a = top[3]
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1)
  }
  const backdrop = (el) => {
    const layers = []
    for (let node = el; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor)
      if (colour[3] > 0) layers.push(colour)
      if (colour[3] === 1) break
    }
    return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1])
  }
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p)
    return (x + 0.05) / (y + 0.05)
  }
  const skipped = ["checkbox", "radio", "hidden", "file", "button", "submit", "reset", "range"]
  const textual = `input${skipped.map((t) => `:not([type=${t}])`).join("")}, select, textarea`
  return [...document.querySelectorAll(textual)]
    .filter((el) => {
      // What is on screen: not hidden, and not moved out of view (Material's closed search).
      const box = el.getBoundingClientRect()
      const shown = el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
      return shown && box.width > 0 && box.right > 0 && box.left < innerWidth
    })
    .map((el) => {
      const style = getComputedStyle(el)
      const behind = backdrop(el.parentElement)
      const own = over(parse(style.backgroundColor), behind)
      let best = contrast(own, behind)
      for (const side of ["Top", "Right", "Bottom", "Left"]) {
        const drawn = style[`border${side}Style`] !== "none"
        if (drawn && parseFloat(style[`border${side}Width`]) >= 1) {
          const edge = over(parse(style[`border${side}Color`]), own)
          best = Math.max(best, contrast(edge, behind))
        }
      }
      const name = el.id || el.name || el.className || el.tagName
      const rounded = Math.round(best * 100) / 100
      return { control: `${el.tagName.toLowerCase()}#${name}`, contrast: rounded }
    })
}
"""

# How far the page scrolls sideways (0 when it fits the viewport).
HORIZONTAL_OVERFLOW = (
    "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
    " - document.documentElement.clientWidth"
)
