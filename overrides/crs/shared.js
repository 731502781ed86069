// What page bundles take from crs.js (loaded first on every page; see main.js). Importing the
// modules directly would bundle second copies, with their own storage state, into each page.
export const {
  askFirst, asides, clear, course, download, downloadAsides, entries, exportJSON, follow, h, lessonOf,
  lessonStatus, mark, objectiveStates, plural, quizScore, read, readEntry, register, remove, say, scoreText,
  siteUrl, statusText, subscribe, toJSON, write,
} = window.crs
