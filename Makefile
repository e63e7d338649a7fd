# guanlan — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin

.PHONY: run test eval deps build release serve bench clean

## Install what is missing, build, and open the REPL on the default database.
run: deps build
	.build/debug/guanlan $(ARGS)

## Run every test: unit tests, intent examples, transcripts in-process and over a real socket,
## on SQLite and on a throw-away PostgreSQL (scripts/with-postgres.sh sets GUANLAN_TEST_POSTGRES_URL),
## then two servers on one PostgreSQL: exact capacity, and a PostgreSQL restart under load.
test: deps
	swift build --build-tests
	$(MAKE) --no-print-directory eval
	scripts/with-postgres.sh sh -c 'swift test --skip-build --no-parallel && python3 scripts/pg_two_servers.py .build/debug/guanlan'
	.build/debug/guanlan replay transcripts/

## Understanding figures for the CI log: intent and per-slot accuracy on the development set and on
## each held-out set (docs/UNDERSTANDING.md). Fails when a set falls below the 97 % intent goal.
EVAL_SETS := utterances heldout heldout-round2 heldout-round3 heldout-round4 heldout-round5 heldout-round6 heldout-round7 heldout-round8 heldout-round9 heldout-round10 heldout-round11 heldout-round12 heldout-round13 heldout-round14 heldout-round15 heldout-round16 heldout-round17 heldout-round18 heldout-round19 heldout-round20 heldout-round21 heldout-round22 heldout-round23 heldout-round24 heldout-round25 heldout-round26 heldout-round27 heldout-round28 heldout-round29 heldout-round30 heldout-round31 heldout-round32 heldout-round33 heldout-round34 heldout-round35 heldout-round36 heldout-round37 heldout-round38 heldout-round39 heldout-round40 heldout-round41 heldout-round42 heldout-round43 heldout-round44 heldout-round45 heldout-round46 heldout-round47 heldout-round48 heldout-round49 heldout-round50 heldout-round51 heldout-round52 heldout-round53 heldout-round54 heldout-round55 heldout-round56 heldout-round57 heldout-round58 heldout-round59 heldout-round60 heldout-round61 heldout-round62 heldout-round63 heldout-round64 heldout-round65 heldout-round66 heldout-round67 heldout-round68 heldout-round69 heldout-round70 heldout-round71 heldout-round72 heldout-round73 heldout-round74 heldout-round75 heldout-round76 heldout-round77 heldout-round78 heldout-round79 heldout-round80 heldout-round81 heldout-round82 heldout-round83 heldout-round84 heldout-round85 heldout-round86 heldout-round87 heldout-round88 heldout-round89 heldout-round90 heldout-round91 heldout-round92 heldout-round93 heldout-round94 heldout-round95 heldout-round96 heldout-round97 heldout-round98 heldout-round99 heldout-round100 heldout-round101 heldout-round102 heldout-round103 heldout-round104 heldout-round105 heldout-round106 heldout-round107 heldout-round108 heldout-round109 heldout-round110 heldout-round111 heldout-round112 heldout-round113 heldout-round114 heldout-round115 heldout-round116 heldout-round117 heldout-round118 heldout-round119 heldout-round120 heldout-round121 heldout-round122 heldout-round123 heldout-round124 heldout-round125 heldout-round126 heldout-round127 heldout-round128 heldout-round129 heldout-round130 heldout-round131 heldout-round132 heldout-round133 heldout-round134 heldout-round135 heldout-round136 heldout-round137 heldout-round138 heldout-round139 heldout-round140 heldout-round141 heldout-round142 heldout-round143 heldout-round144 heldout-round145 heldout-round146 heldout-round147 heldout-round148 heldout-round149 heldout-round150 heldout-round151 heldout-round152 heldout-round153 heldout-round154 heldout-round155 heldout-round156 heldout-round157 heldout-round158 heldout-round159 heldout-round160 heldout-round161 heldout-round162 heldout-round163 heldout-round164 heldout-round165 heldout-round166 heldout-round167 heldout-round168 heldout-round169 heldout-round170 heldout-round171 heldout-round172 heldout-round173 heldout-round174 heldout-round175 heldout-round176 heldout-round177 heldout-round178 heldout-round179 heldout-round180 heldout-round181 heldout-round182 heldout-round183 heldout-round184 heldout-round185 heldout-round186 heldout-round187 heldout-round188 heldout-round189 heldout-round190 heldout-round191 heldout-round192 heldout-round193 heldout-round194 heldout-round195 heldout-round196 heldout-round197 heldout-round198 heldout-round199 heldout-round200 heldout-round201 heldout-round202 heldout-round203 heldout-round204 heldout-round205 heldout-round206 heldout-round207 heldout-round208 heldout-round209 heldout-round210 heldout-round211 heldout-round212 heldout-round213 heldout-round214 heldout-round215 heldout-round216 heldout-round217 heldout-round218 heldout-round219 heldout-round220 heldout-round221 heldout-round222 heldout-round223 heldout-round224 heldout-round225 heldout-round226 heldout-round227 heldout-round228 heldout-round229 heldout-round230 heldout-round231 heldout-round232 heldout-round233 heldout-round234 heldout-round235 heldout-round236 heldout-round237 heldout-round238 heldout-round239 heldout-round240 heldout-round241 heldout-round242 heldout-round243 heldout-round244 heldout-round245 heldout-round246 heldout-round247 heldout-round248 heldout-round249 heldout-round250 heldout-round251 heldout-round252 heldout-round253 heldout-round254 heldout-round255 heldout-round256 heldout-round257 heldout-round258 heldout-round259 heldout-round260 heldout-round261 heldout-round262 heldout-round263 heldout-round264 heldout-round265
eval:
	@for set in $(EVAL_SETS); do \
	  echo "== guanlan eval $$set"; \
	  .build/debug/guanlan eval --now 2026-11-29T09:00:00+08:00 --slots --verbose --min-intent 0.97 \
	    Tests/UnderstandingTests/Fixtures/$$set.jsonl || exit 1; \
	done

deps:
	@scripts/install-deps.sh

build:
	swift build

release: deps
	swift build -c release

## Serve on a Unix socket: make serve SOCKET=/tmp/guanlan.sock
SOCKET ?= /tmp/guanlan.sock
serve: deps build
	.build/debug/guanlan serve --socket $(SOCKET) $(ARGS)

## Benchmark against redis-server (release build; docs/PERFORMANCE.md). Not part of `make test`.
bench: deps
	scripts/bench.sh

clean:
	rm -rf .build
