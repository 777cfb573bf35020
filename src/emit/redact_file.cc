// --redact for the lint outputs: every string an emitter prints that could carry a name. Spans
// are left alone, so every format still points into the original file.
#include "emitter.h"

namespace reviewlint {
namespace {

// Strings anywhere in a diagnostic's data ("trigger", "category", ...); keys are rule-defined.
void RedactJson(nlohmann::json* value, const Redactor& redactor) {
  if (value->is_string()) {
    *value = redactor.Apply(value->get_ref<const std::string&>());
  } else if (value->is_structured()) {
    for (auto& item : *value) RedactJson(&item, redactor);
  }
}

}  // namespace

FileResult RedactFile(const FileResult& file, const Redactor& redactor, RedactedText* text) {
  FileResult out;
  out.path = redactor.ApplyToPath(file.path);
  out.source = file.source;
  out.error = redactor.Apply(file.error);
  out.diagnostics = file.diagnostics;
  for (Diagnostic& d : out.diagnostics) {
    d.message = redactor.Apply(d.message);
    for (Fix& fix : d.fixes) fix.replacement = redactor.Apply(fix.replacement);
    RedactJson(&d.data, redactor);
  }
  out.scorecard = file.scorecard;
  out.scorecard.rubric = redactor.Apply(out.scorecard.rubric);
  for (CategoryCoverage& c : out.scorecard.categories) c.name = redactor.Apply(c.name);
  for (PipField& f : out.scorecard.pip.fields) f.name = redactor.Apply(f.name);
  if (file.source) {
    text->edits.clear();
    text->text = redactor.Apply(file.source->text(), &text->edits);
    out.redacted = text;
  }
  return out;
}

}  // namespace reviewlint
