#include "cli/preview_command.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "cli/progress_printer.h"
#include "cli/run_context.h"
#include "cli/text_table.h"
#include "excel/display_text.h"
#include "sync/exporter.h"
#include "sync/linked_record_source.h"
#include "sync/odoo_side.h"

namespace xlsync::cli {
namespace {

constexpr size_t kDefaultWidth = 120;

void PrintError(const core::Error& error) { std::fprintf(stderr, "xlsync: %s\n", error.ForUser().c_str()); }

/// A preview writes nowhere: the task needs what an export reads, not a workbook.
core::Result<void> ValidatePreview(const sync::ExportTask& task, int rows) {
  if (rows < 1 || rows > kMaxPreviewRows) {
    return core::InvalidInput("A preview shows 1 to 1000 rows, not " + std::to_string(rows) +
                              ": choose --rows in that range.");
  }
  sync::ExportTask checked = task;
  if (checked.workbook.empty()) checked.workbook = "/preview.xlsx";
  return sync::ValidateTask(checked);
}

core::Result<std::vector<core::Row>> FirstRows(sync::RecordSource& source, size_t wanted) {
  std::vector<core::Row> rows;
  while (rows.size() < wanted) {
    auto batch = source.Next();
    if (!batch) return std::move(batch).error();
    if (!batch->has_value()) break;
    for (auto& row : (*batch)->rows) {
      if (rows.size() == wanted) break;
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

// Numbers line up on the right, as in Excel; a column is numeric when all its values are.
std::vector<bool> NumericColumns(const std::vector<core::Row>& rows, size_t columns) {
  std::vector<bool> numeric(columns, !rows.empty());
  for (const auto& row : rows) {
    for (size_t i = 0; i < columns && i < row.size(); ++i) {
      const auto kind = row[i].kind;
      if (kind != core::CellKind::kNumber && kind != core::CellKind::kLink && kind != core::CellKind::kEmpty) {
        numeric[i] = false;
      }
    }
  }
  return numeric;
}

std::string Table(const std::vector<core::Column>& columns, const std::vector<core::Row>& rows, size_t width) {
  std::vector<std::string> header;
  for (const auto& column : columns) header.push_back(column.label);
  TextTable table(std::move(header), NumericColumns(rows, columns.size()));
  for (const auto& row : rows) {
    std::vector<std::string> cells;
    for (size_t i = 0; i < columns.size() && i < row.size(); ++i) {
      cells.push_back(excel::DisplayText(row[i], columns[i].number_format));
    }
    table.AddRow(std::move(cells));
  }
  return table.Render(width);
}

}  // namespace

core::Result<std::string> RenderPreview(http::Client& http, core::Sleeper& sleeper, const odoo::Settings& odoo,
                                        const sync::ExportTask& original, const PreviewOptions& options) {
  XLSYNC_RETURN_IF_ERROR(ValidatePreview(original, options.rows));
  http::RetryCounters counters;
  auto side = sync::PrepareOdoo(http, sleeper, odoo, original, counters);
  if (!side) return std::move(side).error();
  const auto forecast = sync::ForecastOf(*side, original, odoo.url, options.budget);
  sync::ExportTask task = original;
  task.page_size = std::min(sync::FirstPageSize(task), options.rows);  // one small page is all a preview reads
  auto source = sync::MakeTaskSource(*side, task, odoo.url, 0);
  auto rows = FirstRows(*source, static_cast<size_t>(options.rows));
  if (!rows) return std::move(rows).error();

  std::string text = Table(source->columns(), *rows, options.width);
  text += "first " + FormatCount(static_cast<long long>(rows->size())) + " of " + FormatCount(side->count) +
          " records of " + task.model + " matching the filter\n";
  if (!forecast) return text;
  for (const auto& line : sync::DescribeForecast(*forecast)) text += line + "\n";
  if (auto fits = sync::CheckForecast(*forecast, {}, task.rollover || !task.burst_by.empty()); !fits) {
    text += "forecast: an export would be refused: " + fits.error().message + "\n";
  }
  return text;
}

size_t TerminalWidth(const EnvironmentLookup& env) {
  const auto columns = env("COLUMNS");
  if (!columns) return kDefaultWidth;
  char* end = nullptr;
  const long width = std::strtol(columns->c_str(), &end, 10);
  if (end == columns->c_str() || *end != '\0' || width < 20 || width > 10'000) return kDefaultWidth;
  return static_cast<size_t>(width);
}

int RunPreview(const CommonOptions& common, const TaskFlags& flags, int rows) {
  auto task = BuildTask(flags);
  if (!task) {
    PrintError(task.error());
    return kExitUsage;
  }
  if (auto valid = ValidatePreview(*task, rows); !valid) {
    PrintError(valid.error());
    return kExitUsage;
  }
  const auto env = ProcessEnvironment();
  auto connections = LoadConnections(FindConfigFile(common.config_file, env), env);
  if (!connections) {
    PrintError(connections.error());
    return kExitUsage;
  }
  RunContext context;
  PreviewOptions options;
  options.rows = rows;
  options.width = TerminalWidth(env);
  auto text = RenderPreview(context.http(), context.sleeper(), connections->odoo, *task, options);
  if (!text) {
    PrintError(text.error());
    return kExitFailed;
  }
  std::fputs(text->c_str(), stdout);
  return kExitOk;
}

}  // namespace xlsync::cli
