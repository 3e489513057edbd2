# pyplan: plain GNU make.  `make run` plans the bundled PyCon 2018 data,
# `make check` builds and runs every test (also under ASan+UBSan).

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
DESTDIR ?=
BUILD   ?= build
CC      ?= cc
CFLAGS  ?= -O2 -g
WERROR  ?= -Werror
SAN     ?=

# Debian packages this project needs (see README.md, "Dependencies").
DEBS = build-essential pkg-config libcsv-dev libical-dev libinih-dev \
       libjansson-dev libxml2-dev libutf8proc-dev libstemmer-dev \
       libcurl4-openssl-dev libicu-dev zlib1g-dev liblzma-dev libcmocka-dev \
       libglpk-dev libgmp-dev libsuitesparse-dev tzdata glpk-utils mandoc \
       python3 python3-icalendar python3-dateutil khal valgrind jq clang \
       parallel libclang-rt-14-dev
PKGS = libical inih jansson libxml-2.0 libutf8proc libcurl icu-uc
# Start-up loads only libc and libm (see README.md): the libraries are
# linked statically, the ICU functions libical and libxml2 call come from
# src/icu_lazy.c and the libcurl functions fetch.c calls from
# src/curl_lazy.c, each of which opens its library on first use.  GLPK
# (pyplan team's joint model) is static too, with the libraries under it
# (GMP, AMD, COLAMD); the libltdl functions its static archive calls for
# MathProg's ODBC/MySQL table drivers, which pyplan never uses, come from
# src/glpk_ltdl.c and fail (Debian ships no libltdl.a).
STATIC_PKGS = inih jansson libutf8proc
LAZY = $(BUILD)/obj/icu_lazy.o $(BUILD)/obj/curl_lazy.o \
       $(BUILD)/obj/glpk_ltdl.o

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wstrict-prototypes \
       -Wmissing-prototypes -Wold-style-definition -Wwrite-strings \
       -Wcast-qual -Wformat=2 -Wundef -Wvla $(WERROR)
# Recursive (=) so that pkg-config runs after the dependency step.
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude $(WARN) \
	     $(shell pkg-config --cflags $(PKGS)) $(SAN) $(CFLAGS)
LIBS = $(LAZY) -Wl,-Bstatic -lical -lxml2 \
       $(shell pkg-config --libs $(STATIC_PKGS)) -lcsv -lstemmer \
       -lglpk -lgmp -lamd -lcolamd -lsuitesparseconfig -lz -llzma \
       -Wl,-Bdynamic -lm
TEST_LIBS = $(shell pkg-config --libs cmocka)

SRCS  = $(filter-out src/main.c src/icu_lazy.c src/curl_lazy.c src/glpk_ltdl.c,$(wildcard src/*.c))
OBJS  = $(SRCS:src/%.c=$(BUILD)/obj/%.o)
HDRS  = $(wildcard include/pyplan/*.h src/*_int.h)
TESTS = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
DEPS_STAMP = $(BUILD)/.deps-ok

.PHONY: all run team check unit cli oracle verify bad oom output asan lint \
	limits-solver \
	leakcheck install uninstall clean deps bench format fuzz fuzz-build \
	fuzz-bins fuzz-replay completions limits

all: $(BUILD)/pyplan completions

# Shell completion, printed by pyplan itself from the option table that
# its help comes from, so the two cannot drift apart.
COMPLETIONS = $(BUILD)/completion/pyplan.bash $(BUILD)/completion/_pyplan
completions: $(COMPLETIONS)

$(BUILD)/completion/pyplan.bash: $(BUILD)/pyplan
	@mkdir -p $(@D)
	$(BUILD)/pyplan completion bash >$@

$(BUILD)/completion/_pyplan: $(BUILD)/pyplan
	@mkdir -p $(@D)
	$(BUILD)/pyplan completion zsh >$@

deps: $(DEPS_STAMP)

# Installs missing Debian packages when root, otherwise names the command.
$(DEPS_STAMP):
	@mkdir -p $(BUILD)
	@missing=$$(for p in $(DEBS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "pyplan: installing missing packages:" $$missing; \
			apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing \
			|| exit 1; \
		else \
			echo "pyplan: missing packages; run:" >&2; \
			echo "  sudo apt-get install -y $$missing" >&2; exit 1; \
		fi; \
	fi
	@touch $@

$(BUILD)/obj/%.o: src/%.c $(HDRS) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libpyplan.a: $(OBJS)
	rm -f $@
	ar rcs $@ $(OBJS)

$(BUILD)/pyplan: $(BUILD)/obj/main.o $(BUILD)/libpyplan.a $(LAZY)
	$(CC) $(ALL_CFLAGS) -o $@ $(BUILD)/obj/main.o $(BUILD)/libpyplan.a \
		$(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libpyplan.a \
    $(LAZY) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -Wno-missing-prototypes \
		-DFIXTURES=\"tests/fixtures\" -o $@ $< $(BUILD)/libpyplan.a \
		$(LIBS) $(TEST_LIBS)

# The random-instance generator of the oracle tests and the benchmark:
# plain C, nothing but libc.
$(BUILD)/gen: tests/gen/gen.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(SAN) $(CFLAGS) \
		-o $@ tests/gen/gen.c

run: $(BUILD)/pyplan
	$(BUILD)/pyplan build data/pycon2018/schedule.csv \
		--profile data/pycon2018/profile.ini

# test_solve again with the solver built to search every day with bound
# tables of one cell on a budget of one label, so that it searches again
# with the finer tables (refine), and on a budget too large to run out
# (coarse): each way the same optimum as brute force.
SOLVE_VARIANTS = $(BUILD)/tests/test_solve_refine $(BUILD)/tests/test_solve_coarse
$(BUILD)/tests/test_solve_refine: SOLVE_DEFS = -DCHEAP_TABLES=0 \
	-DTABLE_TRIES_PER_LABEL=0x7fffffff
$(BUILD)/tests/test_solve_coarse: SOLVE_DEFS = -DCHEAP_TABLES=0 \
	-DTABLE_TRIES_PER_LABEL=1
$(SOLVE_VARIANTS): tests/unit/test_solve.c src/solve.c \
    $(wildcard tests/unit/*.h) $(BUILD)/libpyplan.a $(LAZY) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -Wno-missing-prototypes \
		-DFIXTURES=\"tests/fixtures\" -o $@ tests/unit/test_solve.c \
		$(SOLVE_DEFS) src/solve.c $(BUILD)/libpyplan.a $(LIBS) \
		$(TEST_LIBS)

unit: $(TESTS) $(SOLVE_VARIANTS)
	@fail=0; for t in $(TESTS) $(SOLVE_VARIANTS); do $$t || fail=1; done; \
		exit $$fail

# The bundled team: eight members, a booth rota, the talks they cover.
team: $(BUILD)/pyplan
	$(BUILD)/pyplan team data/pycon2018/team.ini data/pycon2018/schedule.csv

cli: $(BUILD)/pyplan
	@sh tests/cli/run.sh $(BUILD)/pyplan

# The MILP oracle (tests/oracle/run.py): pyplan's optimum against glpsol's
# on random instances, and every plan through the independent checker.
# `check` runs ORACLE_SEEDS instances and a few with large caps and with
# every talk worth the same, and replanned (build --from, --now, a change
# penalty); `verify` runs VERIFY_SEEDS, and 200 each of bigger instances,
# large caps (up to 16/720/8), equal-valued talks and replanned ones.
ORACLE_SEEDS ?= 200
ORACLE_EXTRA ?= 20
# Random small teams (tests/oracle/run_team.py) against glpsol.
TEAM_ORACLE_SEEDS ?= 40
VERIFY_SEEDS ?= 2000
ORACLE = /usr/bin/python3 tests/oracle/run.py
oracle: $(BUILD)/pyplan $(BUILD)/gen
	@$(ORACLE) $(BUILD)/pyplan $(BUILD)/gen 1 $(ORACLE_SEEDS)
	@$(ORACLE) -large $(BUILD)/pyplan $(BUILD)/gen 1 $(ORACLE_EXTRA)
	@$(ORACLE) -flat $(BUILD)/pyplan $(BUILD)/gen 1 $(ORACLE_EXTRA)
	@$(ORACLE) -replan $(BUILD)/pyplan $(BUILD)/gen 1 $(ORACLE_EXTRA)
	@/usr/bin/python3 tests/oracle/run_team.py $(BUILD)/pyplan $(BUILD)/gen 1 \
		$(TEAM_ORACLE_SEEDS)

verify: $(BUILD)/pyplan $(BUILD)/gen
	@$(ORACLE) $(BUILD)/pyplan $(BUILD)/gen 1 $(VERIFY_SEEDS)
	@$(ORACLE) -big $(BUILD)/pyplan $(BUILD)/gen 1 200
	@$(ORACLE) -large $(BUILD)/pyplan $(BUILD)/gen 1 200
	@$(ORACLE) -flat $(BUILD)/pyplan $(BUILD)/gen 1 200
	@$(ORACLE) -replan $(BUILD)/pyplan $(BUILD)/gen 1 200

# Speed: never part of `check` (tests/bench/run.py prints the tables).
bench: $(BUILD)/pyplan $(BUILD)/gen
	@/usr/bin/python3 tests/bench/run.py $(BUILD)/pyplan $(BUILD)/gen
	@/usr/bin/python3 tests/bench/batch.py $(BUILD)/pyplan

# Resource limits of the solver (tests/limits/solver.sh): hard plans finish
# within their CPU and memory bounds, or are refused naming the day and the
# caps.
limits-solver: $(BUILD)/pyplan
	@sh tests/limits/solver.sh $(BUILD)/pyplan

# Malformed inputs (tests/bad/MANIFEST): exit status and file:line message.
bad: $(BUILD)/pyplan
	@sh tests/bad/run.sh $(BUILD)/pyplan

# Resource limits (tests/limits/run.sh): inputs of the classes that once
# took quadratic time or memory, made at test time, each within the bound
# per MB of input and the memory that man/pyplan.1 LIMITS states.
limits: $(BUILD)/pyplan
	@sh tests/limits/run.sh $(BUILD)/pyplan

# Nothing lost on failure: unwritable, directory, full disk, signals.
output: $(BUILD)/pyplan
	@sh tests/output/run.sh $(BUILD)/pyplan

# Every allocation of the main paths failed in turn (PYPLAN_FAIL_ALLOC):
# exit 71, one message, previous output intact, no temporary file left.
OOM_STRIDE ?= 1
oom: $(BUILD)/pyplan
	@OOM_STRIDE=$(OOM_STRIDE) sh tests/oom/run.sh $(BUILD)/pyplan

lint:
	mandoc -Tlint -Wwarning man/pyplan.1

# The main paths under valgrind: any definite or indirect leak, or any
# memory error, fails.  (ICU, which libical uses for recurrences, keeps
# caches that stay reachable at exit; those are not leaks.)
VALGRIND = valgrind -q --error-exitcode=9 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect
leakcheck: $(BUILD)/pyplan
	$(VALGRIND) $(BUILD)/pyplan build data/pycon2018/schedule.csv \
		--profile data/pycon2018/profile.ini >/dev/null
	$(VALGRIND) $(BUILD)/pyplan build data/pycon2018/schedule.csv \
		--profile data/pycon2018/profile.ini -f ics >/dev/null
	$(VALGRIND) $(BUILD)/pyplan build data/pycon2018/schedule.csv \
		--profile data/pycon2018/profile.ini -f json >/dev/null
	$(VALGRIND) $(BUILD)/pyplan explain Cheeseshop --profile \
		data/pycon2018/profile.ini data/pycon2018/schedule.csv >/dev/null
	$(VALGRIND) $(BUILD)/pyplan convert -f ics tests/fixtures/cli-small.csv \
		>/dev/null
	$(VALGRIND) $(BUILD)/pyplan build tests/fixtures/cli-bad.csv \
		--no-profile 2>/dev/null; test $$? = 65
	$(VALGRIND) $(BUILD)/pyplan build tests/fixtures/cli-small.csv \
		--profile tests/fixtures/cli-profile.ini \
		--busy tests/fixtures/cli-busy.ics >/dev/null
	$(BUILD)/pyplan build tests/fixtures/cli-small.csv \
		--profile tests/fixtures/cli-profile.ini -f json \
		-o $(BUILD)/replan-old.json
	for f in text ics json csv; do \
		$(VALGRIND) $(BUILD)/pyplan build \
			tests/fixtures/replan-small-v2.csv \
			--profile tests/fixtures/cli-profile.ini -f $$f \
			--from $(BUILD)/replan-old.json --now 2018-05-11T10:40 \
			>/dev/null 2>&1 || exit 1; \
	done
	$(VALGRIND) $(BUILD)/pyplan convert -f csv tests/fixtures/dst-gap.ics \
		tests/fixtures/sched-2025.ics tests/bad/ics-zone-not-understood.ics \
		tests/bad/ics-vtimezone-lies.ics >/dev/null 2>&1
	for f in unterminated-quote.csv ics-huge-count.ics \
	    ics-unterminated-vevent.ics xml-truncated.xml json-truncated.json \
	    json-deep-nesting.json ics-vtimezone-bad-offset.ics \
	    ics-yearly-past-2582.ics ics-duration-overflow.ics; do \
		$(VALGRIND) $(BUILD)/pyplan check tests/bad/$$f \
			>/dev/null 2>&1; test $$? = 65 || exit 1; \
	done
	$(VALGRIND) $(BUILD)/pyplan build tests/fixtures/cli-small.csv \
		--profile tests/bad/profile-nan-weight.ini 2>/dev/null; \
		test $$? = 65
	$(VALGRIND) $(BUILD)/pyplan build tests/fixtures/cli-small.csv \
		--profile tests/fixtures/cli-profile.ini \
		--busy tests/bad/ics-busy-unterminated.busy.ics 2>/dev/null; \
		test $$? = 65
	$(VALGRIND) $(BUILD)/pyplan diff --plan tests/fixtures/live-plan.csv \
		tests/fixtures/live-v1.csv tests/fixtures/live-v2.csv >/dev/null
	$(VALGRIND) $(BUILD)/pyplan diff -f json tests/fixtures/live-v1.csv \
		tests/fixtures/live-v2.csv >/dev/null
	$(VALGRIND) $(BUILD)/pyplan now --plan tests/fixtures/live-plan.csv \
		--at 2025-02-01T10:12 tests/fixtures/live-v2.csv >/dev/null
	$(VALGRIND) $(BUILD)/pyplan build --profile tests/fixtures/cli-profile.ini \
		--pins tests/fixtures/live-pins.tsv tests/fixtures/cli-small.csv \
		>/dev/null 2>&1
	$(VALGRIND) $(BUILD)/pyplan build --profile tests/fixtures/cli-profile.ini \
		--skip t1 --previous tests/fixtures/ics-plan.golden.ics -f ics \
		tests/fixtures/cli-small.csv >/dev/null
	$(VALGRIND) $(BUILD)/pyplan team tests/fixtures/team-three.ini \
		data/pycon2018/schedule.csv >/dev/null
	rm -rf $(BUILD)/leak-team
	$(VALGRIND) $(BUILD)/pyplan team tests/fixtures/team-three.ini \
		data/pycon2018/schedule.csv -o $(BUILD)/leak-team/ \
		--emit-lp $(BUILD)/leak-team.lp
	$(VALGRIND) $(BUILD)/pyplan team tests/fixtures/team-three.ini \
		data/pycon2018/schedule.csv \
		--explain 'Reinventing the Parser Generator' >/dev/null
	$(VALGRIND) $(BUILD)/pyplan team \
		tests/fixtures/team-rota-impossible.ini \
		data/pycon2018/schedule.csv 2>/dev/null; test $$? = 1
	$(VALGRIND) $(BUILD)/pyplan team tests/fixtures/team-bad.ini \
		data/pycon2018/schedule.csv 2>/dev/null; test $$? = 65
	rm -rf $(BUILD)/leak-batch
	for j in 1 2; do \
		$(VALGRIND) $(BUILD)/pyplan batch \
			tests/fixtures/batch-attendees.csv \
			tests/fixtures/batch-prog.csv --min-networking 0 \
			--rooms tests/fixtures/batch-rooms.csv --ics -j $$j \
			--force -o $(BUILD)/leak-batch 2>/dev/null; \
		test $$? = 1 || exit 1; \
	done
	$(VALGRIND) $(BUILD)/pyplan batch tests/fixtures/batch-zones.csv \
		tests/fixtures/batch-floating.csv --tz America/New_York \
		--shard 0/1 -o $(BUILD)/leak-batch >/dev/null
	$(VALGRIND) $(BUILD)/pyplan batch --merge-demand \
		-o $(BUILD)/leak-batch $(BUILD)/leak-batch >/dev/null
	rm -rf $(BUILD)/leak-batch
	@echo "leakcheck: valgrind clean"

# The whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer.
asan: | $(DEPS_STAMP)
	$(MAKE) BUILD=build/asan CFLAGS="-O1 -g" \
		SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		ORACLE_SEEDS=50 ORACLE_EXTRA=5 OOM_STRIDE=7 unit cli oracle bad oom output

# libFuzzer targets (tests/fuzz/fuzz_NAME.c), built with clang into their
# own tree.  `make fuzz` runs each for FUZZ_SECONDS, keeping new inputs in
# build/fuzz/corpus/NAME and crashes in build/fuzz/crash-NAME-*;
# `make fuzz-replay` runs the seeds and the regression inputs once.
FUZZ_BUILD   = build/fuzz
FUZZ_NAMES   = csv ics profile feed build plan attendees
FUZZ_SECONDS ?= 60
FUZZ_SAN     = -fsanitize=address,undefined -fno-omit-frame-pointer \
	       -fno-sanitize-recover=all
FUZZ_OPTS    = -timeout=1 -rss_limit_mb=256 -malloc_limit_mb=256
# ASan's quarantine of freed memory (256 MiB by default) would count
# against -rss_limit_mb and report memory blow-ups that are not there.
FUZZ_ENV     = ASAN_OPTIONS=quarantine_size_mb=16
FUZZ_BINS    = $(FUZZ_NAMES:%=$(FUZZ_BUILD)/fuzz/fuzz_%)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_util.h \
    $(BUILD)/libpyplan.a $(LAZY) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/libpyplan.a \
		$(LIBS)

fuzz-bins: $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)

fuzz-build: | $(DEPS_STAMP)
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=clang CFLAGS="-O1 -g" \
		SAN="-fsanitize=fuzzer-no-link $(FUZZ_SAN)" fuzz-bins

fuzz: fuzz-build
	@for n in $(FUZZ_NAMES); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$n; \
		dict=; test -f tests/fuzz/$$n.dict && \
			dict=-dict=tests/fuzz/$$n.dict; \
		echo "fuzz: $$n for $(FUZZ_SECONDS) s"; \
		$(FUZZ_ENV) $(FUZZ_BUILD)/fuzz/fuzz_$$n $(FUZZ_OPTS) $$dict \
			-max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_BUILD)/crash-$$n- \
			$(FUZZ_BUILD)/corpus/$$n $$(ls -d tests/fuzz/corpus/$$n \
			2>/dev/null) || exit 1; \
	done

# Every seed and every input that once crashed, run once through its target.
fuzz-replay: fuzz-build
	@for n in $(FUZZ_NAMES); do \
		set -- tests/fuzz/corpus/$$n/* tests/fuzz/regress/$$n/*; \
		files=; for f; do test -f "$$f" && files="$$files $$f"; done; \
		test -n "$$files" || continue; \
		$(FUZZ_ENV) $(FUZZ_BUILD)/fuzz/fuzz_$$n $(FUZZ_OPTS) $$files \
			>$(FUZZ_BUILD)/replay-$$n.log 2>&1 || { \
			tail -40 $(FUZZ_BUILD)/replay-$$n.log; \
			echo "fuzz-replay: $$n failed" >&2; exit 1; }; \
		echo "fuzz-replay: $$n: $$(echo $$files | wc -w) inputs"; \
	done

check: | $(DEPS_STAMP)
	$(MAKE) all unit cli oracle bad limits limits-solver oom output lint \
		leakcheck
	$(MAKE) asan
	$(MAKE) fuzz-replay
	@echo "check: all suites passed"

install: $(BUILD)/pyplan $(COMPLETIONS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(BUILD)/pyplan $(DESTDIR)$(BINDIR)/pyplan
	install -m 644 man/pyplan.1 $(DESTDIR)$(MANDIR)/man1/pyplan.1
	install -m 644 $(BUILD)/completion/pyplan.bash \
		$(DESTDIR)$(BASHCOMPDIR)/pyplan
	install -m 644 $(BUILD)/completion/_pyplan $(DESTDIR)$(ZSHCOMPDIR)/_pyplan

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/pyplan $(DESTDIR)$(MANDIR)/man1/pyplan.1 \
		$(DESTDIR)$(BASHCOMPDIR)/pyplan $(DESTDIR)$(ZSHCOMPDIR)/_pyplan

format:
	clang-format -i src/*.c include/pyplan/*.h tests/unit/*.c

clean:
	rm -rf build
