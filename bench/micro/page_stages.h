#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/cell.h"
#include "core/result.h"
#include "excel/graph_chunk_encoder.h"
#include "http/message.h"
#include "odoo/cell_converter.h"
#include "odoo/client.h"
#include "odoo/currency_formats.h"
#include "odoo/name_cache.h"
#include "odoo/record_reader.h"
#include "sync/export_task.h"
#include "testing/support/recording_sleeper.h"
#include "testing/support/scripted_http_client.h"

namespace xlsync::bench {

/// One page of sale.order records on xlsync's data path, each stage run by the objects an export
/// uses: a logged-in odoo::Client and RecordReader over JSON-RPC replaying Odoo's reply from a
/// ScriptedHttpClient, the task's CellConverter, the GraphChunkEncoder, and the read-back proof
/// of GraphSheetSink::Verify. Built once per column count (10 or 30); not thread-safe.
class PageStages {
 public:
  static core::Result<std::unique_ptr<PageStages>> Create(int columns, int records = 1000);

  /// Queues a copy of Odoo's search_read reply for the next Decode (untimed: the copy stands for
  /// the bytes curl hands over).
  void QueueOdooReply();
  /// The next page as the export reads it: RecordReader::NextPage, JSON-RPC parse included.
  core::Result<nlohmann::json> Decode();
  /// One row per record, as OdooRecordSource::Next builds its batch.
  std::vector<core::Row> Convert(const nlohmann::json& page) const;
  /// Encodes every row into range PATCH bodies, chunk after chunk as GraphSheetSink::Flush does;
  /// the bytes of all bodies.
  core::Result<size_t> Encode(std::span<const core::Row> rows);
  /// The proof of the page: the pipeline's RowDigest of the rows written, then Graph's range GET
  /// answer digested as it is parsed (RowDigest::AddRangeValues, as GraphSheetSink::Verify does),
  /// and the two digests compared; Conflict when they differ.
  core::Result<void> ReadBack(std::span<const core::Row> rows) const;

  /// Cells per page: records x columns.
  int64_t cells() const;
  /// The page parsed and converted once, for the stages that start from them.
  const nlohmann::json& page() const { return page_; }
  const std::vector<core::Row>& rows() const { return rows_; }
  size_t reply_bytes() const { return odoo_reply_.size(); }

 private:
  PageStages() = default;
  core::Result<void> StartOdoo(const sync::ExportTask& task, int records);
  core::Result<void> StartGraph();
  core::Result<void> Connect();

  fakes::ScriptedHttpClient odoo_http_;
  fakes::RecordingSleeper sleeper_;
  std::unique_ptr<odoo::Client> client_;
  std::optional<odoo::RecordReader> reader_;
  std::optional<odoo::CellConverter> converter_;
  odoo::NameCache names_;
  odoo::CurrencyFormats currencies_;
  std::optional<excel::GraphChunkEncoder> encoder_;
  std::string body_;
  std::string odoo_reply_;
  std::string read_reply_;  // Graph's answer to the range GET of the page
  nlohmann::json page_;
  std::vector<core::Row> rows_;
};

}  // namespace xlsync::bench
