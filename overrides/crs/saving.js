// Saving what the tab holds as files: the workspace export and the data set aside as damaged.
// For the workspace page and for the notice shown when the browser will not keep the work.
import { toJSON } from "./exchange.js"
import { asides, course, download, entries } from "./shared.js"

// Everything this tab holds, saved or not, as a workspace export.
export function exportJSON() {
  const model = course()
  const day = new Date().toISOString().slice(0, 10)
  download(`${model.course}-workspace-${day}.json`, `${JSON.stringify(toJSON(model, entries()), null, 2)}\n`, "application/json")
}

export function downloadAsides() {
  const found = asides()
  download("crs-damaged-data.json", JSON.stringify(Object.fromEntries(found.map((a) => [a.key, a.raw])), null, 2), "application/json")
}
