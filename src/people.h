// The people a review is about and by, from its front matter, and the tokens redaction gives
// them. The one place that decides, so `reviewlint --redact` and `reviewlint report --redact`
// give the same person the same token.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "markup/markup.h"
#include "redact.h"

namespace reviewlint {

struct People {
  std::string reviewee;  // front matter `employee`, else `reviewee`, else `name`
  std::string reviewer;  // front matter `reviewer`
};

People FrontMatterPeople(const MarkupResult& markup);

/// A front matter value without the spaces and quotes around it.
std::string Unquote(std::string_view value);

/// Tokens in the order the reviews name people: "Person-N" for each reviewee, "Reviewer-N" for
/// each reviewer, then "Person-N" for each extra name (--redact-name) not named already.
Redactor PeopleRedactor(const std::vector<People>& reviews,
                        const std::vector<std::string>& extra_names);

}  // namespace reviewlint
