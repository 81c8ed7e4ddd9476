# The Windows release folder (docs/windows.md): cmake --build BUILD --target package-windows
# in a cross-build makes stagegap-VERSION-windows-x86_64.zip in BUILD. The work is done by
# packaging/windows/make-zip.cmake at build time, so that it sees the built executable.
find_program(STAGEGAP_PANDOC pandoc)
set(STAGEGAP_WINDOWS_ZIP stagegap-${PROJECT_VERSION}-windows-x86_64)
add_custom_target(package-windows
    COMMAND ${CMAKE_COMMAND}
            -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
            -DBINARY_DIR=${PROJECT_BINARY_DIR}
            -DNAME=${STAGEGAP_WINDOWS_ZIP}
            -DEXE=$<TARGET_FILE:stagegap>
            -DDLLS=$<TARGET_FILE:stagegap_csv>
            -DPANDOC=${STAGEGAP_PANDOC}
            -DSTRIP=${CMAKE_STRIP}
            -DMINGW_COPYRIGHT=/usr/share/doc/mingw-w64-x86-64-dev/copyright
            -DZLIB_COPYRIGHT=/usr/share/doc/libz-mingw-w64-dev/copyright
            -P ${PROJECT_SOURCE_DIR}/packaging/windows/make-zip.cmake
    DEPENDS stagegap stagegap_csv
    COMMENT "Making ${STAGEGAP_WINDOWS_ZIP}.zip"
    VERBATIM)
