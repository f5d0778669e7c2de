#pragma once

#include <cstdint>
#include <string>

namespace xlsync::msgraph {

/// An Excel table (msgraph.md §6.7): `id` is what URLs use (stable across renames), `name` what
/// formulas use (OdooOrders[Total]), `style` a built-in style ("TableStyleMedium2").
struct Table {
  std::string id;
  std::string name;
  std::string style;
};

/// One column of a table: its id for URLs, its 0-based position and its header name.
struct TableColumn {
  std::string id;
  int index = 0;
  std::string name;
};

/// Where a table lies: its range's address as Excel reports it, sheet-qualified
/// ("Orders!A1:K11"), and its size with the header row counted.
struct TableExtent {
  std::string address;
  int64_t row_count = 0;
  int column_count = 0;
};

}  // namespace xlsync::msgraph
