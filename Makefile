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

test: check-deps check-tmux interop-venv
	$(SWIFT) build
	$(SWIFT) test

# pyrefiqda and pyqdpx (PyPI) read our REFI-QDA export in the interop tests.
# pyqdpx needs Python 3.12: PYTHON312 is found on PATH or under pyenv.
INTEROP_VENV := .build/interop-venv
PYTHON312 ?= $(shell for p in $$(command -v python3.12) $$(ls $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.12*/bin/python3.12 2>/dev/null); do \
	"$$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' 2>/dev/null && { echo "$$p"; break; }; done)
interop-venv: $(INTEROP_VENV)/.installed
$(INTEROP_VENV)/.installed:
	@[ -n "$(PYTHON312)" ] || { echo "interop-venv: Python 3.12 not found (on PATH as python3.12, or under pyenv); pyqdpx needs it. Install it (e.g. pyenv install 3.12) or set PYTHON312=/path/to/python3.12"; exit 1; }
	$(PYTHON312) -m venv $(INTEROP_VENV)
	$(INTEROP_VENV)/bin/pip install --quiet pyrefiqda==0.3.1 pyqdpx==0.1.8
	touch $@

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
