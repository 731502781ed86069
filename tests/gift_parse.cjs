// Parse a GIFT file with gift-pegjs (a GIFT grammar independent of our exporter) and print the
// questions as JSON; a syntax error prints {"error", "line", "column"} and exits 1.
// Usage: node tests/gift_parse.cjs <file.gift.txt>
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

const text = fs.readFileSync(process.argv[2], "utf8");
try {
  process.stdout.write(JSON.stringify(parse(text)));
} catch (error) {
  const start = error.location ? error.location.start : {};
  process.stdout.write(JSON.stringify({ error: error.message, line: start.line, column: start.column }));
  process.exit(1);
}
