# Run by the package-windows target (cmake/package-windows.cmake): assembles the release
# folder NAME in BINARY_DIR and zips it as NAME.zip. What goes in, and why, is in
# docs/windows.md ("The zip").
if(NOT PANDOC)
    message(FATAL_ERROR "pandoc not found: the docs are shipped as HTML "
                        "(Debian: apt-get install pandoc, or scripts/setup.sh --windows)")
endif()
set(root ${BINARY_DIR}/${NAME})
file(REMOVE_RECURSE ${root} ${BINARY_DIR}/${NAME}.zip)
file(MAKE_DIRECTORY ${root}/docs ${root}/licenses ${root}/data)

file(COPY ${EXE} ${DLLS} DESTINATION ${root})
# The release has no debugging symbols (the build directory's .exe keeps them).
if(STRIP)
    get_filename_component(exe_name ${EXE} NAME)
    execute_process(COMMAND ${STRIP} --strip-debug ${root}/${exe_name} RESULT_VARIABLE rc)
    if(rc)
        message(FATAL_ERROR "cannot strip ${exe_name}")
    endif()
endif()
file(COPY ${SOURCE_DIR}/data/examples DESTINATION ${root})
file(COPY ${SOURCE_DIR}/data/signs-of-safety.yaml ${SOURCE_DIR}/data/epis.yaml
          ${SOURCE_DIR}/data/CHANGELOG-signs-of-safety.md DESTINATION ${root}/data)
file(COPY ${SOURCE_DIR}/docs/html-screenshot.png ${SOURCE_DIR}/docs/report.schema.json
          ${SOURCE_DIR}/docs/compare.schema.json ${SOURCE_DIR}/docs/trend.schema.json
     DESTINATION ${root}/docs)
file(COPY ${SOURCE_DIR}/README.md ${SOURCE_DIR}/CHANGELOG.md DESTINATION ${root})
configure_file(${SOURCE_DIR}/LICENSE ${root}/LICENSE.txt COPYONLY)

# Licences of what stagegap.exe and libcsv.dll are made of.
configure_file(${SOURCE_DIR}/third_party/libyaml/License ${root}/licenses/libyaml.txt COPYONLY)
configure_file(${SOURCE_DIR}/third_party/libcsv/COPYING.LESSER ${root}/licenses/libcsv.txt
               COPYONLY)
configure_file(${SOURCE_DIR}/third_party/expat/COPYING ${root}/licenses/expat.txt COPYONLY)
configure_file(${SOURCE_DIR}/third_party/libzip/LICENSE ${root}/licenses/libzip.txt COPYONLY)
configure_file(${SOURCE_DIR}/third_party/README.md ${root}/licenses/README.md COPYONLY)
if(EXISTS ${ZLIB_COPYRIGHT})
    configure_file(${ZLIB_COPYRIGHT} ${root}/licenses/zlib.txt COPYONLY)
else()
    message(FATAL_ERROR "${ZLIB_COPYRIGHT} not found: install libz-mingw-w64-dev")
endif()
if(EXISTS ${MINGW_COPYRIGHT})
    configure_file(${MINGW_COPYRIGHT} ${root}/licenses/mingw-w64-runtime-and-winpthreads.txt
                   COPYONLY)
else()
    message(FATAL_ERROR "${MINGW_COPYRIGHT} not found: install mingw-w64-x86-64-dev")
endif()

# Markdown as standalone HTML pages; links between the pages point at the .html files.
function(to_html input output title)
    execute_process(
        COMMAND ${PANDOC} --standalone --from gfm --to html5 --metadata title=${title}
                --lua-filter ${SOURCE_DIR}/packaging/windows/md-links.lua
                -o ${output} ${input}
        RESULT_VARIABLE rc)
    if(rc)
        message(FATAL_ERROR "pandoc failed on ${input}")
    endif()
endfunction()
to_html(${SOURCE_DIR}/README.md ${root}/README.html "stagegap")
to_html(${SOURCE_DIR}/CHANGELOG.md ${root}/CHANGELOG.html "stagegap: changes")
file(GLOB docs ${SOURCE_DIR}/docs/*.md)
foreach(doc ${docs})
    get_filename_component(stem ${doc} NAME_WE)
    to_html(${doc} ${root}/docs/${stem}.html "stagegap: ${stem}")
endforeach()

# A zip any Windows can open, with one date on every entry so the same sources give
# the same zip.
execute_process(
    COMMAND ${CMAKE_COMMAND} -E tar cf ${BINARY_DIR}/${NAME}.zip --format=zip
            "--mtime=2026-01-01 00:00:00 UTC" ${NAME}
    WORKING_DIRECTORY ${BINARY_DIR}
    RESULT_VARIABLE rc)
if(rc)
    message(FATAL_ERROR "cannot make ${NAME}.zip")
endif()
message(STATUS "${BINARY_DIR}/${NAME}.zip")
