// SHA-1 of a byte string, as lower-case hex: the dev-set labels (tests/devlabels/README.md) carry
// the first 12 hex digits of each sentence's SHA-1 to catch a changed CSV. Not for security.
#pragma once

#include <string>
#include <string_view>

namespace reviewlint::eval {

std::string Sha1Hex(std::string_view bytes);

}  // namespace reviewlint::eval
