# whoswho: the two commands in README.md are `make site` and `make test`.
SWIFT ?= swift
CONTENT ?= content
OUTPUT ?= site
RELEASE_BIN = .build/release/whoswho
FUZZ_SECONDS ?= 60

.PHONY: site test deps test-deps release debug unit browser-tests fuzz clean schemas theme

## Build the sample site from content/ into site/.
site: deps release
	$(RELEASE_BIN) build --content $(CONTENT) --output $(OUTPUT)

## Run every test: unit and end-to-end tests, the browser and HTML checks, then a
## short fuzzing run (a minute per target; see fuzz/run.sh).
test: test-deps
	$(SWIFT) build
	$(SWIFT) test
	$(MAKE) browser-tests
	$(MAKE) fuzz

## Fuzz the YAML, front-matter/card, Markdown and link layers with libFuzzer,
## FUZZ_SECONDS per target; a crash fails and is kept in fuzz/artifacts/.
fuzz:
	fuzz/run.sh $(FUZZ_SECONDS)

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

release:
	$(SWIFT) build -c release --product whoswho

debug:
	$(SWIFT) build --product whoswho

browser-tests:
	@if [ -d tests-browser ]; then .venv/bin/python -m unittest discover -s tests-browser -v; fi

clean:
	rm -rf .build .venv fuzz/.build

## Write the JSON Schemas editors use (the yaml-language-server line of new cards) into schemas/.
schemas: debug
	@mkdir -p schemas
	.build/debug/whoswho schema card --content $(CONTENT) > schemas/card.schema.json
	.build/debug/whoswho schema guide --content $(CONTENT) > schemas/guide.schema.json
	.build/debug/whoswho schema index > schemas/index.schema.json

## Write Sources/Render/BuiltInTheme.swift from themes/default, the theme the binary carries.
theme:
	python3 scripts/embed-theme.py
