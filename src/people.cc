#include "people.h"

namespace reviewlint {

std::string Unquote(std::string_view s) {
  auto trimmed = [](char c) { return c == ' ' || c == '\t' || c == '"' || c == '\''; };
  while (!s.empty() && trimmed(s.front())) s.remove_prefix(1);
  while (!s.empty() && trimmed(s.back())) s.remove_suffix(1);
  return std::string(s);
}

People FrontMatterPeople(const MarkupResult& markup) {
  People p;
  for (const char* key : {"employee", "reviewee", "name"})
    if (p.reviewee = Unquote(markup.FrontMatter(key)); !p.reviewee.empty()) break;
  p.reviewer = Unquote(markup.FrontMatter("reviewer"));
  return p;
}

Redactor PeopleRedactor(const std::vector<People>& reviews,
                        const std::vector<std::string>& extra_names) {
  Redactor redactor;
  int people = 0, reviewers = 0;
  auto add = [&](const std::string& name, const char* kind, int* counter) {
    if (!name.empty() && redactor.TokenFor(name).empty())
      redactor.Add(name, kind + std::to_string(++*counter));
  };
  for (const People& p : reviews) {
    add(p.reviewee, "Person-", &people);
    add(p.reviewer, "Reviewer-", &reviewers);
  }
  for (const std::string& name : extra_names) add(Unquote(name), "Person-", &people);
  return redactor;
}

}  // namespace reviewlint
