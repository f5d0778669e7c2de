#include "bench/micro/page_stages.h"

#include "bench/micro/sale_orders.h"
#include "excel/cell_digest.h"
#include "sync/export_task.h"
#include "sync/odoo_side.h"

namespace xlsync::bench {
namespace {

using nlohmann::json;

constexpr char kModel[] = "sale.order";

http::Response JsonReply(const std::string& body) {
  http::Response response;
  response.status = 200;
  response.headers.Set("Content-Type", "application/json; charset=utf-8");
  response.body = body;
  return response;
}

// The task a user would write for these columns: datetimes in the user's zone, x2many as ids
// (names would add one read per relation and page, which is I/O, not CPU per cell).
sync::ExportTask TaskFor(int columns) {
  sync::ExportTask task;
  task.model = kModel;
  task.fields = SaleOrderFields(columns);
  task.time_zone = "Europe/Brussels";
  task.x2many_as_ids = true;
  return task;
}

}  // namespace

core::Result<std::unique_ptr<PageStages>> PageStages::Create(int columns, int records) {
  if (columns != 10 && columns != 30) {
    return core::InvalidInput("The benchmarks have 10 or 30 columns, not " +
                              std::to_string(columns) + ".");
  }
  const sync::ExportTask task = TaskFor(columns);
  auto options = sync::ConvertOptionsOf(task);
  if (!options) return std::move(options).error();
  auto schema = odoo::Schema::FromFieldsGet(kModel, SaleOrderFieldsGet());
  if (!schema) return std::move(schema).error();
  auto converter = odoo::CellConverter::Create(*schema, task.fields, *std::move(options));
  if (!converter) return std::move(converter).error();
  if (converter->columns().size() != static_cast<size_t>(columns)) {
    return core::Internal("The benchmark converter has " +
                          std::to_string(converter->columns().size()) + " columns instead of " +
                          std::to_string(columns) + ".");
  }
  std::unique_ptr<PageStages> stages(new PageStages());
  stages->converter_.emplace(*std::move(converter));
  XLSYNC_RETURN_IF_ERROR(stages->StartOdoo(task, records));
  XLSYNC_RETURN_IF_ERROR(stages->StartGraph());
  return stages;
}

core::Result<void> PageStages::StartOdoo(const sync::ExportTask& task, int records) {
  currencies_.Store(SaleOrderCurrencies());
  const auto& read_fields = converter_->read_fields();
  odoo_reply_ = JsonRpcReplyBody(SaleOrderRecords(read_fields, records), 3);
  XLSYNC_RETURN_IF_ERROR(Connect());
  odoo::ReadSpec spec;
  spec.model = kModel;
  spec.fields = read_fields;
  spec.page_size = records;
  spec.context = sync::OdooContextOf(task);
  reader_.emplace(*client_, std::move(spec));
  QueueOdooReply();
  auto page = Decode();
  if (!page) return std::move(page).error();
  if (page->size() != static_cast<size_t>(records)) {
    return core::Internal("The benchmark page holds " + std::to_string(page->size()) +
                          " records instead of " + std::to_string(records) + ".");
  }
  page_ = *std::move(page);
  rows_ = Convert(page_);
  return {};
}

core::Result<void> PageStages::StartGraph() {
  encoder_.emplace(converter_->columns(), excel::ChunkBudget{});
  read_reply_ = RangeValuesBody(rows_);
  // Each stage must succeed once before it is timed: a failing stage would time its error path.
  auto encoded = Encode(rows_);
  if (!encoded) return std::move(encoded).error();
  return ReadBack(rows_);
}

// A JSON-RPC server of Odoo 18 (odoo-api.md §2): common.version, then common.authenticate.
core::Result<void> PageStages::Connect() {
  odoo_http_.Enqueue(
      JsonReply(JsonRpcReplyBody({{"server_version", "18.0-20250702"},
                                  {"server_version_info", json::array({18, 0, 0, "final", 0, ""})},
                                  {"server_serie", "18.0"},
                                  {"protocol_version", 1}},
                                 1)));
  odoo_http_.Enqueue(JsonReply(JsonRpcReplyBody(2, 2)));
  odoo::Settings settings;
  settings.url = "http://127.0.0.1:8069";
  settings.database = "bench";
  settings.login = "admin";
  settings.api_key = core::Secret("bench-api-key");
  settings.protocol = odoo::Protocol::kJsonRpc;
  client_ = std::make_unique<odoo::Client>(odoo_http_, sleeper_, std::move(settings));
  return client_->Connect();
}

void PageStages::QueueOdooReply() { odoo_http_.Enqueue(JsonReply(odoo_reply_)); }

core::Result<json> PageStages::Decode() {
  auto page = reader_->NextPage();
  if (!page) return std::move(page).error();
  if (!page->has_value())
    return core::Internal("The benchmark reader reached the end of its records.");
  return **std::move(page);
}

std::vector<core::Row> PageStages::Convert(const json& page) const {
  std::vector<core::Row> rows;
  rows.reserve(page.size());
  for (const auto& record : page) rows.push_back(converter_->Convert(record, names_, &currencies_));
  return rows;
}

core::Result<size_t> PageStages::Encode(std::span<const core::Row> rows) {
  const size_t chunk_rows = encoder_->RowsPerChunk();
  size_t bytes = 0;
  while (!rows.empty()) {
    auto encoded = encoder_->Encode(rows, body_, chunk_rows);
    if (!encoded) return std::move(encoded).error();
    bytes += body_.size();
    rows = rows.subspan(*encoded);
  }
  return bytes;
}

core::Result<void> PageStages::ReadBack(std::span<const core::Row> rows) const {
  excel::RowDigest written;
  for (const auto& row : rows) written.AddRow(row);
  excel::RowDigest read_back;
  if (!read_back.AddRangeValues(read_reply_)) {
    return core::Internal("The range answer could not be read.");
  }
  if (read_back.rows() != written.rows() || read_back.value() != written.value()) {
    return core::Conflict("The rows read back differ from the rows written.", "verifyChecksum");
  }
  return {};
}

int64_t PageStages::cells() const {
  return static_cast<int64_t>(rows_.size() * converter_->columns().size());
}

}  // namespace xlsync::bench
