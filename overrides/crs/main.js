// Entry point bundled (esbuild, IIFE) into assets/crs/crs.js so it also runs from file://.
// Material swaps page content on instant navigation; document$ emits for every page, so each
// component mounts on what the new page holds. Components mark elements they have mounted.
import * as dom from "./dom.js"
import * as exchange from "./exchange.js"
import * as model from "./model.js"
import { mountNotices } from "./notices.js"
import { mountLesson, mountLessons, mountNav } from "./progress.js"
import { mountQuiz } from "./quizzes.js"
import { mountReflection } from "./reflections.js"
import * as storage from "./storage.js"
import { mountWorkspace } from "./workspace.js"

// Page bundles (assignment.js, tutor.js) load after this one and use these module instances
// through shared.js: one storage state per tab, and no second copy in their download.
window.crs = { dom, exchange, model, storage }

const components = [
  // [selector, mount(el)] — each component adds its own line.
  ["body", mountNotices],
  ["[data-crs-reflection]", mountReflection],
  ["[data-crs-quiz]", mountQuiz],
  ["[data-crs-lesson]", mountLesson],
  ["[data-crs-lessons]", mountLessons],
  [".md-nav--primary", mountNav],
  ["[data-crs-workspace]", mountWorkspace],
]

function mountPage() {
  for (const [selector, mount] of components) {
    for (const el of document.querySelectorAll(selector)) {
      if (el.dataset.crsMounted) continue
      el.dataset.crsMounted = "true"
      mount(el)
    }
  }
}

// On file:// Material's document$ never emits (seen with 9.8 in Chromium), so the first page
// also mounts on DOMContentLoaded; mounting twice is harmless (elements are marked).
window.document$?.subscribe(mountPage)
document.addEventListener("DOMContentLoaded", mountPage)
