#!/usr/bin/env bash
# Drives the real ./kida launcher over the Jinja2 conformance cases and compares each result with
# the expected output (byte for byte) or error kind (exit status 1 and the exception name that
# starts stderr). The in-process test kida-cli/.../CliConformanceTest runs every case and also
# compares with the Java API; this script proves the same through the launcher, the module path
# and a real process.
#
#   scripts/cli-conformance.sh [STEP]   # every STEP-th case (default 4: about fifty cases); 1 = all
#
# Needs python3 to unpack the JSON cases (the CLI itself has no such dependency).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
step="${1:-4}"
cases="$root/kida-tests/src/test/resources/conformance/jinja2-visible.json"
command -v python3 >/dev/null || { echo "cli-conformance: python3 is needed to read $cases" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Build once up front so the first case does not time the build.
"$root/kida" --version >/dev/null

python3 - "$cases" "$work" "$step" <<'PY'
import json, os, sys
cases, work, step = sys.argv[1], sys.argv[2], int(sys.argv[3])
kinds = {"syntax": "TemplateSyntaxException", "undefined": "UndefinedException",
         "type": "TemplateTypeException", "runtime": "TemplateRuntimeException",
         "notfound": "TemplateNotFoundException"}
for i, case in enumerate(json.load(open(cases, encoding="utf-8"))["cases"]):
    if i % step:
        continue
    d = os.path.join(work, "%03d" % i)
    for name, text in case["files"].items():
        path = os.path.join(d, "templates", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    with open(os.path.join(d, "context.json"), "w", encoding="utf-8") as f:
        json.dump(case["context"], f)
    o = case["options"]
    args = [case["entry"], "--autoescape" if o["autoescape"] else "--no-autoescape"]
    args += [flag for key, flag in (("trim_blocks", "--trim-blocks"), ("lstrip_blocks", "--lstrip-blocks"),
                                    ("keep_trailing_newline", "--keep-trailing-newline")) if o[key]]
    with open(os.path.join(d, "args"), "w", encoding="utf-8") as f:
        f.write("\n".join(args) + "\n")
    with open(os.path.join(d, "id"), "w", encoding="utf-8") as f:
        f.write(case["id"])
    if "expect_error" in case:
        with open(os.path.join(d, "expected-error"), "w") as f:
            f.write(kinds[case["expect_error"]])
    else:
        with open(os.path.join(d, "expected"), "w", encoding="utf-8", newline="") as f:
            f.write(case["expect"])
PY

pass=0
fail=0
for d in "$work"/*/; do
    id="$(cat "$d/id")"
    mapfile -t args <"$d/args"
    set +e
    "$root/kida" render "${args[@]}" --templates "$d/templates" --data "$d/context.json" >"$d/out" 2>"$d/err"
    status=$?
    set -e
    if [[ -f "$d/expected-error" ]]; then
        kind="$(cat "$d/expected-error")"
        if [[ $status -eq 1 && "$(head -n 1 "$d/err")" == "$kind: "* && ! -s "$d/out" ]]; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            printf 'FAIL %s: expected exit 1 with %s, got exit %d: %s\n' "$id" "$kind" "$status" "$(head -n 1 "$d/err")"
        fi
    elif [[ $status -eq 0 ]] && cmp -s "$d/expected" "$d/out" && [[ ! -s "$d/err" ]]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        printf 'FAIL %s: exit %d\n  expected: %q\n  got:      %q\n  stderr: %s\n' "$id" "$status" \
            "$(cat "$d/expected")" "$(cat "$d/out")" "$(head -n 1 "$d/err")"
    fi
done
printf 'cli-conformance: %d passed, %d failed\n' "$pass" "$fail"
[[ $fail -eq 0 ]]
