// What every page needs, first in each page's one script (esbuild, IIFE: classic scripts also
// run from file://): crs.js alone, or with the parts and page bundle the page shows
// (crs.frontend.combination). Material swaps page content on instant navigation; document$ emits
// for every page, so each component mounts on what the new page holds. Components mark
// elements they have mounted.
import { askFirst } from "./confirm.js"
import { download, h, plural, say } from "./dom.js"
import { course, follow, lessonOf, lessonStatus, objectiveStates, quizScore, scoreText, siteUrl, statusText } from "./model.js"
import { mark, mountNav } from "./progress.js"
import { asides, clear, entries, onProblem, read, readEntry, remove, subscribe, write } from "./storage.js"
import { followTargets, markTarget } from "./target.js"

const components = [
  // [selector, mount(el)] — each component adds its own line; the others register().
  [".md-nav--primary", mountNav],
]

function mountPage() {
  // Components read the page's course detail (crs.coursedata), a script in the content: after
  // instant navigation the page's own script can run before it has, so they mount once it has.
  const detail = document.getElementById("crs-course-detail")
  if (detail && !detail.crsData) {
    detail.addEventListener("load", mountPage, { once: true })
    return
  }
  markTarget()
  // Instant navigation parses pages without scripting, so <noscript> content would come alive.
  for (const el of document.querySelectorAll("noscript.crs-noscript")) el.remove()
  for (const [selector, mount] of components) {
    for (const el of document.querySelectorAll(selector)) {
      if (el.dataset.crsMounted) continue
      el.dataset.crsMounted = "true"
      mount(el)
    }
  }
}

// A component's part (mount-quizzes.js, mount-reflections.js) or page bundle (lessons.js,
// workspace.js, assignment.js, tutor.js), in the script of the pages that need it, runs after
// this code and adds its components here. Instant navigation runs a page's script on each
// visit; the component is kept once.
function register(selector, mount) {
  if (!components.some(([known]) => known === selector)) components.push([selector, mount])
  if (document.readyState !== "loading") mountPage()
}

// Instant navigation to a page of another combination runs its script, this code included:
// the first page's copy goes on serving the tab, so it has one storage state.
if (!window.crs) {
  // What parts and page bundles use, through shared.js: these module instances.
  window.crs = {
    askFirst, asides, clear, course, download, entries, follow, h, lessonOf, lessonStatus, mark, objectiveStates,
    onProblem, plural, quizScore, read, readEntry, register, remove, say, scoreText, siteUrl, statusText, subscribe,
    write,
  }

  // The notice for a browser that will not keep the learner's work comes at the first problem
  // storage reports (notices.js, which replays those so far). A classic script: file:// runs it.
  let notices
  onProblem(() => {
    notices ??= document.body.appendChild(h("script", { src: siteUrl("assets/crs/notices.js") }))
  })

  // On file:// Material's document$ never emits (seen with 9.8 in Chromium), so the first page
  // also mounts on DOMContentLoaded; mounting twice is harmless (elements are marked).
  followTargets()
  window.document$?.subscribe(mountPage)
  document.addEventListener("DOMContentLoaded", mountPage)
}
