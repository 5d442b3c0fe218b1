# Third-party code comes from Debian: -dev packages natively, and for the
# WebAssembly build the Debian *source* packages fetched at build time by
# scripts/fetch-wasm-deps.sh (never committed).
if(CHATLENS_WASM)
  set(_simdjson "${CHATLENS_WASM_DEPS_DIR}/simdjson")
  set(_utf8proc "${CHATLENS_WASM_DEPS_DIR}/utf8proc")
  if(NOT EXISTS "${_simdjson}/singleheader/simdjson.cpp" OR NOT EXISTS "${_utf8proc}/utf8proc.c")
    message(FATAL_ERROR "WebAssembly build: sources of simdjson/utf8proc missing under ${CHATLENS_WASM_DEPS_DIR}; "
                        "run scripts/fetch-wasm-deps.sh first")
  endif()
  add_library(chatlens_simdjson STATIC "${_simdjson}/singleheader/simdjson.cpp")
  target_include_directories(chatlens_simdjson SYSTEM PUBLIC "${_simdjson}/singleheader")
  target_compile_options(chatlens_simdjson PRIVATE -w)
  add_library(simdjson::simdjson ALIAS chatlens_simdjson)

  add_library(chatlens_utf8proc STATIC "${_utf8proc}/utf8proc.c")
  target_include_directories(chatlens_utf8proc SYSTEM PUBLIC "${_utf8proc}")
  target_compile_definitions(chatlens_utf8proc PUBLIC UTF8PROC_STATIC)
  target_compile_options(chatlens_utf8proc PRIVATE -w)
  add_library(chatlens::utf8proc ALIAS chatlens_utf8proc)
else()
  find_package(simdjson REQUIRED)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
  add_library(chatlens::utf8proc ALIAS PkgConfig::UTF8PROC)
  find_package(libzip REQUIRED)
  # chatlens serve (server/): cpp-httplib (Debian's build, with zlib), SQLite, PostgreSQL's libpq.
  pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
  find_package(SQLite3 REQUIRED)
  find_package(ZLIB REQUIRED)
  find_package(Threads REQUIRED)
endif()
