# Tests of `chatlens serve` (server/), included at the end of the top-level CMakeLists.txt by
# server/CMakeLists.txt (after include(CTest)). Labels: server.
#   server.unit.*        validation, aggregation and k-threshold, parts (no database)
#   server.storage.*     storage + HTTP API + hostile input + processes + readiness, each against SQLite and
#                        PostgreSQL 15; the transport (slow clients, connection caps, Host) once (sqlite)
# The PostgreSQL ones need a server: the fixture server.postgres.start / server.postgres.stop
# (tests/server/postgres_fixture.sh) runs a throw-away one for the duration of the tests.
if(NOT BUILD_TESTING OR CHATLENS_WASM OR CHATLENS_FUZZ)
  return()
endif()
find_package(GTest REQUIRED)
include(GoogleTest)
set(_server_tests "${CMAKE_SOURCE_DIR}/tests/server")
set(_pg_state "${CMAKE_BINARY_DIR}/tests/server/postgres")

add_executable(server_unit_tests
  "${_server_tests}/validation_test.cpp"
  "${_server_tests}/aggregation_test.cpp"
  "${_server_tests}/service_parts_test.cpp"
  "${_server_tests}/export_format_test.cpp")
target_link_libraries(server_unit_tests PRIVATE chatlens_server PkgConfig::LIBPQ GTest::gtest_main)
# The web app's page policy (web/index.html) is compared with the header's.
target_compile_definitions(server_unit_tests PRIVATE CHATLENS_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
gtest_discover_tests(server_unit_tests TEST_PREFIX "server.unit." PROPERTIES LABELS "server"
                     DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60)

add_executable(server_storage_tests
  "${_server_tests}/storage_test.cpp"
  "${_server_tests}/api_test.cpp"
  "${_server_tests}/hostile_input_test.cpp"
  "${_server_tests}/process_test.cpp"
  "${_server_tests}/readiness_test.cpp"
  "${_server_tests}/transport_test.cpp"
  "${_server_tests}/export_test.cpp")
# SQLite directly too: a VFS that fails writes (readiness), old schemas built by hand (migrations).
target_link_libraries(server_storage_tests PRIVATE chatlens_server PkgConfig::LIBPQ SQLite::SQLite3 GTest::gtest_main)
target_compile_definitions(server_storage_tests PRIVATE CHATLENS_CLI="$<TARGET_FILE:chatlens>"
                           CHATLENS_TEST_POSTGRES_URL_FILE="${_pg_state}/url")
add_dependencies(server_storage_tests chatlens)
# SQLite cases need nothing; PostgreSQL cases run inside the fixture.
gtest_discover_tests(server_storage_tests TEST_PREFIX "server.storage." TEST_FILTER "*sqlite*"
                     PROPERTIES LABELS "server" TIMEOUT 300 DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60)
gtest_discover_tests(server_storage_tests TEST_PREFIX "server.storage." TEST_FILTER "*postgresql*:ServeProcesses.*"
                     PROPERTIES LABELS "server" TIMEOUT 300 FIXTURES_REQUIRED chatlens_postgres
                     DISCOVERY_MODE PRE_TEST DISCOVERY_TIMEOUT 60)

add_test(NAME server.postgres.start COMMAND "${_server_tests}/postgres_fixture.sh" start "${_pg_state}")
add_test(NAME server.postgres.stop COMMAND "${_server_tests}/postgres_fixture.sh" stop "${_pg_state}")
set_tests_properties(server.postgres.start PROPERTIES FIXTURES_SETUP chatlens_postgres LABELS "server" TIMEOUT 120)
set_tests_properties(server.postgres.stop PROPERTIES FIXTURES_CLEANUP chatlens_postgres LABELS "server" TIMEOUT 120)
