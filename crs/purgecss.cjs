// Material's stylesheet cut to the rules the site's tokens can match (crs/stylesheets.py).
// Reads {"css": text, "tokens": [...]} on stdin, writes the CSS to stdout. Each token is one
// class, tag, attribute name or value, or script word, matched whole: never split again.
const { PurgeCSS } = require("purgecss");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const { css, tokens } = JSON.parse(input);
  const [result] = await new PurgeCSS().purge({
    content: [{ raw: tokens.join("\n"), extension: "tokens" }],
    css: [{ raw: css }],
    defaultExtractor: (content) => content.split("\n"),
    keyframes: true,
    fontFace: true,
  });
  process.stdout.write(result.css);
});
