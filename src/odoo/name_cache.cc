#include "odoo/name_cache.h"

#include <set>
#include <vector>

#include "odoo/cell_converter.h"
#include "odoo/client.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

using WantedIds = std::map<std::string, std::set<int64_t>>;  // comodel -> ids

size_t Count(const WantedIds& wanted) {
  size_t count = 0;
  for (const auto& [model, ids] : wanted) count += ids.size();
  return count;
}

}  // namespace

core::Result<void> NameCache::Prefetch(Client& client, const CellConverter& converter,
                                       const json& page, const Context& context) {
  const auto relations = converter.x2many_relations();
  if (relations.empty() || !page.is_array()) return {};
  const auto collect = [&] {
    WantedIds wanted;
    for (const json& record : page) {
      if (!record.is_object()) continue;
      for (const auto& [field, comodel] : relations) {
        const auto value = record.find(field);
        if (value == record.end() || !value->is_array()) continue;
        for (const json& id : *value) {
          if (id.is_number_integer() && !Find(comodel, id.get<int64_t>())) {
            wanted[comodel].insert(id.get<int64_t>());
          }
        }
      }
    }
    return wanted;
  };
  WantedIds wanted = collect();
  if (size_ + Count(wanted) > kMaxNames) {
    names_.clear();
    size_ = 0;
    wanted = collect();
  }
  // One read per comodel for the whole page (odoo-api.md §9.1: read takes any number of ids);
  // ids deleted meanwhile are simply absent from the answer.
  for (const auto& [comodel, ids] : wanted) {
    auto records = client.Read(comodel, std::vector<int64_t>(ids.begin(), ids.end()),
                               {"display_name"}, context);
    if (!records) return std::move(records).error();
    Store(comodel, *records);
  }
  return {};
}

std::optional<std::string_view> NameCache::Find(const std::string& model, int64_t id) const {
  const auto by_model = names_.find(model);
  if (by_model == names_.end()) return std::nullopt;
  const auto name = by_model->second.find(id);
  if (name == by_model->second.end()) return std::nullopt;
  return std::string_view(name->second);
}

void NameCache::Store(const std::string& model, const json& records) {
  auto& names = names_[model];
  for (const json& record : records) {
    if (!record.is_object()) continue;
    const auto id = record.find("id");
    const auto name = record.find("display_name");
    if (id == record.end() || !id->is_number_integer() || name == record.end()) continue;
    std::string text =
        name->is_string() ? name->get<std::string>() : std::to_string(id->get<int64_t>());
    if (names.insert_or_assign(id->get<int64_t>(), std::move(text)).second) ++size_;
  }
}

}  // namespace xlsync::odoo
