#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "odoo/client.h"
#include "odoo/context.h"

namespace xlsync::odoo {

/// What an answer of growing pages aims at: few calls (each costs a round trip and Odoo's
/// per-request work) while a page stays a few MB in memory on both sides.
inline constexpr size_t kPageBytes = 1024 * 1024;

/// What to stream from one model.
struct ReadSpec {
  std::string model;
  nlohmann::json domain = nlohmann::json::array();
  std::vector<std::string> fields;
  std::string order = "id";
  int page_size = 1000;
  /// Above page_size: later pages grow (or shrink back) towards it so each answer holds about
  /// page_bytes, judged by the bytes per record of the page before. 0 = every page page_size.
  int max_page_size = 0;
  size_t page_bytes = kPageBytes;
  Context context;
  int64_t after_id = 0;  // keyset resume point for order "id" / "id desc"; ignored otherwise
};

/// Streams a model page by page (odoo-api.md §9.4). Order "id"/"id asc": keyset
/// [["id", ">", last]] + limit, never offset; "id desc": keyset on "<". Any other order: the ids
/// first with one Search in that order, then Read in pages (Read keeps that order and drops
/// deleted ids). Not thread-safe; the Client must outlive it.
class RecordReader {
 public:
  RecordReader(Client& client, ReadSpec spec);

  /// A JSON array of up to page_size records, nullopt at the end.
  core::Result<std::optional<nlohmann::json>> NextPage();

  int64_t records_read() const { return records_read_; }
  /// Records the next request asks for.
  int page_size() const { return page_size_; }
  int64_t last_id() const { return last_id_; }

 private:
  enum class Mode { kIdAscending, kIdDescending, kIdList };

  core::Result<void> Start();
  core::Result<std::optional<nlohmann::json>> NextKeysetPage();
  core::Result<std::optional<nlohmann::json>> NextIdListPage();
  core::Result<void> Account(const nlohmann::json& page);
  void SizeNextPage(size_t records);

  Client* client_;
  ReadSpec spec_;
  Mode mode_ = Mode::kIdAscending;
  bool started_ = false;
  bool done_ = false;
  int64_t records_read_ = 0;
  int64_t last_id_ = 0;
  int page_size_ = 0;
  std::vector<int64_t> ids_;
  size_t next_index_ = 0;
};

}  // namespace xlsync::odoo
