#include "sync/linked_record_source.h"

#include "excel/number_format.h"
#include "http/url.h"

namespace xlsync::sync {

std::string RecordUrl(std::string_view odoo_url, const odoo::ServerVersion& version, std::string_view model,
                      int64_t id) {
  while (!odoo_url.empty() && odoo_url.back() == '/') odoo_url.remove_suffix(1);
  const std::string base(odoo_url);
  const std::string encoded_model = http::PercentEncode(model);
  // Odoo's own upgrade scripts switch forms at saas~17.2 (odoo/upgrade-util#130): the web
  // client routes by path from then on and still reads the old hash form before.
  if (version.AtLeast(17, 2)) return base + "/odoo/" + encoded_model + "/" + std::to_string(id);
  return base + "/web#id=" + std::to_string(id) + "&model=" + encoded_model + "&view_type=form";
}

std::string LinkColumnLabel(std::string_view header) { return header == "names" ? "id" : "Odoo ID"; }

std::unique_ptr<RecordSource> MakeTaskSource(OdooSide& side, const ExportTask& task, const std::string& odoo_url,
                                             int64_t after_id) {
  auto source = MakeRecordSource(side, task, after_id);
  if (!task.row_links) return source;
  auto url_of = [odoo_url, version = side.client->version(), model = task.model](int64_t id) {
    return RecordUrl(odoo_url, version, model, id);
  };
  return std::make_unique<LinkedRecordSource>(std::move(source), std::move(url_of), LinkColumnLabel(task.header));
}

LinkedRecordSource::LinkedRecordSource(std::unique_ptr<RecordSource> inner,
                                       std::function<std::string(int64_t)> url_of, std::string header)
    : inner_(std::move(inner)), url_of_(std::move(url_of)), columns_(inner_->columns()) {
  columns_.push_back({"id", std::move(header), std::string(excel::kIntegerFormat)});
}

core::Result<std::optional<Batch>> LinkedRecordSource::Next() {
  auto batch = inner_->Next();
  if (!batch || !batch->has_value()) return batch;
  Batch& rows = **batch;
  if (rows.ids.size() != rows.rows.size()) {
    return core::Internal("Row links need each row's Odoo id, which this export does not read: turn row_links "
                          "off, or report it if the export is a plain one.");
  }
  for (size_t i = 0; i < rows.rows.size(); ++i) {
    const int64_t id = rows.ids[i];
    std::string url = url_of_(id);
    // HYPERLINK refuses longer addresses (Excel's limit): the id stays, unlinked.
    rows.rows[i].push_back(url.size() <= kMaxHyperlinkLength
                               ? core::Cell::Link(std::move(url), static_cast<double>(id))
                               : core::Cell::Number(static_cast<double>(id)));
  }
  return batch;
}

}  // namespace xlsync::sync
