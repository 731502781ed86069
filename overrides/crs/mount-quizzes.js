// Entry of assets/crs/quizzes.js (with quizzes.css), loaded where a page shows a quiz.
import { mountQuiz } from "./quizzes.js"
import { register } from "./shared.js"

register("[data-crs-quiz]", mountQuiz)
