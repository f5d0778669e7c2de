#include "odoo/record_reader.h"

#include <algorithm>
#include <sstream>

#include "core/text.h"
#include "odoo/domain.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

// "id", " ID  asc " -> "id asc"; anything else comes back lower-cased and single-spaced.
std::string NormalizedOrder(const std::string& order) {
  std::istringstream words(core::ToLower(order));
  std::string word;
  std::string normalized;
  while (words >> word) normalized += (normalized.empty() ? "" : " ") + word;
  return normalized == "id" ? "id asc" : normalized;
}

}  // namespace

RecordReader::RecordReader(Client& client, ReadSpec spec)
    : client_(&client), spec_(std::move(spec)), last_id_(spec_.after_id) {}

core::Result<std::optional<json>> RecordReader::NextPage() {
  if (!started_) {
    XLSYNC_RETURN_IF_ERROR(Start());
    started_ = true;
  }
  if (done_) return std::optional<json>();
  return mode_ == Mode::kIdList ? NextIdListPage() : NextKeysetPage();
}

core::Result<void> RecordReader::Start() {
  if (spec_.page_size <= 0) {
    return core::InvalidInput("The page size must be at least 1 record.");
  }
  XLSYNC_RETURN_IF_ERROR(ValidateDomain(spec_.domain));
  const std::string order = NormalizedOrder(spec_.order);
  mode_ = order == "id asc"    ? Mode::kIdAscending
          : order == "id desc" ? Mode::kIdDescending
                               : Mode::kIdList;
  if (mode_ != Mode::kIdList) spec_.order = order;
  page_size_ = spec_.page_size;
  return {};
}

// Keyset paging (§9.4): stable when rows are created or deleted between pages, where offsets
// would skip or repeat rows; search_read makes each page one consistent transaction.
core::Result<std::optional<json>> RecordReader::NextKeysetPage() {
  const bool ascending = mode_ == Mode::kIdAscending;
  json domain = spec_.domain;
  if (last_id_ > 0)
    domain = WithCondition(std::move(domain), "id", ascending ? ">" : "<", last_id_);
  const int asked = page_size_;
  auto page = client_->SearchRead(spec_.model, domain, spec_.fields, spec_.order, asked, spec_.context);
  if (!page) return std::move(page).error();
  if (page->empty()) {
    done_ = true;
    return std::optional<json>();
  }
  if (page->size() < static_cast<size_t>(asked)) done_ = true;
  XLSYNC_RETURN_IF_ERROR(Account(*page));
  return std::optional<json>(*std::move(page));
}

// Any other order cannot be keyset-paged on id, and offsets drift; so all ids are fetched once
// in that order and read in slices. Rows deleted meanwhile are dropped by read (§9.4).
core::Result<std::optional<json>> RecordReader::NextIdListPage() {
  if (next_index_ == 0 && ids_.empty()) {
    auto ids = client_->Search(spec_.model, spec_.domain, spec_.order, spec_.context);
    if (!ids) return std::move(ids).error();
    ids_ = *std::move(ids);
  }
  while (next_index_ < ids_.size()) {
    const size_t end = std::min(ids_.size(), next_index_ + static_cast<size_t>(page_size_));
    const std::vector<int64_t> slice(ids_.begin() + static_cast<std::ptrdiff_t>(next_index_),
                                     ids_.begin() + static_cast<std::ptrdiff_t>(end));
    auto page = client_->Read(spec_.model, slice, spec_.fields, spec_.context);
    if (!page) return std::move(page).error();
    next_index_ = end;
    if (page->empty()) continue;
    XLSYNC_RETURN_IF_ERROR(Account(*page));
    return std::optional<json>(*std::move(page));
  }
  done_ = true;
  return std::optional<json>();
}

core::Result<void> RecordReader::Account(const json& page) {
  const json& last = page.back();
  if (!last.is_object() || !last.contains("id") || !last["id"].is_number_integer()) {
    return core::Internal("xlsync did not understand a page of records from Odoo model " +
                          spec_.model + " (a record without an id): report this to support.");
  }
  last_id_ = last["id"].get<int64_t>();
  records_read_ += static_cast<int64_t>(page.size());
  SizeNextPage(page.size());
  return {};
}

// A call costs a round trip and Odoo's per-request work whatever its size, so pages grow to
// about page_bytes (the reader's read-ahead holds a few of them); wide or text-heavy records
// make them shorter again.
void RecordReader::SizeNextPage(size_t records) {
  const size_t bytes = client_->last_reply_bytes();
  if (spec_.max_page_size <= spec_.page_size || records == 0 || bytes == 0) return;
  const size_t fit = spec_.page_bytes * records / bytes;
  page_size_ = static_cast<int>(std::clamp<size_t>(fit, static_cast<size_t>(spec_.page_size),
                                                   static_cast<size_t>(spec_.max_page_size)));
}

}  // namespace xlsync::odoo
