# The Debian package: cpack -G DEB in a build directory (scripts/package.sh does it with
# Debian's hardening flags and checks the result with lintian). The package holds what
# `cmake --install` installs, under /usr; its run-time dependencies are computed by
# dpkg-shlibdeps from the binary (libc6, libyaml-0-2, libcsv3, libexpat1), not stated by hand,
# but for libzip, which the binary opens at run time and so does not name (CMakeLists.txt):
# the package holding the library the build found is asked of dpkg below.

# Debian wants compressed manual pages and changelogs, compressed the same way every time.
find_program(GZIP_EXECUTABLE gzip REQUIRED)
function(stagegap_gzip source output)
    add_custom_command(
        OUTPUT ${output}
        COMMAND ${GZIP_EXECUTABLE} -9 -n -c ${source} > ${output}
        DEPENDS ${source}
        COMMENT "Compressing ${source}")
endfunction()

set(man_page_gz ${CMAKE_CURRENT_BINARY_DIR}/stagegap.1.gz)
set(changelog_gz ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz)
stagegap_gzip(${CMAKE_CURRENT_SOURCE_DIR}/docs/stagegap.1 ${man_page_gz})
# A package built from our own sources is "native", so Debian's changelog.gz is the
# package's changelog in Debian's format; CHANGELOG.md says what changed for users.
set(debian_changelog ${CMAKE_CURRENT_SOURCE_DIR}/packaging/changelog.Debian)
file(STRINGS ${debian_changelog} changelog_top LIMIT_COUNT 1)
if(NOT changelog_top MATCHES "^stagegap \\(${PROJECT_VERSION}\\) ")
    message(FATAL_ERROR "packaging/changelog.Debian starts with '${changelog_top}': "
                        "add an entry for version ${PROJECT_VERSION} at the top")
endif()
stagegap_gzip(${debian_changelog} ${changelog_gz})
add_custom_target(compressed_docs ALL DEPENDS ${man_page_gz} ${changelog_gz})

install(FILES ${man_page_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${changelog_gz} DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Debian reads the licence from /usr/share/doc/PACKAGE/copyright.
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME stagegap)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
find_program(DPKG_QUERY_EXECUTABLE dpkg-query)
if(DPKG_QUERY_EXECUTABLE AND STAGEGAP_LIBZIP_PATH)
    get_filename_component(libzip_dir ${STAGEGAP_LIBZIP_PATH} DIRECTORY)
    execute_process(COMMAND ${DPKG_QUERY_EXECUTABLE} -S ${libzip_dir}/${libzip_soname}
                    OUTPUT_VARIABLE libzip_owner ERROR_QUIET)
    string(REGEX MATCH "^[^:, ]+" libzip_package "${libzip_owner}")
    if(libzip_package) # e.g. libzip4 (Debian 12), libzip5 (Debian 13)
        set(CPACK_DEBIAN_PACKAGE_DEPENDS ${libzip_package})
    endif()
endif()
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Whoever builds the package for others names themselves: -DSTAGEGAP_PACKAGE_MAINTAINER=...
set(STAGEGAP_PACKAGE_MAINTAINER "stagegap authors <stagegap@stagegap.example>"
    CACHE STRING "Maintainer field of the Debian package: 'Name <address>'")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${STAGEGAP_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "implementation-readiness check for Signs of Safety")
# The extended description: CPack puts the synopsis above it and indents each line.
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "stagegap scores an organisation's self-assessment answers, from one\n"
    "person or hundreds, against a staged implementation model and prints a\n"
    "stage-by-stage gap report with the actions to take first, as text,\n"
    "markdown, HTML, JSON or CSV.\n"
    ".\n"
    "The built-in model encodes the briefing Implementing Signs of Safety: Key\n"
    "Lessons, by the What Works Centre for Children's Social Care and CASCADE\n"
    "(launch, implement, sustain); any staged model can be written as a YAML\n"
    "rules file.")
include(CPack)
