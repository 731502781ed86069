// What page bundles take from crs.js (loaded first on every page; see main.js). Importing the
// modules directly would bundle second copies, with their own storage state, into each page.
const { dom, exchange, model, storage } = window.crs

export const { download, h, plural } = dom
export const { scoreText, toJSON } = exchange
export const { course, questionState } = model
export const { entries, subscribe } = storage
