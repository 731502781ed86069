"""The LMS side of the SCORM browser tests: a harness page around scorm-again, and the limits
Moodle enforces for SCORM 1.2 (mod/scorm/datamodels/scorm_12.js), which scorm-again's 1.2 API
does not, checked here on every value a package writes."""

from __future__ import annotations

import re

# The harness: scorm-again as "the LMS", every API call logged with the error code after it;
# window.crsStart (set before the page loads) is the data of an earlier session.
HARNESS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS harness</title>
<script src="lms/scorm12.min.js"></script><script src="lms/scorm2004.min.js"></script></head>
<body>
<iframe id="sco" title="Course" style="width: 100%; height: 900px; border: 0"></iframe>
<script>
const version = new URLSearchParams(location.search).get("v")
const v12 = version === "1.2"
const real = v12 ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 })
if (window.crsStart) real.loadFromJSON(window.crsStart)
const names = v12
  ? ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError",
     "LMSGetErrorString", "LMSGetDiagnostic"]
  : ["Initialize", "Terminate", "GetValue", "SetValue", "Commit", "GetLastError",
     "GetErrorString", "GetDiagnostic"]
window.lmsCalls = []
const api = {}
for (const name of names) {
  api[name] = (...args) => {
    const result = real[name](...args)
    if (!/Error|Diagnostic/.test(name)) {
      const error = String(real[v12 ? "LMSGetLastError" : "GetLastError"]())
      window.lmsCalls.push({ name, args: args.map(String), result: String(result), error })
    }
    return result
  }
}
window[v12 ? "API" : "API_1484_11"] = api
document.getElementById("sco").src = `pkg${v12 ? "12" : "2004"}/scorm.html`
window.finish = () => (document.getElementById("sco").src = "about:blank")
</script>
</body></html>
"""

CALLS = {
    "1.2": {"init": "LMSInitialize", "finish": "LMSFinish", "set": "LMSSetValue"},
    "2004": {"init": "Initialize", "finish": "Terminate", "set": "SetValue"},
}

STATUS = {"passed", "completed", "failed", "incomplete", "browsed"}
EXIT = {"time-out", "suspend", "logout", ""}
TYPES = {
    "true-false",
    "choice",
    "fill-in",
    "matching",
    "performance",
    "sequencing",
    "likert",
    "numeric",
}
RESULTS = {"correct", "wrong", "unanticipated", "neutral"}
DECIMAL = re.compile(r"-?\d+(\.\d+)?")
TIME = re.compile(r"\d{2}:\d{2}:\d{2}(\.\d{1,2})?")
INTERACTION = re.compile(r"cmi\.interactions\.(\d+)\.(.+)")


def _number_or(value: str, words: set[str]) -> bool:
    return value in words or bool(DECIMAL.fullmatch(value))


def _interaction_ok(field: str, value: str) -> bool:
    if field == "id":
        return bool(re.fullmatch(r"[\x21-\x7e]{1,255}", value))
    if field == "type":
        return value in TYPES
    if field == "result":
        return _number_or(value, RESULTS)
    if field == "time":
        return bool(TIME.fullmatch(value))
    if field == "weighting":
        return bool(DECIMAL.fullmatch(value))
    if field == "student_response" or re.fullmatch(r"correct_responses\.\d+\.pattern", field):
        return len(value) <= 255
    return False


def moodle_12_problem(name: str, value: str) -> str | None:
    """Why Moodle would refuse this SCORM 1.2 SetValue, or None."""
    ok = {
        "cmi.core.lesson_status": lambda v: v in STATUS,
        "cmi.core.score.raw": lambda v: DECIMAL.fullmatch(v) and 0 <= float(v) <= 100,
        "cmi.core.score.min": lambda v: DECIMAL.fullmatch(v) and 0 <= float(v) <= 100,
        "cmi.core.score.max": lambda v: DECIMAL.fullmatch(v) and 0 <= float(v) <= 100,
        "cmi.core.lesson_location": lambda v: len(v) <= 255,
        "cmi.suspend_data": lambda v: len(v) <= 4096,
        "cmi.comments": lambda v: len(v) <= 4096,
        "cmi.core.exit": lambda v: v in EXIT,
        "cmi.core.session_time": lambda v: re.fullmatch(r"\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?", v),
    }
    found = INTERACTION.fullmatch(name)
    if found:
        return None if _interaction_ok(found.group(2), value) else f"{name}={value!r}"
    if name not in ok:
        return f"{name} is not an element Moodle takes"
    return None if ok[name](value) else f"{name}={value!r}"


def call_order_problems(calls: list[dict], version: str) -> list[str]:
    """One initialize first, one finish last, error 0 and success after every call."""
    names = CALLS[version]
    problems = [f"{c['name']}{c['args']} -> {c['result']}, error {c['error']}" for c in calls
                if c["error"] != "0" or c["result"] == "false"]  # fmt: skip
    if [c["name"] for c in calls].count(names["init"]) != 1 or calls[0]["name"] != names["init"]:
        problems.append("not exactly one initialize, first")
    if [c["name"] for c in calls].count(names["finish"]) != 1 or calls[-1]["name"] != names[
        "finish"
    ]:
        problems.append("not exactly one finish, last")
    return problems


def last_values(calls: list[dict], version: str) -> dict[str, str]:
    """The last value written to each element."""
    return {c["args"][0]: c["args"][1] for c in calls if c["name"] == CALLS[version]["set"]}


def interactions(values: dict[str, str]) -> dict[str, dict[str, str]]:
    """The interactions written, by id: {field: last value}."""
    by_index: dict[str, dict[str, str]] = {}
    for name, value in values.items():
        found = INTERACTION.fullmatch(name)
        if found:
            by_index.setdefault(found.group(1), {})[found.group(2)] = value
    ids = [fields["id"] for fields in by_index.values()]
    assert len(ids) == len(set(ids)), f"an id written at two indexes: {sorted(ids)}"
    return {fields["id"]: fields for fields in by_index.values()}
