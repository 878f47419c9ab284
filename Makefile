# precis — build, test, sanitize, fuzz.
#   make            build/precis (and build/libprecis.a)
#   make test       build everything and run all tests (prints "N passed, N failed")
#   make sanitize   the same tests in an ASan+UBSan build (build/san/)
#   make fuzz       libFuzzer binaries with clang (build/fuzz-clang/)
#   make CC=clang   build with clang; every build uses -Wall -Wextra -Werror
BUILD ?= build
CC ?= cc
SAN ?= 0
PKGS := zlib libdeflate libutf8proc jansson libxxhash gumbo uchardet sqlite3 libmicrohttpd libxml-2.0

OPT ?= -O2
CFLAGS_BASE := -std=c11 -g $(OPT) -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter \
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc \
	$(shell pkg-config --cflags $(PKGS))
LIBS := $(shell pkg-config --libs $(PKGS)) -lstemmer -lm
ifeq ($(SAN),1)
CFLAGS_BASE += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif
ALL_CFLAGS := $(CFLAGS_BASE) $(CFLAGS)

LIB_SRC := $(sort $(wildcard src/*/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
# The web page (web/*) is compiled in: tools/embed_assets.c writes the table
# behind src/server/assets.h into $(BUILD)/gen/ (a build product, not committed).
WEB_FILES := $(sort $(wildcard web/*.html web/*.js web/*.css web/*.svg))
ASSETS_GEN := $(BUILD)/gen/assets_gen.c
ASSETS_OBJ := $(BUILD)/obj/gen/assets_gen.o
LIB_OBJ += $(ASSETS_OBJ)
CLI_SRC := $(sort $(wildcard cli/*.c))
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=$(BUILD)/fuzz/%)

.PHONY: all test sanitize fuzz clean check-clang
all: $(BUILD)/precis

# V=1 shows full command lines.
Q := $(if $(filter 1,$(V)),,@)
$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/tools/embed_assets: tools/embed_assets.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(LDFLAGS) -o $@ $<

$(ASSETS_GEN): $(BUILD)/tools/embed_assets $(WEB_FILES)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed_assets $@ $(WEB_FILES)

$(ASSETS_OBJ): $(ASSETS_GEN) src/server/assets.h
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libprecis.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/precis: $(CLI_OBJ) $(BUILD)/libprecis.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libprecis.a $(LIBS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(BUILD)/libprecis.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $< $(BUILD)/libprecis.a $(LIBS)

# Fuzz targets are also built against a plain replay driver so `make test`
# runs every corpus file through them without needing libFuzzer.
$(BUILD)/fuzz/%: $(BUILD)/obj/fuzz/%.o $(BUILD)/obj/fuzz/replay.o $(BUILD)/libprecis.a
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $< $(BUILD)/obj/fuzz/replay.o $(BUILD)/libprecis.a $(LIBS)

test: $(BUILD)/precis $(TEST_BIN) $(FUZZ_BIN)
	@sh tests/run.sh $(BUILD)

sanitize:
	$(MAKE) BUILD=build/san SAN=1 OPT=-O1 test

fuzz:
	$(MAKE) BUILD=build/fuzz-clang CC=clang OPT=-O1 \
		CFLAGS="-fsanitize=fuzzer-no-link,address,undefined" build/fuzz-clang/libprecis.a
	@mkdir -p build/fuzz-clang/bin
	for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
		clang $(CFLAGS_BASE) -O1 -fsanitize=fuzzer,address,undefined $$f \
		build/fuzz-clang/libprecis.a $(LIBS) -o build/fuzz-clang/bin/$$n || exit 1; done
	@echo "fuzzers in build/fuzz-clang/bin; run e.g. build/fuzz-clang/bin/fuzz_jsonl fuzz/corpus/jsonl"

check-clang:
	$(MAKE) BUILD=build/clang CC=clang all $(TEST_BIN:$(BUILD)/%=build/clang/%)

clean:
	rm -rf build

.SECONDARY:
-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
