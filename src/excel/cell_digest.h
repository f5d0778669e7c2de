#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/cell.h"

namespace xlsync::excel {

/// The text a number contributes to a RowDigest: rounded to 15 significant digits (all Excel
/// keeps, msgraph.md §6.5) in scientific form, so 1 == 1.0 and 0.1+0.2 == 0.3
/// ("3.00000000000000e-01"); -0 counts as 0.
std::string CanonicalNumber(double value);

/// An order-sensitive 64-bit checksum (FNV-1a) of rows in their canonical form as Graph reads
/// them back, so "sheet = source" is proven by comparing two numbers: empty and "" -> "", text ->
/// the sanitized text (no quote prefix), booleans, numbers -> CanonicalNumber. Text sent as a
/// formula (allow_formulas and a leading "=") reads back as its result and will not match.
/// Not thread-safe.
class RowDigest {
 public:
  RowDigest() = default;
  /// Continues a digest from a saved state (a checkpoint's value() and rows()).
  RowDigest(uint64_t value, size_t rows) : hash_(value), rows_(rows) {}

  /// Adds a row of cells as the encoder sends them.
  void AddRow(std::span<const core::Cell> row);
  /// Adds every row of a Graph range answer's `values` ({"values":[[...],...], ...}; other
  /// members skipped; null reads as empty) straight from its JSON text; the rows added, or
  /// nullopt (and nothing added) when the text is no such answer.
  std::optional<size_t> AddRangeValues(std::string_view range_json);

  uint64_t value() const { return hash_; }
  size_t rows() const { return rows_; }

 private:
  void AddBytes(std::string_view bytes);
  void AddByte(unsigned char byte);
  void EndText(size_t length);
  void AddBoolean(bool value);
  void AddNumber(double value);
  friend class RangeValuesReader;
  void EndRow();

  uint64_t hash_ = 14695981039346656037ULL;  // FNV-1a 64 offset basis
  size_t rows_ = 0;
};

}  // namespace xlsync::excel
