// Entry of assets/crs/notices.js, which crs.js fetches when storage first reports a problem; it
// brings notices.css along, after the content, where instant navigation keeps it.
import { mountNotices } from "./notices.js"
import { h, siteUrl } from "./shared.js"

document.body.append(h("link", { rel: "stylesheet", href: siteUrl("assets/crs/notices.css") }))
mountNotices(document.body)
