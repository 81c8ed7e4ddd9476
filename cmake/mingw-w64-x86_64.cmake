# Cross-compiles stagegap.exe for 64-bit Windows with Debian's mingw-w64
# (gcc-mingw-w64-x86-64, mingw-w64-x86-64-dev; scripts/setup.sh --windows):
#   cmake -S . -B build-windows -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake
# The CLI tests run the program under wine (tests/windows/run_wine.sh).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(STAGEGAP_MINGW_TRIPLET x86_64-w64-mingw32)

# The POSIX threads flavour of Debian's compiler: winpthreads, linked statically below.
find_program(CMAKE_C_COMPILER NAMES ${STAGEGAP_MINGW_TRIPLET}-gcc-posix ${STAGEGAP_MINGW_TRIPLET}-gcc
             REQUIRED)
find_program(CMAKE_RC_COMPILER NAMES ${STAGEGAP_MINGW_TRIPLET}-windres REQUIRED)
set(CMAKE_FIND_ROOT_PATH /usr/${STAGEGAP_MINGW_TRIPLET})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

