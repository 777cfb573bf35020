# Run by `cmake --install` (and so by the Debian package): registers `reviewlint native-host` with
# Chromium, Chrome and Firefox in their system folders (/etc/chromium, /etc/opt/chrome,
# /usr/lib/mozilla), with a launcher under PREFIX/lib/reviewlint/ that runs the installed binary.
# The built binary writes them (`native-host --install --root`), so the manifests have one source.
# Browsers read only the system folders, so a prefix other than /usr or /usr/local gets none: its
# users run `reviewlint native-host --install --user`.
set(_prefix "${CMAKE_INSTALL_PREFIX}")
if(_prefix STREQUAL "/usr" OR _prefix STREQUAL "/usr/local")
  set(_root "$ENV{DESTDIR}")
  if(_root STREQUAL "")
    set(_root "/")
  endif()
  execute_process(
    COMMAND "${REVIEWLINT_HOST_BINARY}" native-host --install --root "${_root}"
            --binary "${_prefix}/bin/reviewlint"
    RESULT_VARIABLE _status)
  if(NOT _status EQUAL 0)
    message(FATAL_ERROR "reviewlint native-host --install failed (${_status})")
  endif()
else()
  message(STATUS "Browser host manifests: not installed for the prefix ${_prefix} (browsers read "
                 "them from system folders only); run: reviewlint native-host --install --user")
endif()
