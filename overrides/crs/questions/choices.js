// What single, multiple and true-false share on the page: a list of radio buttons or checkboxes.
export function readChecked(fieldset) {
  return [...fieldset.querySelectorAll("input:checked")].map((input) => input.value)
}

export function showChecked(fieldset, values) {
  const wanted = new Set(values.map(String))
  for (const input of fieldset.querySelectorAll("input")) input.checked = wanted.has(input.value)
}
