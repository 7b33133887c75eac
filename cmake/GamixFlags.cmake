# One INTERFACE target that carries the project's warnings, Qt strictness defines and
# sanitizer flags; every target of ours links it.
add_library(gamix_flags INTERFACE)
target_compile_definitions(gamix_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_UP_TO=0x060000)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(gamix_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local
        -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual -Wno-missing-field-initializers)
    if(GAMIX_WERROR)
        target_compile_options(gamix_flags INTERFACE -Werror)
    endif()
    if(GAMIX_SANITIZE)
        target_compile_options(gamix_flags INTERFACE -fsanitize=address,undefined
            -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(gamix_flags INTERFACE -fsanitize=address,undefined)
    endif()
elseif(MSVC)
    target_compile_options(gamix_flags INTERFACE /W4 /utf-8)
    if(GAMIX_WERROR)
        target_compile_options(gamix_flags INTERFACE /WX)
    endif()
endif()
