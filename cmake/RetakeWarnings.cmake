# Warnings for Retake's own targets (not for third-party headers).
function(retake_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
endfunction()
