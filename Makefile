# carereview — see README.md. `make run` and `make test` do all the set-up
# (they build first); nothing is installed behind your back: `make deps`
# installs the system packages, as root.
SWIFT ?= swift
BIN := .build/debug/carereview

.PHONY: run build test bench release check-release-libs interop-venv deps check-deps check-tmux clean

run: build
	@$(BIN)

build: check-deps
	$(SWIFT) build --product carereview

test: check-deps check-tmux
	$(SWIFT) build
	$(SWIFT) test

# Release build, synthetic corpora at 1x/100x/1000x, figures printed.
bench: check-deps
	$(SWIFT) build -c release --product carereview
	$(SWIFT) build -c release --product carereview-bench
	.build/release/carereview-bench --binary .build/release/carereview

# A single self-contained binary (Swift runtime linked in): needs only libncursesw on the target machine.
release: check-deps
	$(SWIFT) build -c release --product carereview --static-swift-stdlib
	strip .build/release/carereview
	@$(MAKE) --no-print-directory check-release-libs
	@echo "built .build/release/carereview (needs only libncursesw6 and the C/C++ runtime at run time)"

# The release binary may load only these at start (libxml2 is dlopen'ed by import alone).
RELEASE_LIBS := linux-vdso|ld-linux-x86-64|ld-linux-aarch64|libc|libm|libstdc\+\+|libgcc_s|libz|libncursesw|libtinfo|libsqlite3
check-release-libs:
	@ldd .build/release/carereview | awk '{print $$1}' | sed 's|.*/||; s|\.so.*||' | grep -vxE '$(RELEASE_LIBS)' \
		&& { echo "check-release-libs: .build/release/carereview needs libraries beyond the allowed ones (above)"; exit 1; } \
		|| echo "check-release-libs: ok ($$(ldd .build/release/carereview | awk '{print $$1}' | sed 's|.*/||' | tr '\n' ' '))"

deps:
	@if [ "$$(id -u)" != 0 ]; then echo "make deps installs Debian packages: run it as root (sudo make deps)"; exit 1; fi
	apt-get update
	apt-get install -y libncurses-dev tmux libxml2-utils

check-deps:
	@command -v $(SWIFT) >/dev/null || { echo "swift is not on PATH (Swift 6 toolchain needed; on this machine: /opt/swift/usr/bin)"; exit 1; }
	@[ -f /usr/include/curses.h ] || { echo "libncurses-dev is missing: run 'sudo make deps' (or: apt-get install libncurses-dev)"; exit 1; }

check-tmux:
	@command -v tmux >/dev/null || { echo "tmux is missing (the end-to-end test drives the browser under tmux): run 'sudo make deps' (or: apt-get install tmux)"; exit 1; }

clean:
	rm -rf .build
