# OpenTimelineIO's C++ core (opentime + opentimelineio), the reference
# implementation of .otio: schemas, schema upgrades, rational time. Debian 12
# does not package it; PyPI's source distribution carries the C++ core and its
# CMake build, so it is fetched pinned by URL and hash and built static, inside
# this build. Only editor/interchange/ includes its headers.
#
# Imath comes from Debian (libimath-dev, the one OpenEXR already links)
# rather than the copy bundled in the tarball. RapidJSON is the bundled copy:
# OTIO 0.18 needs rapidjson/cursorstreamwrapper.h, which Debian 12's
# rapidjson-dev (1.1.0, 2016) does not have.
include(FetchContent)

set(RETAKE_OTIO_VERSION 0.18.1)
FetchContent_Declare(opentimelineio
  URL "https://files.pythonhosted.org/packages/de/41/73e65b707f3491792d4b34bea75edc2a1cc6ce10848ba199c3de8e3bee58/opentimelineio-${RETAKE_OTIO_VERSION}.tar.gz"
  URL_HASH SHA256=a4e5086e2accd4ca9853ab48bf531e0c148eff47889363a6da3a03f662fbf5e8
  DOWNLOAD_EXTRACT_TIMESTAMP ON
  # A use after free in OTIO's reader on malformed input (see the patch).
  PATCH_COMMAND patch -p1 --forward -i
    "${CMAKE_CURRENT_LIST_DIR}/opentimelineio-${RETAKE_OTIO_VERSION}-keep-decoded-objects-alive.patch")

# A function, so that OTIO's options (and BUILD_TESTING, which its
# include(CTest) would otherwise turn on) stay out of Retake's own scope.
function(retake_add_opentimelineio)
  set(OTIO_SHARED_LIBS OFF)               # static, linked into retake_editor
  set(CMAKE_POSITION_INDEPENDENT_CODE ON) # OTIO sets it too; Retake's libraries are PIC
  set(OTIO_FIND_IMATH ON)                 # Debian's libimath-dev
  set(OTIO_FIND_RAPIDJSON OFF)            # bundled (see above)
  set(OTIO_PYTHON_INSTALL OFF)            # no Python bindings
  set(OTIO_CXX_INSTALL OFF)               # nothing of OTIO is installed with Retake
  set(OTIO_DEPENDENCIES_INSTALL OFF)
  set(OTIO_INSTALL_PYTHON_MODULES OFF)
  set(OTIO_INSTALL_COMMANDLINE_TOOLS OFF)
  set(OTIO_AUTOMATIC_SUBMODULES OFF)      # a tarball, not a git checkout
  set(BUILD_TESTING OFF)
  FetchContent_MakeAvailable(opentimelineio)

  # OTIO's targets give their include folders only to themselves; Retake's
  # adapter gets them through this target, as system headers (no warnings
  # of Retake's from OTIO's code).
  add_library(retake_opentimelineio INTERFACE)
  target_link_libraries(retake_opentimelineio INTERFACE OTIO::opentimelineio OTIO::opentime)
  target_include_directories(retake_opentimelineio SYSTEM INTERFACE
    "${opentimelineio_SOURCE_DIR}/src" "${opentimelineio_BINARY_DIR}/src")
  add_library(Retake::opentimelineio ALIAS retake_opentimelineio)
endfunction()
retake_add_opentimelineio()
message(STATUS "Retake: OpenTimelineIO ${RETAKE_OTIO_VERSION} (C++ core, static)")
