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

void RowDigest::AddJsonCell(const nlohmann::json& cell) {
  switch (cell.type()) {
    case nlohmann::json::value_t::string: {
      const auto& text = cell.get_ref<const std::string&>();
      AddBytes(text);
      EndText(text.size());
      break;
    }
    case nlohmann::json::value_t::boolean:
      AddBoolean(cell.get<bool>());
      break;
    case nlohmann::json::value_t::number_integer:
      AddNumber(static_cast<double>(cell.get<int64_t>()));
      break;
    case nlohmann::json::value_t::number_unsigned:
      AddNumber(static_cast<double>(cell.get<uint64_t>()));
      break;
    case nlohmann::json::value_t::number_float:
      AddNumber(cell.get<double>());
      break;
    case nlohmann::json::value_t::null:
      EndText(0);
      break;  // unbounded reads give null (§6.4)
    default:  // an object or array is no cell value: make it differ from every real cell
      AddByte(kOtherTag);
      AddBytes(cell.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      AddByte(kCellEnd);
      break;
  }
}

void RowDigest::AddJsonRow(const nlohmann::json& row) {
  if (row.is_array()) {
    for (const auto& cell : row) AddJsonCell(cell);
  } else {
    AddJsonCell(row);
  }
  EndRow();
}

}  // namespace xlsync::excel
