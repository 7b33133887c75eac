# Third-party libraries. On Linux they come from the distribution; on Windows from vcpkg
# and on macOS from Homebrew (see README). Each becomes an imported target.
find_package(PkgConfig)

find_package(SQLite3 REQUIRED)

find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY NAMES phonenumber REQUIRED)
add_library(gamix_phonenumber INTERFACE)
target_include_directories(gamix_phonenumber SYSTEM INTERFACE ${PHONENUMBER_INCLUDE_DIR})
target_link_libraries(gamix_phonenumber INTERFACE ${PHONENUMBER_LIBRARY})

find_package(ICU REQUIRED COMPONENTS uc i18n)

# gzip bodies for sync (core/sync/Gzip); the same zlib Qt and cpp-httplib decode with.
find_package(ZLIB REQUIRED)

find_path(SODIUM_INCLUDE_DIR sodium.h REQUIRED)
find_library(SODIUM_LIBRARY NAMES sodium libsodium REQUIRED)
add_library(gamix_sodium INTERFACE)
target_include_directories(gamix_sodium SYSTEM INTERFACE ${SODIUM_INCLUDE_DIR})
target_link_libraries(gamix_sodium INTERFACE ${SODIUM_LIBRARY})

find_path(HTTPLIB_INCLUDE_DIR httplib.h REQUIRED)
find_package(OpenSSL REQUIRED)
add_library(gamix_httplib INTERFACE)
target_include_directories(gamix_httplib SYSTEM INTERFACE ${HTTPLIB_INCLUDE_DIR})
target_compile_definitions(gamix_httplib INTERFACE CPPHTTPLIB_OPENSSL_SUPPORT)
target_link_libraries(gamix_httplib INTERFACE OpenSSL::SSL OpenSSL::Crypto)

find_package(Qt6Keychain REQUIRED)
