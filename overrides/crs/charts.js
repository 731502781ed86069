// Small horizontal bar charts in SVG, drawn here rather than by a library. A chart is a picture
// for the eye: its figures are always in a table next to it, which screen readers read instead.
const NS = "http://www.w3.org/2000/svg"
const ROW = 22
const LABEL = 170
const WIDTH = 560

function svg(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag)
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value)
  if (text != null) el.textContent = text
  return el
}

const short = (text, max = 26) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

// bars: [{label, value}], each out of `max`; `describe` is the chart's accessible name.
export function barChart({ bars, max, describe, unit = "" }) {
  const height = bars.length * ROW + 8
  const scale = (WIDTH - LABEL - 60) / Math.max(max, 1)
  const chart = svg("svg", { class: "crs-chart", viewBox: `0 0 ${WIDTH} ${height}`, role: "img", "aria-label": describe, focusable: "false" })
  bars.forEach(({ label, value }, i) => {
    const y = i * ROW + 4
    chart.append(
      svg("text", { x: LABEL - 6, y: y + ROW / 2 + 4, "text-anchor": "end", class: "crs-chart__label" }, short(label)),
      svg("rect", { x: LABEL, y: y + 3, width: WIDTH - LABEL - 60, height: ROW - 6, class: "crs-chart__track" }),
      svg("rect", { x: LABEL, y: y + 3, width: Math.max(value * scale, value ? 2 : 0), height: ROW - 6, class: "crs-chart__bar" }),
      svg("text", { x: LABEL + value * scale + 6, y: y + ROW / 2 + 4, class: "crs-chart__value" }, `${value}${unit}`),
    )
  })
  return chart
}
