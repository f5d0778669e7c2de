#include "testing/fake_graph/workbook.h"

#include <algorithm>
#include <cstdio>

#include "core/text.h"
#include "testing/fake_graph/cell_input.h"

namespace xlsync::fakes {
namespace {

constexpr std::string_view kInvalidArgument = "invalidArgument";

std::string InitialId(size_t index) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%04X", static_cast<unsigned>((index + 1) & 0xffff));
  return "{00000000-" + std::string(buffer) + "-0000-0000-000000000000}";
}

core::Error BadName(std::string_view name, std::string_view why) {
  return core::InvalidInput(
      "The sheet name '" + std::string(name) + "' is not valid: " + std::string(why) + ".",
      std::string(kInvalidArgument));
}

}  // namespace

Workbook::Workbook(std::vector<std::string> sheet_names) : initial_names_(std::move(sheet_names)) {
  Reset();
}

std::unique_ptr<Workbook> Workbook::Clone() const {
  auto copy = std::make_unique<Workbook>(initial_names_);
  copy->sheets_.clear();
  for (const auto& sheet : sheets_) copy->sheets_.push_back(std::make_unique<Worksheet>(*sheet));
  copy->tables_ = tables_;
  return copy;
}

void Workbook::Reset() {
  sheets_.clear();
  tables_.Clear();
  for (size_t i = 0; i < initial_names_.size(); ++i) {
    auto sheet = std::make_unique<Worksheet>();
    sheet->id = InitialId(i);
    sheet->name = initial_names_[i];
    sheets_.push_back(std::move(sheet));
  }
}

Worksheet* Workbook::FindById(std::string_view id) const {
  for (const auto& sheet : sheets_) {
    if (core::EqualsIgnoreCase(sheet->id, id)) return sheet.get();
  }
  return nullptr;
}

Worksheet* Workbook::FindByName(std::string_view name) const {
  for (const auto& sheet : sheets_) {
    if (core::EqualsIgnoreCase(sheet->name, name)) return sheet.get();
  }
  return nullptr;
}

int Workbook::PositionOf(const Worksheet& sheet) const {
  for (size_t i = 0; i < sheets_.size(); ++i) {
    if (sheets_[i].get() == &sheet) return static_cast<int>(i);
  }
  return -1;
}

core::Result<Worksheet*> Workbook::Add(std::optional<std::string> name, std::string id) {
  if (!name) {
    for (int n = static_cast<int>(sheets_.size()) + 1;; ++n) {
      name = "Sheet" + std::to_string(n);
      if (!FindByName(*name)) break;
    }
  }
  XLSYNC_RETURN_IF_ERROR(ValidateName(*name));
  XLSYNC_RETURN_IF_ERROR(CheckUnique(*name, nullptr));
  auto sheet = std::make_unique<Worksheet>();
  sheet->id = std::move(id);
  sheet->name = std::move(*name);
  sheets_.push_back(std::move(sheet));
  return sheets_.back().get();
}

core::Result<void> Workbook::Rename(Worksheet& sheet, const std::string& name) {
  XLSYNC_RETURN_IF_ERROR(ValidateName(name));
  XLSYNC_RETURN_IF_ERROR(CheckUnique(name, &sheet));
  sheet.name = name;
  return {};
}

core::Result<void> Workbook::Move(Worksheet& sheet, int position) {
  if (position < 0 || position >= static_cast<int>(sheets_.size())) {
    return core::InvalidInput(
        "The position " + std::to_string(position) + " is outside the workbook's worksheets.",
        std::string(kInvalidArgument));
  }
  const auto from = sheets_.begin() + PositionOf(sheet);
  auto moved = std::move(*from);
  sheets_.erase(from);
  sheets_.insert(sheets_.begin() + position, std::move(moved));
  return {};
}

core::Result<void> Workbook::SetVisibility(Worksheet& sheet, const std::string& visibility) {
  if (visibility != "Visible" && visibility != "Hidden" && visibility != "VeryHidden") {
    return core::InvalidInput("The visibility must be Visible, Hidden or VeryHidden.",
                              std::string(kInvalidArgument));
  }
  if (visibility != "Visible" && sheet.visibility == "Visible" && VisibleCount() == 1) {
    return core::InvalidInput("A workbook must contain at least one visible worksheet.",
                              "unsupportedOperation");
  }
  sheet.visibility = visibility;
  return {};
}

core::Result<void> Workbook::Remove(const Worksheet& sheet) {
  // msgraph.md §6.3: a workbook keeps at least one visible sheet.
  if (sheet.visibility == "Visible" && VisibleCount() == 1) {
    return core::InvalidInput("A workbook must contain at least one visible worksheet.",
                              "unsupportedOperation");
  }
  tables_.RemoveOnSheet(sheet.id);
  sheets_.erase(sheets_.begin() + PositionOf(sheet));
  return {};
}

core::Result<void> Workbook::ValidateName(std::string_view name) {
  const std::size_t length = CellInputParser::Utf16Length(name);
  if (length == 0) return BadName(name, "it is empty");
  if (length > 31) return BadName(name, "it is longer than 31 characters");
  if (name.find_first_of("\\/?*[]:") != std::string_view::npos) {
    return BadName(name, "it contains one of \\ / ? * [ ] :");
  }
  if (name.front() == '\'' || name.back() == '\'') {
    return BadName(name, "it starts or ends with an apostrophe");
  }
  if (core::EqualsIgnoreCase(name, "History")) return BadName(name, "History is reserved by Excel");
  return {};
}

core::Result<void> Workbook::CheckUnique(std::string_view name, const Worksheet* except) const {
  const Worksheet* existing = FindByName(name);
  if (existing && existing != except) {
    return core::Conflict("A resource with the same name or identifier already exists.",
                          "itemAlreadyExists");
  }
  return {};
}

int Workbook::VisibleCount() const {
  return static_cast<int>(std::count_if(sheets_.begin(), sheets_.end(), [](const auto& sheet) {
    return sheet->visibility == "Visible";
  }));
}

}  // namespace xlsync::fakes
