// Order: the items in sequence, moved with Move up / Move down buttons; each item is a part.
import { result } from "./result.js"

const list = (fieldset) => fieldset.querySelector("[data-crs-order]")
const itemKeys = (fieldset) => [...list(fieldset).querySelectorAll("[data-crs-item]")].map((item) => item.dataset.crsItem)

// The order as first shown (a shuffle made at build time), restored when an answer is cleared.
const initialOrders = new WeakMap()

function updateMoveButtons(fieldset) {
  const items = [...list(fieldset).children]
  items.forEach((item, index) => {
    item.querySelector('[data-crs-move="up"]').disabled = index === 0
    item.querySelector('[data-crs-move="down"]').disabled = index === items.length - 1
  })
}

export default {
  type: "order",
  unanswered: "Choose an answer first.",
  multiPart: true,
  // The page's key (crs/questiontypes/order.py pack): the right order as places in the order shown.
  unpack: (packed, parts) => ({ order: packed.map((place) => parts.keys[place]) }),
  grade(key, response) {
    const shown = Array.isArray(response) ? response : []
    const parts = {}
    let right = 0
    key.order.forEach((itemKey, index) => {
      parts[itemKey] = shown[index] === itemKey
      if (parts[itemKey]) right += 1
    })
    return result(shown.length === key.order.length, right, key.order.length, parts)
  },
  correctResponse: (key) => [...key.order],
  validResponse(key, response) {
    if (!Array.isArray(response) || response.length !== key.order.length) return null
    const same = [...response].sort().join() === [...key.order].sort().join()
    return same ? response : null
  },
  read: itemKeys,
  // Called once before anything is shown: remembers the order as first shown, for "no answer".
  mount(fieldset, { saveResponse, isLocked, announce }) {
    initialOrders.set(fieldset, itemKeys(fieldset))
    list(fieldset).addEventListener("click", (event) => {
      const moveButton = event.target.closest("[data-crs-move]")
      if (!moveButton || moveButton.disabled || isLocked()) return
      const item = moveButton.closest("[data-crs-item]")
      const up = moveButton.dataset.crsMove === "up"
      const neighbour = up ? item.previousElementSibling : item.nextElementSibling
      if (!neighbour) return
      const items = list(fieldset)
      if (up) items.insertBefore(item, neighbour)
      else items.insertBefore(neighbour, item)
      updateMoveButtons(fieldset)
      saveResponse(itemKeys(fieldset))
      const all = [...items.children]
      announce(`Moved to position ${all.indexOf(item) + 1} of ${all.length}.`)
      // Keep focus on the moved item: the same button, or its other one at either end.
      const other = item.querySelector(`[data-crs-move="${up ? "down" : "up"}"]`)
      ;(moveButton.disabled ? other : moveButton).focus()
    })
  },
  show(fieldset, response) {
    const items = list(fieldset)
    for (const itemKey of response ?? initialOrders.get(fieldset)) {
      items.append(items.querySelector(`[data-crs-item="${itemKey}"]`))
    }
  },
  // Answer controls are live again (not checked yet): first and last item cannot move further.
  unlocked: updateMoveButtons,
  partFeedback(key, partKey, right, revealed) {
    if (revealed || right === undefined) return null
    return [right ? "Right place" : "Wrong place", ""]
  },
}

// SCORM interaction (overrides/crs/scorm/interactions.js gives `f`, the version's formats).
// A named export of its own, so the site's bundles leave it out.
export const scorm = {
  type: "sequencing",
  patterns: (key, f) => [f.choices(key.order, key.order)],
  response: (key, response, f) => f.choices(response, key.order),
}
