// Entry of collate.js in the notebook download (crs/collation.py bundles it as the global
// `crsCollate`): the same rules and exports as the Class summary page, for an embedded engine.
export { collate } from "./collate.js"
export { answersTo, toCSV, toMarkdown } from "./collate-export.js"
