#include "excel/sheet_name.h"

#include <string>

#include "core/text.h"
#include "excel/text_sanitizer.h"

namespace xlsync::excel {
namespace {

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

// UTF-16 code units of a UTF-8 name (Excel counts those), or -1 when it is ill-formed.
long Utf16Length(std::string_view name) {
  long units = 0;
  for (size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      ++units;
      ++i;
      continue;
    }
    size_t bad = 0;
    const size_t length = sanitizer_internal::MultiByteLength(name, i, bad);
    if (length == 0) return -1;
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return units;
}

}  // namespace

core::Result<void> ValidateSheetName(std::string_view name) {
  if (name.empty()) {
    return core::InvalidInput("The sheet name is empty: choose a name of 1 to 31 characters.");
  }
  const long length = Utf16Length(name);
  if (length < 0) {
    return core::InvalidInput("The sheet name is not valid UTF-8 text: type the name again.");
  }
  if (const size_t bad = name.find_first_of("\\/?*[]:"); bad != std::string_view::npos) {
    return core::InvalidInput("The sheet name " + Quoted(name) + " contains " +
                              Quoted(name.substr(bad, 1)) +
                              ", which Excel does not allow in sheet names: choose a name "
                              "without \\ / ? * [ ] :.");
  }
  if (length > static_cast<long>(kMaxSheetNameCharacters)) {
    return core::InvalidInput("The sheet name " + Quoted(name) + " has " + std::to_string(length) +
                              " characters, more than the 31 Excel allows in sheet names: "
                              "choose a shorter name.");
  }
  if (name.front() == '\'' || name.back() == '\'') {
    const char* where = name.front() == '\'' ? "starts" : "ends";
    return core::InvalidInput("The sheet name " + Quoted(name) + " " + where +
                              " with an apostrophe ('), which Excel does not allow in sheet "
                              "names: remove it or move it inside the name.");
  }
  if (core::EqualsIgnoreCase(name, "History")) {
    return core::InvalidInput("The sheet name " + Quoted(name) +
                              " is reserved by Excel: choose another name.");
  }
  return {};
}

}  // namespace xlsync::excel
