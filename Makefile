# carereview — see README.md. `make run` and `make test` do all the set-up
# (they build first); nothing is installed behind your back: `make deps`
# installs the system packages, as root.
SWIFT ?= swift
BIN := .build/debug/carereview

.PHONY: run build test soak bench release deps check-deps check-tmux clean

run: build
	@$(BIN)

build: check-deps
	$(SWIFT) build --product carereview

test: check-deps check-tmux
	$(SWIFT) build
	$(SWIFT) test

# The long kill loop: 240 mark and note operations, each SIGKILLed at a
# random moment, and browsers killed just after "Marked …" appears; no
# acknowledged change may be lost (`make test` runs a 30-operation loop).
soak: check-deps check-tmux
	$(SWIFT) build --build-tests
	CAREREVIEW_KILL_OPS=240 $(SWIFT) test --skip-build --filter sigkillNeverLosesAnAcknowledgedChange

# Release build, synthetic corpora at 1x/100x/1000x, figures printed.
bench: check-deps
	$(SWIFT) build -c release --product carereview
	$(SWIFT) build -c release --product carereview-bench
	.build/release/carereview-bench --binary .build/release/carereview

# A single self-contained binary (Swift runtime linked in): needs only libncursesw on the target machine.
release: check-deps
	$(SWIFT) build -c release --product carereview --static-swift-stdlib
	strip .build/release/carereview
	@echo "built .build/release/carereview (needs only libncursesw6 and the C/C++ runtime at run time)"

deps:
	@if [ "$$(id -u)" != 0 ]; then echo "make deps installs Debian packages: run it as root (sudo make deps)"; exit 1; fi
	apt-get update
	apt-get install -y libncurses-dev libsqlite3-dev tmux libxml2-utils sqlite3 strace

check-deps:
	@command -v $(SWIFT) >/dev/null || { echo "swift is not on PATH (Swift 6 toolchain needed; on this machine: /opt/swift/usr/bin)"; exit 1; }
	@[ -f /usr/include/curses.h ] || { echo "libncurses-dev is missing: run 'sudo make deps' (or: apt-get install libncurses-dev)"; exit 1; }
	@[ -f /usr/include/sqlite3.h ] || { echo "libsqlite3-dev is missing (marks and notes are kept in SQLite): run 'sudo make deps' (or: apt-get install libsqlite3-dev)"; exit 1; }

check-tmux:
	@command -v tmux >/dev/null || { echo "tmux is missing (the end-to-end test drives the browser under tmux): run 'sudo make deps' (or: apt-get install tmux)"; exit 1; }

clean:
	rm -rf .build
