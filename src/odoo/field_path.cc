#include "odoo/field_path.h"

namespace xlsync::odoo {
namespace {

// A many2one of the same model to the same comodel is what a user following an x2many usually
// wants (child_ids -> parent_id on res.partner).
std::string Many2oneAlternative(const Field& field, const Schema& schema) {
  for (const auto& [name, candidate] : schema.fields()) {
    if (candidate.type == FieldType::kMany2one && candidate.relation == field.relation) return name;
  }
  return {};
}

}  // namespace

core::Result<FieldPath> FieldPath::Parse(std::string_view text) {
  FieldPath path;
  path.text_ = std::string(text);
  size_t start = 0;
  while (true) {
    const size_t dot = text.find('.', start);
    const std::string_view part = text.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (part.empty()) {
      return core::InvalidInput("The field \"" + path.text_ +
                                "\" has an empty part between its dots: write a related field "
                                "like \"partner_id.country_id.name\".");
    }
    path.segments_.emplace_back(part);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (path.relations() > kMaxRelations) {
    return core::InvalidInput("The field \"" + path.text_ + "\" follows " +
                              std::to_string(path.relations()) +
                              " relations, more than the 3 xlsync follows: shorten it to at most "
                              "three dots.");
  }
  return path;
}

std::string FieldPath::Prefix(size_t count) const {
  std::string prefix;
  for (size_t i = 0; i < count && i < segments_.size(); ++i) {
    if (i > 0) prefix += '.';
    prefix += segments_[i];
  }
  return prefix;
}

core::Result<const Field*> FieldPath::Check(size_t index, const Schema& schema) const {
  XLSYNC_CHECK(index < segments_.size());
  const std::string& name = segments_[index];
  const std::string where = dotted() ? "\"" + name + "\" in \"" + text_ + "\"" : "\"" + name + "\"";
  const Field* field = schema.Find(name);
  if (field == nullptr) {
    const std::string closest = schema.ClosestName(name);
    const std::string hint = closest.empty()
                                 ? ": check its technical name (or ask the Odoo administrator "
                                   "whether your user may see it)."
                                 : ": did you mean \"" + closest + "\"?";
    return core::InvalidInput("The field " + where + " does not exist on Odoo model " +
                              schema.model() + hint);
  }
  if (index + 1 == segments_.size() || field->type == FieldType::kMany2one) return field;
  std::string hint;
  if (field->IsX2many()) {
    const std::string alternative = Many2oneAlternative(*field, schema);
    FieldPath fixed = *this;
    fixed.segments_[index] = alternative;
    hint = alternative.empty()
               ? "export \"" + Prefix(index + 1) + "\" alone to list the names of its records"
               : "use the many2one \"" + alternative + "\" instead (\"" + fixed.Prefix(segments_.size()) +
                     "\")";
  } else {
    hint = "remove what follows \"" + Prefix(index + 1) + "\"";
  }
  return core::InvalidInput("The field " + where + " is a " + field->type_name + " field of " +
                            schema.model() + ", and only many2one fields can be followed by a dot: " +
                            hint + ".");
}

}  // namespace xlsync::odoo
