// The element a link jumps to (a citation's entry on the references page) is marked so the eye
// finds it. CSS :target alone misses it after Material's instant navigation, which changes the
// address with history.pushState.
export function markTarget() {
  for (const el of document.querySelectorAll(".crs-is-target")) el.classList.remove("crs-is-target")
  let id = ""
  try {
    id = decodeURIComponent(location.hash.slice(1))
  } catch {}
  if (id) document.getElementById(id)?.classList.add("crs-is-target")
}

export function followTargets() {
  window.addEventListener("hashchange", markTarget)
  window.addEventListener("popstate", markTarget)
  // A link to an anchor on the same page may not change the hash (it already is that one).
  document.addEventListener("click", (event) => {
    if (event.target.closest?.("a[href*='#']")) setTimeout(markTarget)
  })
}
