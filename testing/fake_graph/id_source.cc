#include "testing/fake_graph/id_source.h"

#include <cctype>

#include "core/text.h"
#include "http/url.h"

namespace xlsync::fakes {

std::string IdSource::Guid() {
  const std::uint64_t high = random_();
  return core::FormatGuid(high, random_());
}

std::string IdSource::DriveId() {
  std::string bytes;
  for (int i = 0; i < 48; ++i) bytes.push_back(static_cast<char>(random_() & 0xff));
  return "b!" + http::Base64UrlEncode(bytes);
}

std::string IdSource::ItemId() {
  static constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string id = "01";
  for (int i = 0; i < 32; ++i) id.push_back(kBase32[random_() % 32]);
  return id;
}

std::string IdSource::WorksheetId() {
  std::string guid = Guid();
  for (char& c : guid) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "{" + guid + "}";
}

}  // namespace xlsync::fakes
