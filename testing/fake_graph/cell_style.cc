#include "testing/fake_graph/cell_style.h"

#include <cstdio>

namespace xlsync::fakes {

std::string CellStyle::Key() const {
  char size[32];
  std::snprintf(size, sizeof size, "%.17g", font_size);
  constexpr char kSeparator = '\x1f';  // never part of a format code, colour or font name
  std::string key = number_format;
  for (const std::string* part :
       {&font_color, &font_name, &fill_color, &horizontal_alignment, &vertical_alignment}) {
    key.push_back(kSeparator);
    key.append(*part);
  }
  key.push_back(kSeparator);
  key.append(size);
  key.push_back(kSeparator);
  key.push_back(bold ? 'B' : '-');
  key.push_back(italic ? 'I' : '-');
  key.push_back(wrap_text ? 'W' : '-');
  return key;
}

}  // namespace xlsync::fakes
