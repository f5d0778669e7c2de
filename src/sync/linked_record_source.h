#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "odoo/server_version.h"
#include "sync/export_task.h"
#include "sync/odoo_side.h"
#include "sync/record_source.h"

namespace xlsync::sync {

/// The address of a record's form in the Odoo web client: "<url>/odoo/<model>/<id>" from
/// saas-17.2 on (path-based routing, odoo/odoo#142007), "<url>/web#id=<id>&model=<model>&
/// view_type=form" before. `odoo_url` is the server's base URL (a trailing "/" is dropped).
std::string RecordUrl(std::string_view odoo_url, const odoo::ServerVersion& version, std::string_view model,
                      int64_t id);

/// The longest URL Excel's HYPERLINK accepts; a longer record URL leaves the id unlinked.
inline constexpr size_t kMaxHyperlinkLength = 255;

/// Decorates a RecordSource with one last column, "Odoo ID" ("id" with technical headers),
/// format "0", whose cells link each row to its record (core::Cell::Link, written as
/// =HYPERLINK("url",id)). Needs the inner source's Batch::ids; owns the inner source.
class LinkedRecordSource final : public RecordSource {
 public:
  /// `url_of(id)` makes a record's URL, e.g. RecordUrl bound to the server and model.
  LinkedRecordSource(std::unique_ptr<RecordSource> inner, std::function<std::string(int64_t)> url_of,
                     std::string header);

  const std::vector<core::Column>& columns() const override { return columns_; }
  core::Result<std::optional<Batch>> Next() override;

 private:
  std::unique_ptr<RecordSource> inner_;
  std::function<std::string(int64_t)> url_of_;
  std::vector<core::Column> columns_;
};

/// The header of the link column for a task's header choice: "Odoo ID", or "id" for "names".
std::string LinkColumnLabel(std::string_view header);

/// The task's rows as MakeRecordSource reads them (it takes the side's converter), ending with
/// the link column when the task has row_links; `odoo_url` is the server the links point to.
std::unique_ptr<RecordSource> MakeTaskSource(OdooSide& side, const ExportTask& task, const std::string& odoo_url,
                                             int64_t after_id);

}  // namespace xlsync::sync
