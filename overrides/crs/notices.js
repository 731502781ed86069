// Tells the learner, once, when the browser will not keep their work, and offers what can be
// saved instead (export from My workspace, download of damaged data).
import { download, h } from "./dom.js"
import { toJSON } from "./exchange.js"
import { course, siteUrl } from "./model.js"
import { asides, entries, onProblem } from "./storage.js"

const TEXT = {
  unavailable: "This browser is not saving your course work (storage is turned off, or private browsing blocks it). What you write stays only while this tab is open: export it to keep it.",
  quota: "This browser’s storage for the course is full, so your latest changes are not saved. They stay while this tab is open: export them to keep them.",
  corrupt: "Some saved course data was damaged and could not be read. It has been set aside, so nothing else is affected, and you can download it.",
  leaving: "Opening My workspace loads a new page here, and this browser is not keeping your work, so what you wrote on this page would be lost. Export it first.",
}

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

function told(kind) {
  try {
    if (sessionStorage.getItem(`crs.told.${kind}`)) return true
    sessionStorage.setItem(`crs.told.${kind}`, "1")
  } catch {}
  return false
}

// Where instant navigation swaps the page, the tab keeps the unsaved work; where following the
// link loads a new page (file://, the offline bundle), it would be gone. Material prevents the
// default of the clicks it handles, so a click still undefaulted once it reaches window would
// load a page: then the notice offers the export first and says why.
function offerExportBeforeLeaving(link, notice) {
  window.addEventListener("click", (event) => {
    if (event.target.closest?.("a") !== link || event.defaultPrevented || !notice.isConnected) return
    event.preventDefault()
    if (notice.querySelector("[data-crs-leaving]")) return
    const open = h("a", { href: link.href, "data-crs-leaving": "" }, "Open My workspace without exporting")
    const exported = () => {
      exportJSON()
      open.textContent = "Open My workspace"
    }
    notice.append(
      h("p", { role: "alert" }, TEXT.leaving),
      h("p", {}, h("button", { type: "button", class: "crs-button", onclick: exported }, "Export my work"), " ", open),
    )
    notice.querySelector("[data-crs-leaving]")?.previousElementSibling?.focus()
  })
}

export function mountNotices(body) {
  onProblem((kind) => {
    if (!TEXT[kind] || told(kind)) return
    const workspace = h("a", { href: siteUrl("workspace.html") }, "Open My workspace")
    const notice = h(
      "aside",
      { class: "crs-notice", "aria-label": "Saving your work" },
      h("p", { role: "alert" }, TEXT[kind]),
      h("p", {},
        kind === "corrupt"
          ? h("button", { type: "button", class: "crs-button", onclick: downloadAsides }, "Download damaged data")
          : h("button", { type: "button", class: "crs-button", onclick: exportJSON }, "Export my work"),
        " ",
        workspace,
        " ",
        h("button", { type: "button", class: "crs-button", onclick: () => notice.remove() }, "Dismiss"),
      ),
    )
    body.append(notice)
    if (kind !== "corrupt") offerExportBeforeLeaving(workspace, notice)
  })
}
