#include "excel/cell_digest.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "excel/cell_text.h"
#include "excel/text_sanitizer.h"

namespace xlsync::excel {
namespace {

constexpr uint64_t kFnvPrime = 1099511628211ULL;
constexpr int kSignificantDigits = 15;  // Excel keeps 15 (msgraph.md §6.5)
constexpr double kExactIntegerLimit = 1e15;

// Cell tags and separators keep "1" the number apart from "1" the text, and cells apart.
constexpr unsigned char kTextTag = 'S';
constexpr unsigned char kNumberTag = 'N';
constexpr unsigned char kBooleanTag = 'B';
constexpr unsigned char kOtherTag = 'X';
constexpr unsigned char kCellEnd = 0x1F;
constexpr unsigned char kRowEnd = 0x1E;

// Writes the canonical number into `buffer` and returns its length. Integers below 1e15 have at
// most 15 digits and are written by hand (the common case: ids, quantities); others go through
// to_chars with 14 decimals in scientific form, which gives the same text for those integers.
size_t WriteCanonicalNumber(double value, char (&buffer)[40]) {
  if (value == 0) value = 0;
  if (std::fabs(value) < kExactIntegerLimit && value == std::trunc(value)) {
    char digits[16];
    const auto magnitude = static_cast<uint64_t>(std::fabs(value));
    const size_t count =
        static_cast<size_t>(std::to_chars(digits, digits + 16, magnitude).ptr - digits);
    size_t n = 0;
    if (value < 0) buffer[n++] = '-';
    buffer[n++] = digits[0];
    buffer[n++] = '.';
    for (size_t i = 1; i < kSignificantDigits; ++i) buffer[n++] = i < count ? digits[i] : '0';
    const size_t exponent = count - 1;
    buffer[n++] = 'e';
    buffer[n++] = '+';
    buffer[n++] = static_cast<char>('0' + exponent / 10);
    buffer[n++] = static_cast<char>('0' + exponent % 10);
    return n;
  }
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value,
                                    std::chars_format::scientific, kSignificantDigits - 1);
  return static_cast<size_t>(result.ptr - buffer);
}

}  // namespace

std::string CanonicalNumber(double value) {
  char buffer[40];
  return std::string(buffer, WriteCanonicalNumber(value, buffer));
}

void RowDigest::AddByte(unsigned char byte) {
  hash_ ^= byte;
  hash_ *= kFnvPrime;
}

void RowDigest::AddBytes(std::string_view bytes) {
  uint64_t hash = hash_;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
  hash_ = hash;
}

void RowDigest::EndText(size_t length) {
  // The length goes after the text, so no byte inside a text can fake a cell boundary.
  char suffix[24];
  const auto end = std::to_chars(suffix, suffix + sizeof suffix, length).ptr;
  AddByte(kTextTag);
  AddBytes(std::string_view(suffix, static_cast<size_t>(end - suffix)));
  AddByte(kCellEnd);
}

void RowDigest::AddBoolean(bool value) {
  AddByte(kBooleanTag);
  AddByte(value ? '1' : '0');
  AddByte(kCellEnd);
}

void RowDigest::AddNumber(double value) {
  char buffer[40];
  const size_t length = WriteCanonicalNumber(value, buffer);
  AddByte(kNumberTag);
  AddBytes(std::string_view(buffer, length));
  AddByte(kCellEnd);
}

void RowDigest::EndRow() {
  AddByte(kRowEnd);
  ++rows_;
}

void RowDigest::AddRow(std::span<const core::Cell> row) {
  for (const core::Cell& cell : row) {
    switch (cell.kind) {
      case core::CellKind::kEmpty:
        EndText(0);
        break;
      case core::CellKind::kBoolean:
        AddBoolean(cell.boolean);
        break;
      case core::CellKind::kNumber:
      case core::CellKind::kLink:  // Excel reads a HYPERLINK formula back as what it shows
        AddNumber(cell.number);
        break;
      case core::CellKind::kText: {
        // Hash the text exactly as the encoder sends it (sanitized, no quote prefix).
        size_t length = 0;
        SanitizeRuns(cell.text, kMaxCellCharacters, [&](std::string_view run) {
          AddBytes(run);
          length += run.size();
        });
        EndText(length);
        break;
      }
    }
  }
  EndRow();
}

/// Feeds the rows of a range answer's `values` to a RowDigest as nlohmann's parser meets them:
/// no tree of a page of up to 250,000 cells is built, only the digest moves. Containers are
/// counted from the answer object (depth 1): `values` is depth 2, a row depth 3, so a value at
/// depth 3 is a cell and one at depth 2 a row of one cell. An object or array where a cell
/// should be is no cell value: it is made to differ from every real cell.
class RangeValuesReader final : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit RangeValuesReader(RowDigest& digest) : digest_(digest) {}
  bool found() const { return found_; }

  bool null() override { return Cell([&] { digest_.EndText(0); }); }  // unbounded reads (§6.4)
  bool boolean(bool value) override { return Cell([&] { digest_.AddBoolean(value); }); }
  bool number_integer(number_integer_t value) override {
    return Cell([&] { digest_.AddNumber(static_cast<double>(value)); });
  }
  bool number_unsigned(number_unsigned_t value) override {
    return Cell([&] { digest_.AddNumber(static_cast<double>(value)); });
  }
  bool number_float(number_float_t value, const string_t&) override {
    return Cell([&] { digest_.AddNumber(value); });
  }
  bool string(string_t& value) override {
    return Cell([&] {
      digest_.AddBytes(value);
      digest_.EndText(value.size());
    });
  }
  bool binary(binary_t&) override { return Cell([&] {}); }
  bool start_object(std::size_t) override { return Open(false); }
  bool start_array(std::size_t) override { return Open(true); }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }
  bool key(string_t& name) override {
    if (depth_ == 1) next_is_values_ = name == "values";
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  template <typename Add>
  bool Cell(Add add) {
    if (odd_depth_ > 0 || !in_values_ || depth_ < 2) {
      if (depth_ == 1) next_is_values_ = false;
      return true;
    }
    add();
    if (depth_ == 2) digest_.EndRow();
    return true;
  }
  bool Open(bool array) {
    ++depth_;
    if (odd_depth_ > 0) return true;
    if (!in_values_) {
      in_values_ = depth_ == 2 && array && next_is_values_;
      next_is_values_ = false;
      return true;
    }
    if (depth_ == 3 && array) return true;  // a row
    odd_depth_ = depth_;
    digest_.AddByte(kOtherTag);
    return true;
  }
  bool Close() {
    if (odd_depth_ == depth_) {
      odd_depth_ = 0;
      digest_.AddByte(kCellEnd);
      if (depth_ == 3) digest_.EndRow();  // the row itself was the odd value
    } else if (odd_depth_ == 0 && in_values_ && depth_ == 3) {
      digest_.EndRow();
    } else if (odd_depth_ == 0 && in_values_ && depth_ == 2) {
      in_values_ = false;
      found_ = true;
    }
    --depth_;
    return true;
  }

  RowDigest& digest_;
  int depth_ = 0;
  int odd_depth_ = 0;
  bool next_is_values_ = false;
  bool in_values_ = false;
  bool found_ = false;
};

std::optional<size_t> RowDigest::AddRangeValues(std::string_view range_json) {
  RowDigest copy = *this;  // a malformed answer leaves this digest as it was
  RangeValuesReader reader(copy);
  bool parsed = false;
  try {
    parsed = nlohmann::json::sax_parse(range_json, &reader);
  } catch (const std::exception&) {  // the lexer's own errors; parse_error() answers the rest
    parsed = false;
  }
  if (!parsed || !reader.found()) return std::nullopt;
  const size_t added = copy.rows_ - rows_;
  *this = copy;
  return added;
}

}  // namespace xlsync::excel
