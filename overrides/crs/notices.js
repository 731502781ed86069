// Tells the learner, once, when the browser will not keep their work, and offers what can be
// saved instead (export from My workspace, download of damaged data). Rarely needed, so it is a
// part of its own (assets/crs/notices.js) that crs.js fetches at the first problem reported.
import { downloadAsides, exportJSON } from "./saving.js"
import { h, onProblem, siteUrl } from "./shared.js"

const TEXT = {
  unavailable: "This browser is not saving your course work (storage is turned off, or private browsing blocks it). What you write stays only while this tab is open: export it to keep it.",
  quota: "This browser’s storage for the course is full, so your latest changes are not saved. They stay while this tab is open: export them to keep them.",
  corrupt: "Some saved course data was damaged and could not be read. It has been set aside, so nothing else is affected, and you can download it.",
  leaving: "Opening My workspace loads a new page, which loses the work this browser is not keeping: export it first.",
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
// load a page: the first such click only says why and offers the export.
function offerExportBeforeLeaving(link, exportButton) {
  let offered = false
  addEventListener("click", (event) => {
    if (offered || event.defaultPrevented || !link.contains(event.target)) return
    event.preventDefault()
    offered = true
    exportButton.parentNode.before(h("p", { role: "alert" }, TEXT.leaving))
    link.textContent = "Open My workspace anyway"
    exportButton.focus()
  })
}

export function mountNotices(body) {
  onProblem((kind) => {
    if (!TEXT[kind] || told(kind)) return
    const workspace = h("a", { href: siteUrl("workspace.html") }, "Open My workspace")
    const save = kind === "corrupt"
      ? h("button", { type: "button", class: "crs-button", onclick: downloadAsides }, "Download damaged data")
      : h("button", { type: "button", class: "crs-button", onclick: exportJSON }, "Export my work")
    const notice = h(
      "aside",
      { class: "crs-notice", "aria-label": "Saving your work" },
      h("p", { role: "alert" }, TEXT[kind]),
      h("p", {},
        save,
        " ",
        workspace,
        " ",
        h("button", { type: "button", class: "crs-button", onclick: () => notice.remove() }, "Dismiss"),
      ),
    )
    body.append(notice)
    if (kind !== "corrupt") offerExportBeforeLeaving(workspace, save)
  })
}
