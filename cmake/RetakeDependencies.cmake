# Finds every external library once; each is used only by its adapter folder.
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Test LinguistTools)
find_package(PkgConfig REQUIRED)

pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET
  libavformat libavcodec libavutil libswscale libswresample libavfilter)
# Debian's OpenColorIO CMake config is broken; pkg-config works.
pkg_check_modules(OCIO REQUIRED IMPORTED_TARGET OpenColorIO)
# Zip archives: OpenTimelineIO bundles (.otioz).
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
find_package(OpenEXR 3 REQUIRED CONFIG)
find_package(OpenCV 4 REQUIRED COMPONENTS core imgproc video photo features2d calib3d)
include(RetakeOpenTimelineIO) # fetched from PyPI's source distribution, pinned

# libtorch: any build through Torch_DIR. By default the one inside the torch
# wheel that packaging/setup-debian12.sh installs into RETAKE_VENV.
set(RETAKE_VENV "/opt/retake/venv" CACHE PATH "Python environment holding the torch wheel")
if(NOT Torch_DIR AND EXISTS "${RETAKE_VENV}/bin/python")
  execute_process(
    COMMAND "${RETAKE_VENV}/bin/python" -c "import torch; print(torch.utils.cmake_prefix_path)"
    OUTPUT_VARIABLE _torch_prefix OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _torch_rc)
  if(_torch_rc EQUAL 0)
    set(Torch_DIR "${_torch_prefix}/Torch" CACHE PATH "libtorch CMake config" FORCE)
  endif()
endif()
find_package(Torch REQUIRED)

# Content Credentials (C2PA): the reference implementation's C library, as
# the c2pa-python wheel ships it (setup-debian12.sh installs the pinned
# version into RETAKE_VENV). The wheel has no header: editor/c2pa/c2paapi.h
# declares what Retake uses.
set(_c2pa_dir "")
if(EXISTS "${RETAKE_VENV}/bin/python")
  execute_process(
    COMMAND "${RETAKE_VENV}/bin/python" -c
            "import importlib.util, os; print(os.path.join(os.path.dirname(importlib.util.find_spec('c2pa').origin), 'libs'))"
    OUTPUT_VARIABLE _c2pa_dir OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
endif()
find_library(RETAKE_C2PA_LIBRARY NAMES c2pa_c HINTS "${_c2pa_dir}" REQUIRED)
message(STATUS "Retake: C2PA library ${RETAKE_C2PA_LIBRARY}")
# The wheel's CUDA libraries live in site-packages/nvidia/*/lib. Link and run
# against those, not an older toolkit's copies (libnccl in /usr/local/cuda).
file(GLOB RETAKE_TORCH_RUNTIME_DIRS LIST_DIRECTORIES true "${TORCH_INSTALL_PREFIX}/../nvidia/*/lib")
message(STATUS "Retake: libtorch ${Torch_VERSION} from ${TORCH_INSTALL_PREFIX}")

# Makes `target` and everything linking it link and run against the wheel's
# CUDA libraries: -rpath-link to resolve libtorch_cuda's dependencies, and
# those folders first in the run path.
function(retake_use_torch_runtime target)
  get_target_property(type ${target} TYPE)
  set(scope PRIVATE)
  if(type STREQUAL "STATIC_LIBRARY")
    set(scope INTERFACE)
  elseif(type STREQUAL "SHARED_LIBRARY")
    set(scope PUBLIC) # its own run path, and the link paths of what links it
  endif()
  foreach(dir ${RETAKE_TORCH_RUNTIME_DIRS})
    target_link_options(${target} ${scope} "LINKER:-rpath-link,${dir}" "LINKER:-rpath,${dir}")
  endforeach()
endfunction()
