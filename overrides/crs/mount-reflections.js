// Entry of assets/crs/reflections.js, loaded where a page shows a reflection prompt.
import { mountReflection } from "./reflections.js"
import { register } from "./shared.js"

register("[data-crs-reflection]", mountReflection)
