# xlsync_add_test_binary(NAME <target> LABEL <unit|integration|...> SOURCES ... LIBS ...)
# One GoogleTest binary per part; each test case becomes a CTest test carrying the label.
function(xlsync_add_test_binary)
  cmake_parse_arguments(ARG "" "NAME;LABEL" "SOURCES;LIBS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE ${ARG_LIBS} xlsync::test_support GTest::gmock GTest::gtest_main)
  gtest_discover_tests(${ARG_NAME}
    PROPERTIES LABELS ${ARG_LABEL}
    DISCOVERY_TIMEOUT 120
    DISCOVERY_MODE PRE_TEST)
endfunction()
