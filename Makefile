# xinan — the two commands are `make demo` and `make test`; the rest are their steps.
SHELL := /bin/bash
BUILD ?= build
JOBS ?= $(shell nproc)
XINAN := $(BUILD)/server/xinan

.PHONY: demo test bootstrap build server web unit api crash e2e soak bench clean

demo: build
	@scripts/demo

test: build
	@scripts/run-tests

bootstrap:
	@scripts/bootstrap

build: bootstrap server web

server:
	@cmake -S server -B $(BUILD)/server -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD)/server -j $(JOBS)

web:
	@cd web && npm run build --silent

# Single test layers (expect `make build` first).
unit:
	@scripts/run-tests unit
api:
	@scripts/run-tests api
crash:
	@scripts/run-tests crash
e2e:
	@scripts/run-tests e2e

# Many crash-recovery trials (make test runs a few).
soak: build
	@XINAN_CRASH_TRIALS=$${XINAN_CRASH_TRIALS:-25} scripts/run-tests crash

bench: build
	@scripts/bench

clean:
	rm -rf $(BUILD) web/dist
